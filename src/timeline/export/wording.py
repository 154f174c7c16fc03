"""An event's time in words, the same in every output: the command line's text, the Sphinx
directive's table, the HTML page and the TimelineJS cards; and whether its confidence is
worth showing (:func:`shows_confidence`).

:func:`describe_when` says when an event happened as a reader would: "8 Jan 2020,
evening", "January 2020", "autumn 1998", "1980s", "before 8 Jan 2020", "undated". Its words
are in ``lang/en/wording.toml``.

>>> from datetime import datetime
>>> from timeline import Event, EventMention, Interval
>>> m = EventMention("a1", 0, 5, "voted", "vote", 0)
>>> evening = Interval.from_timex("2020-01-08TEV")
>>> describe_when(Event("e", (m,), earliest=evening.start, latest=evening.end, when=evening))
'8 Jan 2020, evening'
>>> describe_when(Event("e", (m,), latest=datetime(2020, 1, 8)))
'before 8 Jan 2020'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from timeline.lang import words as language_words
from timeline.model import Event, Granularity, Interval

__all__ = [
    "describe_bounds",
    "describe_day",
    "describe_moment",
    "describe_when",
    "month_name",
    "shows_confidence",
    "words",
]


def words() -> Mapping[str, Any]:
    """The words of ``lang/en/wording.toml``.

    >>> words()["phrases"]["undated"]
    'undated'
    """
    return language_words("wording")


def shows_confidence(event: Event) -> bool:
    """Whether a listing shows ``event``'s confidence: only when it is below 1, something
    about it disagreeing (:attr:`~timeline.Event.confidence`); 1 tells a reader nothing.

    >>> from timeline import EventMention
    >>> m = EventMention("a1", 0, 5, "voted", "vote", 0)
    >>> shows_confidence(Event("e", (m,))), shows_confidence(Event("e", (m,), confidence=0.6))
    (False, True)
    """
    return event.confidence < 1.0


def describe_when(event: Event) -> str:
    """When ``event`` happened, in words: its ``when`` as the unit it was named at when its
    bounds are that unit, else its bounds (:func:`describe_bounds`), said to be presumed
    when they rest on a presumed day (:attr:`~timeline.Event.presumed`).

    >>> from timeline import EventMention
    >>> m = EventMention("a1", 0, 5, "voted", "vote", 0)
    >>> autumn = Interval.from_timex("1998-FA")
    >>> describe_when(Event("e", (m,), earliest=autumn.start, latest=autumn.end, when=autumn))
    'autumn 1998'
    >>> describe_when(Event("e", (m,)))
    'undated'
    >>> day = Interval.from_timex("2020-01-07")
    >>> describe_when(Event("e", (m,), earliest=day.start, latest=day.end, presumed=True))
    '7 Jan 2020, presumed'

    The lower bound the text told, which the presumed day narrowed
    (:attr:`~timeline.Event.told`), follows, its year left out where it is the event's: a
    reader cannot see it in the sources, whereas the upper one is mostly the publication.

    >>> told = (datetime(2020, 1, 2, 17), datetime(2020, 1, 9))
    >>> describe_when(
    ...     Event("e", (m,), earliest=day.start, latest=day.end, presumed=True, told=told)
    ... )
    '7 Jan 2020, presumed (after 2 Jan, 17:00)'
    """
    if not event.presumed:
        return _describe(event)
    phrases = words()["phrases"]
    presumed = phrases["presumed"].format(when=_describe(event))
    told = None if event.told is None else event.told[0]
    if told is None or told == event.earliest:
        return presumed
    after = phrases["told_after"].format(moment=_moment(told, event))
    return phrases["told"].format(when=presumed, told=after)


def _moment(moment: datetime, event: Event) -> str:
    """``moment`` as :func:`describe_moment` says it, without its year when it is the year
    ``event`` lies in."""
    at = event.earliest or event.latest
    day = describe_day(moment, year=at is None or moment.year != at.year)
    return day if _midnight(moment) else f"{day}, {_clock(moment)}"


def _describe(event: Event) -> str:
    """When ``event`` happened, in words, presumed or not."""
    earliest, latest, interval = event.earliest, event.latest, event.when
    if earliest is None and latest is None and interval is not None:
        earliest, latest = interval.start, interval.end
    if interval is not None and (interval.start, interval.end) == (earliest, latest):
        named = _named(interval)
        if named is not None:
            return named
    return describe_bounds(earliest, latest)


def _named(interval: Interval) -> str | None:
    """The unit ``interval`` is, in words, for the units that bounds alone do not say."""
    phrases, g = words()["phrases"], Granularity
    start, timex, year = interval.start, interval.timex, interval.start.year
    if interval.granularity is g.PART_OF_DAY:
        return f"{describe_day(start)}, {words()['parts_of_day'][timex[-2:]]}"
    if interval.granularity is g.SEASON:
        return words()["seasons"][timex[-2:]].format(year=timex[:4])
    if interval.granularity is g.QUARTER:
        return phrases["quarter"].format(n=timex[-1], year=year)
    if interval.granularity is g.HALF_YEAR:
        return phrases["half_year"][int(timex[-1]) - 1].format(year=year)
    if interval.granularity in (g.WEEK, g.WEEKEND):
        key = "week" if interval.granularity is g.WEEK else "weekend"
        return phrases[key].format(day=describe_day(start))
    if interval.granularity is g.CENTURY:
        return phrases["century"].format(start=year, end=year + 99)
    return None


def describe_bounds(earliest: datetime | None, latest: datetime | None) -> str:
    """The span ``[earliest, latest)`` in words (``None`` where unbounded).

    >>> describe_bounds(datetime(2020, 1, 5), datetime(2020, 1, 6))
    '5 Jan 2020'
    >>> describe_bounds(datetime(1980, 1, 1), datetime(1990, 1, 1))
    '1980s'
    >>> describe_bounds(datetime(2020, 1, 2, 17), None)
    '2 Jan 2020, 17:00 or later'
    """
    phrases = words()["phrases"]
    if earliest is None and latest is None:
        return phrases["undated"]
    if earliest is None:
        return phrases["before"].format(moment=describe_moment(latest))
    if latest is None:
        return phrases["after"].format(moment=describe_moment(earliest))
    return _range(earliest, latest)


def month_name(month: int, *, full: bool = False) -> str:
    """The month's name: ``"Jan"``, or with ``full`` ``"January"``."""
    return words()["full_months" if full else "months"][month - 1]


