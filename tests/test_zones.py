"""find_zones: the example corpus of tests/corpus/zones/zones.toml (one test per text), its
agreement with the zones find_times keeps after a clock time, properties of offsets in
figures, and bad input."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from corpus_loader import CORPUS_DIR, split_brackets
from timeline import ZoneMention
from timeline.temporal.zones import check, data, offset_delta, zone_table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CORPUS = CORPUS_DIR / "zones" / "zones.toml"


@attrs.frozen
class ZoneCase:
    text: str
    span: tuple[int, int] | None  # None: a text that names no zone
    name: str | None
    offset: timedelta | None
    published: date | None


def _none_or(value: Any, read: Any) -> Any:
    return None if value == "none" else read(value)


def load_zone_corpus(path: Path = CORPUS) -> list[ZoneCase]:
    """The cases of the zone corpus; raises ValueError on an unknown key or a bad bracket."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if set(data) - {"published", "expect", "none"}:
        raise ValueError(f"unknown top-level keys {sorted(set(data))}")
    cases = []
    for group in data.get("expect", []):
        if set(group) != {"name", "offset", "texts"} | ({"published"} & set(group)):
            raise ValueError(f"an [[expect]] group needs name, offset and texts: {group}")
        published = _none_or(group.get("published", data["published"]), lambda d: d)
        for raw in group["texts"]:
            text, span = split_brackets(raw)
            if span == (0, len(text)):
                raise ValueError(f"{raw!r}: mark the zone with brackets")
            name = _none_or(group["name"], str)
            offset = _none_or(group["offset"], offset_delta)
            cases.append(ZoneCase(text, span, name, offset, published))
    for group in data.get("none", []):
        if set(group) - {"texts", "published"}:
            raise ValueError(f"unknown keys in [[none]]: {group}")
        published = _none_or(group.get("published", data["published"]), lambda d: d)
        cases += [ZoneCase(text, None, None, None, published) for text in group["texts"]]
    return cases


CASES = load_zone_corpus()


def test_the_corpus_covers_the_family() -> None:
    assert sum(case.span is not None for case in CASES) >= 40
    assert sum(case.span is None for case in CASES) >= 10
    assert len({(c.text, c.published) for c in CASES}) == len(CASES), "a text is listed twice"


@pytest.mark.parametrize("case", CASES, ids=[case.text[:60] for case in CASES])
def test_corpus(case: ZoneCase) -> None:
    found = timeline.find_zones(case.text, published=case.published)
    if case.span is None:
        assert found == []
        return
    start, end = case.span
    expected = ZoneMention(case.text[start:end], start, end, case.name, case.offset)
    assert found == [expected]


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.span], ids=[c.text[:60] for c in CASES if c.span]
)
def test_a_zone_in_a_time_has_the_offset_find_zones_gives_on_its_day(case: ZoneCase) -> None:
    """One source of truth: where find_times keeps a zone with a clock time, the interval's
    offset is the one find_zones gives that zone on the interval's day."""
    for t in timeline.find_times(case.text, published=case.published):
        if t.interval is None or not t.start <= case.span[0] < case.span[1] <= t.end:
            continue
        day = t.interval.start.date()
        [zone] = timeline.find_zones(case.text, published=day)
        assert t.interval.start.utcoffset() == zone.offset, t


@pytest.mark.parametrize("region", sorted(data()["regions"]))
def test_a_region_s_offsets_are_those_its_zone_kept(region: str) -> None:
    """A typo in zones.toml shows: the offsets the region's IANA zone kept in January and
    July 2020 are among its standard and daylight offsets."""
    entry = data()["regions"][region]
    kept = {
        datetime(2020, month, 15, 12, tzinfo=ZoneInfo(entry["zone"])).utcoffset()
        for month in (1, 7)
    }
    assert kept <= {offset_delta(entry[kind]) for kind in ("standard", "daylight") if kind in entry}


