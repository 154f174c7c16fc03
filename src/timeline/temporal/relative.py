"""Durations that name a time: "in three days", "within the next hour", "four days from
Friday". The expression stays a DURATION (as TimeML annotates it, "four days" and "Friday"
apart), and the words around it give it a direction and, where one follows, the time it
counts from; :mod:`resolve` turns these into the interval it points to.

>>> from timeline.temporal.grammar import scan
>>> [(m.spec.direction, m.spec.within) for m in scan("The talks resume in three days.")]
[(1, False)]
>>> [m.spec.until is not None for m in scan("The vote is four days from Friday.")]
[True, False]
"""

from __future__ import annotations

import functools
import re

import attrs

from timeline.temporal.spec import Match, Spec
from timeline.temporal.words import alternation, lexicon


@functools.cache
def _opener() -> re.Pattern[str]:
    words = alternation(lexicon()["duration_openers"])
    return re.compile(rf"(?:(?P<before>[\w'-]+)\s+)?(?<![\w-])(?P<word>{words})\s+$", re.I)


@functools.cache
def _link() -> re.Pattern[str]:
    return re.compile(rf"\s+(?P<word>{alternation(lexicon()['duration_links'])})\s+", re.I)


def _countable(spec: Spec) -> bool:
    return spec.kind == "duration" and spec.number is not None and spec.span is None


def with_directions(text: str, matches: list[Match]) -> list[Match]:
    """Give "in"/"within" durations ("within the next hour" too) a direction ahead, and
    durations followed by "from", "after" or "before" and a time that time to count from;
    join "the day" (week, month, year) and a time after "after" or "before"."""
    out: list[Match] = []
    skip = False
    for index, match in enumerate(matches):
        if skip:
            skip = False
            continue
        spec = match.spec
        following = matches[index + 1] if index + 1 < len(matches) else None
        link = following and _link().fullmatch(text, match.end, following.start)
        if link and _unit_before_link(match, link.group("word")) and following.spec.kind == "point":
            # "the day after Christmas": one time, the unit next to the other
            sign = lexicon()["unit_links"][link.group("word").lower()]
            spec = attrs.evolve(
                spec,
                kind="offset",
                unit=spec.calunit,
                calunit=None,
                anaphoric=False,
                number=1.0,
                direction=sign,
                until=following.spec,
            )
            out.append(Match(match.start, following.end, f"{match.rule}+{following.rule}", spec))
            skip = True
            continue
        if _countable(spec) and link and following.spec.kind == "point":
            sign = lexicon()["duration_links"][link.group("word").lower()]
            spec = attrs.evolve(spec, direction=sign, until=following.spec)
        elif spec.kind == "duration" and spec.number is not None and (spec.span or 0) >= 0:
            kind = _opened_by(text, match.start)
            if kind == "span" or (kind is not None and spec.span is None):  # not "in the next"
                spec = attrs.evolve(spec, direction=1, within=kind == "span")
        elif _from_now(spec) and _opened_by(text, match.start) == "span":
            # "within two weeks from today": the time up to then, as "within two weeks"
            spec = attrs.evolve(spec, kind="duration", within=True, day_offset=None)
        out.append(attrs.evolve(match, spec=spec) if spec is not match.spec else match)
    return out


#: Units of "the day/week/month/year after <time>".
_NEXT_UNITS = ("D", "W", "M", "Y")


def _unit_before_link(match: Match, word: str) -> bool:
    """Whether ``match`` is "the day", "the week"... before "after"/"before" a time."""
    spec = match.spec
    return (
        match.rule == "the_unit"
        and spec.calunit in _NEXT_UNITS
        and word.lower() in lexicon()["unit_links"]
    )


def _from_now(spec: Spec) -> bool:
    """ "Two weeks from now", "two weeks after today": an offset ahead of the publication."""
    return (
        spec.kind == "offset"
        and spec.direction == 1
        and spec.number is not None
        and spec.day_offset in (None, 0)
        and not spec.anaphoric
        and not spec.plus
    )


def _opened_by(text: str, start: int) -> str | None:
    """What the duration opener right before ``start`` makes of it ("point", "span")."""
    opener = _opener().search(text, max(0, start - 40), start)
    if opener is None or _looks_back(opener.group("before")):
        return None
    return str(lexicon()["duration_openers"][opener.group("word").lower()])


def _looks_back(word: str | None) -> bool:
    key = (word or "").lower()
    return key.endswith("est") or key in lexicon()["duration_openers_not_after"]["words"]
