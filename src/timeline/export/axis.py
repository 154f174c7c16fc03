"""The time axis of the HTML page: where each moment falls, its ticks, and its breaks.

The axis runs from the first bound of any event to the last. When a few events lie far from
the others ("in 1979" beside a week of January 2020), the long empty gap between them is
broken out: each group of events gets a segment of its own, wide by how many events it
holds, and a hatched break stands for the gap, so an outlier never squashes the rest.

>>> from datetime import datetime
>>> days = [(datetime(2020, 1, d), datetime(2020, 1, d + 1)) for d in (2, 5, 8)]
>>> axis = Axis.over(days + [(datetime(1979, 1, 1), datetime(1980, 1, 1))])
>>> len(axis.segments), [round(axis.at(datetime(2020, 1, d)), 1) for d in (2, 5, 8)]
(2, [30.7, 59.2, 87.8])
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

import attrs
from dateutil.relativedelta import relativedelta

from timeline.export.wording import describe_day, month_name, words

__all__ = ["Axis", "Segment"]

POINT = timedelta(days=1)  # bounds at most this far apart are drawn as a point
_MAX_TICKS = 8
#: A gap is broken out when it is this many times longer than the group of events it keeps
#: apart from the others (the side with more events).
_BREAK = 3
_GAP = 4.0  # percent of the axis a break takes
_NARROWEST = 20.0  # percent of the axis a segment takes at least
#: Tick spacings the axis picks from, finest first: (unit, how many).
_STEPS: tuple[tuple[str, int], ...] = (
    *(("hour", n) for n in (1, 3, 6, 12)),
    *(("day", n) for n in (1, 2)),
    *(("week", n) for n in (1, 2)),
    *(("month", n) for n in (1, 3, 6)),
    *(("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)),
)
_UNIT: dict[str, timedelta | relativedelta] = {
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(days=7),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}


@attrs.frozen
class Segment:
    """A stretch of the axis: the moments ``[start, end]`` it shows, drawn from ``left`` to
    ``right`` (percent of the axis), with its ticks (moment, label)."""

    start: datetime
    end: datetime
    left: float
    right: float
    ticks: tuple[tuple[datetime, str], ...]

    def at(self, moment: datetime) -> float:
        """Where ``moment`` falls, in percent of the whole axis."""
        share = (moment - self.start) / (self.end - self.start)
        return self.left + (self.right - self.left) * min(1.0, max(0.0, share))


@attrs.frozen
class Axis:
    """The segments of the axis, and the first and last bound of any event."""

    segments: tuple[Segment, ...]
    first: datetime
    last: datetime

    @classmethod
    def over(cls, spans: Sequence[tuple[datetime | None, datetime | None]]) -> Axis | None:
        """The axis for events with these bounds (on one clock; ``None`` where open);
        ``None`` when no event has a bound.

        >>> Axis.over([(None, None)]) is None
        True
        """
        closed = [
            (low or high, high or low) for low, high in spans if low is not None or high is not None
        ]
        if not closed:
            return None
        groups = _groups(sorted(closed))
        sizes = [len(group) for group in groups]
        share = (100.0 - _GAP * (len(groups) - 1)) / sum(sizes)
        widths = _floored([size * share for size in sizes], 100.0 - _GAP * (len(groups) - 1))
        open_start = any(low is None for low, _ in spans)
        open_end = any(high is None for _, high in spans)
        segments, left = [], 0.0
        for n, (group, width) in enumerate(zip(groups, widths, strict=True)):
            low = min(start for start, _ in group)
            high = max(end for _, end in group)
            if high - low < POINT:
                extra = (POINT - (high - low)) / 2
                low, high = _shifted(low, -extra), _shifted(high, extra)
            # A margin either side, wider where an event is open-ended so that its fade shows.
            before = 8 if open_start and n == 0 else 25
            after = 8 if open_end and n == len(groups) - 1 else 25
            start, end = _shifted(low, (low - high) / before), _shifted(high, (high - low) / after)
            ticks = _ticks(start, end, max(2, round(_MAX_TICKS * width / 100)), dated=n > 0)
            segments.append(Segment(start, end, left, left + width, ticks))
            left += width + _GAP
        first = min(low for low, _ in closed)
        return cls(tuple(segments), first, max(high for _, high in closed))

    def at(self, moment: datetime) -> float:
        """Where ``moment`` falls, in percent of the axis from its start."""
        for segment in self.segments[:-1]:
            if moment <= segment.end:
                return segment.at(moment)
        return self.segments[-1].at(moment)

    @property
    def extent(self) -> str:
        """The days from the first to the last bound (an end bound excluded), in words."""
        first, last = self.first, self.last
        if last > first and last.time() == datetime.min.time():
            last -= timedelta(microseconds=1)
        if first.date() == last.date():
            return describe_day(first)
        return words()["phrases"]["range"].format(start=describe_day(first), end=describe_day(last))

    @property
    def breaks(self) -> list[tuple[float, float]]:
        """Where the breaks are: (left, right) in percent of the axis."""
        return [(a.right, b.left) for a, b in itertools.pairwise(self.segments)]

    @property
    def grid(self) -> str:
        """A CSS gradient drawing a hairline at each tick and a shade over each break."""
        stops = []
        marks = [(segment.at(m), "line") for segment in self.segments for m, _ in segment.ticks]
        marks += [(left, right) for left, right in self.breaks]
        for at, kind in sorted(marks, key=lambda mark: mark[0]):
            start = f"{at:.2f}%"
            end = f"calc({start} + 1px)" if kind == "line" else f"{kind:.2f}%"
            colour = "var(--rule)" if kind == "line" else "var(--gap-tint)"
            stops += [f"transparent {start}", f"{colour} {start}", f"{colour} {end}"]
            stops.append(f"transparent {end}")
        return f"linear-gradient(90deg, {', '.join(stops)})" if stops else "none"

    def tick_html(self) -> Iterator[str]:
        """The labels of the ticks and the marks of the breaks, as HTML."""
        n = 0
        for segment in self.segments:
            room = segment.right - (8 if segment is self.segments[-1] else 6)
            for moment, label in segment.ticks:
                at = segment.at(moment)
                if at > room:  # no room left for a label; the tick's line is drawn by the grid
                    break
                odd = " odd" if n % 2 else ""  # odd ticks give way on a phone
                n += 1
                yield f'<span class="tick{odd}" style="--a:{at:.2f}%">{html.escape(label)}</span>'
        for left, right in self.breaks:
            yield f'<span class="break" style="--a:{left:.2f}%;--b:{right:.2f}%"></span>'


def _groups(spans: list[tuple[datetime, datetime]]) -> list[list[tuple[datetime, datetime]]]:
    """``spans`` (sorted) cut at each gap far longer than the group on its busier side (the
    side with more events, of two or more): a lone event far from a group is cut off, two
    lone events are never."""
    gaps: list[tuple[timedelta, int]] = []
    reach = spans[0][1]
    for n, (start, end) in enumerate(spans[1:], start=1):
        if start > reach:
            gaps.append((start - reach, n))
        reach = max(reach, end)
    for gap, n in sorted(gaps, reverse=True):
        left, right = spans[:n], spans[n:]
        busier = max((left, right), key=lambda side: (len(side), _extent(side)))
        if len(busier) >= 2 and gap > max(_extent(busier), POINT) * _BREAK:
            return _groups(left) + _groups(right)
    return [spans]


def _extent(spans: list[tuple[datetime, datetime]]) -> timedelta:
    return max(end for _, end in spans) - min(start for start, _ in spans)


def _floored(widths: list[float], total: float) -> list[float]:
    """``widths`` with each at least ``_NARROWEST`` (or an equal share), summing to ``total``."""
    least = min(_NARROWEST, total / len(widths))
    raised = [max(width, least) for width in widths]
    spare = sum(raised) - total
    room = sum(width - least for width in raised)
    return [width - (width - least) * spare / room if room else width for width in raised]


def _shifted(moment: datetime, by: timedelta) -> datetime:
    """``moment + by``, kept within the calendar."""
    later = _later(moment, by)
    if later is None:
        return datetime.max if by > timedelta(0) else datetime.min
    return later


def _ticks(
    start: datetime, end: datetime, most: int, *, dated: bool
) -> tuple[tuple[datetime, str], ...]:
    """Ticks at round moments in ``[start, end]``, at most ``most`` of them; with ``dated``
    the first says its year."""
    ticks: list[datetime] = []
    unit = _STEPS[-1][0]
    for unit, n in _STEPS:
        ticks = list(itertools.islice(_round_moments(start, end, unit, n), most + 1))
        if len(ticks) <= most:
            break
    return tuple(
        (moment, _tick_label(moment, unit, dated=dated and k == 0))
        for k, moment in enumerate(ticks)
    )


def _round_moments(start: datetime, end: datetime, unit: str, n: int) -> Iterator[datetime]:
    """The moments in ``[start, end]`` that begin a unit whose number ``n`` divides."""
    moment: datetime | None = _floor(start, unit)
    step = _UNIT[unit] * n
    while moment is not None and (moment < start or not _aligned(moment, unit, n)):
        moment = _later(moment, _UNIT[unit])
    while moment is not None and moment <= end:
        yield moment
        moment = _later(moment, step)


def _later(moment: datetime, by: timedelta | relativedelta) -> datetime | None:
    """``moment + by``, or ``None`` past the end of the calendar."""
    try:
        return moment + by
    except (OverflowError, ValueError):
        return None


def _floor(moment: datetime, unit: str) -> datetime:
    hour = moment.replace(minute=0, second=0, microsecond=0)
    if unit == "hour":
        return hour
    day = hour.replace(hour=0)
    if unit in ("day", "week"):
        return day - timedelta(days=day.weekday()) if unit == "week" else day
    return day.replace(day=1) if unit == "month" else day.replace(month=1, day=1)


def _aligned(moment: datetime, unit: str, n: int) -> bool:
    number = {
        "hour": moment.hour,
        "day": moment.toordinal(),
        "week": moment.toordinal() // 7,
        "month": moment.month - 1,
        "year": moment.year,
    }[unit]
    return number % n == 0


def _tick_label(moment: datetime, unit: str, *, dated: bool = False) -> str:
    if unit == "hour" and moment.hour:
        clock = moment.strftime("%H:%M")
        return f"{describe_day(moment)}, {clock}" if dated else clock
    if unit == "year" or (moment.month == 1 and moment.day == 1):
        return str(moment.year)
    if unit == "month":
        return f"{month_name(moment.month)} {moment.year}" if dated else month_name(moment.month)
    return describe_day(moment, year=dated)
