"""Microsoft Recognizers-Text English date and time cases: timeline against dateparser.

Run from the project root::

    python benchmarks/recognizers.py [--misses FILE] [--no-peers]

Reads every parser file of ``../shared/data/recognizers-text`` (dates, date ranges, times,
time ranges, date-times, date-time ranges, durations, sets, holidays, time zones and the
merged parser). Each case has an ``Input``, a ``Context.ReferenceDateTime`` and the
expected ``Results``: the span as ``Start`` and ``Length`` (``Input[Start:Start + Length]``)
and a value: a ``Timex`` with a ``PastResolution`` / ``FutureResolution`` (the merged
parser lists ``values`` instead, one per reading; time zones give a UTC offset). Cases
without a reference time run with ``published=None``; a reference at midnight is passed as
a date. Cases expecting no result are not scored. Both systems see the same input, and this
script only formats it and scores what they return; timeline is called as
``find_times(Input, published=..., ranges=True)``, the way that suite joins ranges, and
``find_zones(Input, published=...)`` for the time zones (which TimeML does not annotate).

A case is **correct** when a found expression has the expected span and agrees with one of
the expected readings (the data gives both the past and the future reading of tense-less
inputs and Recognizers returns both, so either is accepted). Spans are compared without
their leading "in", "at", "on", "during", "within" and "the": TimeML leaves prepositions
outside an expression and keeps the article, Recognizers keeps "in the afternoon" whole
but gives "during the morning" as "morning". The **overlap** columns accept any expression
overlapping the expected span.

- ``date``: the interval starts on the expected day and lasts at most a day.
- ``daterange``: our half-open ``[start, end)`` has the same start day and the same end day,
  ``endDate`` read as exclusive ("this week" 2016-11-07..2016-11-14); for ranges between
  two named times whose ``Timex`` is a ``(start,end,duration)`` triple and whose span holds
  a range word (or "within" a length or "rest of" a unit, whose last day the data names:
  "within 5 days", "rest of the week" 2016-11-07..2016-11-13), the inclusive reading is
  accepted too: our end one day later, or, when the
  data's end is the first of a month (of a year), one month (year) later, the last named
  month or year included ("between 2015 and Feb 2018"), or, when the span names weeks
  and the data's end is a Monday, one week later, the last named week included ("from
  Week 31 to Week 35"). A triple whose duration in days is
  our interval's length also agrees ("rest of the month" 2016-11-07..2016-11-30, P24D: the
  data names the last day). Seasons, which have no resolution, compare TIMEX3 values (``SU``
  accepts ``2017-SU``).
- ``time``: the time of day our interval starts at, or without an interval the clock time
  our value names (``XXXX-XX-XXT08:40``), equals the expected time.
- ``timerange`` and ``datetimerange``: our interval starts and ends at the expected times
  (an end of ``23:59:59`` is read as the next midnight). Parts of the day compare TIMEX3
  values instead, as conventions for their hours differ (Recognizers' morning is 8 to 12):
  our value ends in the same part (``TMO``) and, for date-times, starts on the expected day.
- ``datetime``: our interval starts at the expected moment and lasts at most an hour;
  references (``FUTURE_REF``) compare values.
- ``duration``: the same length, months and years counted apart from the rest
  (``P0.5Y`` = ``P6M``, ``P1W3D`` = ``P10D``).
- ``set``: a SET whose value equals the ``Timex``, an unknown day (``XXXX-XX-XX``) and
  whole minutes dropped (``XXXX-XX-XXT15:00`` = ``T15``).
- ``timezone``: a zone of ``find_zones`` has the expected span (compared as above) and the
  expected UTC offset, or the zone is inside a time of ``find_times`` (TimeML keeps a day
  after the zone in the expression: "5 p.m. EST Nov. 9") whose interval carries that
  offset. Where the data gives no offset (``UtcOffsetMins`` -10000: "New York time", "UK
  time") any offset is accepted, none included for a zone of ``find_zones``; a known offset
  is never matched by none ("Madrid time" without a reference date).
- A ``Mod`` of ``before``/``until`` (``after``/``since``) asks for an open range: our mod
  is ``BEFORE`` or ``ON_OR_BEFORE`` (``AFTER`` or ``ON_OR_AFTER``) and our interval (the
  time named) starts or ends at the expected bound (the data puts the bound of "after
  1/1/2016" at its start and that of "after 2016" at its end). ``start``/``end``/``mid``
  accept the range as above or our value equal to the ``Timex`` with the same TIMEX3 mod
  (START, END, MID); ``less``/``more`` ask for ``LESS_THAN``/``MORE_THAN`` besides the
  value.

Cases whose ``NotSupported`` field names python (Recognizers' own Python port fails them)
are also reported apart ("python-supported").

The peer is dateparser's ``search_dates(Input, languages=["en"],
settings={"RELATIVE_BASE": reference})``; a found datetime at midnight stands for its day,
any other for its minute.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import dateparser_spans, print_table, shared_data

FILES = (
    "DateParser.json",
    "DatePeriodParser.json",
    "TimeParser.json",
    "TimePeriodParser.json",
    "DateTimeParser.json",
    "DateTimePeriodParser.json",
    "DurationParser.json",
    "SetParser.json",
    "HolidayParser.json",
    "TimeZoneParser.json",
    "MergedParser.json",
)
_RANGE_WORD = re.compile(
    r"\b(?:to|till|until|thru|through|and|within|rest)\b|[-\u2013]", re.IGNORECASE
)
_WEEKS = re.compile(r"\bweeks?\b", re.IGNORECASE)
_LEADING = re.compile(r"(?:(?:in|at|on|during|within|the)\s+)+", re.IGNORECASE)
_FUZZY = {"start": "START", "end": "END", "mid": "MID"}
_OPEN = {
    "before": ("BEFORE", "ON_OR_BEFORE"),
    "until": ("ON_OR_BEFORE", "BEFORE"),
    "after": ("AFTER", "ON_OR_AFTER"),
    "since": ("ON_OR_AFTER", "AFTER"),
}
_AMOUNT = {"less": "LESS_THAN", "more": "MORE_THAN"}
_PART = re.compile(r"T(MO|AF|EV|NI|DT)$")
_CLOCK = re.compile(r"T(\d\d)(?::(\d\d))?(?::(\d\d))?$")
_DURATION = re.compile(
    r"P(?:(?P<Y>[\d.]+)Y)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<h>[\d.]+)H)?(?:(?P<m>[\d.]+)M)?(?:(?P<s>[\d.]+)S)?)?$"
)


@dataclass(frozen=True)
class Case:
    """One expected result of one test case, with its acceptable readings."""

    file: str
    index: int
    input: str
    reference: datetime | None
    start: int
    end: int
    type: str
    timex: str
    mod: str | None
    readings: tuple[dict[str, Any], ...]
    python_supported: bool


@dataclass(frozen=True)
class Guess:
    """A found expression reduced to what is compared."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    interval: tuple[datetime, datetime] | None
    offset: timedelta | None = None  # of a zone (type ZONE)


