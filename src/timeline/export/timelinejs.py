"""Knight Lab TimelineJS3 JSON: one slide per dated event, citing its sources.

:func:`document` gives the dict TimelineJS3 reads (``{"title": slide, "events": [slides]}``,
as https://timeline.knightlab.com/docs/json-format.html describes it), ready for
:func:`json.dumps`. Each slide has

- ``start_date`` (and ``end_date`` when the event spans more than one unit of its precision),
  with ``year``/``month``/``day``/``hour``/``minute``/``second`` down to the event's
  granularity only (``2020-01`` gives ``{"year": 2020, "month": 1}``): from ``event.when``,
  else from its bounds (to the day when both fall at midnight, else to the minute). Dates are
  the wall-clock time the bounds are in (their own zone for aware ones);
- ``display_date`` when the dates alone would say more than we know: an event only bounded
  (``"not before 2020-01-05"``, ``"before 2020-01-08"``, ``"2020-01-05 to 2020-01-07"``) or
  fuzzy (``"early January"`` is ``2020-01-01 to 2020-01-10``);
- ``text``: the headline (the event's label) and one line per article reporting it with the
  trigger words it uses, escaped for the HTML TimelineJS renders them as (a ``title`` given by
  the caller is left as it is: it may hold HTML);
- ``unique_id``: the event id, stable across runs;
- ``group``, when a ``group`` function names one (``group=lambda e: e.location``).

Events with no time at all are left out: TimelineJS requires a ``start_date``. TimelineJS
sorts slides by start date with a stable sort, so events on one date keep the timeline's
order.

>>> from datetime import datetime
>>> from timeline import Event, EventMention, Granularity, Interval, Timeline
>>> day = Interval(datetime(2020, 1, 5), datetime(2020, 1, 6), Granularity.DAY)
>>> e = Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0)], when=day,
...           earliest=day.start, latest=day.end, label="parliament voted")
>>> [slide] = document(Timeline([e]))["events"]
>>> slide["start_date"], slide["text"]["headline"]
({'year': 2020, 'month': 1, 'day': 5}, 'parliament voted')
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from timeline.export.provenance import headline, sources
from timeline.model import Event, Granularity, Timeline
from timeline.temporal.timex3 import parse_value

__all__ = ["document", "slide"]

_PARTS = ("year", "month", "day", "hour", "minute", "second")
_FORMATS = ("%Y", "%Y-%m", "%Y-%m-%d", "%Y-%m-%d %H:00", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")

#: How many of the date parts a granularity names: 1 is the year, 6 down to the second.
PRECISION: dict[Granularity, int] = {
    Granularity.SECOND: 6,
    Granularity.MINUTE: 5,
    Granularity.HOUR: 4,
    Granularity.PART_OF_DAY: 4,
    Granularity.DAY: 3,
    Granularity.WEEKEND: 3,
    Granularity.WEEK: 3,
    Granularity.MONTH: 2,
    Granularity.SEASON: 2,
    Granularity.QUARTER: 2,
    Granularity.HALF_YEAR: 2,
    Granularity.YEAR: 1,
    Granularity.DECADE: 1,
    Granularity.CENTURY: 1,
}
_DAY = PRECISION[Granularity.DAY]
_MINUTE = PRECISION[Granularity.MINUTE]


def document(
    timeline: Timeline,
    title: str | None = None,
    group: Callable[[Event], str | None] | None = None,
) -> dict[str, Any]:
    """The TimelineJS3 data of ``timeline``: a title slide if ``title`` is given, and one
    slide per event that has a time, in timeline order. ``group`` names each event's group
    (TimelineJS shows a group's slides on rows of their own), ``None`` for no group.

    >>> document(Timeline(()), title="Iran, January 2020")
    {'title': {'text': {'headline': 'Iran, January 2020'}}, 'events': []}
    """
    data: dict[str, Any] = {}
    if title is not None:
        data["title"] = {"text": {"headline": title}}
    slides = ((event, slide(event)) for event in timeline.events)
    data["events"] = [
        _grouped(s, None if group is None else group(event)) for event, s in slides if s is not None
    ]
    return data


def _grouped(slide: dict[str, Any], group: str | None) -> dict[str, Any]:
    return slide if group is None else {**slide, "group": _html(group)}


def slide(event: Event) -> dict[str, Any] | None:
    """The slide of ``event``, or ``None`` when it has no time.

    >>> from timeline import EventMention
    >>> e = Event("e1", [EventMention("a1", 0, 4, "vote", "vote", 0)],
    ...           latest=datetime(2020, 1, 8))
    >>> s = slide(e)
    >>> s["start_date"], s["display_date"]
    ({'year': 2020, 'month': 1, 'day': 7}, 'before 2020-01-08')
    >>> slide(Event("e2", [EventMention("a1", 0, 4, "vote", "vote", 0)])) is None
    True
    """
    dates = _dates(event)
    if dates is None:
        return None
    start, last, precision, display = dates
    result: dict[str, Any] = {"start_date": _parts(start, precision)}
    end = _parts(last, precision)
    if end != result["start_date"]:
        result["end_date"] = end
    if display is not None:
        result["display_date"] = display
    lines = "<br>".join(_html(line) for line in sources(event))
    result["text"] = {"headline": _html(headline(event)), "text": f"<p>{lines}</p>"}
    result["unique_id"] = event.id
    return result


def _dates(event: Event) -> tuple[datetime, datetime, int, str | None] | None:
    """First moment, last moment, precision and display text of the slide of ``event``."""
    if event.when is not None:
        when = event.when
        last = _before(when.end)
        if _whole(when.start, when.end, when.timex):
            return when.start, last, PRECISION[when.granularity], None
        precision = max(PRECISION[when.granularity], _precision(when.start, when.end))
        return when.start, last, precision, _range(when.start, last, precision)
    low, high = event.earliest, event.latest
    if low is not None and high is not None:
        precision = _precision(low, high)
        return low, _before(high), precision, _range(low, _before(high), precision)
    if low is not None:
        precision = _precision(low, low)
        return low, low, precision, f"not before {_format(low, precision)}"
    if high is not None:
        precision = _precision(high, high)
        return _before(high), _before(high), precision, f"before {_format(high, precision)}"
    return None


def _html(text: str) -> str:
    """``text`` escaped for the HTML TimelineJS renders headlines and texts as."""
    return html.escape(text, quote=False)


def _whole(start: datetime, end: datetime, timex: str) -> bool:
    """Whether ``[start, end)`` is the whole unit its TIMEX3 value names."""
    parsed = parse_value(timex)
    wall = (start.replace(tzinfo=None), end.replace(tzinfo=None))
    return parsed is not None and parsed[:2] == wall


def _precision(*moments: datetime) -> int:
    """To the day when every moment is at midnight, else to the minute."""
    midnight = all(m.hour == m.minute == m.second == m.microsecond == 0 for m in moments)
    return _DAY if midnight else _MINUTE


def _before(moment: datetime) -> datetime:
    """The last moment before the exclusive bound ``moment``."""
    return (
        moment - timedelta(microseconds=1) if moment.replace(tzinfo=None) > datetime.min else moment
    )


def _parts(moment: datetime, precision: int) -> dict[str, int]:
    return {name: getattr(moment, name) for name in _PARTS[:precision]}


def _format(moment: datetime, precision: int) -> str:
    return f"{moment.year:04d}{moment.strftime(_FORMATS[precision - 1])[4:]}"


def _range(first: datetime, last: datetime, precision: int) -> str:
    return f"{_format(first, precision)} to {_format(last, precision)}"
