"""Recognition: find the spans of text that name a time, and what their words mean.

The rules live in ``lexicon/en_rules.toml`` and the words in ``lexicon/en.toml``. Each
rule's named groups are read into a :class:`Spec`, the meaning of the words before any
anchoring; ``resolve.py`` turns a Spec into a TIMEX3 value and an Interval.

>>> [(m.start, m.end, m.spec.weekday) for m in scan("Iraq's parliament voted on Sunday.")]
[(27, 33, 7)]
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import attrs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

#: The kinds of rule, each resolved differently (see resolve.py).
KINDS = ("point", "offset", "duration", "set", "ref", "range")


@attrs.frozen
class Spec:
    """What a time expression's words say, before anchoring.

    Calendar fields (``year`` ... ``second``) are ``None`` where the words leave them open.
    ``shift`` moves a unit relative to the anchor's (``last week`` is -1 WEEK); ``anaphoric``
    marks expressions anchored on the narrative ("the following day"). ``number`` is ``None``
    for vague quantities ("several weeks"). On a point, ``unit`` names the unit around the
    day ("the week of March 6") or, with ``nth``, the nth such unit of a month or year ("the
    first week of October"); ``direction`` keeps the side of the anchor a point lies on
    ("earlier this year" -1, "later this year" and "the rest of the year" +1).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    part: str | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None
    century: int | None = None
    holiday: tuple[str, str] | None = None
    day_offset: int | None = None
    shift: int | None = None
    year_shift: int | None = None
    anaphoric: bool = False
    calunit: str | None = None
    number: float | None = None
    unit: str | None = None
    direction: int = 0
    span: int | None = None
    mod: str | None = None
    ref: str | None = None
    freq: str | None = None
    fiscal: bool = False
    until: Spec | None = None
    nth: int | None = None


@attrs.frozen
class Match:
    """A span ``[start, end)`` of the text that a rule recognized, with its meaning."""

    start: int
    end: int
    rule: str
    spec: Spec


class Rejected(Exception):
    """Raised while reading a match whose words do not make a time (e.g. month 13)."""


@functools.cache
def lexicon() -> dict[str, Any]:
    """The English word lists of ``lexicon/en.toml``."""
    return _load_toml("en.toml")


def _load_toml(name: str) -> dict[str, Any]:
    with resources.files("timeline.temporal.lexicon").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def _alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
        for w in sorted(words, key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"


@functools.cache
def _placeholders() -> dict[str, str]:
    lex = lexicon()
    number_word = _alternation(w for w in lex["numbers"] if w not in _ARTICLES)
    holidays = {
        **lex["holidays"]["fixed"],
        **lex["holidays"]["easter"],
        **lex["holidays"]["nth_weekday"],
    }
    months, month_abbreviations = _names_and_abbreviations(lex["months"])
    weekdays, weekday_abbreviations = _names_and_abbreviations(lex["weekdays"])
    return {
        "month": f"(?:{_alternation(months)}|{_alternation(month_abbreviations)}\\.?)",
        "month_full": _alternation(months),
        "month_abbr_dot": f"{_alternation(month_abbreviations)}\\.",
        "month_abbr_plain": _alternation(
            a for a in month_abbreviations if a not in lex["ambiguous"]["months"]
        ),
        "weekday": _alternation(weekdays),
        "weekday_any": f"(?:{_alternation(weekdays)}|{_alternation(weekday_abbreviations)}\\.?)",
        "ordinal": _alternation(lex["ordinals"]).replace(r"\-", r"[\s-]"),
        "number": rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2|½)?|{number_word}(?:[\s-]+{number_word})*|an?)",
        "vague": _alternation(lex["numbers"]["vague_numbers"]),
        "unit": _alternation(lex["units"]),
        "calunit": _alternation(lex["calendar_units"]),
        "part": _alternation(lex["parts_of_day"]),
        "season": _alternation(lex["seasons"]),
        "dayword": _alternation(lex["day_words"]),
        "shift": _alternation(lex["shifts"]),
        "shift_after": _alternation(lex["shifts_after"]),
        "ashift": _alternation(lex["anaphoric_shifts"]),
        "direction": _alternation(lex["directions"]),
        "quant": _alternation(lex["quantifiers"]),
        "ref": _alternation(lex["references"]),
        "freq": _alternation(lex["frequencies"]),
        "holiday": _alternation(holidays),
        "zone": _alternation(lex["zones"]["names"]),
        "span": _alternation(lex["spans"]),
        "decade": _alternation(lex["decades"]),
    }


