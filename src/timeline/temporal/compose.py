"""Joining neighbouring matches: a day and its time of day, a date and its year, a range's
two ends, and fuzzy positions ("early", "mid-", "the end of") before a unit.

>>> from timeline.temporal.grammar import scan
>>> [m.rule for m in scan("Tuesday night")]
['weekday+part_of_day']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import attrs

from timeline.temporal.clocks import hour_in_part
from timeline.temporal.spec import Match, Spec
from timeline.temporal.words import alternation, lexicon

_DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:at\s+|around\s+|about\s+|in\s+(?:the\s+)?)?", re.I)
_TIME_THEN_DAY = re.compile(r"\s*,?\s*(?:of\s+|on\s+|in\s+)?", re.I)
# A dash, bar or "@" between a day and its clock time, as datelines and posts write them
# ("Jan. 6, 2017 - 6:37 a.m.", "May 2, 2013 | 5:03pm", "9/10/2010 @ 1:19PM"): one moment,
# no range.
_DAY_DASH_CLOCK = re.compile(r"\s+[-\u2013]\s+|\s*[|@]\s*")


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


def _is_year(spec: Spec) -> bool:
    """A year and nothing finer: "2005", "last year"."""
    return (
        spec.kind == "point"
        and (spec.year is not None or spec.year_shift is not None or spec.calunit == "Y")
        and all(
            v is None
            for v in (
                spec.month,
                spec.day,
                spec.weekday,
                spec.season,
                spec.quarter,
                spec.half,
                spec.holiday,
                spec.part,
                spec.hour,
                spec.day_offset,
            )
        )
    )


def combine(text: str, matches: list[Match]) -> list[Match]:
    """Join a day and a time of day next to each other: "Tuesday night", "the evening of
    January 2", "3 p.m. on Friday"; a clock time and the part of a day it falls in:
    "tonight at 7 p.m.", "10pm tonight", "tomorrow morning at 9:30"; and a recurring day and
    its time: "each Friday at 5pm", "9am every day"."""
    out: list[Match] = []
    for match in matches:
        if out and _part_and_clock(text, out[-1], match):
            previous = out.pop()
            part, clock = (previous, match) if previous.spec.hour is None else (match, previous)
            spec = _at_clock(
                text,
                part,
                clock,
                start=previous.start,
                hour=hour_in_part(clock.spec.hour or 0, part.spec.part),
                part=None,
            )
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        elif out and _timed_set(text, out[-1], match):
            previous = out.pop()
            recurring, clock = (
                (previous, match) if previous.spec.kind == "set" else (match, previous)
            )
            hour = clock.spec.hour
            spec = attrs.evolve(
                recurring.spec,
                hour=hour if hour is None else hour_in_part(hour, recurring.spec.part),
                minute=clock.spec.minute,
                second=clock.spec.second,
                part=recurring.spec.part if clock.spec.hour is not None else clock.spec.part,
            )
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        if out and _clock_range_on_day(text, out[-1], match):
            previous = out.pop()
            day, clocks = (
                (previous, match) if _is_day_or_its_part(previous.spec) else (match, previous)
            )
            until = clocks.spec.until
            assert until is not None
            spec = attrs.evolve(
                day.spec,
                kind="range",
                hour=clocks.spec.hour,
                minute=clocks.spec.minute,
                second=clocks.spec.second,
                part=None,
                until=attrs.evolve(
                    day.spec, hour=until.hour, minute=until.minute, second=until.second, part=None
                ),
            )
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        while out and _joinable(text, out[-1], match):  # "8pm in the evening, Sunday"
            previous = out.pop()
            day, clock = (previous, match) if _is_time_only(match.spec) else (match, previous)
            spec = _at_clock(
                text, day, clock, start=previous.start, hour=clock.spec.hour, part=clock.spec.part
            )
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        out.append(match)
    return out


def _at_clock(text: str, day: Match, clock: Match, *, start: int, **fields: Any) -> Spec:
    """``day``'s spec at ``clock``'s minute, second and zone, with the ``hour`` and ``part``
    given; "midnight" is the day's end unless the pair starts at a day's start
    (:func:`_starts_day`)."""
    return attrs.evolve(
        day.spec,
        minute=clock.spec.minute,
        second=clock.spec.second,
        midnight=clock.spec.midnight and not _starts_day(text, start),
        zone=clock.spec.zone,
        mod=day.spec.mod or clock.spec.mod,
        **fields,
    )


@functools.cache
def _midnight_starts() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){alternation(lexicon()['midnight']['starts_after'])}\s+$", re.I)


def _starts_day(text: str, start: int) -> bool:
    """Whether the words before ``start`` make a midnight the start of its day ("after
    midnight on Sunday"), not its end ("midnight Friday")."""
    return _midnight_starts().search(text, max(0, start - 20), start) is not None


_SET_THEN_TIME = re.compile(r"\s*,?\s*(?:at\s+|in\s+the\s+)?")
_TIME_THEN_SET = re.compile(r"\s*,?\s*(?:on\s+)?")


def _timed_set(text: str, left: Match, right: Match) -> bool:
    """Whether a set that recurs by the day (daily, on a weekday, every morning) and a time
    of day without one are next to each other."""
    return _next_to(text, left, right, _daily, _is_time_only, _SET_THEN_TIME, _TIME_THEN_SET)


def _daily(spec: Spec) -> bool:
    return (
        spec.kind == "set"
        and spec.hour is None
        and spec.month is None
        and (
            spec.weekday is not None
            or spec.part is not None
            or spec.freq == "P1D"
            or (spec.unit == "D" and spec.number in (None, 1))
        )
    )


def _is_clock_range(spec: Spec) -> bool:
    """Two clock times of one range, on no day yet ("between 8am and 2pm")."""
    return (
        spec.kind == "range"
        and spec.until is not None
        and _is_time_only(attrs.evolve(spec, kind="point", until=None))
        and _is_time_only(spec.until)
    )


def _clock_range_on_day(text: str, left: Match, right: Match) -> bool:
    """A day (or a part of one) and a range of clock times next to each other: "tomorrow
    between 8am and 2pm", "3pm to 4pm tomorrow", "Friday afternoon between 1PM and 4 PM"."""
    return _next_to(
        text, left, right, _is_day_or_its_part, _is_clock_range, _DAY_THEN_TIME, _TIME_THEN_DAY
    )


def _is_day_or_its_part(spec: Spec) -> bool:
    return _is_day(spec) or _is_day_part(spec)


_DAY_NUMBER = r"(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?"
_DAY_NUMBER_AFTER = re.compile(rf"\s+on\s+(?:the\s+)?{_DAY_NUMBER}(?![\w:/-])(?!\.\d)", re.I)
_DAY_NUMBER_BEFORE = re.compile(
    rf"(?<![\w/.:-])(?:on|at)\s+(?:the\s+)?(?P<number>{_DAY_NUMBER})\s*,?\s+(?:at\s+)?$", re.I
)


def with_day_numbers(text: str, matches: list[Match]) -> list[Match]:
    """Give a clock time the day of the month named by a bare number beside it: "on 15 at
    8:00", "on 15, 8pm", "8pm on the 15"."""
    out: list[Match] = []
    for index, match in enumerate(matches):
        if _is_clock(match.spec):
            floor = out[-1].end if out else 0
            ceiling = matches[index + 1].start if index + 1 < len(matches) else len(text)
            after = _DAY_NUMBER_AFTER.match(text, match.end, ceiling)
            before = _DAY_NUMBER_BEFORE.search(text, max(floor, match.start - 20), match.start)
            if after is not None:
                spec = attrs.evolve(match.spec, day=int(after.group("day")))
                match = Match(match.start, after.end(), match.rule, spec)
            elif before is not None:
                spec = attrs.evolve(match.spec, day=int(before.group("day")))
                match = Match(before.start("number"), match.end, match.rule, spec)
        out.append(match)
    return out


@functools.cache
def _bare_hour() -> re.Pattern[str]:
    words = alternation(
        w
        for w, n in lexicon()["numbers"].items()
        if isinstance(n, int) and 1 <= n <= 12 and w not in ("a", "an")
    )
    return re.compile(
        rf"\s*,?\s*at\s+(?P<hour>1[0-2]|0?[1-9]|{words})(?=\s*(?:[;!?)]|[,.](?!\d)|$))", re.I
    )


#: Parts of the day whose bare hours are after noon ("tonight at 7" is 19:00).
_AFTERNOON_PARTS = ("AF", "EV", "NI")


def with_bare_hours(text: str, matches: list[Match]) -> list[Match]:
    """Read a bare hour after "at" as a clock time when a day, a day's part or a daily set
    comes before it and the clause ends after it: "tomorrow morning at 7", "tonight at 7"
    (19:00), "Oct. 23 at seven", "every night at 9" ("Friday at 3 percent" is no time)."""
    out: list[Match] = []
    for index, match in enumerate(matches):
        spec = match.spec
        ceiling = matches[index + 1].start if index + 1 < len(matches) else len(text)
        if _is_day(spec) or _is_day_part(spec) or _daily(spec):
            bare = _bare_hour().match(text, match.end, ceiling)
            if bare is not None:
                word = bare.group("hour").lower()
                hour = int(word) if word.isdigit() else int(lexicon()["numbers"][word])
                if spec.part in _AFTERNOON_PARTS and hour < 12:
                    hour += 12
                spec = attrs.evolve(spec, hour=hour, minute=0, part=None)
                match = Match(match.start, bare.end(), match.rule, spec)
        out.append(match)
    return out


def _is_day_part(spec: Spec) -> bool:
    """A day's part named with the day ("tomorrow morning", "tonight"): a clock time makes
    it finer."""
    return (
        spec.kind == "point"
        and spec.part is not None
        and spec.hour is None
        and any(v is not None for v in (spec.day, spec.weekday, spec.day_offset, spec.holiday))
    )


def _is_clock(spec: Spec) -> bool:
    return _is_time_only(spec) and spec.hour is not None


def _part_and_clock(text: str, left: Match, right: Match) -> bool:
    """A day's part and a clock time next to each other: "tomorrow morning at 9:30"."""
    return _next_to(text, left, right, _is_day_part, _is_clock, _DAY_THEN_TIME, _TIME_THEN_DAY)


def _joinable(text: str, left: Match, right: Match) -> bool:
    """A day and a time of day, or a day's part and a clock time, next to each other:
    "Tuesday night", "3 p.m. on Friday", "8pm in the evening, Sunday", "Jan. 6, 2017 - 6:37
    a.m."."""
    return (
        _next_to(text, left, right, _is_day, _is_time_only, _DAY_THEN_TIME, _TIME_THEN_DAY)
        or _part_and_clock(text, left, right)
        or (
            _is_day(left.spec)
            and _is_clock(right.spec)
            and _DAY_DASH_CLOCK.fullmatch(text, left.end, right.start) is not None
        )
    )


_APPOSITION = re.compile(r"\s*,\s*")


def in_apposition(text: str, matches: list[Match]) -> list[Match]:
    """A unit placed by a happening right after a day or a year it restates is that day or
    year: "Oct. 12, the day before the crash" (the day is Oct. 12), "in 2005, the year after
    the war" (2005); alone, "the day before the crash" is unknown (:attr:`Spec.by_event`)."""
    out: list[Match] = []
    for match in matches:
        if (
            out
            and match.spec.by_event
            and (_is_day(out[-1].spec) or (match.spec.calunit == "Y" and _is_year(out[-1].spec)))
            and _APPOSITION.fullmatch(text, out[-1].end, match.start)
        ):
            match = attrs.evolve(match, spec=attrs.evolve(match.spec, by_event=False))
        out.append(match)
    return out


_GLUE = re.compile(r"[-/](?=\d)")


def with_glued_clocks(
    text: str, matches: list[Match], clock_at: Callable[[str, int], Match | None]
) -> list[Match]:
    """Give a date with its year the clock time glued to it by a dash or a slash, as web
    pages stamp their posts ("August 8, 2012-4:43 pm", "16/08/2011-13:42"): ``clock_at``
    reads a clock time starting at an offset of the text, or ``None``."""
    out: list[Match] = []
    for index, match in enumerate(matches):
        ceiling = matches[index + 1].start if index + 1 < len(matches) else len(text)
        if _is_day(match.spec) and match.spec.year is not None and _GLUE.match(text, match.end):
            clock = clock_at(text, match.end + 1)
            if clock is not None and clock.end <= ceiling:
                spec = _at_clock(
                    text, match, clock, start=match.start, hour=clock.spec.hour, part=None
                )
                match = Match(match.start, clock.end, f"{match.rule}+{clock.rule}", spec)
        out.append(match)
    return out


def _next_to(
    text: str,
    left: Match,
    right: Match,
    first: Callable[[Spec], bool],
    second: Callable[[Spec], bool],
    forward: re.Pattern[str],
    backward: re.Pattern[str],
) -> bool:
    """Whether ``left`` and ``right`` are a ``first`` and a ``second`` in either order, with
    only ``forward`` (the ``first`` told first) or ``backward`` between them."""
    if first(left.spec) and second(right.spec):
        connector = forward
    elif second(left.spec) and first(right.spec):
        connector = backward
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
                spec = attrs.evolve(
                    _on_day_of(previous.spec, match.spec), kind="range", until=match.spec
                )
                match = Match(start, match.end, f"{previous.rule}..{match.rule}", spec)
        out.append(match)
    return out


def _on_day_of(start: Spec, end: Spec) -> Spec:
    """A range's first clock time on the day its end names: "half past seven to 4pm
    tomorrow" runs from 7:30 tomorrow."""
    if not _is_time_only(start) or end.hour is None or _is_time_only(end):
        return start
    return attrs.evolve(
        end,
        hour=start.hour,
        minute=start.minute,
        second=start.second,
        part=start.part,
        zone=start.zone or end.zone,
        mod=start.mod,
    )


def _rangeable(spec: Spec) -> bool:
    return (spec.kind == "point" and spec.until is None) or spec.ref == "PRESENT_REF"


_LENGTH_JOIN = re.compile(r"\s*,?\s*(?:and\s+)?")


def compounds(text: str, matches: list[Match]) -> list[Match]:
    """Join lengths in different units into one: "2 months and 10 days", "1 year 1 month 21
    days ago" (the last may be an offset, which the whole becomes)."""
    out: list[Match] = []
    for match in matches:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.spec.kind == "duration"
            and match.spec.kind in ("duration", "offset")
            and _compoundable(previous.spec, match.spec)
            and _LENGTH_JOIN.fullmatch(text, previous.end, match.start)
        ):
            out.pop()
            first, last = previous.spec, match.spec
            parts = (*first.plus, (last.number, last.unit), *last.plus)
            if last.kind == "duration":
                spec = attrs.evolve(first, plus=parts)
            else:
                spec = attrs.evolve(last, number=first.number, unit=first.unit, plus=parts)
                spec = attrs.evolve(spec, mod=first.mod or last.mod)
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        out.append(match)
    return out