# ---------------------------------------------------------------------------- loading


def _merged_reading(value: dict[str, Any]) -> dict[str, Any]:
    """A reading of the merged parser in the keys of the other files' resolutions."""
    kind = value["type"]
    keys = {
        "date": {"value": "date"},
        "time": {"value": "time"},
        "datetime": {"value": "dateTime"},
        "daterange": {"start": "startDate", "end": "endDate"},
        "timerange": {"start": "startTime", "end": "endTime"},
        "datetimerange": {"start": "startDateTime", "end": "endDateTime"},
        "duration": {"value": "duration"},
        "set": {"value": "set"},
    }[kind]
    reading = {ours: value[theirs] for theirs, ours in keys.items() if theirs in value}
    return {**reading, "timex": value["timex"]}


def load_cases() -> tuple[list[Case], int]:
    """All cases with an expected result, and how many cases expect none."""
    cases = []
    empty = 0
    for name in FILES:
        data = json.loads(shared_data("recognizers-text", name).read_text(encoding="utf-8"))
        for index, item in enumerate(data):
            if not item["Results"]:
                empty += 1
                continue
            reference = item.get("Context", {}).get("ReferenceDateTime")
            unsupported = item.get("NotSupported", "")
            for result in item["Results"]:
                value = result["Value"]
                kind = result["Type"].removeprefix("datetimeV2.")
                if "values" in value:
                    readings = tuple(_merged_reading(v) for v in value["values"])
                    timex = value["values"][0]["timex"]
                    mod = value["values"][0].get("Mod")
                elif "TimeZoneResolution" in value:
                    zone = {k.lower(): v for k, v in value["TimeZoneResolution"].items()}
                    timex, mod = zone["value"], None
                    readings = ({"offset": int(zone["utcoffsetmins"]), "timex": timex},)
                else:
                    timex = value.get("Timex") or value.get("timex")
                    mod = value.get("Mod")
                    readings = tuple(
                        {**r, "timex": timex}
                        for r in (value["PastResolution"], value["FutureResolution"])
                        if r
                    )
                cases.append(
                    Case(
                        file=name,
                        index=index,
                        input=item["Input"],
                        reference=_moment(reference[:19]) if reference else None,
                        start=result["Start"],
                        end=result["Start"] + result["Length"],
                        type=kind,
                        timex=timex,
                        mod=mod,
                        readings=readings,
                        python_supported="python" not in unsupported.lower(),
                    )
                )
    return cases, empty


