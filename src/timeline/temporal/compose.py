"""Joining neighbouring matches: a day and its time of day, a date and its year, a range's
two ends, and fuzzy positions ("early", "mid-", "the end of") before a unit.

>>> from timeline.temporal.grammar import scan
>>> [m.rule for m in scan("Tuesday night")]
['weekday+part_of_day']
"""

from __future__ import annotations

import functools
import re

import attrs

from timeline.temporal.spec import Match, Spec
from timeline.temporal.words import alternation, lexicon

_DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:at\s+|around\s+|about\s+|in\s+the\s+)?")
_TIME_THEN_DAY = re.compile(r"\s*,?\s*(?:of\s+|on\s+)?")


def _is_time_only(spec: Spec) -> bool:
    return (
        spec.kind == "point"
        and (spec.hour is not None or spec.part is not None)
        and all(
            v is None
            for v in (
                spec.year,
                spec.month,
                spec.day,
                spec.weekday,
                spec.day_offset,
                spec.calunit,
                spec.holiday,
            )
        )
    )


def _is_day(spec: Spec) -> bool:
    return (
        spec.kind == "point"
        and spec.hour is None
        and spec.part is None
        and (
            spec.day is not None
            or spec.weekday is not None
            or spec.day_offset is not None
            or spec.holiday is not None
            or spec.calunit == "D"
        )
    )


def combine(text: str, matches: list[Match]) -> list[Match]:
    """Join a day and a time of day next to each other: "Tuesday night", "the evening of
    January 2", "3 p.m. on Friday"; a clock time and the part of a day it falls in:
    "tonight at 7 p.m.", "10pm tonight", "tomorrow morning at 9:30"."""
    out: list[Match] = []
    for match in matches:
        if out and _part_and_clock(text, out[-1], match):
            previous = out.pop()
            part, clock = (previous, match) if previous.spec.hour is None else (match, previous)
            spec = attrs.evolve(
                part.spec,
                hour=_in_part(clock.spec.hour or 0, part.spec.part),
                minute=clock.spec.minute,
                second=clock.spec.second,
                zone=clock.spec.zone,
                part=None,
            )
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        elif out and _joinable(text, out[-1], match):
            previous = out.pop()
            day, clock = (previous, match) if _is_day(previous.spec) else (match, previous)
            spec = attrs.evolve(
                day.spec,
                hour=clock.spec.hour,
                minute=clock.spec.minute,
                second=clock.spec.second,
                part=clock.spec.part,
                zone=clock.spec.zone,
                mod=day.spec.mod or clock.spec.mod,
            )
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        out.append(match)
    return out


def _is_part_of_a_day(spec: Spec) -> bool:
    return (
        spec.kind == "point"
        and spec.part is not None
        and spec.hour is None
        and any(v is not None for v in (spec.day_offset, spec.weekday, spec.day, spec.holiday))
    )


def _is_clock(spec: Spec) -> bool:
    return _is_time_only(spec) and spec.hour is not None


def _part_and_clock(text: str, left: Match, right: Match) -> bool:
    if _is_part_of_a_day(left.spec) and _is_clock(right.spec):
        connector = _DAY_THEN_TIME
    elif _is_clock(left.spec) and _is_part_of_a_day(right.spec):
        connector = _TIME_THEN_DAY
    else:
        return False
    return connector.fullmatch(text, left.end, right.start) is not None


def _in_part(hour: int, part: str | None) -> int:
    """A clock hour read in a part of the day: 7 in the evening is 19, 1 at night stays 1."""
    afternoon = part in ("AF", "EV") or (part == "NI" and hour >= 5)
    return hour + 12 if afternoon and hour < 12 else hour


def _joinable(text: str, left: Match, right: Match) -> bool:
    if _is_day(left.spec) and _is_time_only(right.spec):
        connector = _DAY_THEN_TIME
    elif _is_time_only(left.spec) and _is_day(right.spec):
        connector = _TIME_THEN_DAY
    else:
        return False
    return connector.fullmatch(text, left.end, right.start) is not None


_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+|in\s+)?")


def with_years(text: str, matches: list[Match]) -> list[Match]:
    """Give a month, season or quarter without a year the year right after it, as spoken
    years come ("the spring of nineteen seventy-eight", "2 to 7 Feb, two thousand and ten")."""
    out: list[Match] = []
    for match in matches:
        previous = out[-1] if out else None
        if (
            previous is not None
            and _is_year_only(match.spec)
            and _lacks_year(previous.spec)
            and _YEAR_AFTER.fullmatch(text, previous.end, match.start)
        ):
            out.pop()
            year = match.spec.year
            until = previous.spec.until
            if until is not None and until.year is None:
                until = attrs.evolve(until, year=year)
            spec = attrs.evolve(previous.spec, year=year, until=until)
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        out.append(match)
    return out


