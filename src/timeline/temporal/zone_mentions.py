"""Time zones named anywhere in a text, with or without a clock time: ``find_zones``.

Zones are no TIMEX3 (TimeML has no zone type), so they are found apart from
``find_times``, from the same table (``lexicon/zones.toml``, read by ``zones.py``): a zone
that ``find_times`` keeps with a clock time ("5 p.m. EST") is found here on the same span
with the same offset.

>>> [(z.text, z.offset) for z in find_zones("Polls close at 16:30 WET, at 17:30 CET.")]
[('WET', datetime.timedelta(0)), ('CET', datetime.timedelta(seconds=3600))]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from timeline.model import ZoneMention
from timeline.temporal.resolve import as_moment
from timeline.temporal.tagger import find_times
from timeline.temporal.words import alternation
from timeline.temporal.zones import Zone, data, fold, lookup, offset_delta, zone_on, zone_pattern

#: What may follow a lower-case abbreviation that ends its clause ("at aft.").
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"'\u2019]|$)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]*$")
_WORD_JUST_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
#: A capitalized word after an abbreviation: a name goes on ("AST Research Inc.").
_NAME_GOES_ON = re.compile(r"[ \t]+[^\W\d_a-z]")


@functools.cache
def _scanner() -> re.Pattern[str]:
    """A zone not inside a word; one glued to a clock time counts ("1:30CST", "11:30 AMPDT")."""
    return re.compile(
        rf"(?:(?<![^\W\d_])|(?<=[\d\s][ap]m))(?:{zone_pattern()})(?!\w)", re.IGNORECASE
    )


def find_zones(text: str, published: date | datetime | None = None) -> list[ZoneMention]:
    """Every time zone named in ``text``, in order, alone ("Book me a room at beijing time")
    or after a clock time ("5 p.m. EST").

    A zone's ``offset`` is the one its words fix ("UTC+4", "PDT", "beijing time"); for a
    zone whose offset follows the date ("New York time", "central time", "UK time") it is
    the offset at noon on the ``published`` day (as ``find_times`` gives a clock time in
    that zone), or ``None`` without a date. An abbreviation, often also a word, counts only
    in context: after a clock time; in capitals ("WET") but not in a name ("AST Research")
    or a headline in capitals; or in lower case after "at" or "in" at the end of a clause
    ("a room at cot"). So "a cot", "wet weather" and "the aft deck" name none; "ET", "PT",
    "CT" and "Z" count only after a clock time. A city of the tz database counts alone when
    capitalized ("Madrid time"). A zone the words leave open ("local time") is not reported.

    >>> from datetime import date
    >>> [(z.text, z.name, z.offset) for z in find_zones("It opens at 9 a.m. New York time.")]
    [('New York time', 'America/New_York', None)]
    >>> [z.offset for z in find_zones("New York time", published=date(2020, 7, 1))]
    [datetime.timedelta(days=-1, seconds=72000)]
    >>> find_zones("Keep the aft deck dry in wet weather.")
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    moment = as_moment(published)
    clock = _Clock(text, published)
    found = []
    for match in _scanner().finditer(fold(text)):
        zone = lookup(match.group())
        if zone is None or not zone.code or not _counts(text, match, zone, clock.holds):
            continue
        found.append(
            ZoneMention(
                text=text[match.start() : match.end()],
                start=match.start(),
                end=match.end(),
                name=zone.name,
                offset=_offset(zone, moment),
            )
        )
    return found


class _Clock:
    """Whether a span lies in a clock time that ``find_times`` reads, found once, on demand."""

    def __init__(self, text: str, published: date | datetime | None) -> None:
        self._text = text
        self._published = published

    @functools.cached_property
    def _spans(self) -> tuple[list[int], list[int]]:
        """The starts of the times found, in order, and the furthest end reached by each
        time and those before it."""
        spans = sorted((t.start, t.end) for t in find_times(self._text, published=self._published))
        return [s for s, _ in spans], list(itertools.accumulate((e for _, e in spans), max))

    def holds(self, start: int, end: int) -> bool:
        """Whether a time starting before ``start`` reaches ``end`` (by bisection: a long
        text has thousands of times and zones)."""
        starts, reach = self._spans
        before = bisect.bisect_left(starts, start) - 1
        return before >= 0 and end <= reach[before]


def _counts(text: str, match: re.Match[str], zone: Zone, clock: Callable[[int, int], bool]) -> bool:
    """Whether the zone words of ``match`` name a zone in their context."""
    if zone.form == "name":
        return True
    start, end = match.span()
    glued = start > 0 and text[start - 1].isalnum()
    if glued or clock(start, end):
        return True
    words = text[start:end]
    context = data()["context"]
    if zone.form == "city":
        city = _city_words().sub("", fold(words).lower())
        return words[0].isupper() and " ".join(city.split()) not in data()["cities"]["words"]
    if words.lower() in context["clock_only"]:
        return False
    if any(c.isupper() for c in words[1:]):
        before = _WORD_BEFORE.search(text, max(0, start - 60), start)
        in_capitals = before is not None and len(before[1]) > 1 and before[1].isupper()
        return not in_capitals and _NAME_GOES_ON.match(text, end) is None
    before = _WORD_JUST_BEFORE.search(text, max(0, start - 60), start)
    return (
        words.islower()
        and before is not None
        and before[1].lower() in context["before_last_word"]
        and _CLAUSE_END.match(text, end) is not None
    )


@functools.cache
def _city_words() -> re.Pattern[str]:
    """The words after a city ("time"), to leave the city."""
    return re.compile(rf"\s+{alternation(data()['cities']['after'])}$", re.IGNORECASE)


def _offset(zone: Zone, moment: datetime | None) -> timedelta | None:
    if zone.offset is not None:
        return offset_delta(zone.offset)
    if zone.name is None or moment is None:
        return None
    tz = zone_on(zone.name, moment)
    return tz.utcoffset(None) if tz is not None else None