def published(reference: datetime | None) -> date | datetime | None:
    """The reference as a date when it is midnight, else as the datetime it is."""
    if reference is None or reference.time() != time():
        return reference
    return reference.date()


# ---------------------------------------------------------------------------- judging


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace(" ", "T"))
    return moment + timedelta(seconds=1) if moment.time() == time(23, 59, 59) else moment


def _clock(text: str) -> time:
    return time(23, 59, 59) if text == "24:00:00" else time.fromisoformat(text)


def _end_clock(text: str) -> time:
    return time() if text == "23:59:59" else _clock(text)


def _value_clock(value: str) -> time | None:
    m = _CLOCK.search(value)
    return time(int(m[1]), int(m[2] or 0), int(m[3] or 0)) if m and int(m[1]) < 24 else None


def _length(value: str) -> tuple[float, float] | None:
    """A duration as (months, seconds): years and months kept apart from the rest."""
    m = _DURATION.match(value)
    if not m or value in ("P", "PT"):
        return None
    n = {k: float(v) for k, v in m.groupdict().items() if v}
    months = n.get("Y", 0) * 12 + n.get("M", 0)
    seconds = (
        (n.get("W", 0) * 7 + n.get("D", 0)) * 86400
        + n.get("h", 0) * 3600
        + n.get("m", 0) * 60
        + n.get("s", 0)
    )
    return round(months, 6), round(seconds, 3)


def _set_value(value: str) -> str:
    value = value.removeprefix("Set: ").removeprefix("XXXX-XX-XX")
    return re.sub(r"(T\d\d):00$", r"\1", value)


def _on_day(guess: Guess, day: date) -> bool:
    if guess.interval is None:
        return False
    start, end = guess.interval
    return start.date() == day and end - start <= timedelta(days=1)