def _is_year_only(spec: Spec) -> bool:
    return spec.kind == "point" and spec.year is not None and spec == Spec("point", year=spec.year)


def _lacks_year(spec: Spec) -> bool:
    return (
        spec.kind in ("point", "range")
        and spec.year is None
        and spec.year_shift is None
        and spec.weekday is None
        and spec.hour is None
        and spec.shift is None
        and any(v is not None for v in (spec.month, spec.season, spec.quarter, spec.half))
    )


_RANGE_JOIN = re.compile(r"\s*(?:to|till|until|through|thru|-|\u2013|and)\s*", re.I)
_RANGE_OPEN = re.compile(r"(?<!\w)(?P<word>from|between)\s+$", re.I)


def ranges(text: str, matches: list[Match]) -> list[Match]:
    """Join two points into a range: "from Oct. 2 to October 22", "between Jan 22 and now"."""
    out: list[Match] = []
    for match in matches:
        previous = out[-1] if out else None
        join = previous and _RANGE_JOIN.fullmatch(text, previous.end, match.start)
        if previous and join and _rangeable(previous.spec) and _rangeable(match.spec):
            opener = _RANGE_OPEN.search(text, max(0, previous.start - 12), previous.start)
            between = opener is not None and opener.group("word").lower() == "between"
            if between or "and" not in join.group().lower():
                out.pop()
                start = opener.start() if opener else previous.start
                spec = attrs.evolve(previous.spec, kind="range", until=match.spec)
                match = Match(start, match.end, f"{previous.rule}..{match.rule}", spec)
        out.append(match)
    return out


def _rangeable(spec: Spec) -> bool:
    return (spec.kind == "point" and spec.until is None) or spec.ref == "PRESENT_REF"


@functools.cache
def _unit_prefix() -> re.Pattern[str]:
    words = alternation(lexicon()["units_around"])
    return re.compile(rf"(?<![\w/])(?P<words>{words})(?:\s+on)?\s+$", re.I)


def with_units_around(text: str, matches: list[Match]) -> list[Match]:
    """Make a day after "the week of", "the week beginning", "w/c"... the week around it."""
    out: list[Match] = []
    for match in matches:
        spec = match.spec
        if spec.kind == "point" and spec.hour is None and (spec.day or spec.holiday):
            prefix = _unit_prefix().search(text, max(0, match.start - 30), match.start)
            if prefix is not None:
                while out and out[-1].end > prefix.start():
                    out.pop()
                words = " ".join(prefix.group("words").lower().split())
                spec = attrs.evolve(spec, unit=lexicon()["units_around"][words])
                match = Match(prefix.start(), match.end, match.rule, spec)
        out.append(match)
    return out


@functools.cache
def _position_prefix() -> re.Pattern[str]:
    words = alternation(lexicon()["positions"])
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?P<word>{words})(?:-|\s+(?:in\s+|of\s+)?)$", re.I)


def with_positions(text: str, matches: list[Match]) -> list[Match]:
    """Extend points preceded by "early", "mid-", "the end of"... and give them that mod."""
    out = []
    floor = 0
    for match in matches:
        prefix = None
        if match.spec.kind == "point" and match.spec.mod is None:
            prefix = _position_prefix().search(text, max(floor, match.start - 30), match.start)
        if prefix is not None:
            word = " ".join(prefix.group("word").lower().split())
            relative = word in ("earlier", "later")
            if relative and match.spec.anaphoric and not _the_unit(match.spec):
                match = Match(prefix.start(), match.end, match.rule, match.spec)
            elif not (relative and _is_day(match.spec)):
                side = {"earlier": -1, "later": 1}.get(word, 0)
                spec = attrs.evolve(match.spec, mod=lexicon()["positions"][word], direction=side)
                match = Match(prefix.start(), match.end, match.rule, spec)
        out.append(match)
        floor = match.end
    return out


def _the_unit(spec: Spec) -> bool:
    """ "The year" of "earlier in the year": a unit longer than a day, named by no shift word
    (unlike "later that year", which only places an event in that year)."""
    return spec.shift is None and spec.calunit not in (None, "D")
