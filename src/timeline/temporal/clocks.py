"""A clock time and the part of the day said beside it: "afternoon at 7", "half past seven
afternoon", "7:00 on next Sunday afternoon", "1 o'clock lunchtime". The part reads the hour
(7 in the afternoon is 19:00, 1 at lunchtime 13:00) and joins the expression; a part already
found on its own ("Sunday afternoon" after a day) is taken in too.

>>> from timeline.temporal.grammar import scan
>>> [(m.spec.hour, m.spec.minute) for m in scan("We will be back afternoon at 7.")]
[(19, 0)]
"""

from __future__ import annotations

import functools
import re

import attrs

from timeline.temporal.spec import Match, Spec
from timeline.temporal.words import alternation, lexicon


def hour_in_part(hour: int, part: str | None) -> int:
    """A clock hour read in a part of the day: 7 in the evening is 19, 1 at night stays 1,
    1 at lunchtime is 13.

    >>> hour_in_part(7, "EV"), hour_in_part(1, "NI"), hour_in_part(7, None), hour_in_part(1, "MI")
    (19, 1, 7, 13)
    """
    afternoon = (
        part in ("AF", "EV")
        or (part == "NI" and hour >= 5)
        or (part == "MI" and hour < lexicon()["midday"]["pm_below"])
    )
    return hour + 12 if afternoon and hour < 12 else hour


def _parts() -> str:
    return alternation(lexicon()["parts_of_day"])


@functools.cache
def _part_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<the>the\s+)?(?P<part>{_parts()})\s*,?\s+(?:at\s+)?$", re.I)


@functools.cache
def _part_after() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s+(?:(?:in|at)\s+the\s+|at\s+)?(?P<part>{_parts()})(?![\w-])", re.I)


_GAP = re.compile(r"\s*,?\s+(?:at\s+)?", re.I)
_GAP_AFTER = re.compile(r"\s*,?\s+(?:(?:in|on|at)\s+)?", re.I)


def _hour_in(hour: int, part: str) -> int:
    """``hour`` read in the part of the day named by ``part`` ("evening", "the evening",
    "lunchtime")."""
    words = part.lower().split()
    return hour_in_part(
        hour, lexicon()["parts_of_day"][" ".join(words[1:] if words[0] == "the" else words)]
    )


def _a_clock(spec: Spec) -> bool:
    return spec.kind == "point" and spec.hour is not None and spec.part is None


def _no_day(spec: Spec) -> bool:
    """A clock time alone, on no day of its own."""
    plain = attrs.evolve(spec, hour=None, minute=None, second=None, zone=None, mod=None)
    return plain == Spec(kind="point")


def _a_bare_part(spec: Spec) -> bool:
    """A part of the day with no day of its own: "afternoon", "the evening", "that morning"
    (the narrative's)."""
    return (
        spec.kind == "point"
        and spec.part is not None
        and spec.hour is None
        and attrs.evolve(spec, part=None, mod=None, anaphoric=False) == Spec(kind="point")
    )


def with_parts_of_day(text: str, matches: list[Match]) -> list[Match]:
    """Give a clock time the part of the day said right before or after it."""
    out: list[Match] = []
    index = 0
    while index < len(matches):
        match = matches[index]
        index += 1
        if not _a_clock(match.spec):
            out.append(match)
            continue
        floor = out[-1].end if out else 0
        following = matches[index] if index < len(matches) else None
        ceiling = following.start if following is not None else len(text)
        before = _part_before().search(text, max(floor, match.start - 30), match.start)
        after = _part_after().match(text, match.end)
        start, end, part, found = match.start, match.end, None, None
        if after is not None and after.end() <= ceiling:
            end, part = after.end(), after.group("part")
        elif (
            following is not None
            and _a_bare_part(following.spec)
            and _GAP_AFTER.fullmatch(text, match.end, following.start)
        ):
            end, part, found = following.end, following.spec.part, following
            index += 1
        elif out and _a_bare_part(out[-1].spec) and _GAP.fullmatch(text, floor, match.start):
            found = out.pop()
            start, part = found.start, found.spec.part
        elif before is not None:
            start, part = before.start(), before.group("part")  # "the" is in, "in"/"at" out
        if part is not None:
            clock = match.spec
            hour = hour_in_part(clock.hour or 0, part) if found else _hour_in(clock.hour or 0, part)
            spec = attrs.evolve(clock, hour=hour)
            # "6:30 that morning": the part's day (the narrative's), the clock's time; its
            # position inside the part ("early") is the clock's to tell
            if found is not None and _no_day(clock):
                spec = attrs.evolve(
                    found.spec,
                    hour=spec.hour,
                    minute=clock.minute,
                    second=clock.second,
                    zone=clock.zone,
                    part=None,
                    mod=clock.mod,
                )
            match = Match(start, end, match.rule + "+part", spec)
        out.append(match)
    return out


_HOURS = (
    r"(?P<hour>[01]?\d|2[0-3])\s*(?:to|till|until|-|\u2013|(?(between)and|(?!)))\s*"
    r"(?P<end>[01]?\d|2[0-3])"
)
_HOURS_BEFORE_DAY = re.compile(
    rf"(?<![\w.:/-])(?:from\s+|(?P<between>between)\s+){_HOURS}\s+(?:of|on)\s+$", re.I
)
_HOURS_AFTER_DAY = re.compile(
    rf"\s*,?\s+(?:from\s+|(?P<between>between)\s+)?{_HOURS}(?=\s*(?:[;!?)]|[,.](?!\d)|$))", re.I
)


def with_hour_ranges(text: str, matches: list[Match]) -> list[Match]:
    """Join a range of bare hours to the day beside it: "from 5 to 6 of April 22", "from 5
    to 6 on 1st Jan", "Monday 8 to 9." (only a day makes "5 to 6" a time; before the day
    "from" or "between" must open it: "lost 1-2 on Monday" is a score)."""
    out: list[Match] = []
    for index, match in enumerate(matches):
        spec = match.spec
        if not _a_day(spec):
            out.append(match)
            continue
        floor = out[-1].end if out else 0
        ceiling = matches[index + 1].start if index + 1 < len(matches) else len(text)
        before = _HOURS_BEFORE_DAY.search(text, max(floor, match.start - 30), match.start)
        after = _HOURS_AFTER_DAY.match(text, match.end, ceiling)
        hours = before or after
        if hours is not None and int(hours["hour"]) < int(hours["end"]):
            spec = attrs.evolve(
                spec,
                kind="range",
                hour=int(hours["hour"]),
                minute=0,
                until=attrs.evolve(spec, hour=int(hours["end"]), minute=0),
            )
            start, end = (before.start(), match.end) if before else (match.start, hours.end())
            match = Match(start, end, match.rule + "+hours", spec)
        out.append(match)
    return out


def _a_day(spec: Spec) -> bool:
    return (
        spec.kind == "point"
        and spec.hour is None
        and spec.part is None
        and spec.calunit is None
        and (spec.day is not None or spec.weekday is not None or spec.day_offset is not None)
    )