def _agrees(case: Case, guess: Guess, r: dict[str, Any]) -> bool:
    """Whether ``guess`` agrees with one reading ``r`` of ``case``."""
    interval = guess.interval
    timex = r["timex"]
    if case.mod in _OPEN:
        if guess.mod not in _OPEN[case.mod] or interval is None:
            return False
        bound = next(r[k] for k in r if k != "timex")
        if ":" in bound and "-" in bound:
            return _moment(bound) in interval
        if ":" in bound:
            return _clock(bound) in (interval[0].time(), interval[1].time())
        return date.fromisoformat(bound) in (interval[0].date(), interval[1].date())
    if case.mod in _FUZZY and guess.value == timex and guess.mod == _FUZZY[case.mod]:
        return True
    if case.mod in _AMOUNT and guess.mod != _AMOUNT[case.mod]:
        return False
    if "offset" in r:
        if r["offset"] == -10000:
            return guess.type == "ZONE" or (interval is not None and interval[0].tzinfo is not None)
        offset = (
            guess.offset if guess.type == "ZONE" else interval[0].utcoffset() if interval else None
        )
        return offset == timedelta(minutes=r["offset"])
    if "set" in r:
        return guess.type == "SET" and _set_value(guess.value) == _set_value(timex)
    if "duration" in r:
        ours = _length(guess.value)
        return ours is not None and ours == _length(timex)
    if "date" in r:
        return _on_day(guess, date.fromisoformat(r["date"]))
    if "time" in r:
        expected = _clock(r["time"])
        if interval is not None:
            return interval[0].time() == expected and interval[1] - interval[0] <= timedelta(
                hours=1
            )
        return _value_clock(guess.value) == expected
    if "dateTime" in r:
        if not timex[:1].isdigit() and not timex.startswith("X"):
            return guess.value == timex
        return (
            interval is not None
            and interval[0] == _moment(r["dateTime"])
            and interval[1] - interval[0] <= timedelta(hours=1)
        )
    part = _PART.search(timex)
    if part and not timex.startswith("("):
        if not guess.value.endswith(part.group()):
            return False
        mod = _FUZZY.get(case.mod or "")
        day = r.get("startDateTime", "")[:10]
        on_day = not day or (interval is not None and interval[0].date().isoformat() == day)
        return on_day and guess.mod == mod
    if "startTime" in r or "endTime" in r:
        return (
            interval is not None
            and interval[0].time() == _clock(r["startTime"])
            and interval[1].time() == _end_clock(r["endTime"])
        )
    if "startDateTime" in r or "endDateTime" in r:
        return (
            interval is not None
            and interval[0] == _moment(r["startDateTime"])
            and interval[1] == _moment(r["endDateTime"])
        )
    if "startDate" in r and "endDate" in r:
        if interval is None or interval[0].date() != date.fromisoformat(r["startDate"]):
            return False
        expected_end = date.fromisoformat(r["endDate"])
        inclusive = timex.startswith("(") and bool(
            _RANGE_WORD.search(case.input[case.start : case.end])
        )
        weeks = _WEEKS.search(case.input[case.start : case.end]) is not None
        if interval[1].date() == expected_end or (
            inclusive and interval[1].date() in _inclusive_ends(expected_end, weeks)
        ):
            return True
        length = _length(timex.strip("()").split(",")[-1]) if timex.startswith("(") else None
        return length is not None and length == (0, (interval[1] - interval[0]).total_seconds())
    return False