def _compoundable(first: Spec, last: Spec) -> bool:
    units = [first.unit, *(u for _, u in first.plus)]
    return (
        first.number is not None
        and last.number is not None
        and last.unit is not None
        and last.unit not in units
        and not last.plus
        and last.span is None
        and (last.mod is None or last.kind == "offset")
        and last.day_offset is None
    )


_WEEK_THEN_DAYS = re.compile(r"\s*,?\s*")


def weekday_ranges(text: str, matches: list[Match]) -> list[Match]:
    """Put a range of weekdays in the week named before it: "next week between Wednesday
    and Friday", "this week from Monday to Wednesday"."""
    out: list[Match] = []
    for match in matches:
        previous = out[-1] if out else None
        spec = match.spec
        if (
            previous is not None
            and _is_week(previous.spec)
            and spec.kind == "range"
            and spec.until is not None
            and spec.weekday is not None
            and spec.until.weekday is not None
            and _WEEK_THEN_DAYS.fullmatch(text, previous.end, match.start)
        ):
            out.pop()
            week = {"shift": previous.spec.shift, "calunit": "W"}
            spec = attrs.evolve(spec, **week, until=attrs.evolve(spec.until, **week))
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        out.append(match)
    return out


def _is_week(spec: Spec) -> bool:
    return (
        spec.kind == "point"
        and spec.calunit == "W"
        and spec.shift is not None
        and spec.weekday is None
        and spec.day is None
    )