_X = {"names": ["x"], "zone": "UTC", "standard": "+01:00"}


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({"regions": {"x": {**_X, "abbrevs": {}}}}, "keys"),
        ({"regions": {"x": {"names": ["x"], "zone": "UTC"}}}, "keys"),
        ({"regions": {"x": {**_X, "standard": "1:00"}}}, "no offset"),
        ({"regions": {"x": {**_X, "abbreviations": {"xdt": "daylight"}}}}, "no 'daylight' offset"),
        ({"names": {"x time": {"offset": "+15:00"}}}, "no offset"),
        ({"abbreviations": {"xt": {"ofset": "+01:00"}}}, "keys"),
    ],
)
def test_a_malformed_zone_table_is_refused(tables: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check(tables)


# --- properties ---------------------------------------------------------------------------


@settings(max_examples=200)
@given(
    base=st.sampled_from(["UTC", "GMT", "utc", "Gmt"]),
    sign=st.sampled_from(["+", "-", "\u2212"]),
    hours=st.integers(min_value=0, max_value=14),
    minutes=st.sampled_from([None, 0, 30, 45]),
    spaces=st.sampled_from(["", " "]),
)
def test_an_offset_in_figures_is_that_many_hours(
    base: str, sign: str, hours: int, minutes: int | None, spaces: str
) -> None:
    """ "UTC+N" and "GMT-N:MM" give the offset they write, whenever it lies in use (UTC-12
    to UTC+14), and no zone beyond that."""
    written = f"{base}{spaces}{sign}{spaces}{hours}" + (
        "" if minutes is None else f":{minutes:02d}"
    )
    text = f"The office works on {written} all year."
    offset = timedelta(hours=hours, minutes=minutes or 0) * (1 if sign == "+" else -1)
    found = timeline.find_zones(text)
    if timedelta(hours=-12) <= offset <= timedelta(hours=14):
        assert found == [ZoneMention(written, 20, 20 + len(written), None, offset)]
    else:
        assert found == []


def test_every_zone_of_the_table_is_found_on_its_words() -> None:
    """Longer zone words are never cut short by shorter ones they begin with ("west coast
    timezone", not "west"); an abbreviation counts in lower case at the end of a clause after
    "at", unless it counts only after a clock time."""
    clock_only = data()["context"]["clock_only"]
    wrong = {}
    for words, zone in zone_table().items():
        found = [z.text for z in timeline.find_zones(f"Book me a room at {words}.")]
        if zone.code and found != ([] if words in clock_only else [words]):
            wrong[words] = found
    assert not wrong


@settings(max_examples=200)
@given(
    words=st.sampled_from(sorted(k for k, z in zone_table().items() if z.form == "name")),
    upper=st.lists(st.booleans(), min_size=60, max_size=60),
)
def test_a_zone_name_is_the_same_zone_in_any_case(words: str, upper: list[bool]) -> None:
    """A zone's full name reads the same whatever its letters' case ("Pacific Daylight Time",
    "PACIFIC daylight TIME")."""
    written = "".join(c.upper() if upper[i % len(upper)] else c for i, c in enumerate(words))
    zone = zone_table()[words]
    found = timeline.find_zones(f"Book me a room at {written}.", published=date(2020, 1, 7))
    if zone.code:
        assert [(z.text, z.name) for z in found] == [(written, zone.name)]
        if zone.offset is not None:
            assert found[0].offset == offset_delta(zone.offset)
    else:
        assert found == []


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("aeiostuwcdkpmgnTUCGMSPEDK+-:0123456789 .,"), max_size=40))
def test_zones_are_found_in_order_and_within_the_text(text: str) -> None:
    found = timeline.find_zones(text)
    previous = 0
    for zone in found:
        assert text[zone.start : zone.end] == zone.text
        assert zone.start >= previous
        previous = zone.end
        assert zone.name is not None or zone.offset is not None


# --- bad input ----------------------------------------------------------------------------


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        timeline.find_zones(b"5 p.m. EST")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published must be a date"):
        timeline.find_zones("5 p.m. EST", published="2020-01-07")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="do not span"):
        ZoneMention("EST", 0, 4)


def test_an_offset_beyond_those_in_use_is_no_zone_and_the_clock_time_stays() -> None:
    assert timeline.find_zones("Set it to UTC-13 or Russia time zone 12.") == []
    [t] = timeline.find_times("It starts at 5 pm UTC-13.", published=date(2020, 1, 7))
    assert (t.text, t.value, t.interval.start) == (
        "5 pm UTC-13",
        "2020-01-07T17:00",
        datetime(2020, 1, 7, 17),
    )


def test_a_datetime_published_reads_the_offset_on_its_day() -> None:
    [zone] = timeline.find_zones("Trading follows New York time.", datetime(2020, 7, 1, 23, 30))
    assert zone.offset == timedelta(hours=-4)