def _inclusive_ends(end: date, weeks: bool = False) -> set[date]:
    """Where our end may lie when the data's ``end`` is the last named day, week (when
    ``weeks`` are named), month or year."""
    ends = {end + timedelta(days=1)}
    if weeks and end.isoweekday() == 1:
        ends.add(end + timedelta(weeks=1))
    if end.day == 1:
        ends.add(end.replace(year=end.year + end.month // 12, month=end.month % 12 + 1))
    if (end.month, end.day) == (1, 1):
        ends.add(end.replace(year=end.year + 1))
    return ends


def correct(case: Case, guess: Guess) -> bool:
    """Whether ``guess`` resolves as ``case`` expects (the span is checked elsewhere)."""
    if not case.readings:  # seasons: compare TIMEX3 values
        timex = case.timex
        return guess.value == timex or (
            not timex[:1].isdigit() and guess.value.endswith("-" + timex)
        )
    return any(_agrees(case, guess, r) for r in case.readings)


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without its leading prepositions and article, which the two annotations
    place differently (TimeML leaves "in"/"at"/"on" outside the expression and keeps "the";
    Recognizers keeps "in the afternoon" whole but gives "during the morning" as
    "morning")."""
    m = _LEADING.match(text, start, end)
    return (m.end() if m and m.end() < end else start), end


def judge(case: Case, guesses: Sequence[Guess]) -> tuple[bool, bool]:
    """(correct with the exact span, correct with an overlapping span)."""
    expected = _core(case.input, case.start, case.end)
    if case.type == "timezone":  # a zone, or a zone inside a time ("1:30 CST today")
        zones = [
            g for g in guesses if g.type == "ZONE" and _core(case.input, g.start, g.end) == expected
        ]
        times = [
            g for g in guesses if g.type != "ZONE" and g.start <= case.start <= case.end <= g.end
        ]
        exact = any(correct(case, g) for g in zones + times)
    else:
        guesses = [g for g in guesses if g.type != "ZONE"]
        exact = any(
            _core(case.input, g.start, g.end) == expected and correct(case, g) for g in guesses
        )
    overlap = exact or any(
        g.start < case.end and case.start < g.end and correct(case, g) for g in guesses
    )
    return exact, overlap


# ---------------------------------------------------------------------------- systems


def timeline_guesses(text: str, reference: datetime | None) -> list[Guess]:
    """timeline.find_times with ranges joined and timeline.find_zones, reduced to guesses."""
    import timeline

    guesses = []
    for t in timeline.find_times(text, published=published(reference), ranges=True):
        interval = (t.interval.start, t.interval.end) if t.interval is not None else None
        guesses.append(Guess(t.start, t.end, t.text, t.type, t.value, t.mod, interval))
    for z in timeline.find_zones(text, published=published(reference)):
        guesses.append(Guess(z.start, z.end, z.text, "ZONE", z.name or "", None, None, z.offset))
    return guesses


def dateparser_guesses(text: str, reference: datetime | None) -> list[Guess]:
    """dateparser's search_dates, located in the text: a day, or a minute if it has a time."""
    guesses = []
    for start, end, moment in dateparser_spans(text, reference):
        moment = moment.replace(tzinfo=None)
        if moment.time() == time():
            value = moment.date().isoformat()
            interval = (moment, moment + timedelta(days=1))
        else:
            value = moment.isoformat(timespec="minutes")
            interval = (moment, moment + timedelta(minutes=1))
        guesses.append(Guess(start, end, text[start:end], "DATE", value, None, interval))
    return guesses


Outcome = tuple[bool, bool, list[Guess], str]


def run(
    system: Callable[[str, datetime | None], list[Guess]], cases: Sequence[Case]
) -> list[Outcome]:
    """Judge one system on every case; an exception counts as finding nothing."""
    outcomes = []
    memo: dict[tuple[str, datetime | None], list[Guess] | str] = {}
    for case in cases:
        key = (case.input, case.reference)
        if key not in memo:
            try:
                memo[key] = system(case.input, case.reference)
            except Exception as error:  # scored as finding nothing
                memo[key] = f"{type(error).__name__}: {error}"
        found = memo[key]
        if isinstance(found, str):
            outcomes.append((False, False, [], found))
        else:
            exact, overlap = judge(case, found)
            outcomes.append((exact, overlap, found, ""))
    return outcomes


# ---------------------------------------------------------------------------- report


def _share(flags: Sequence[bool]) -> str:
    return f"{100 * sum(flags) / len(flags):.1f}" if flags else "-"


def main(argv: Sequence[str] | None = None) -> int:
    """Judge timeline and dateparser on the Recognizers-Text cases; print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=Path, help="write cases some system missed (TSV)")
    parser.add_argument("--no-peers", action="store_true", help="judge timeline only")
    args = parser.parse_args(argv)

    cases, empty = load_cases()
    print(
        f"Recognizers-Text: {len(cases)} expected results in {len(FILES)} files "
        f"({sum(c.python_supported for c in cases)} not marked NotSupported for python); "
        f"{empty} cases expecting no result not scored"
    )
    systems: dict[str, Callable[[str, datetime | None], list[Guess]]] = {
        "timeline": timeline_guesses
    }
    if not args.no_peers:
        systems["dateparser"] = dateparser_guesses
    outcomes: dict[str, list[Outcome]] = {}
    for name, system in systems.items():
        result = run(system, cases)
        failures = [o[3] for o in result if o[3]]
        if failures:
            print(f"{name}: {len(failures)} cases raised (judged wrong); first: {failures[0]}")
        outcomes[name] = result

    headers = ["group", "n"]
    for name in outcomes:
        headers += [f"{name} exact", f"{name} overlap"]

    def row(label: str, keep: Callable[[Case], bool]) -> list[str]:
        chosen = [i for i, c in enumerate(cases) if keep(c)]
        cells = [label, str(len(chosen))]
        for result in outcomes.values():
            cells += [
                _share([result[i][0] for i in chosen]),
                _share([result[i][1] for i in chosen]),
            ]
        return cells

    types = sorted({c.type for c in cases})
    rows: list[list[str] | None] = [
        row(name.removesuffix(".json"), lambda c, n=name: c.file == n) for name in FILES
    ]
    rows.append(None)
    rows += [row(kind, lambda c, k=kind: c.type == k) for kind in types]
    rows.append(None)
    rows.append(row("all", lambda c: True))
    rows.append(row("all, python-supported", lambda c: c.python_supported))
    print_table(
        headers,
        rows,
        title="Recognizers-Text, percent correct by file and by expected type "
        "(exact = expected span; overlap = any overlapping span)",
    )

    if args.misses and outcomes:
        _write_misses(args.misses, cases, outcomes)
    return 0


def _write_misses(path: Path, cases: Sequence[Case], outcomes: dict[str, list[Outcome]]) -> None:
    lines = [
        "\t".join(
            ["file", "index", "type", "supported", "input", "reference", "expected_text",
             "expected_timex", "expected_readings"]
            + [f"{name}_{field}" for name in outcomes for field in ("ok", "found")]
        )
    ]  # fmt: skip
    for i, case in enumerate(cases):
        if all(result[i][0] for result in outcomes.values()):
            continue
        cells = [
            case.file.removesuffix(".json"),
            str(case.index),
            case.type,
            "yes" if case.python_supported else "no",
            case.input,
            case.reference.isoformat() if case.reference else "",
            case.input[case.start : case.end],
            case.timex + (f" mod={case.mod}" if case.mod else ""),
            json.dumps([{k: v for k, v in r.items() if k != "timex"} for r in case.readings]),
        ]
        for result in outcomes.values():
            exact, overlap, found, error = result[i]
            status = "exact" if exact else "overlap" if overlap else "no"
            cells += [status, error or "; ".join(_describe(g) for g in found)]
        lines.append("\t".join(cell.replace("\t", " ") for cell in cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} missed cases to {path}")


def _describe(guess: Guess) -> str:
    span = ""
    if guess.interval is not None:
        span = f" [{guess.interval[0]:%Y-%m-%d %H:%M}, {guess.interval[1]:%Y-%m-%d %H:%M})"
    mod = f" mod={guess.mod}" if guess.mod else ""
    return f"{guess.text!r}@{guess.start} {guess.type} {guess.value}{mod}{span}"


if __name__ == "__main__":
    sys.exit(main())