@functools.cache
def _length_start() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The words joining a length to its start, those that do so only after an opener
    ("for three hours from 10am"), and the openers."""
    words = lexicon()["open_ranges"]
    return (
        re.compile(rf"\s+{alternation(words['length_from'])}\s+", re.I),
        re.compile(rf"\s+{alternation(words['length_from_opened'])}\s+", re.I),
        re.compile(rf"(?<![\w-]){alternation(words['length_openers'])}\s+$", re.I),
    )


def _starts_length(text: str, length: Match, point: Match) -> bool:
    """Whether the words between ``length`` and ``point`` make ``point`` its start."""
    always, opened, openers = _length_start()
    if always.fullmatch(text, length.end, point.start):
        return True
    return bool(
        opened.fullmatch(text, length.end, point.start)
        and openers.search(text, max(0, length.start - 12), length.start)
    )


def lengths(text: str, matches: list[Match]) -> list[Match]:
    """Join a length and the point it runs from: "three weeks starting March 2", "for three
    hours from 10am"."""
    out: list[Match] = []
    for match in matches:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.spec.kind == "duration"
            and previous.spec.number is not None
            and previous.spec.mod is None
            and match.spec.kind == "point"
            and match.spec.unit is None
            and _starts_length(text, previous, match)
        ):
            out.pop()
            length = previous.spec
            spec = attrs.evolve(match.spec, kind="range", number=length.number, unit=length.unit)
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        out.append(match)
    return out


