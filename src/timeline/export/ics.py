"""iCalendar (RFC 5545): one ``VEVENT`` per event bounded on both sides.

An event whose bounds both fall at midnight (as those of any event known to the day, or
coarser) is an all-day event: ``DTSTART;VALUE=DATE`` and ``DTEND;VALUE=DATE``, the end
excluded as the bound is. Other events are timed: in UTC (``...Z``) when their bounds are
aware, in floating local time when they are naive. ``SUMMARY`` is the event's label,
``DESCRIPTION`` the articles that report it with their trigger words, ``LOCATION`` its place,
``UID`` ``<event id>@news-timeline``. Events without both bounds are left out: a calendar
entry needs a start and an end.

The output is deterministic: ``DTSTAMP`` (when the entry was made, which RFC 5545 requires)
is ``stamp``, by default :data:`DEFAULT_STAMP` rather than the current time. Lines end with
CRLF and are folded at 75 octets without splitting a UTF-8 character; text escapes ``\\``,
``;``, ``,`` and newlines, and control characters iCalendar text cannot hold become spaces.

>>> from datetime import datetime
>>> from timeline import Event, EventMention, Timeline
>>> e = Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0)], label="MPs voted",
...           earliest=datetime(2020, 1, 5), latest=datetime(2020, 1, 6))
>>> print(calendar(Timeline([e])).replace("\\r\\n", "\\n"), end="")
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//news-timeline//timeline//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
UID:e1@news-timeline
DTSTAMP:19700101T000000Z
DTSTART;VALUE=DATE:20200105
DTEND;VALUE=DATE:20200106
SUMMARY:MPs voted
DESCRIPTION:a1: "voted"
END:VEVENT
END:VCALENDAR
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone

from timeline.export.provenance import headline, sources
from timeline.model import Event, Timeline

__all__ = ["DEFAULT_STAMP", "calendar", "escape_text", "fold"]

#: The ``DTSTAMP`` of every entry unless told otherwise: a constant, so output is reproducible.
DEFAULT_STAMP = datetime(1970, 1, 1, tzinfo=timezone.utc)

_LIMIT = 75
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def calendar(timeline: Timeline, *, stamp: datetime = DEFAULT_STAMP) -> str:
    """The iCalendar file of ``timeline``'s events bounded on both sides, in timeline order.

    ``stamp`` (an aware datetime) is the ``DTSTAMP`` of every entry.

    >>> calendar(Timeline(())).splitlines()[-1]
    'END:VCALENDAR'
    >>> calendar(Timeline(()), stamp=datetime(2020, 1, 1))
    Traceback (most recent call last):
    ...
    ValueError: stamp must be timezone-aware, not 2020-01-01T00:00:00
    """
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError(f"stamp must be timezone-aware, not {stamp.isoformat()}")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//news-timeline//timeline//EN"]
    lines.append("CALSCALE:GREGORIAN")
    for event in timeline.events:
        lines.extend(_vevent(event, _utc(stamp)))
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)


def _vevent(event: Event, stamp: str) -> Iterator[str]:
    low, high = event.earliest, event.latest
    if low is None or high is None:
        return
    yield "BEGIN:VEVENT"
    yield f"UID:{escape_text(event.id)}@news-timeline"
    yield f"DTSTAMP:{stamp}"
    if _midnight(low) and _midnight(high):
        yield f"DTSTART;VALUE=DATE:{_date(low)}"
        yield f"DTEND;VALUE=DATE:{_date(high)}"
    else:
        yield f"DTSTART:{_moment(low)}"
        yield f"DTEND:{_moment(high)}"
    yield f"SUMMARY:{escape_text(headline(event))}"
    yield f"DESCRIPTION:{escape_text(chr(10).join(sources(event)))}"
    if event.location:
        yield f"LOCATION:{escape_text(event.location)}"
    yield "END:VEVENT"


def _midnight(moment: datetime) -> bool:
    return moment.hour == moment.minute == moment.second == moment.microsecond == 0


def _date(moment: datetime) -> str:
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"


def _clock(moment: datetime) -> str:
    return f"{_date(moment)}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"


def _utc(moment: datetime) -> str:
    return _clock(moment.astimezone(timezone.utc)) + "Z"


def _moment(moment: datetime) -> str:
    """UTC for an aware moment, floating local time for a naive one, to the second."""
    return _clock(moment) if moment.tzinfo is None else _utc(moment)


def escape_text(text: str) -> str:
    """``text`` as an iCalendar TEXT value.

    >>> print(escape_text("Paris, Texas; 2\\\\3\\r\\nnext\\x07bell"))
    Paris\\, Texas\\; 2\\\\3\\nnext bell
    """
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    for char in "\\;,":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets in UTF-8, joined by CRLF and a space.

    >>> fold("SUMMARY:" + "é" * 40).split("\\r\\n ")
    ['SUMMARY:ééééééééééééééééééééééééééééééééé', 'ééééééé']
    """
    pieces, piece, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        limit = _LIMIT if not pieces else _LIMIT - 1
        if size + octets > limit:
            pieces.append("".join(piece))
            piece, size = [], 0
        piece.append(char)
        size += octets
    pieces.append("".join(piece))
    return "\r\n ".join(pieces)
