"""Ranges joined with ``ranges=True``: what the corpus cannot state as examples.

The examples themselves are in ``tests/corpus/ranges.toml``; here the invariants: an open
range's mod opens the bounds of the time it names, TimeML's default keeps the ends apart,
clock ranges run forward by less than a day, the tense of an open range is read around the
time's own words, lengths beyond the calendar give no date, and a sentence's tense cues read
once serve every expression in it as reading them again would.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.bounds import interval_bounds
from timeline.temporal.tense import Clauses, clause_tense

PUBLISHED = date(2020, 1, 7)


def test_open_range_opens_the_bounds_of_the_time_named() -> None:
    [since] = timeline.find_times("Prices rose since April.", PUBLISHED, ranges=True)
    assert (since.text, since.mod) == ("since April", "ON_OR_AFTER")
    assert interval_bounds(since) == (datetime(2019, 4, 1), None)
    [before] = timeline.find_times("It ended before 2015.", PUBLISHED, ranges=True)
    assert interval_bounds(before) == (None, datetime(2015, 1, 1))


def test_timeml_default_keeps_the_word_out_and_no_mod() -> None:
    [april] = timeline.find_times("Prices rose since April.", PUBLISHED)
    assert (april.text, april.value, april.mod) == ("April", "2019-04", None)
    found = timeline.find_times("Polls are open from 3 to 4 p.m.", PUBLISHED)
    assert [t.text for t in found] == ["4 p.m."]


def test_open_range_takes_the_tense_around_the_time_not_its_word() -> None:
    # "since" is itself a past cue; inside the extent it must still count for the month.
    [since] = timeline.find_times("Prices have risen since April.", PUBLISHED, ranges=True)
    assert since.value == "2019-04"
    [starting] = timeline.find_times("Fares rise starting April.", PUBLISHED, ranges=True)
    assert starting.value == "2020-04"


hours = st.integers(min_value=1, max_value=12)
marks = st.sampled_from(["am", "pm", "a.m.", "p.m."])


@given(first=hours, last=hours, mark=marks, which=st.booleans())
def test_clock_ranges_run_forward_by_less_than_a_day(
    first: int, last: int, mark: str, which: bool
) -> None:
    text = f"from {first} {mark} to {last}" if which else f"from {first} to {last} {mark}"
    [found] = timeline.find_times(text, PUBLISHED, ranges=True)
    assert found.type == "DURATION" and found.interval is not None
    length = found.interval.end - found.interval.start
    assert timedelta(0) < length < timedelta(days=1)
    assert found.interval.start.date() == PUBLISHED


@pytest.mark.parametrize(
    "text",
    [
        "the past 99999999999 years and 2 days",
        "99999999999 weeks starting March 2",
        "99999999999 hours from 10am",
        "1 month 99999999999 days ago",
    ],
)
def test_lengths_beyond_the_calendar_give_no_date(text: str) -> None:
    for expression in timeline.find_times(text, PUBLISHED, ranges=True):
        interval = expression.interval
        assert interval is None or interval.end - interval.start < timedelta(days=400)


def test_a_shared_clauses_reads_as_a_fresh_one_for_every_expression() -> None:
    text = (
        "The council met on Monday and said it would vote on Friday. Officials will meet "
        "again next week, on Tuesday morning, and then on June 4; they spoke in March."
    )
    shared = Clauses(text)
    found = timeline.find_times(text, PUBLISHED)
    tenses = [shared.tense(t.start, t.end) for t in reversed(found)][::-1]
    assert tenses == [clause_tense(text, t.start, t.end) for t in found]
    assert tenses[:2] == ["past", "future"]
