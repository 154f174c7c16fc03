"""Moments: dates and datetimes as the pipeline compares them.

A publication date is a ``date`` (a whole day), a naive ``datetime`` (a wall-clock time, zone
unknown) or an aware one; times named in a text may carry their own zone ("0300 GMT"). Values
keep their zone. To compare them, :func:`instant` reads an aware moment as the UTC wall clock and
a naive one as it is: a naive time is taken to be in UTC when it meets an aware one. The error
is at most the zone offset of the naive time's article, and nothing fails on the mix.

>>> from datetime import datetime, timezone, timedelta
>>> tehran = timezone(timedelta(hours=3, minutes=30))
>>> instant(datetime(2020, 1, 8, 1, 30, tzinfo=tehran)) < instant(datetime(2020, 1, 7, 23))
True
"""

from __future__ import annotations

from datetime import date, datetime

__all__ = ["as_datetime", "instant"]


def as_datetime(value: date | datetime) -> datetime:
    """``value`` itself for a datetime, the start of the day for a date.

    >>> as_datetime(date(2020, 1, 7))
    datetime.datetime(2020, 1, 7, 0, 0)
    >>> as_datetime("2020-01-07")
    Traceback (most recent call last):
    ...
    TypeError: expected a date or datetime, not str
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    raise TypeError(f"expected a date or datetime, not {type(value).__name__}")


def instant(moment: datetime) -> datetime:
    """The naive UTC wall clock of ``moment`` (aware), or ``moment`` itself (naive): the key
    by which moments of either kind are compared and sorted.

    >>> from datetime import timezone
    >>> instant(datetime(2020, 1, 7, 12, tzinfo=timezone.utc))
    datetime.datetime(2020, 1, 7, 12, 0)
    """
    offset = moment.utcoffset()
    if offset is None:
        return moment
    try:
        return (moment - offset).replace(tzinfo=None)
    except OverflowError:  # an aware moment at the very ends of the calendar
        return moment.replace(tzinfo=None)