@functools.cache
def _open_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon()["open_ranges"]
    before = alternation(words["before"])
    after = alternation(words["after"])
    return (
        re.compile(rf"(?<![\w-])(?P<word>{before})\s*$", re.I),
        re.compile(rf"\s+(?P<word>{after})(?!\w)", re.I),
    )


_WORD_BEFORE = re.compile(r"([\w'-]+)\s*$")


def _measured(text: str, start: int) -> bool:
    """Whether a unit word comes right before ``start``: "the day after tomorrow", "a week
    before Christmas" relate two times, and open no range."""
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in lexicon()["units"]


def open_ranges(text: str, matches: list[Match]) -> list[Match]:
    """Give a time after "since", "before", "up to"... (or before "or later") the open
    range's TIMEX3 mod, and take the word into its extent: "since April", "2012 or after"."""
    before, after = _open_words()
    table = lexicon()["open_ranges"]
    out: list[Match] = []
    floor = 0
    for index, match in enumerate(matches):
        spec = match.spec
        if spec.kind in ("point", "ref", "offset") and spec.open_mod is None:
            ceiling = matches[index + 1].start if index + 1 < len(matches) else len(text)
            prefix = before.search(text, max(floor, match.start - 30), match.start)
            if prefix is not None and _measured(text, prefix.start()):
                prefix = None
            suffix = after.match(text, match.end, ceiling)
            if prefix is not None:
                word = " ".join(prefix.group("word").lower().split())
                spec = attrs.evolve(spec, open_mod=table["before"][word])
                match = Match(prefix.start(), match.end, match.rule, spec, match.start)
            elif suffix is not None:
                word = " ".join(suffix.group("word").lower().split())
                spec = attrs.evolve(spec, open_mod=table["after"][word])
                match = Match(match.start, suffix.end(), match.rule, spec)
        out.append(match)
        floor = match.end
    return out


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
    """Extend points preceded by "early", "mid-", "the end of"... and give them that mod.
    A day told at a clock time keeps its mod: "early" in "early Friday at 1:30 a.m." places
    the time in the day, which the clock time already does, and "around" stays its mod."""
    out = []
    floor = 0
    for match in matches:
        prefix = None
        if match.spec.kind == "point" and (match.spec.mod is None or _clocked_day(text, match)):
            prefix = _position_prefix().search(text, max(floor, match.start - 30), match.start)
        if prefix is not None:
            word = " ".join(prefix.group("word").lower().split())
            relative = word in ("earlier", "later")
            if _clocked_day(text, match):
                if not relative:
                    match = Match(prefix.start(), match.end, match.rule, match.spec)
            elif relative and match.spec.anaphoric and not _the_unit(match.spec):
                match = Match(prefix.start(), match.end, match.rule, match.spec)
            elif not (relative and _is_day(match.spec)):
                side = {"earlier": -1, "later": 1}.get(word, 0)
                spec = attrs.evolve(match.spec, mod=lexicon()["positions"][word], direction=side)
                match = Match(prefix.start(), match.end, match.rule, spec)
        out.append(match)
        floor = match.end
    return out


def _clocked_day(text: str, match: Match) -> bool:
    """Whether ``match`` is a day (or its part) at a clock time, the day told first:
    "Friday morning, around 1:30 a.m.", "Tuesday at 11 p.m."."""
    spec = match.spec
    return (
        spec.hour is not None
        and any(v is not None for v in (spec.day, spec.weekday, spec.day_offset, spec.holiday))
        and not text[match.start].isdigit()
    )


def _the_unit(spec: Spec) -> bool:
    """ "The year" of "earlier in the year": a unit longer than a day, named by no shift word
    (unlike "later that year", which only places an event in that year)."""
    return spec.shift is None and spec.calunit not in (None, "D")