def describe_day(day: date, *, year: bool = True, month: bool = True) -> str:
    """``day`` as "5 Jan 2020" (without its year or month when told).

    >>> describe_day(date(2020, 1, 5)), describe_day(date(2020, 1, 5), year=False)
    ('5 Jan 2020', '5 Jan')
    """
    text = str(day.day)
    if month:
        text += " " + month_name(day.month)
    return f"{text} {day.year}" if year else text


def _midnight(moment: datetime) -> bool:
    return moment.time() == datetime.min.time()


def _clock(moment: datetime) -> str:
    text = moment.strftime("%H:%M:%S" if moment.second else "%H:%M")
    if moment.tzinfo is None:
        return text
    utc = words()["phrases"]["utc"]
    offset = moment.isoformat()[-6:]
    return f"{text} {utc}" if offset == "+00:00" else f"{text} {utc}{offset}"


def describe_moment(moment: datetime) -> str:
    return (
        describe_day(moment) if _midnight(moment) else f"{describe_day(moment)}, {_clock(moment)}"
    )


def _between(start: str, end: str) -> str:
    return words()["phrases"]["range"].format(start=start, end=end)


def _range(start: datetime, end: datetime) -> str:
    """``[start, end)`` in words: "5 Jan 2020", "February 2020", "2010s"."""
    if not (_midnight(start) and _midnight(end)):
        if start.date() == end.date():
            return _between(f"{describe_day(start)}, {_clock(start)}", _clock(end))
        return _between(describe_moment(start), describe_moment(end))
    last = end - timedelta(days=1)
    if start.day == end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        if start.month == 1 and months % 12 == 0:
            if months == 12:
                return str(start.year)
            if months == 120 and start.year % 10 == 0:
                return words()["phrases"]["decade"].format(year=start.year)
            return _between(str(start.year), str(last.year))
        first, final = month_name(start.month, full=True), month_name(last.month, full=True)
        if months == 1:
            return f"{first} {start.year}"
        if start.year == last.year:
            return _between(first, f"{final} {start.year}")
        return _between(f"{first} {start.year}", f"{final} {last.year}")
    if last.date() == start.date():
        return describe_day(start)
    same_year = start.year == last.year
    same_month = same_year and start.month == last.month
    return _between(
        describe_day(start, year=not same_year, month=not same_month), describe_day(last)
    )
