"""Times at and beyond the ends of the calendar, and huge numbers (issue 13, item 2).

``datetime`` holds the years 1 to 9999. An expression whose time, or whose anchor, lies
beyond them is kept without an interval; nothing raises but ``TypeError`` for wrong types.

The fuzz of ``find_times`` runs ``FUZZ_EXAMPLES`` examples (2,000 by default); set the
environment variable ``TIMELINE_FUZZ_EXAMPLES`` (e.g. to 50000) for the long run.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.temporal.words import lexicon
from timeline.temporal.zones import zone_table

LAST = datetime(9999, 12, 31, 23, 59)
FIRST = datetime(1, 1, 1)
PUBLISHED = date(2020, 1, 7)


def found(text: str, published) -> list[tuple[str, str, str | None]]:
    return [
        (t.text, t.value, t.interval and t.interval.timex)
        for t in timeline.find_times(text, published=published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9999-12-31", [("9999-12-31", "9999-12-31", None)]),
        ("The offer runs to new years eve 9999.", [("new years eve 9999", "9999-12-31", None)]),
        ("It happened 999999 days ago.", [("999999 days ago", "XXXX-XX-XX", None)]),
        (
            "It happened 99999999999999999999 years ago.",
            [("99999999999999999999 years ago", "XXXX", None)],
        ),
        (
            "It ends in 99999999999999999999 years.",
            [("99999999999999999999 years", "P99999999999999999999Y", None)],
        ),
    ],
)
def test_times_beyond_the_calendar_have_no_interval(text: str, expected) -> None:
    assert found(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        (LAST, "yesterday", [("yesterday", "9999-12-30", "9999-12-30")]),
        (LAST, "tomorrow", [("tomorrow", "XXXX-XX-XX", None)]),
        (LAST, "He left on Saturday.", [("Saturday", "9999-12-25", "9999-12-25")]),
        (LAST, "10:30", [("10:30", "XXXX-XX-XXT10:30", None)]),
        (FIRST, "yesterday", [("yesterday", "XXXX-XX-XX", None)]),
        (FIRST, "tomorrow", [("tomorrow", "0001-01-02", "0001-01-02")]),
        (FIRST, "He left on Saturday.", [("Saturday", "XXXX-WXX-6", None)]),
        (FIRST, "10:30", [("10:30", "0001-01-01T10:30", "0001-01-01T10:30")]),
        (date(9999, 12, 31), "last year", [("last year", "9998", "9998")]),
        (date(9999, 12, 31), "upcoming Friday", [("upcoming Friday", "XXXX-WXX-5", None)]),
        (date(9999, 12, 31), "last Friday", [("last Friday", "9999-12-24", "9999-12-24")]),
        (date(1, 1, 1), "last year", [("last year", "XXXX", None)]),
    ],
)
def test_publication_at_the_ends_of_the_calendar(published, text: str, expected) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("published", [LAST, FIRST, date(9999, 12, 31), date(1, 1, 1)])
def test_an_article_at_the_ends_of_the_calendar_builds(published) -> None:
    pytest.importorskip("spacy")
    text = (
        "He resigned yesterday. She arrives tomorrow, on Saturday at 10:30. "
        "The deadline is 9999-12-31; 999999 days ago nobody knew."
    )
    built = timeline.build([timeline.Article(text, published, "a")])
    assert len(built) >= 1


def test_resolve_returns_none_for_a_date_that_does_not_exist() -> None:
    assert timeline.resolve("February 29, 2021", published=PUBLISHED) is None
    assert timeline.resolve("February 29, 2020", published=PUBLISHED).timex == "2020-02-29"


def test_resolve_returns_none_beyond_the_calendar() -> None:
    assert timeline.resolve("9999-12-31", published=PUBLISHED) is None
    assert timeline.resolve("tomorrow", published=LAST) is None


def test_a_figure_too_long_to_count_anything_is_no_time() -> None:
    assert found("1" * 31 + " years ago", PUBLISHED) == []
    assert found("1" * 5000 + " days ago", PUBLISHED) == []


# --- fuzz ------------------------------------------------------------------------------------

FUZZ_EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "2000"))


def _words() -> list[str]:
    lex = lexicon()
    tables = (
        "months", "weekdays", "numbers", "ordinals", "units", "parts_of_day", "seasons",
        "day_words", "shifts", "anaphoric_shifts", "directions", "quantifiers", "references",
        "frequencies", "holidays.fixed", "holidays.easter", "holidays.nth_weekday",
        "positions", "decades", "spans", "clock_minutes",
    )  # fmt: skip
    words: set[str] = set()
    for table in tables:
        entries = lex
        for part in table.split("."):
            entries = entries[part]
        words.update(w for w in entries if isinstance(w, str))
    words.update(key for key, zone in zone_table().items() if zone.form == "abbreviation")
    words.update(("the", "of", "in", "at", "on", "from", "to", "and", "a.m.", "p.m.", "'s"))
    return sorted(words)


_EXTREME = (
    "0", "00", "9999", "10000", "99999", "999999", "2147483648", "9223372036854775808",
    "99999999999999999999", "1" * 40, "0000", "2400", "2359", "31", "32", "366",
)  # fmt: skip
_PUNCTUATION = ("-", "/", ":", ".", ",", "'", "\u2013", "~", "s")

tokens = st.one_of(
    st.sampled_from(_words()),
    st.sampled_from(_EXTREME),
    st.integers(min_value=0, max_value=10**6).map(str),
    st.sampled_from(_PUNCTUATION),
)
texts = st.lists(tokens, max_size=12).flatmap(
    lambda parts: st.lists(
        st.sampled_from(("", " ", " ", ", ")), min_size=len(parts), max_size=len(parts)
    ).map(lambda gaps: "".join(g + p for g, p in zip(gaps, parts, strict=True)))
)
edge_moments = st.sampled_from(
    (
        datetime.max,
        datetime.min,
        LAST,
        FIRST,
        datetime(9999, 12, 31),
        datetime(9999, 12, 25, 12),
        datetime(1, 1, 7),
        datetime(2020, 1, 7, 10, 30),
    )
)
publications = st.one_of(
    st.none(),
    st.sampled_from((date.max, date.min, date(9999, 12, 27), date(1, 1, 3), PUBLISHED)),
    edge_moments,
    edge_moments.map(lambda m: m.replace(tzinfo=timezone.utc)),
    edge_moments.map(lambda m: m.replace(tzinfo=timezone(timedelta(hours=-14)))),
    edge_moments.map(lambda m: m.replace(tzinfo=timezone(timedelta(hours=14)))),
    st.datetimes(),
)


@settings(
    max_examples=FUZZ_EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=texts, published=publications, ranges=st.booleans())
def test_find_times_never_raises(text: str, published, ranges: bool) -> None:
    for expression in timeline.find_times(text, published=published, ranges=ranges):
        assert text[expression.start : expression.end] == expression.text
        assert "e+" not in expression.value
        if expression.interval is not None:
            assert expression.interval.start < expression.interval.end