_ARTICLES = ("a", "an")


def _names_and_abbreviations(table: dict[str, int]) -> tuple[list[str], list[str]]:
    """Split a table of names by value into full names (the longest) and abbreviations."""
    longest: dict[int, str] = {}
    for word, value in table.items():
        if len(word) > len(longest.get(value, "")):
            longest[value] = word
    names = sorted(set(longest.values()))
    return names, [w for w in table if w not in names]


#: Boundaries around every rule: not inside a word, a number, an amount or a version string.
_OPEN = r"(?<![\w$£€#@])(?<!\d[.,/:-])"
_CLOSE = r"(?![\w%@])(?![.,/:-]\d)"


@attrs.frozen
class Rule:
    """A recognition rule: a compiled pattern, the kind of meaning it makes, its cue words."""

    name: str
    family: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    regex: re.Pattern[str]
    keys: frozenset[str]
    digits: bool = False
    cue: frozenset[str] = frozenset()
    ambiguous: frozenset[str] | None = None
    capitalized: bool = False
    lowercase: bool = False
    cue_ignores_the: bool = False
    cue_always: bool = False

    def needs_cue(self, matched: str) -> bool:
        """Whether ``matched`` alone is ambiguous, so a cue word must precede it."""
        if self.cue_always:
            return True
        words = matched.split()
        if self.cue_ignores_the and words and words[0].lower() == "the":
            words = words[1:]
        if not self.cue or len(words) != 1:
            return False
        matched = words[0]
        return self.ambiguous is None or matched.lower().rstrip(".") in self.ambiguous


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rules of ``lexicon/en_rules.toml``, compiled, in priority order."""
    lex, holes, classes = lexicon(), _placeholders(), _key_classes()
    compiled = []
    for raw in _load_toml("en_rules.toml")["rule"]:
        keys = frozenset().union(*(classes.get(k, {k}) for k in raw["keys"]))
        pattern = re.sub(r"\{([a-z_]+)\}", lambda m: holes[m.group(1)], raw["pattern"])
        ambiguous = raw.get("ambiguous")
        compiled.append(
            Rule(
                name=raw["name"],
                family=raw["family"],
                kind=raw["kind"],
                regex=re.compile(_OPEN + "(?:" + pattern + ")" + _CLOSE, re.IGNORECASE),
                keys=keys - {"digit"},
                digits="digit" in keys,
                cue=frozenset(lex["cues"][raw["cue"]]) if "cue" in raw else frozenset(),
                ambiguous=frozenset(lex["ambiguous"][ambiguous]) if ambiguous else None,
                capitalized=raw.get("capitalized", False),
                lowercase=raw.get("lowercase", False),
                cue_ignores_the=raw.get("cue_ignores_the", False),
                cue_always=raw.get("cue_always", False),
            )
        )
    return tuple(compiled)


#: Lexicon tables whose words make up each class of key words named in en_rules.toml.
KEY_CLASSES = {
    "month": ("months",),
    "weekday": ("weekdays",),
    "unit": ("units",),
    "part": ("parts_of_day",),
    "season": ("seasons",),
    "dayword": ("day_words",),
    "ref": ("references",),
    "freq": ("frequencies",),
    "holiday": ("holidays.fixed", "holidays.easter", "holidays.nth_weekday"),
    "decade": ("decades",),
}
_NOT_KEYS = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "in",
        "at",
        "for",
        "to",
        "s",
        "st",
        "this",
        "that",
        "last",
        "next",
        "day",
        "new",
        "good",
        "all",
        "black",
        "super",
        "holy",
    }
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
#: How far around a key word a rule's match may reach.
_REACH = 60


@functools.cache
def _key_classes() -> dict[str, frozenset[str]]:
    classes = {}
    for name, tables in KEY_CLASSES.items():
        words: set[str] = set()
        for table in tables:
            entries: Any = lexicon()
            for part in table.split("."):
                entries = entries[part]
            for phrase in entries:
                words.update(t.lower() for t in _TOKEN.findall(phrase))
        classes[name] = frozenset(words - _NOT_KEYS) if name == "holiday" else frozenset(words)
    return classes


def _windows(spots: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Merged stretches of text within reach of the given key word positions."""
    merged: list[list[int]] = []
    for start, end in sorted(spots):
        lo, hi = max(0, start - _REACH), min(length, end + _REACH)
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def _trapped(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a name such as "Sunday Times"."""
    reach = _TRAP_REACH
    return any(
        m.start() <= start and end <= m.end()
        for m in _traps().finditer(text, max(0, start - reach), end + reach)
    )


#: How far a trap phrase can reach beyond the time words inside it.
_TRAP_REACH = 30


@functools.cache
def _traps() -> re.Pattern[str]:
    return re.compile(r"\b" + _alternation(lexicon()["traps"]["phrases"]) + r"\b", re.IGNORECASE)


#: In a cue list, stands for any word with a digit in it ("$1.76 a year").
NUMBER_CUE = "#number"
_WORDS_BEFORE = re.compile(r"([\w'.-]+)(?:\s+([\w'.-]+))?\s*$")


def _cue_before(text: str, start: int, cues: frozenset[str]) -> bool:
    m = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    first, second = (w.lower().strip(",-") if w else "" for w in m.groups())
    last = second or first
    number = NUMBER_CUE in cues and any(ch.isdigit() for ch in last)
    return number or last in cues or f"{first} {second}" in cues


def scan(text: str, ranges: bool = False) -> list[Match]:
    """Every time expression in ``text``: the longest non-overlapping matches, in text order.

    With ``ranges`` two whole dates joined by "to", "until" or "between ... and" make one
    range; without, they stay two expressions, as TimeML annotates them.

    >>> [m.rule for m in scan("It happened on January 2, 2020, two days ago.")]
    ['month_day_year', 'offset']
    """
    where: dict[str, list[tuple[int, int]]] = {}
    for token in _TOKEN.finditer(text):
        word = token.group()
        where.setdefault("digit" if word[0].isdigit() else word.lower(), []).append(token.span())
    windows: dict[tuple[frozenset[str], bool], list[tuple[int, int]]] = {}
    candidates = []
    for priority, rule in enumerate(rules()):
        if (rule.keys, rule.digits) not in windows:
            spots = [s for key in rule.keys for s in where.get(key, ())]
            spots += where.get("digit", []) if rule.digits else []
            windows[rule.keys, rule.digits] = _windows(spots, len(text))
        for lo, hi in windows[rule.keys, rule.digits]:
            candidates.extend(_matches(text, rule, priority, lo, hi))
    candidates = [c for c in candidates if not _trapped(text, c[0], c[1])]
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))

    chosen: list[Match] = []
    taken = bytearray(len(text))
    for start, end, _, match in candidates:
        if taken.find(1, start, end) == -1:
            chosen.append(match)
            taken[start:end] = b"\x01" * (end - start)
    matches = _combine(text, sorted(chosen, key=lambda m: m.start))
    matches = _with_years(text, matches)
    matches = _with_units_around(text, matches)
    matches = _with_positions(text, matches)
    return _ranges(text, matches) if ranges else matches


_DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:at\s+|around\s+|about\s+|in\s+the\s+)?")
_TIME_THEN_DAY = re.compile(r"\s*,?\s*(?:of\s+)?")


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


def _combine(text: str, matches: list[Match]) -> list[Match]:
    """Join a day and a time of day next to each other: "Tuesday night", "the evening of
    January 2", "3 p.m. on Friday"."""
    out: list[Match] = []
    for match in matches:
        if out and _joinable(text, out[-1], match):
            previous = out.pop()
            day, clock = (previous, match) if _is_day(previous.spec) else (match, previous)
            spec = attrs.evolve(
                day.spec,
                hour=clock.spec.hour,
                minute=clock.spec.minute,
                second=clock.spec.second,
                part=clock.spec.part,
                mod=day.spec.mod or clock.spec.mod,
            )
            match = Match(previous.start, match.end, f"{previous.rule}+{match.rule}", spec)
        out.append(match)
    return out


def _joinable(text: str, left: Match, right: Match) -> bool:
    if _is_day(left.spec) and _is_time_only(right.spec):
        connector = _DAY_THEN_TIME
    elif _is_time_only(left.spec) and _is_day(right.spec):
        connector = _TIME_THEN_DAY
    else:
        return False
    return connector.fullmatch(text, left.end, right.start) is not None


_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?")


def _with_years(text: str, matches: list[Match]) -> list[Match]:
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


def _ranges(text: str, matches: list[Match]) -> list[Match]:
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
    words = _alternation(lexicon()["units_around"])
    return re.compile(rf"(?<![\w/])(?P<words>{words})(?:\s+on)?\s+$", re.I)


def _with_units_around(text: str, matches: list[Match]) -> list[Match]:
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
    words = _alternation(lexicon()["positions"])
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?P<word>{words})(?:-|\s+(?:in\s+|of\s+)?)$", re.I)


