"""Property-based tests of the temporal engine and TIMEX3 values (hypothesis).

No test depends on today's date or the network: every publication date is generated.

Invariants chosen where conventions differ (following the TempEval-3 gold, TBAQ-cleaned):

- "N days ago" is the day N days before publication; "N days later" the day N days after
  the narrative's last resolved time.
- "N weeks ago" is the ISO *week* containing the day 7N days before publication (gold: "six
  weeks ago" -> "1999-W47", "1998-W02"; only one "two weeks ago" is a day).
- "N months ago" is the calendar *month* N months before publication; "N years ago" the year.
- A bare weekday in a past clause is the most recent such day on or before publication
  (0-6 days back); in a future clause the next such day strictly after publication (1-7
  days ahead).
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta, timezone

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import timeline
from timeline import Granularity, Interval, TimeExpression
from timeline.examples import load_examples
from timeline.moments import instant
from timeline.nlp import load, parse_many
from timeline.pipeline import analyse
from timeline.temporal.timex3 import PARTS_OF_DAY, format_value, parse_value
from timeline.temporal.zones import zone_pattern

SETTINGS = settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
AP_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
)  # fmt: skip

published_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
counts = st.integers(min_value=1, max_value=400)
offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda quarters: timezone(timedelta(minutes=15 * quarters))
)
naive_datetimes = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31))
aware_datetimes = st.builds(lambda moment, tz: moment.replace(tzinfo=tz), naive_datetimes, offsets)
any_published = st.one_of(st.none(), published_dates, naive_datetimes, aware_datetimes)


@st.composite
def amounts(draw: st.DrawFn, unit: str) -> tuple[int, str]:
    """A count from 1 to 400 and how it is written: digits, or a word up to twenty."""
    n = draw(counts)
    words = n <= 20 and draw(st.booleans())
    amount = NUMBER_WORDS[n] if words else str(n)
    return n, f"{amount} {unit}" + ("" if n == 1 else "s")


def midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def day_interval(day: date) -> Interval:
    return Interval(midnight(day), midnight(day + timedelta(days=1)), Granularity.DAY)


def the_expression(text: str, published, phrase: str) -> TimeExpression:
    """The one expression find_times reports exactly at ``phrase`` in ``text``."""
    found = timeline.find_times(text, published=published)
    start = text.index(phrase)
    at = [e for e in found if (e.start, e.end) == (start, start + len(phrase))]
    assert at, f"{phrase!r} not found in {text!r} (published {published}); found {found}"
    return at[0]


# --- arithmetic of relative expressions -----------------------------------------------------


@SETTINGS
@given(published=published_dates, amount=amounts("day"))
def test_n_days_ago_is_the_day_n_days_before(published: date, amount: tuple[int, str]) -> None:
    n, phrase = amount
    expected = day_interval(published - timedelta(days=n))
    assert timeline.resolve(f"{phrase} ago", published=published) == expected
    found = the_expression(f"The convoy was attacked {phrase} ago.", published, f"{phrase} ago")
    assert (found.type, found.value, found.interval) == ("DATE", expected.timex, expected)


@SETTINGS
@given(
    anchor=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    amount=amounts("day"),
    delay=st.integers(min_value=0, max_value=60),
)
def test_n_days_later_counts_from_the_narrative(
    anchor: date, amount: tuple[int, str], delay: int
) -> None:
    n, phrase = amount
    published = anchor + timedelta(days=n + delay)
    text = (
        f"Talks began on {MONTHS[anchor.month - 1]} {anchor.day}, {anchor.year}. "
        f"They collapsed {phrase} later."
    )
    found = the_expression(text, published, f"{phrase} later")
    expected = day_interval(anchor + timedelta(days=n))
    assert (found.type, found.value, found.interval) == ("DATE", expected.timex, expected)


@SETTINGS
@given(published=published_dates, amount=amounts("week"))
def test_n_weeks_ago_is_the_week_of_the_day_7n_days_before(
    published: date, amount: tuple[int, str]
) -> None:
    n, phrase = amount
    day = published - timedelta(weeks=n)
    monday = day - timedelta(days=day.weekday())
    expected = Interval(midnight(monday), midnight(monday + timedelta(days=7)), Granularity.WEEK)
    assert timeline.resolve(f"{phrase} ago", published=published) == expected
    iso_year, week, _ = day.isocalendar()
    assert expected.timex == f"{iso_year:04d}-W{week:02d}"


@SETTINGS
@given(published=published_dates, amount=amounts("month"))
def test_n_months_ago_is_the_calendar_month_n_months_before(
    published: date, amount: tuple[int, str]
) -> None:
    n, phrase = amount
    first = published.replace(day=1) - relativedelta(months=n)
    expected = Interval(
        midnight(first), midnight(first + relativedelta(months=1)), Granularity.MONTH
    )
    result = timeline.resolve(f"{phrase} ago", published=published)
    assert result == expected
    assert result.timex == f"{first.year:04d}-{first.month:02d}"


@SETTINGS
@given(published=published_dates, amount=amounts("year"))
def test_n_years_ago_is_the_year_n_years_before(published: date, amount: tuple[int, str]) -> None:
    n, phrase = amount
    year = published.year - n
    expected = Interval(datetime(year, 1, 1), datetime(year + 1, 1, 1), Granularity.YEAR)
    assert timeline.resolve(f"{phrase} ago", published=published) == expected


# --- tense ------------------------------------------------------------------------------------


PAST_CLAUSES = (
    "The minister met the delegation on {day}.",
    "Iraq's parliament voted on {day} to expel foreign troops.",
    "The Pentagon said {day} that no decision had been made.",
    "On {day}, protesters had gathered outside the embassy.",
)
FUTURE_CLAUSES = (
    "The minister will meet the delegation on {day}.",
    "The vote is scheduled to take place on {day}.",
    "The envoy is expected to arrive in Baghdad on {day}.",
    "Parliament plans to debate the bill on {day}.",
)


@SETTINGS
@given(
    published=published_dates,
    weekday=st.sampled_from(range(7)),
    clause=st.sampled_from(
        [(t, "past") for t in PAST_CLAUSES] + [(t, "future") for t in FUTURE_CLAUSES]
    ),
)
def test_a_weekday_takes_the_occurrence_its_clause_tense_points_to(
    published: date, weekday: int, clause: tuple[str, str]
) -> None:
    """Past: within the six days before publication or on it; future: on the publication day
    (wire copy names it by its weekday) or within the six days after it."""
    template, tense = clause
    name = WEEKDAYS[weekday]
    found = the_expression(template.format(day=name), published, name)
    assert found.interval is not None, found
    day = found.interval.start.date()
    assert day.weekday() == weekday
    if tense == "past":
        assert published - timedelta(days=6) <= day <= published
    else:
        assert published <= day <= published + timedelta(days=6)
    assert (found.type, found.value, found.interval) == ("DATE", day.isoformat(), day_interval(day))


# --- absolute dates resolve to themselves, whatever the publication date ----------------------


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[date, str]:
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    style = draw(st.integers(min_value=0, max_value=5))
    text = (
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{AP_MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        day.isoformat(),
        f"{day.month}/{day.day}/{day.year}",
        f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}",
    )[style]
    return day, text


@SETTINGS
@given(written=written_dates(), published=any_published)
def test_a_full_date_names_its_day_whatever_the_publication_date(
    written: tuple[date, str], published
) -> None:
    day, phrase = written
    found = the_expression(f"The accord was signed on {phrase}, officials said.", published, phrase)
    assert (found.type, found.value) == ("DATE", day.isoformat())
    assert found.interval is not None
    assert (found.interval.start.replace(tzinfo=None), found.interval.granularity) == (
        midnight(day),
        Granularity.DAY,
    )


# --- every expression found is well-formed ----------------------------------------------------

PHRASES = (
    "two days ago", "on Sunday", "last week", "January 2", "Jan. 2, 2020", "in March",
    "the 1990s", "this morning", "at 3 p.m.", "early January", "mid-December",
    "late last year", "the following day", "three weeks later", "next year",
    "the third quarter", "summer 2019", "at Christmas", "every Sunday", "for three days",
    "yesterday afternoon", "over the weekend", "recently", "now", "in fiscal 2019",
    "on 12/30/2019", "on 2019-12-30", "at midnight", "at noon Thursday",
    "by the end of the month", "a year ago", "the past three months", "daily",
    "on the evening of January 2", "in the 20th century", "last summer", "on Easter Sunday",
    "tonight", "two years later", "earlier this month", "in recent days", "the next day",
)  # fmt: skip
SUBJECTS = ("The minister", "Protesters", "Iraq's parliament", "The company", "Officials")
VERBS = ("met", "will meet", "voted", "is expected to vote", "said", "had gathered", "plans to act")

sentences = st.builds(
    lambda subject, verb, phrase: f"{subject} {verb} {phrase}.",
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(PHRASES),
)
news_texts = st.lists(sentences, min_size=1, max_size=6).map(" ".join)


def names_a_zone(text: str) -> bool:
    """Whether ``text`` holds a zone of zones.toml as a word, or an offset from UTC."""
    return re.search(rf"(?<![a-z])(?:{zone_pattern()})(?![a-z])", text, re.I) is not None


def assert_well_formed(text: str, published, found: list[TimeExpression]) -> None:
    assert isinstance(found, list)
    by_start = {e.start: e for e in found}
    anchors = {
        id(e): by_start.get(e.anchor.start)
        for e in found
        if e.anchor is not None and e.anchor.kind == "narrative"
    }

    def zone_named(expression: TimeExpression | None) -> bool:
        seen = set()
        while expression is not None and id(expression) not in seen:
            if names_a_zone(expression.text):
                return True
            seen.add(id(expression))
            expression = anchors.get(id(expression))
        return False

    previous_end = 0
    for expression in found:
        assert isinstance(expression, TimeExpression)
        assert 0 <= expression.start < expression.end <= len(text)
        assert text[expression.start : expression.end] == expression.text
        assert expression.start >= previous_end, f"overlapping or unsorted: {found}"
        previous_end = expression.end
        interval = expression.interval
        if interval is None:
            continue
        assert interval.end > interval.start
        aware = isinstance(published, datetime) and published.tzinfo is not None
        if interval.start.utcoffset() != (published.utcoffset() if aware else None):
            # a zone of its own only where the expression names one ("15:30 GMT"), or a
            # time told before it that it is read from ("15:30 GMT ... by 16:00")
            assert interval.start.tzinfo is not None and zone_named(expression), expression
        if expression.type not in ("DATE", "TIME") or expression.value.endswith("_REF"):
            continue
        unit = Interval.from_timex(expression.value, tz=interval.start.tzinfo)
        assert unit is not None, f"{expression.value!r} names no span, yet has {interval}"
        if expression.mod is None:
            assert interval == unit, f"{expression.text!r}: {interval} is not {unit}"
        elif expression.mod in ("START", "MID", "END"):
            assert unit.start <= interval.start < interval.end <= unit.end, expression


@SETTINGS
@given(text=news_texts, published=any_published)
def test_resolved_intervals_are_well_formed_and_match_their_values(text: str, published) -> None:
    found = timeline.find_times(text, published=published)
    assert found, f"nothing found in {text!r}"
    assert_well_formed(text, published, found)


@SETTINGS
@given(text=st.text(max_size=300), published=any_published)
def test_arbitrary_text_never_raises_and_offsets_hold(text: str, published) -> None:
    assert_well_formed(text, published, timeline.find_times(text, published=published))


TOKENS = (
    "Jan.", "January", "2", "2nd", "2020", "1990s", "'90s", "last", "next", "this", "the",
    "following", "day", "days", "week", "weeks", "ago", "later", "earlier", "on", "in", "at",
    "of", "Sunday", "Friday", "night", "morning", "p.m.", "a.m.", "3", "15:30", "GMT", "-",
    "/", ":", ",", ".", "'", "(", ")", "may", "March", "May", "Q3", "quarter", "fiscal",
    "every", "each", "mid-", "early", "late", "Christmas", "Easter", "12/30/2019", "2-1",
    "24-hour", "1/2", "0", "99", "31", "February", "30", "noon", "midnight", "tonight",
)  # fmt: skip
token_soup = st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join)


@SETTINGS
@given(text=token_soup, published=any_published)
def test_date_like_noise_never_raises_and_offsets_hold(text: str, published) -> None:
    assert_well_formed(text, published, timeline.find_times(text, published=published))


# --- naive and aware publication datetimes ----------------------------------------------------

MIXED = (
    "Two days ago, militias attacked the base. The minister spoke on Sunday at 3 p.m. "
    "Last week the talks failed; they will resume next month. The embassy was stormed on "
    "Dec. 31, 2019, and this morning the guards were doubled."
)


@SETTINGS
@given(published=naive_datetimes, tz=offsets)
def test_naive_and_aware_publication_datetimes_agree(published: datetime, tz: timezone) -> None:
    naive = timeline.find_times(MIXED, published=published)
    aware = timeline.find_times(MIXED, published=published.replace(tzinfo=tz))
    day = timeline.find_times(MIXED, published=published.date())
    assert len(naive) >= 5
    assert_well_formed(MIXED, published, naive)
    assert_well_formed(MIXED, published.replace(tzinfo=tz), aware)
    assert_well_formed(MIXED, published.date(), day)
    assert [(e.start, e.end, e.value) for e in aware] == [(e.start, e.end, e.value) for e in naive]
    for n, a in zip(naive, aware, strict=True):
        if n.interval is None:
            assert a.interval is None
            continue
        assert a.interval.start.tzinfo is not None and a.interval.start.utcoffset() == tz.utcoffset(
            None
        )
        assert (a.interval.start.replace(tzinfo=None), a.interval.end.replace(tzinfo=None)) == (
            n.interval.start,
            n.interval.end,
        )
    assert [e.value for e in day] == [e.value for e in naive]


# --- TIMEX3 values round-trip ------------------------------------------------------------------

_MAIN_PARTS = {"MO": 5, "AF": 12, "EV": 17, "NI": 21}  # DT overlaps MO and AF; tested apart


def unit_start(moment: datetime, granularity: Granularity) -> datetime:
    """Where the unit of ``granularity`` that contains ``moment`` begins (an independent oracle)."""
    g = Granularity
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if granularity is g.SECOND:
        return moment.replace(microsecond=0)
    if granularity is g.MINUTE:
        return moment.replace(second=0, microsecond=0)
    if granularity is g.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    if granularity is g.PART_OF_DAY:
        if moment.hour < 5:
            return (day - timedelta(days=1)).replace(hour=21)
        hour = max(h for h in _MAIN_PARTS.values() if h <= moment.hour)
        return day.replace(hour=hour)
    if granularity is g.DAY:
        return day
    if granularity is g.WEEK:
        return day - timedelta(days=moment.weekday())
    if granularity is g.WEEKEND:
        return day - timedelta(days=moment.weekday() - 5)
    if granularity is g.MONTH:
        return day.replace(day=1)
    if granularity is g.SEASON:
        if moment.month < 3:
            return datetime(moment.year - 1, 12, 1)
        return datetime(moment.year, moment.month - (moment.month % 3), 1)
    if granularity is g.QUARTER:
        return datetime(moment.year, moment.month - (moment.month - 1) % 3, 1)
    if granularity is g.HALF_YEAR:
        return datetime(moment.year, 1 if moment.month <= 6 else 7, 1)
    if granularity is g.YEAR:
        return datetime(moment.year, 1, 1)
    if granularity is g.DECADE:
        return datetime(moment.year // 10 * 10, 1, 1)
    return datetime(moment.year // 100 * 100, 1, 1)


# Up to 9899: the century holding a moment must end by year 9999, the last a datetime holds
# (beyond it parse_value raises ValueError). From 1001: the first millennium's centuries
# and decades have values ("00", "000") that name year 0, which has no datetime.
moments = st.datetimes(min_value=datetime(1001, 1, 1), max_value=datetime(9899, 12, 31))


@settings(max_examples=300)
@given(moment=moments, granularity=st.sampled_from(list(Granularity)))
def test_timex_round_trip_gives_the_unit_containing_the_moment(
    moment: datetime, granularity: Granularity
) -> None:
    if granularity is Granularity.WEEKEND:
        assume(moment.weekday() >= 5)
    start = unit_start(moment, granularity)
    value = format_value(start, granularity)
    parsed = parse_value(value)
    assert parsed is not None, value
    begin, end, parsed_granularity = parsed
    assert (begin, parsed_granularity) == (start, granularity), value
    # the small hours lie in no part of the day: theirs is the night before, ended at midnight
    small_hours = granularity is Granularity.PART_OF_DAY and moment.hour < 5
    assert begin <= moment < end or (small_hours and end <= moment), value
    assert format_value(begin, granularity) == value
    interval = Interval(begin, end, granularity)
    assert Interval.from_timex(interval.timex) == interval
    tz = timezone(timedelta(hours=3))
    assert Interval.from_timex(value, tz=tz) == Interval(
        begin.replace(tzinfo=tz), end.replace(tzinfo=tz), granularity
    )


@pytest.mark.parametrize("code", sorted(PARTS_OF_DAY))
@settings(max_examples=50)
@given(day=st.dates(min_value=date(1001, 1, 1), max_value=date(9998, 12, 31)))
def test_every_part_of_day_round_trips(code: str, day: date) -> None:
    hour, length = PARTS_OF_DAY[code]
    start = midnight(day).replace(hour=hour)
    value = format_value(start, Granularity.PART_OF_DAY)
    assert value == f"{day.isoformat()}T{code}"
    assert parse_value(value) == (start, start + timedelta(hours=length), Granularity.PART_OF_DAY)


# --- event bounds whatever the publication time -----------------------------------------------

NEWS = (
    "Officials have no trip planned. According to police, the fire spread to three houses. "
    "The minister resigned on Sunday, officials said, and the talks will resume next week."
)


@functools.cache
def _parsed() -> tuple[tuple[str, object], ...]:
    """NEWS and the bundled example articles' texts, each with its parse (parsed once: the
    publication date does not change the parse)."""
    texts = [NEWS, *(article.text for article in load_examples())]
    return tuple(zip(texts, parse_many(load(), texts), strict=True))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(published=st.one_of(any_published, published_dates.map(midnight)))
def test_event_bounds_are_well_formed_whatever_the_publication(published) -> None:
    """Whatever the publication (none, a date, a naive or aware datetime, a day's midnight),
    every article gives well-formed bounds, and what NEWS tells as done or to come is
    presumed on no day after its publication day (a plan may be presumed at the later time
    it names, as the examples' "to discuss ... next month")."""
    if isinstance(published, datetime):
        moment = instant(published)  # the presumed day may start then, not later
    elif published is not None:
        moment = midnight(published)
    for text, doc in _parsed():
        found = analyse(timeline.Article(text, published=published), doc=doc).mentions
        assert found
        for m in found:
            if m.earliest is not None and m.latest is not None:
                assert instant(m.earliest) <= instant(m.latest), m
            if m.presumed is not None:
                assert published is not None, m
                assert m.presumed.start < m.presumed.end, m
                if text == NEWS:
                    assert instant(m.presumed.start) <= moment, (m, published)
