"""iCalendar (RFC 5545) through the ``icalendar`` package: one ``VEVENT`` per event bounded
on both sides.

An event whose bounds both fall at midnight (as those of any event known to the day, or
coarser) is an all-day event: ``DTSTART;VALUE=DATE`` and ``DTEND;VALUE=DATE``, the end
excluded as the bound is. Other events are timed: in their own zone with a ``TZID`` (and the
calendar's ``VTIMEZONE`` for it) when their bounds carry an IANA zone, in UTC (``...Z``)
when they carry another offset, in floating local time when they are naive. ``SUMMARY`` is
the event's label, ``DESCRIPTION`` the articles that report it with their trigger words
(and each article's title), ``LOCATION`` its place, ``URL`` the link of its first article
that has one, ``UID`` ``<event id>@news-timeline``. Events without both bounds are left
out: a calendar entry needs a start and an end. A ``title`` names the calendar (``NAME``,
and ``X-WR-CALNAME`` for the clients that read only that).

``DTSTAMP``, when the entry was made, is ``stamp``: by default the time of
``SOURCE_DATE_EPOCH`` when that is set (as reproducible builds do), else now. Give
``stamp`` for output that is the same on every run. Control characters and folding at 75
octets are the ``icalendar`` package's; text is escaped as RFC 5545 says (:class:`_Text`), a
backslash kept as one even before an "N", which the package would read as a line break.

>>> from datetime import datetime, timezone
>>> from timeline import Event, EventMention, Timeline
>>> e = Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0)], label="MPs voted",
...           earliest=datetime(2020, 1, 5), latest=datetime(2020, 1, 6))
>>> stamp = datetime(2020, 1, 9, tzinfo=timezone.utc)
>>> print(calendar(Timeline([e]), stamp=stamp).replace("\\r\\n", "\\n"), end="")
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//news-timeline//timeline//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
SUMMARY:MPs voted
DTSTART;VALUE=DATE:20200105
DTEND;VALUE=DATE:20200106
DTSTAMP:20200109T000000Z
UID:e1@news-timeline
DESCRIPTION:a1: "voted"
END:VEVENT
END:VCALENDAR
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import icalendar

from timeline.export.provenance import headline, sources
from timeline.model import Event, Timeline

__all__ = ["calendar", "default_stamp"]


def calendar(timeline: Timeline, *, stamp: datetime | None = None, title: str | None = None) -> str:
    """The iCalendar file of ``timeline``'s events bounded on both sides, in timeline order.

    ``stamp`` (an aware datetime; default :func:`default_stamp`) is the ``DTSTAMP`` of every
    entry, ``title`` the calendar's name.

    >>> calendar(Timeline(()), title="Iraq").splitlines()[-3:]
    ['NAME:Iraq', 'X-WR-CALNAME:Iraq', 'END:VCALENDAR']
    >>> calendar(Timeline(()), stamp=datetime(2020, 1, 1))
    Traceback (most recent call last):
    ...
    ValueError: stamp must be timezone-aware, not 2020-01-01T00:00:00
    """
    stamp = default_stamp() if stamp is None else stamp
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError(f"stamp must be timezone-aware, not {stamp.isoformat()}")
    result = icalendar.Calendar()
    result.add("version", "2.0")
    result.add("prodid", "-//news-timeline//timeline//EN")
    result.add("calscale", "GREGORIAN")
    if title is not None:
        result.add("name", _Text(title))
        result.add("x-wr-calname", _Text(title))
    titles = {record.id: record for record in timeline.articles}
    for event in timeline.events:
        entry = _vevent(event, stamp.astimezone(timezone.utc), titles)
        if entry is not None:
            result.add_component(entry)
    result.add_missing_timezones()
    return result.to_ical().decode("utf-8")


def default_stamp() -> datetime:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when that is set, else now, in UTC.

    >>> default_stamp().tzinfo
    datetime.timezone.utc
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def _vevent(event: Event, stamp: datetime, records: dict) -> icalendar.Event | None:
    low, high = event.earliest, event.latest
    if low is None or high is None:
        return None
    entry = icalendar.Event()
    entry.add("summary", _Text(headline(event)))
    if _midnight(low) and _midnight(high):
        entry.add("dtstart", _day(low))
        entry.add("dtend", _day(high))
    else:
        entry.add("dtstart", _zoned(low))
        entry.add("dtend", _zoned(high))
    entry.add("dtstamp", stamp)
    entry.add("uid", f"{event.id}@news-timeline")
    lines = list(sources(event))
    for article in event.articles:
        record = records.get(article)
        if record is not None and record.title:
            lines.append(f"{article}: {record.title}")
    entry.add("description", _Text("\n".join(lines)))
    if event.location:
        entry.add("location", _Text(event.location))
    links = [records[a].url for a in event.articles if a in records and records[a].url]
    if links:
        entry.add("url", links[0])
    return entry


class _Text(icalendar.vText):
    """A TEXT value escaped as RFC 5545 section 3.3.11 says: backslash, semicolon, comma and
    line breaks, each character as it is ("\\N" in a label is a backslash and an N)."""

    def to_ical(self) -> bytes:
        text = str(self).replace("\r\n", "\n").replace("\r", "\n")
        for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
            text = text.replace(plain, escaped)
        return text.encode(self.encoding)


def _midnight(moment: datetime) -> bool:
    return moment.hour == moment.minute == moment.second == moment.microsecond == 0


def _day(moment: datetime) -> date:
    return date(moment.year, moment.month, moment.day)


def _zoned(moment: datetime) -> datetime:
    """``moment`` as iCalendar can say it: naive (floating), in its IANA zone, else UTC."""
    if moment.tzinfo is None or isinstance(moment.tzinfo, ZoneInfo):
        return moment.replace(microsecond=0)
    return moment.astimezone(timezone.utc).replace(microsecond=0)