def _with_positions(text: str, matches: list[Match]) -> list[Match]:
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


_CLOSE_AT = re.compile(_CLOSE)


def _matches(
    text: str, rule: Rule, priority: int, lo: int, hi: int
) -> Iterator[tuple[int, int, int, Match]]:
    """The matches of one rule inside ``text[lo:hi]`` that make a time."""
    for m in rule.regex.finditer(text, lo, hi):
        start, end = m.span()
        if rule.lowercase and m.group()[:1].isupper() and not _sentence_start(text, start):
            continue
        if rule.digits and m.group()[:1].isdigit() and _cue_before(text, start, _blockers()):
            continue
        if end == hi and not _CLOSE_AT.match(text, end):
            continue
        if rule.needs_cue(m.group()) and not _accept_ambiguous(text, start, m.group(), rule):
            continue
        try:
            spec = read(rule.kind, m.groupdict())
        except Rejected:
            continue
        if spec.kind == "offset" and _takes_object(text, m):
            continue
        if spec.kind == "duration" and spec.mod == "APPROX" and m.start("quant") == start:
            start = m.end("quant") + len(m.group("quant_gap") or "")
        yield start, end, priority, Match(start, end, rule.name, spec)


_OBJECT_AFTER = re.compile(r"\s*[\w$\"']")


