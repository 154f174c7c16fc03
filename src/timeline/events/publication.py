"""An article's publication day, worked out once for all the event rules.

:func:`~timeline.bounds.day_of` gives the day up to the publication time, ``(None,
midnight)`` for an article stamped at exactly midnight: the day's start is then no
moment of it. :class:`_Publication` gives what the rules ask of the publication day
each in a field of its own, so that none of them derives it by hand: the day's first
moment (never ``None``), the calendar date, the day up to publication, the day as a
presumed day and whether nothing of the day was told yet (``empty``, published at its
midnight).

>>> from datetime import date, datetime
>>> noon = _Publication.of(datetime(2020, 1, 7, 12, 0))
>>> noon.start, noon.day.end, noon.empty
(datetime.datetime(2020, 1, 7, 0, 0), datetime.datetime(2020, 1, 7, 12, 0), False)
>>> midnight = _Publication.of(datetime(2020, 1, 7))
>>> midnight.start, midnight.bounds, midnight.day, midnight.empty
(datetime.datetime(2020, 1, 7, 0, 0), (None, datetime.datetime(2020, 1, 7, 0, 0)), None, True)
>>> _Publication.of(date(2020, 1, 7)).day.end, _Publication.of(None)
(datetime.datetime(2020, 1, 8, 0, 0), None)
"""

from __future__ import annotations

from datetime import date, datetime

import attrs

from timeline.bounds import Bounds, day_of
from timeline.model import Granularity, Interval


def _as_day(bounds: Bounds) -> Interval | None:
    """The day of ``bounds`` (:func:`~timeline.bounds.day_of`, a story's day), or ``None``
    when a side is open: an article stamped at midnight told nothing yet that day."""
    first, last = bounds
    return None if first is None or last is None else Interval(first, last, Granularity.DAY)


@attrs.frozen
class _Publication:
    """The day an article was published, as the event rules read it."""

    #: the day up to the publication time (:func:`~timeline.bounds.day_of`)
    bounds: Bounds
    #: the day's first moment: the publication time itself when it is the day's midnight
    start: datetime
    #: the calendar date of publication
    date: date
    #: the day as a presumed day (:func:`_as_day`): ``None`` when it is empty
    day: Interval | None
    #: whether nothing of the day was told yet: the article appeared at its midnight
    empty: bool

    @classmethod
    def of(cls, published: date | datetime | None) -> _Publication | None:
        """The publication day of an article published at ``published``, if it was."""
        if published is None:
            return None
        bounds = day_of(published)
        first, last = bounds
        return cls(
            bounds=bounds,
            start=last if first is None else first,
            date=published.date() if isinstance(published, datetime) else published,
            day=_as_day(bounds),
            empty=first is None,
        )
