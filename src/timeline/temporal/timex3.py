"""TIMEX3 values: the granularities we resolve to, and formatting and parsing of their values.

A resolved time is a half-open span ``[start, end)`` plus the granularity it was named at.
Its TIMEX3 value is a function of the start and the granularity alone, so a value can be
parsed back into the span it names:

>>> from datetime import datetime
>>> format_value(datetime(2020, 1, 2, 17), Granularity.PART_OF_DAY)
'2020-01-02TEV'
>>> start, end, granularity = parse_value('2019-W52')
>>> start.date(), end.date(), granularity
(datetime.date(2019, 12, 23), datetime.date(2019, 12, 30), <Granularity.WEEK: 'week'>)
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta


class Granularity(enum.Enum):
    """The unit a time is known to, from a second up to a century."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


#: Parts of day: TIMEX3 code -> (start hour, length in hours). The night of a day ends at its
#: midnight: news names what happens after it by the next day ("late Tuesday night", then
#: "early Wednesday"), and TimeML values a night by the day it begins on. The small hours
#: before the morning belong to no part.
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "MO": (5, 7),
    "DT": (8, 10),
    "MI": (11, 2),
    "AF": (12, 5),
    "EV": (17, 4),
    "NI": (21, 3),
}
_PART_BY_HOUR = {hour: code for code, (hour, _) in PARTS_OF_DAY.items()}

#: Seasons: TIMEX3 code -> first month; winter of year Y runs from December Y-1 to February Y.
SEASONS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_BY_MONTH = {month: code for code, month in SEASONS.items()}


def span(start: datetime, granularity: Granularity) -> tuple[datetime, datetime]:
    """The whole unit of ``granularity`` that begins at ``start``, as ``(start, end)``.

    >>> span(datetime(2020, 2, 1), Granularity.MONTH)[1]
    datetime.datetime(2020, 3, 1, 0, 0)
    """
    return start, start + _length(start, granularity)


_LENGTHS: dict[Granularity, timedelta | relativedelta] = {
    Granularity.SECOND: timedelta(seconds=1),
    Granularity.MINUTE: timedelta(minutes=1),
    Granularity.HOUR: timedelta(hours=1),
    Granularity.DAY: timedelta(days=1),
    Granularity.WEEKEND: timedelta(days=2),
    Granularity.WEEK: timedelta(days=7),
    Granularity.MONTH: relativedelta(months=1),
    Granularity.SEASON: relativedelta(months=3),
    Granularity.QUARTER: relativedelta(months=3),
    Granularity.HALF_YEAR: relativedelta(months=6),
    Granularity.YEAR: relativedelta(years=1),
    Granularity.DECADE: relativedelta(years=10),
    Granularity.CENTURY: relativedelta(years=100),
}


def _length(start: datetime, granularity: Granularity) -> timedelta | relativedelta:
    if granularity is Granularity.PART_OF_DAY:
        return timedelta(hours=PARTS_OF_DAY[_part_code(start)][1])
    return _LENGTHS[granularity]


def _part_code(start: datetime) -> str:
    """The part of day that begins at ``start``, or else the one of MO/AF/EV/NI holding it."""
    if start.hour in _PART_BY_HOUR and start.minute == start.second == 0:
        return _PART_BY_HOUR[start.hour]
    for code in ("MO", "AF", "EV", "NI"):
        hour, length = PARTS_OF_DAY[code]
        if (start.hour - hour) % 24 < length:
            return code
    raise ValueError(f"{start:%H:%M} is in no part of day")


def format_value(start: datetime, granularity: Granularity) -> str:
    """The TIMEX3 value of the unit of ``granularity`` that begins at ``start``.

    >>> format_value(datetime(1990, 1, 1), Granularity.DECADE)
    '199'
    >>> format_value(datetime(2019, 12, 1), Granularity.SEASON)
    '2020-WI'
    """
    g = Granularity
    if granularity is g.CENTURY:
        return f"{start.year // 100:02d}"
    if granularity is g.DECADE:
        return f"{start.year // 10:03d}"
    if granularity is g.YEAR:
        return f"{start.year:04d}"
    if granularity is g.HALF_YEAR:
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if granularity is g.QUARTER:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if granularity is g.SEASON:
        code = _SEASON_BY_MONTH[start.month - (start.month % 3)] if start.month % 12 > 2 else "WI"
        year = start.year + 1 if start.month == 12 else start.year
        return f"{year:04d}-{code}"
    if granularity is g.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if granularity in (g.WEEK, g.WEEKEND):
        iso_year, week, _ = start.isocalendar()
        suffix = "-WE" if granularity is g.WEEKEND else ""
        return f"{iso_year:04d}-W{week:02d}{suffix}"
    if granularity is g.DAY:
        return _ymd(start)
    if granularity is g.PART_OF_DAY:
        return f"{_ymd(start)}T{_part_code(start)}"
    if granularity is g.HOUR:
        return f"{_ymd(start)}T{start.hour:02d}"
    if granularity is g.MINUTE:
        return f"{_ymd(start)}T{start:%H:%M}"
    return f"{_ymd(start)}T{start:%H:%M:%S}"