def _takes_object(text: str, m: re.Match[str]) -> bool:
    """ "two days after the attack": the duration relates two times; only a clause-final
    "before"/"after" ("two days after,") makes the offset from the narrative."""
    direction = (m.groupdict().get("direction") or "").lower()
    return direction in ("before", "after") and _OBJECT_AFTER.match(text, m.end()) is not None


def _accept_ambiguous(text: str, start: int, matched: str, rule: Rule) -> bool:
    if rule.capitalized and not matched[:1].isupper():
        return False
    alone = matched == text.strip() and not rule.cue_always
    return alone or _cue_before(text, start, rule.cue)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"'\u201c\u2018(")
    return not before or before[-1] in ".!?\n"


@functools.cache
def _blockers() -> frozenset[str]:
    return frozenset(lexicon()["blockers"]["before_numbers"])


# ---------------------------------------------------------------- reading groups into a Spec


def _number(words: str) -> float | None:
    """``"two"`` -> 2, ``"twenty-five"`` -> 25, ``"1,000"`` -> 1000; vague words -> None."""
    lex = lexicon()["numbers"]
    key = " ".join(words.lower().split())
    if key in lex["vague_numbers"]:
        return None
    if key in lex:
        return float(lex[key])
    halves = 0.5 if key.endswith(("1/2", "½")) else 0.0
    digits = key.removesuffix("1/2").removesuffix("½").strip().replace(",", "")
    if digits.replace(".", "", 1).isdigit():
        return float(digits) + halves
    total = 0.0
    for token in re.split(r"[\s-]+", key):
        value = lex.get(token)
        if not isinstance(value, (int, float)):
            raise Rejected(words)
        total = total * value if value == 100 and total else total + value
    return total


