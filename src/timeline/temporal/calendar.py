"""Calendar arithmetic on units: the unit containing a moment, moving by whole units, holidays.

>>> from datetime import datetime
>>> floor(datetime(2020, 1, 7, 15), Granularity.WEEK)
datetime.datetime(2020, 1, 6, 0, 0)
>>> move(datetime(2020, 1, 6), Granularity.WEEK, -1)
datetime.datetime(2019, 12, 30, 0, 0)
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from timeline.temporal.timex3 import PARTS_OF_DAY, SEASONS, Granularity

G = Granularity

#: Unit designators of the lexicon (``"W"``, ``"Q"``) -> granularity.
UNIT_GRANULARITY = {
    "S": G.SECOND,
    "MIN": G.MINUTE,
    "H": G.HOUR,
    "D": G.DAY,
    "WE": G.WEEKEND,
    "W": G.WEEK,
    "M": G.MONTH,
    "Q": G.QUARTER,
    "Y": G.YEAR,
    "DE": G.DECADE,
    "CE": G.CENTURY,
}


def floor(moment: datetime, granularity: Granularity) -> datetime:
    """The start of the unit of ``granularity`` that contains ``moment``.

    For a weekend, the Saturday of the moment's ISO week; for a part of day, the part of
    day that contains the moment, and for the small hours, which no part holds, the night
    before them (the night they follow).
    """
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if granularity is G.SECOND:
        return moment.replace(microsecond=0)
    if granularity is G.MINUTE:
        return moment.replace(second=0, microsecond=0)
    if granularity is G.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    if granularity is G.PART_OF_DAY:
        return _part_containing(moment)
    if granularity is G.DAY:
        return day
    if granularity is G.WEEK:
        return day - timedelta(days=day.weekday())
    if granularity is G.WEEKEND:
        return day - timedelta(days=day.weekday()) + timedelta(days=5)
    if granularity is G.MONTH:
        return day.replace(day=1)
    if granularity is G.QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if granularity is G.HALF_YEAR:
        return day.replace(month=1 if day.month <= 6 else 7, day=1)
    if granularity is G.SEASON:
        months_in = (day.month - 3) % 12 % 3
        return day.replace(day=1) - relativedelta(months=months_in)
    if granularity is G.YEAR:
        return day.replace(month=1, day=1)
    if granularity is G.DECADE:
        return day.replace(year=day.year // 10 * 10, month=1, day=1)
    return day.replace(year=max(day.year // 100 * 100, 1), month=1, day=1)


def _part_containing(moment: datetime) -> datetime:
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    for code in ("MO", "AF", "EV", "NI"):
        hour, length = PARTS_OF_DAY[code]
        start = day + timedelta(hours=hour)
        if start <= moment < start + timedelta(hours=length):
            return start
    return day - timedelta(days=1) + timedelta(hours=PARTS_OF_DAY["NI"][0])


_STEPS: dict[Granularity, timedelta | relativedelta] = {
    G.SECOND: timedelta(seconds=1),
    G.MINUTE: timedelta(minutes=1),
    G.HOUR: timedelta(hours=1),
    G.PART_OF_DAY: timedelta(days=1),
    G.DAY: timedelta(days=1),
    G.WEEKEND: timedelta(days=7),
    G.WEEK: timedelta(days=7),
    G.MONTH: relativedelta(months=1),
    G.SEASON: relativedelta(years=1),
    G.QUARTER: relativedelta(months=3),
    G.HALF_YEAR: relativedelta(months=6),
    G.YEAR: relativedelta(years=1),
    G.DECADE: relativedelta(years=10),
    G.CENTURY: relativedelta(years=100),
}


def move(start: datetime, granularity: Granularity, units: int) -> datetime:
    """``start`` moved by a whole number of units of ``granularity``."""
    return start + _STEPS[granularity] * units


def season_start(year: int, code: str) -> datetime:
    """The first day of season ``code`` of ``year`` (winter of Y begins in December of Y-1)."""
    month = SEASONS[code]
    return datetime(year - 1 if month == 12 else year, month, 1)


def holiday(family: str, spec: object, year: int) -> date:
    """The date of a holiday of ``family`` (``fixed``, ``easter``, ``nth_weekday``, ``hijri``)
    in ``year``.

    ``spec`` is the lexicon's entry: ``[month, day]``, an offset from Easter Sunday in days,
    ``[nth, weekday, month]`` with ``nth = -1`` for the last such weekday, and an optional
    fourth number of days after it (Cyber Monday is 4 days after the 4th Thursday of
    November), or ``[month, day]`` of the Islamic calendar (its first such day in ``year``).

    >>> holiday("nth_weekday", [4, 4, 11], 2019)
    datetime.date(2019, 11, 28)
    >>> holiday("nth_weekday", [4, 4, 11, 4], 2019)
    datetime.date(2019, 12, 2)
    >>> holiday("easter", -2, 2020)
    datetime.date(2020, 4, 10)
    >>> holiday("hijri", [10, 1], 2022)
    datetime.date(2022, 5, 2)
    """
    if family == "fixed":
        month, day = spec  # type: ignore[misc]
        return date(year, month, day)
    if family == "easter":
        return easter(year) + timedelta(days=spec)  # type: ignore[operator]
    if family == "hijri":
        return _hijri_in(year, *spec)  # type: ignore[misc]
    nth, weekday, month, *after = spec  # type: ignore[misc]
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = date(year, month, 1) + relativedelta(months=1, days=-1)
        day = last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return day + timedelta(days=sum(after))


#: The day before 1 Muharram of year 1 AH in the tabular Islamic calendar (astronomical
#: epoch, 15 July 622 Julian), as a proleptic Gregorian ordinal.
_HIJRI_EPOCH = date(622, 7, 17).toordinal()


def _hijri(year: int, month: int, day: int) -> date:
    """A day of the tabular (arithmetic) Islamic calendar: 30-year cycles of 11 leap years,
    months of 30 and 29 days in turn. The observed calendar, set by sighting the new moon,
    can fall a day either side of it."""
    days_before_month = -(-59 * (month - 1) // 2)
    days_before_year = (year - 1) * 354 + (3 + 11 * year) // 30
    return date.fromordinal(_HIJRI_EPOCH + days_before_year + days_before_month + day)


def _hijri_in(year: int, month: int, day: int) -> date:
    """The first day of ``year`` (Gregorian) that is ``day`` of ``month`` in the Islamic
    calendar; its years being shorter, one Gregorian year can hold two such days."""
    estimate = round((year - 622) * 33 / 32)
    for hijri_year in (estimate - 1, estimate, estimate + 1, estimate + 2):
        found = _hijri(hijri_year, month, day)
        if found.year == year:
            return found
    raise ValueError(f"no day {day} of Islamic month {month} in {year}")