def _ymd(moment: datetime) -> str:
    """``YYYY-MM-DD`` with a four-digit year even before 1000 (``%Y`` does not pad there)."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"


_VALUE = re.compile(
    r"""^(?:
      (?P<century>\d{2}) | (?P<decade>\d{3}) | (?P<year>\d{4})
      (?:-(?:H(?P<half>[12]) | Q(?P<quarter>[1-4]) | (?P<season>SP|SU|FA|WI)
         | W(?P<week>\d{2})(?P<weekend>-WE)?
         | (?P<month>\d{2})(?:-(?P<day>\d{2})
             (?:T(?:(?P<part>MO|MI|DT|AF|EV|NI)
                 | (?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?))?)?))?
    )$""",
    re.VERBOSE,
)


def parse_value(value: str) -> tuple[datetime, datetime, Granularity] | None:
    """Parse a fully specified TIMEX3 date/time value into ``(start, end, granularity)``.

    Returns ``None`` for values that name no single span (``XXXX-WXX-7``, ``PRESENT_REF``,
    durations). Raises ``ValueError`` for a well-formed value naming an impossible date.

    >>> parse_value('2020-Q1')[:2]
    (datetime.datetime(2020, 1, 1, 0, 0), datetime.datetime(2020, 4, 1, 0, 0))
    >>> parse_value('PRESENT_REF') is None
    True
    >>> parse_value('1989-10-27T24:00')[0]
    datetime.datetime(1989, 10, 28, 0, 0)
    """
    m = _VALUE.match(value)
    if not m:
        return None
    f = m.groupdict()
    g = Granularity
    if f["century"]:
        start, gran = datetime(max(int(f["century"]) * 100, 1), 1, 1), g.CENTURY
    elif f["decade"]:
        start, gran = datetime(max(int(f["decade"]) * 10, 1), 1, 1), g.DECADE
    else:
        year = int(f["year"])
        if f["half"]:
            start, gran = datetime(year, 1 if f["half"] == "1" else 7, 1), g.HALF_YEAR
        elif f["quarter"]:
            start, gran = datetime(year, 3 * int(f["quarter"]) - 2, 1), g.QUARTER
        elif f["season"]:
            month = SEASONS[f["season"]]
            start, gran = datetime(year - (month == 12), month, 1), g.SEASON
        elif f["week"]:
            monday = date.fromisocalendar(year, int(f["week"]), 1)
            if f["weekend"]:
                start, gran = (
                    datetime.combine(monday + timedelta(days=5), datetime.min.time()),
                    g.WEEKEND,
                )
            else:
                start, gran = datetime.combine(monday, datetime.min.time()), g.WEEK
        elif not f["month"]:
            start, gran = datetime(year, 1, 1), g.YEAR
        elif not f["day"]:
            start, gran = datetime(year, int(f["month"]), 1), g.MONTH
        else:
            day = datetime(year, int(f["month"]), int(f["day"]))
            if f["part"]:
                start, gran = day.replace(hour=PARTS_OF_DAY[f["part"]][0]), g.PART_OF_DAY
            elif f["hour"]:
                # TIMEX3 writes the midnight that ends a day as T24:00.
                clock = timedelta(
                    hours=int(f["hour"]),
                    minutes=int(f["minute"] or 0),
                    seconds=int(f["second"] or 0),
                )
                if clock > timedelta(hours=24) or int(f["minute"] or 0) > 59:
                    raise ValueError(f"{value}: no such time of day")
                start = day + clock
                gran = g.SECOND if f["second"] else g.MINUTE if f["minute"] else g.HOUR
            else:
                start, gran = day, g.DAY
    return (*span(start, gran), gran)