def _spelled_year(words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (transcripts)."""
    head, _, rest = " ".join(words.lower().split()).partition(" ")
    if head == "two":
        tail = rest.removeprefix("thousand").removeprefix(" and").strip()
        return 2000 + int(_number(tail) or 0) if tail else 2000
    tail = int(_number(rest) or 0)
    if not 10 <= tail <= 99:
        raise Rejected(words)
    return {"nineteen": 1900, "eighteen": 1800}[head] + tail


def _day(words: str) -> int:
    ordinals = lexicon()["ordinals"]
    key = re.sub(r"[\s-]+", "-", words.lower().rstrip("."))
    day = ordinals[key] if key in ordinals else int(re.sub(r"\D", "", key))
    if not 1 <= day <= 31:
        raise Rejected(words)
    return day


def _month(words: str) -> int:
    key = words.lower().rstrip(".")
    month = lexicon()["months"].get(key) if not key.isdigit() else int(key)
    if not month or not 1 <= month <= 12:
        raise Rejected(words)
    return month


def _year(words: str) -> int:
    digits = words.lstrip("'")
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 50 else 2000
    return year


def _hour(g: dict[str, str]) -> int:
    hour = int(g["hour"]) if g["hour"].isdigit() else int(_number(g["hour"]) or 0)
    ampm = (g.get("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise Rejected(g["hour"])
        afternoon = ampm.startswith("p") or ampm.endswith(("afternoon", "evening", "night"))
        hour = hour % 12 + (12 if afternoon and not (ampm.endswith("night") and hour < 5) else 0)
    if hour > 23:
        raise Rejected(g["hour"])
    return hour


def _decade(words: str) -> int:
    """ "1990s", "'90s", "the nineties" -> 1990; "nineteen seventies" -> 1970."""
    words = " ".join(words.lower().split())
    century, _, name = words.rpartition(" ")
    named = lexicon()["decades"].get(name)
    if named is not None:
        return named if not century else int(_number(century) or 0) * 100 + named % 100
    digits = words.lstrip("'").rstrip("s").rstrip("'\u2019")
    return int(digits) if len(digits) == 4 else _year(digits)


def _lookup(table: str) -> Callable[[str], Any]:
    def look_up(words: str) -> Any:
        try:
            return lexicon()[table][" ".join(words.lower().split())]
        except KeyError:
            raise Rejected(words) from None

    return look_up


def _holiday(words: str) -> tuple[str, str]:
    key = " ".join(words.lower().replace("\u2019", "'").split())
    for family, table in lexicon()["holidays"].items():
        if key in table:
            return family, key
    raise Rejected(words)


def _quarter(words: str) -> int:
    return {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(words.lower()) or int(words[0])


def _nth(words: str) -> int:
    """ "first" -> 1, "5th" -> 5, "last" -> -1."""
    key = words.lower()
    return -1 if key == "last" else lexicon()["ordinals"].get(key) or int(key[0])


def _this_year(words: str) -> int:
    return lexicon()["shifts"][words.lower().split()[0]]


#: Words before a part of day ("yesterday afternoon", "that night"): what they add.
_PART_SHIFTS: dict[str, dict[str, Any]] = {
    "this": {"day_offset": 0},
    "tomorrow": {"day_offset": 1},
    "yesterday": {"day_offset": -1},
    "that": {"anaphoric": True},
    "the": {"anaphoric": True},
    "early": {"mod": "START"},
    "late": {"mod": "END"},
}

#: How each named group is read: group -> (Spec field, reader).
_READERS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "year": ("year", _year),
    "month": ("month", _month),
    "day": ("day", _day),
    "weekday": ("weekday", _lookup("weekdays")),
    "weekdays": ("weekday", _lookup("weekdays")),
    "minute": ("minute", int),
    "second": ("second", int),
    "part": ("part", _lookup("parts_of_day")),
    "season": ("season", _lookup("seasons")),
    "quarter": ("quarter", _quarter),
    "half": ("half", lambda w: 1 if w.lower() in ("first", "1") else 2),
    "halfof": ("number", lambda w: 0.5),
    "spelledyear": ("year", lambda w: _spelled_year(w)),
    "nth": ("nth", _nth),
    "decade": ("decade", _decade),
    "century": ("century", _day),
    "holiday": ("holiday", _holiday),
    "shift": ("shift", _lookup("shifts")),
    "shift_after": ("shift", _lookup("shifts_after")),
    "ashift": ("shift", _lookup("anaphoric_shifts")),
    "this_year": ("year_shift", _this_year),
    "calunit": ("calunit", _lookup("calendar_units")),
    "quant": ("mod", _lookup("quantifiers")),
    "ref": ("ref", _lookup("references")),
    "freq": ("freq", _lookup("frequencies")),
    "span": ("span", _lookup("spans")),
    "number": ("number", _number),
}


def read(kind: str, groups: dict[str, str | None]) -> Spec:
    """The :class:`Spec` of a rule's matched groups; raises :class:`Rejected` if impossible.

    >>> read("point", {"month": "Jan.", "day": "2"})
    Spec(kind='point', year=None, month=1, day=2, ...)
    """
    g = {re.sub(r"_\d+$", "", k): v for k, v in groups.items() if v is not None}
    end = {k.removeprefix("end_"): v for k, v in g.items() if k.startswith("end_")}
    g = {k: v for k, v in g.items() if not k.startswith("end_")}
    fields: dict[str, Any] = {"kind": kind}
    for group, words in g.items():
        if group in _READERS:
            name, reader = _READERS[group]
            fields[name] = reader(words)
    if "hour" in g:
        fields["hour"] = _hour(g)
        fields.setdefault("minute", 0)
    if "noon" in g:
        fields["hour"], fields["minute"] = (0, 0) if g["noon"].lower() == "midnight" else (12, 0)
    if "dayword" in g:
        fields["day_offset"], part = _lookup("day_words")(g["dayword"])
        if part:
            fields["part"] = part
    if "ashift" in g or ("calunit" in g and "shift" not in fields):
        fields["anaphoric"] = True
    if "partshift" in g:
        fields.update(_PART_SHIFTS[g["partshift"].lower()])
    if "every" in g:
        fields["freq"] = "EVERY"
    if "fiscal" in g:
        fields["fiscal"] = not g["fiscal"].lower().startswith("the")
    if "andhalf" in g and fields.get("number") is not None:
        fields["number"] += 0.5
    if "unit" in g:
        fields["unit"], multiple = _unit(g["unit"])
        if "number" in g and fields.get("number") is not None:
            fields["number"] *= multiple
        elif "number" not in fields:
            fields["number"] = None if g["unit"].lower().endswith("s") else 1.0
    if "direction" in g:
        fields["direction"], fields["anaphoric"] = _direction(g["direction"])
    if "from_day" in g:  # "two days from tomorrow", "two days before yesterday"
        fields["direction"] = -1 if g["from_day"].lower() == "before" else 1
    if "rest" in g:  # "the rest of the year": of this year, from the publication on
        fields.update(direction=1, shift=fields.get("shift", 0), anaphoric=False)
    if "weekdays" in g:
        fields["freq"] = "weekday"
    if "yearago" in g:
        fields.update(number=1.0, unit="Y", calunit=_ago_unit(g.get("unit")))
    if "weekday" in fields and "shift" in fields and "ofweek" in g:
        fields["calunit"] = "W"
    if end:
        fields["until"] = until = read("point", {**g, **end})
        if "month" not in fields and until.month is not None:  # "from 4 to January 22"
            fields.update(month=until.month, year=until.year)
    return Spec(**fields)


def _unit(words: str) -> tuple[str, int]:
    key = words.lower()
    if key in ("period", "quarter"):
        return "Q", 1
    code, multiple = lexicon()["units"].get(key, ("Y", 1))
    return code, multiple


def _direction(words: str) -> tuple[int, bool]:
    key = " ".join(words.lower().split())
    if key in ("in", "within"):
        return 1, False
    sign, anaphoric = lexicon()["directions"][key]
    return sign, anaphoric


def _ago_unit(words: str | None) -> str | None:
    return {"quarter": "Q", "period": "Q", "month": "M"}.get((words or "").lower())
