"""Recognition: find the spans of text that name a time.

The rules live in ``lexicon/en_rules.toml`` and the words in ``lexicon/en.toml``. Each
rule's named groups are read into a :class:`~timeline.temporal.spec.Spec`, the meaning of the
words before any anchoring; ``compose.py`` joins neighbouring matches and ``resolve.py`` turns
a Spec into a TIMEX3 value and an Interval.

>>> [(m.start, m.end, m.spec.weekday) for m in scan("Iraq's parliament voted on Sunday.")]
[(27, 33, 7)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from timeline.temporal.clocks import with_hour_ranges, with_parts_of_day
from timeline.temporal.compose import (
    combine,
    compounds,
    in_apposition,
    lengths,
    open_ranges,
    weekday_ranges,
    with_bare_hours,
    with_day_numbers,
    with_glued_clocks,
    with_positions,
    with_units_around,
    with_years,
)
from timeline.temporal.compose import ranges as join_ranges
from timeline.temporal.relative import with_directions
from timeline.temporal.spec import KINDS, Match, Rejected, Spec, name_key, read
from timeline.temporal.starts import TOKEN, Openings, Starts, starts_of
from timeline.temporal.words import alternation, lexicon, load_toml
from timeline.temporal.zones import stamp_zone_pattern, zone_pattern

#: Placeholders that stand for every word of one table of en.toml.
_TABLES = {
    "unit": "units",
    "calunit": "calendar_units",
    "part": "parts_of_day",
    "season": "seasons",
    "dayword": "day_words",
    "shift": "shifts",
    "shift_after": "shifts_after",
    "ashift": "anaphoric_shifts",
    "direction": "directions",
    "quant": "quantifiers",
    "ref": "references",
    "freq": "frequencies",
    "span": "spans",
    "decade": "decades",
}


@functools.cache
def _placeholders() -> dict[str, str]:
    lex = lexicon()
    number_word = alternation(w for w in lex["numbers"] if w not in _ARTICLES)
    holidays = {name: spec for family in lex["holidays"].values() for name, spec in family.items()}
    months, month_abbreviations = _names_and_abbreviations(lex["months"])
    weekdays, weekday_abbreviations = _names_and_abbreviations(lex["weekdays"])
    return {
        "month": f"(?:{alternation(months)}|{alternation(month_abbreviations)}\\.?)",
        "month_full": alternation(months),
        "month_abbr_dot": f"{alternation(month_abbreviations)}\\.",
        "month_abbr_plain": alternation(
            a for a in month_abbreviations if a not in lex["ambiguous"]["months"]
        ),
        "weekday": alternation(weekdays),
        "weekday_any": f"(?:{alternation(weekdays)}|{alternation(weekday_abbreviations)}\\.?)",
        "ordinal": alternation(lex["ordinals"]).replace(r"\-", r"[\s-]"),
        "number": rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2|½)?|{number_word}(?:[\s-]+{number_word})*|an?)",
        "vague": alternation(lex["numbers"]["vague_numbers"]),
        "ranked_noun": alternation(lex["blockers"]["after_ordinals"]),
        "holiday": _loose(alternation(holidays)),
        "zone": zone_pattern(),
        "stamp_zone": stamp_zone_pattern(),
        "period": alternation(lex["periods"]["words"]),
        **{hole: alternation(lex[table]) for hole, table in _TABLES.items()},
    }


def _loose(names: str) -> str:
    """An alternation of names whose apostrophes and dots may be left out ("mothers day",
    "st patrick's day"); spec.name_key reads them back."""
    return names.replace("['\u2019]", "['\u2019]?").replace(r"\.", r"\.?")


_ARTICLES = ("a", "an")


def _names_and_abbreviations(table: dict[str, int]) -> tuple[list[str], list[str]]:
    """Split a table of names by value into full names (the longest) and abbreviations."""
    longest: dict[int, str] = {}
    for word, value in table.items():
        if len(word) > len(longest.get(value, "")):
            longest[value] = word
    names = sorted(set(longest.values()))
    return names, [w for w in table if w not in names]


#: Boundaries around every rule: not inside a word, a number, an amount, a version string or
#: a zone's offset ("GMT+05:00" holds no clock time). A year may end before a clock time
#: glued to it by a dash or a slash ("August 8, 2012-4:43 pm", as web pages stamp their
#: posts): the date keeps its year.
_OPEN = r"(?<![\w$£€#@+])(?<!\d[.,/:-])"
_CLOSE = r"(?![\w%@])(?:(?<=\d{4})(?=[-/][0-2]?\d:[0-5]\d)|(?![.,/:-]\d))"


@attrs.frozen
class Rule:
    """A recognition rule: a pattern, the kind of meaning it makes, its cue words.

    The pattern is compiled, and where its matches can begin is read, when the rule is
    first tried: a short text tries few rules.
    """

    name: str
    family: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    pattern: str
    keys: frozenset[str]
    digits: bool = False
    cue: frozenset[str] = frozenset()
    ambiguous: frozenset[str] | None = None
    capitalized: bool = False
    lowercase: bool = False
    cue_ignores_the: bool = False
    cue_always: bool = False
    ranges_only: bool = False
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    name_before_capital: bool = False
    title_is_name: bool = False
    titled_figure: bool = False
    name_in_prose: bool = False
    counted: bool = False
    game_period: bool = False

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern, case-insensitive."""
        return _compiled(self.pattern)

    @functools.cached_property
    def starts(self) -> Starts | None:
        """Where the pattern's matches can begin (``None``: anywhere)."""
        return starts_of(self.regex)

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
    """The rules of ``lexicon/en_rules.toml``, in priority order."""
    lex, holes, classes = lexicon(), _placeholders(), _key_classes()
    made = []
    for raw in load_toml("en_rules.toml")["rule"]:
        keys = frozenset().union(*(classes.get(k, {k}) for k in raw["keys"]))
        pattern = re.sub(r"\{([a-z_]+)\}", lambda m: holes[m.group(1)], raw["pattern"])
        ambiguous = raw.get("ambiguous")
        made.append(
            Rule(
                name=raw["name"],
                family=raw["family"],
                kind=raw["kind"],
                pattern=_OPEN + "(?:" + pattern + ")" + _CLOSE,
                keys=keys - {"digit"},
                digits="digit" in keys,
                cue=frozenset(lex["cues"][raw["cue"]]) if "cue" in raw else frozenset(),
                ambiguous=frozenset(lex["ambiguous"][ambiguous]) if ambiguous else None,
                capitalized=raw.get("capitalized", False),
                lowercase=raw.get("lowercase", False),
                cue_ignores_the=raw.get("cue_ignores_the", False),
                cue_always=raw.get("cue_always", False),
                ranges_only=raw.get("ranges_only", False),
                not_after=_word_list(raw["not_after"]) if "not_after" in raw else frozenset(),
                not_before=_word_list(raw["not_before"]) if "not_before" in raw else frozenset(),
                name_before_capital=raw.get("name_before_capital", False),
                title_is_name=raw.get("title_is_name", False),
                titled_figure=raw.get("titled_figure", False),
                name_in_prose=raw.get("name_in_prose", False),
                counted=raw.get("counted", False),
                game_period=raw.get("game_period", False),
            )
        )
    return tuple(made)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _word_list(name: str) -> frozenset[str]:
    """The words of a cue list of en.toml, or of a table of it (its words, abbreviated with a
    dot or not: "jan", "jan.")."""
    lex = lexicon()
    if name in lex["cues"]:
        return frozenset(lex["cues"][name])
    return frozenset(w for word in lex[name] for w in (word, f"{word}."))


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
    "holiday": ("holidays.fixed", "holidays.easter", "holidays.nth_weekday", "holidays.hijri"),
    "decade": ("decades",),
    "period": ("periods.words",),
    "ordinal": ("ordinals",),
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
                words.update(t.lower() for t in TOKEN.findall(phrase))
                words.update(TOKEN.findall(name_key(phrase)))
        classes[name] = frozenset(words - _NOT_KEYS) if name == "holiday" else frozenset(words)
    return classes


def _windows(spots: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Merged stretches of text within reach of the given key word positions."""
    ordered = iter(sorted(spots))
    first = next(ordered, None)
    if first is None:
        return []
    stretches = []
    lo, hi = first[0] - _REACH, first[1] + _REACH
    for start, end in ordered:
        if start - _REACH > hi:
            stretches.append((max(0, lo), min(length, hi)))
            lo = start - _REACH
        if end + _REACH > hi:
            hi = end + _REACH
    stretches.append((max(0, lo), min(length, hi)))
    return stretches


def _trapped(openings: Openings, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a name such as "Sunday Times"."""
    traps, reach = _traps(), _TRAP_REACH
    return any(
        m.start() <= start and end <= m.end()
        for m in openings.matches(traps, starts_of(traps), max(0, start - reach), end + reach)
    )


#: How far a trap phrase can reach beyond the time words inside it.
_TRAP_REACH = 30


@functools.cache
def _web_addresses() -> re.Pattern[str]:
    """Web addresses, in whose paths no time is found."""
    return re.compile(lexicon()["web_addresses"]["pattern"])


@functools.cache
def _traps() -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(lexicon()["traps"]["phrases"]) + r"\b", re.IGNORECASE)


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


_WORDS_AFTER = re.compile(r"\s*([\w'.-]+)(?:\s+([\w'.-]+))?")


def _cue_after(text: str, end: int, cues: frozenset[str]) -> bool:
    m = _WORDS_AFTER.match(text, end, end + 40)
    if not m:
        return False
    first, second = (w.lower().strip(",.-") if w else "" for w in m.groups())
    return first in cues or f"{first} {second}" in cues


def scan(text: str, ranges: bool = False, openings: Openings | None = None) -> list[Match]:
    """Every time expression in ``text``: the longest non-overlapping matches, in text order.

    With ``ranges`` two whole dates joined by "to", "until" or "between ... and" make one
    range, as do a length and the time it runs from ("three weeks starting March 2"), and
    a time after "since", "before", "up to"... is an open range with that word in its
    extent; without, they stay apart, as TimeML annotates them. ``openings``, those of
    ``text``, spare reading its words again.

    >>> [m.rule for m in scan("It happened on January 2, 2020, two days ago.")]
    ['month_day_year', 'offset']
    """
    openings = Openings.of(text) if openings is None else openings
    candidates = _candidates(text, openings, ranges)
    titles = [(c[0], c[1]) for c in candidates if c[3] is None]
    candidates = [
        c
        for c in candidates
        if c[3] is not None
        and not _trapped(openings, c[0], c[1])
        and not any(lo <= c[0] and c[1] <= hi for lo, hi in titles)
    ]
    periods = [c for c in candidates if _game_period(text, c[3])]
    games = _games()
    if periods and openings.matches(games, starts_of(games), 0, len(text)):
        candidates = [c for c in candidates if c not in periods]
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))

    chosen: list[Match] = []
    taken = bytearray(len(text))
    for address in _web_addresses().finditer(text):
        taken[address.start() : address.end()] = b"\x01" * (address.end() - address.start())
    for start, end, _, match in candidates:
        if taken.find(1, start, end) == -1:
            chosen.append(match)
            taken[start:end] = b"\x01" * (end - start)
    matches = combine(text, sorted(chosen, key=lambda m: m.start))
    matches = with_glued_clocks(text, matches, _clock_at)
    matches = with_bare_hours(text, with_day_numbers(text, matches))
    matches = with_parts_of_day(text, matches)
    matches = with_years(text, matches)
    matches = with_units_around(text, matches)
    matches = with_positions(text, matches)
    matches = compounds(text, matches)
    matches = in_apposition(text, with_directions(text, matches))
    if not ranges:
        return matches
    joined = weekday_ranges(text, join_ranges(text, with_hour_ranges(text, matches)))
    return open_ranges(text, lengths(text, joined))


#: The rules of clock times a dash or a slash may glue to a date's year.
_GLUED_CLOCKS = ("clock_ampm", "clock_24h")
#: A glued clock time is read in the rest of its line, at most this long.
_CLOCK_REACH = 40


def _clock_at(text: str, start: int) -> Match | None:
    """The clock time that starts at ``start`` right after a dash or a slash glued to a
    year, which the rules' own boundary keeps out ("2012-4:43 pm"), read in the text after
    the glue."""
    end = text.find("\n", start, start + _CLOCK_REACH)
    piece = text[start : end if end >= 0 else start + _CLOCK_REACH]
    for rule in _glued_clock_rules():
        m = rule.regex.match(piece)
        if m is None or not _CLOSE_AT.match(text, start + m.end()):
            continue
        try:
            spec = read(rule.kind, m.groupdict())
        except Rejected:
            continue
        return Match(start, start + m.end(), rule.name, spec)
    return None


@functools.cache
def _glued_clock_rules() -> tuple[Rule, ...]:
    """The rules of :data:`_GLUED_CLOCKS`, in priority order, found once."""
    return tuple(rule for rule in rules() if rule.name in _GLUED_CLOCKS)


def _game_period(text: str, match: Match | None) -> bool:
    """Whether ``match`` is a period that a game has too ("the third quarter", "4th-quarter"):
    no year in it."""
    return (
        match is not None
        and match.rule in _game_rules()
        and match.spec.year is None
        and "year" not in text[match.start : match.end].lower()
    )


@functools.cache
def _game_rules() -> frozenset[str]:
    return frozenset(rule.name for rule in rules() if rule.game_period)


@functools.cache
def _games() -> re.Pattern[str]:
    return re.compile(rf"\b{alternation(lexicon()['blockers']['games'])}\b", re.I)


def _candidates(
    text: str, openings: Openings, ranges: bool
) -> list[tuple[int, int, int, Match | None]]:
    """Every rule's matches within reach of its key words, tried where they can begin: as
    ``_matches`` gives them, with the rule's priority."""
    where = openings.where
    # the key words of each rule that the text holds, read in one pass over its words
    present: dict[frozenset[str], list[str]] = {}
    keyed = _rules_keyed_by()
    for word in where:
        for keys in keyed.get(word, ()):
            present.setdefault(keys, []).append(word)
    numbers = where.get("digit", [])
    windows: dict[tuple[frozenset[str], bool], list[tuple[int, int]]] = {}
    # rules with the same key words and first words are tried at the same places
    tried: dict[int, list[tuple[int, int, list[int] | None]]] = {}
    alike = _tried_alike()
    candidates = []
    for priority, rule in enumerate(rules()):
        if rule.ranges_only and not ranges:
            continue
        words = present.get(rule.keys, ())
        if not words and not (rule.digits and numbers):
            continue  # none of its key words, no number: no window to try it in
        places = tried.get(alike[priority])
        if places is None:
            stretches = windows.get((rule.keys, rule.digits))
            if stretches is None:
                spots = [s for key in words for s in where[key]]
                spots += numbers if rule.digits else []
                stretches = windows[rule.keys, rule.digits] = _windows(spots, len(text))
            places = tried[alike[priority]] = openings.tries(rule.starts, stretches)
        for hi, found in openings.matches_at(rule.regex, places):
            candidates.extend(_matches(text, rule, priority, hi, found))
    return candidates


@functools.cache
def _tried_alike() -> tuple[int, ...]:
    """For each rule, the first rule with its key words and its first words: the two are
    tried at the same places of a text."""
    first: dict[tuple[frozenset[str], bool, Starts | None], int] = {}
    return tuple(
        first.setdefault((rule.keys, rule.digits, rule.starts), priority)
        for priority, rule in enumerate(rules())
    )


@functools.cache
def _rules_keyed_by() -> dict[str, tuple[frozenset[str], ...]]:
    """The sets of key words of the rules (:attr:`Rule.keys`) that hold each key word."""
    found: dict[str, dict[frozenset[str], None]] = {}
    for rule in rules():
        for word in rule.keys:
            found.setdefault(word, {})[rule.keys] = None
    return {word: tuple(sets) for word, sets in found.items()}


_CLOSE_AT = re.compile(_CLOSE)


def _matches(
    text: str, rule: Rule, priority: int, hi: int, found: list[re.Match[str]]
) -> Iterator[tuple[int, int, int, Match | None]]:
    """Of the matches ``found`` of one rule in a stretch of text ending at ``hi``, those
    that make a time, and, without a Match, the spans of titles ("The Day After Tomorrow")
    no time may be found inside."""
    for m in found:
        start, end = m.span()
        if rule.lowercase and m.group()[:1].isupper() and not _sentence_start(text, start):
            continue
        if rule.digits and m.group()[:1].isdigit() and _cue_before(text, start, _blockers()):
            continue
        if end == hi and not _CLOSE_AT.match(text, end):
            continue
        if rule.needs_cue(m.group()) and not _accept_ambiguous(text, start, m.group(), rule):
            continue
        if _a_title(m, rule) or _a_title_in_prose(text, m, rule):
            yield start, end, priority, None
            continue
        if (
            _a_name(text, m, rule)
            or (rule.not_after and _cue_before(text, start, rule.not_after))
            or (rule.not_before and _cue_after(text, end, rule.not_before))
        ):
            continue
        try:
            spec = read(rule.kind, m.groupdict())
        except Rejected:
            continue
        if spec.kind == "offset" and _takes_object(text, m):
            continue
        if _placed_by_event(text, end, spec):
            spec = attrs.evolve(spec, by_event=True)
        elif _ranked_in_year(text, start, spec):
            spec = attrs.evolve(spec, anaphoric=False, shift=0)
        if spec.kind == "duration" and spec.mod == "APPROX" and m.start("quant") == start:
            start = m.end("quant") + len(m.group("quant_gap") or "")
        yield start, end, priority, Match(start, end, rule.name, spec)


#: A word after "before"/"after" that names what they relate to: "that" refers back to the
#: narrative's last time ("the day after that") or opens a clause ("learned the day before
#: that he had won"), so it names nothing new.
_OBJECT = r"(?!that\b)[\w$\"']"
_OBJECT_AFTER = re.compile(rf"\s*{_OBJECT}", re.I)


def _takes_object(text: str, m: re.Match[str]) -> bool:
    """ "two days after the attack": the duration relates two times; only a clause-final
    "before"/"after" ("two days after,", "the day after that") makes the offset from the
    narrative."""
    direction = (m.groupdict().get("direction") or "").lower()
    return direction in ("before", "after") and _OBJECT_AFTER.match(text, m.end()) is not None


@functools.cache
def _event_after() -> re.Pattern[str]:
    words = alternation(lexicon()["cues"]["event_relations"])
    return re.compile(rf"\s+{words}\s+{_OBJECT}", re.I)


def _placed_by_event(text: str, end: int, spec: Spec) -> bool:
    """Whether ``spec`` is the narrative's unit or part of a day before a happening that
    places it ("the day after his death", "the night before the attack"): the time of the
    happening is not in the words."""
    return (
        spec.kind == "point"
        and spec.anaphoric
        and spec.shift is None
        and spec.day_offset is None
        and spec.hour is None
        and all(v is None for v in (spec.year, spec.month, spec.day, spec.weekday))
        and (spec.calunit is not None or spec.part is not None)
        and _event_after().match(text, end) is not None
    )


@functools.cache
def _superlative_of() -> re.Pattern[str]:
    not_superlatives = alternation(lexicon()["blockers"]["est_words"])
    return re.compile(
        rf"(?<![\w-])(?:(?:most|least)\s+[a-z-]+|(?!{not_superlatives}(?![\w-]))[a-z]+est)"
        r"(?:\s+[\w'-]+){0,4}\s+of\s+$",
        re.I,
    )


def _ranked_in_year(text: str, start: int, spec: Spec) -> bool:
    """Whether ``spec`` is "the year" a superlative ranks in ("the largest fire of the
    year"): the year at hand, not the last one the narrative named."""
    return (
        spec.calunit == "Y"
        and spec.anaphoric
        and spec.shift is None
        and spec.year is None
        and _superlative_of().search(text, max(0, start - 60), start) is not None
    )


_NEXT_WORD = re.compile(r"\s+([\w'-]+)")


def _a_name(text: str, m: re.Match[str], rule: Rule) -> bool:
    """Whether the words of ``m`` are a name or a count, not a time: a lowercase ambiguous
    word where a rule wants capitals ("this march"), a month or season before a capitalized
    word with no cue or shift ("June Carter", "the Winter Meetings"; not "last Spring
    Congress"), a figure before a counted noun ("1999 points") or a vehicle make, whose
    model year it is ("a 2013 Toyota")."""
    if rule.capitalized and rule.ambiguous and len(m.group().split()) > 1:
        words = (v for v in m.groupdict().values() if v and " " not in v)
        if any(w.lower().rstrip(".") in rule.ambiguous and w[:1].islower() for w in words):
            return True
    after = _NEXT_WORD.match(text, m.end())
    if rule.name_before_capital and after and after.group(1)[:1].isupper():
        return not (m.groupdict().get("shift") or _cue_before(text, m.start(), rule.cue))
    if rule.counted and after and _counts_or_models(after.group(1)):
        return not _cue_before(text, m.start(), _date_words())
    return False


def _a_title(m: re.Match[str], rule: Rule) -> bool:
    """Whether ``m`` is a Title Cased phrase of several words ("The Day After Tomorrow"), not
    a headline's capitals ("LAST WEEK")."""
    words = m.group().split()
    return (
        rule.title_is_name
        and len(words) > 1
        and all(w[:1].isupper() for w in words)
        and not m.group().isupper()
    )


#: How far around a title its line is read for a word of prose, in characters.
_PROSE_REACH = 50
_LINE_WORDS = re.compile(r"[^\W\d_][\w'.-]*")


def _a_title_in_prose(text: str, m: re.Match[str], rule: Rule) -> bool:
    """Whether ``m`` is part of a title in running prose, so names a show, a book or an
    award, not a time: capitalized words after a figure ("told 60 Minutes", rules marked
    ``titled_figure``) or after a lowercase "the" ("crowned Playmate of the Month", rules
    marked ``title_is_name``), or, for rules marked ``name_in_prose``, capitalized words
    right after or before another capitalized word ("World News Tonight", "CBS This
    Morning", "The Tonight Show"). A lowercase word within :data:`_PROSE_REACH` characters
    on its line, other than the small words Title Case leaves lowercase, tells prose from a
    headline ("Talks Last 60 Minutes", "Stocks Fall for the Week")."""
    words = m.group().split()
    if not words or m.group().isupper():
        return False
    if rule.name_in_prose and words[0][:1].isupper():
        if _sentence_start(text, m.start()):
            return False
        after = _NEXT_WORD.match(text, m.end())
        named = _capital_before(text, m.start()) or (
            after is not None and after.group(1)[:1].isupper()
        )
    else:
        named = (
            len(words) > 1
            and all(w[:1].isupper() for w in words[1:])
            and (
                (rule.titled_figure and words[0].isdigit())
                or (rule.title_is_name and words[0] == "the")
            )
        )
    if not named:
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    before = _LINE_WORDS.findall(text, max(line_start, m.start() - _PROSE_REACH), m.start())
    after_words = _LINE_WORDS.findall(
        text, m.end(), min(m.end() + _PROSE_REACH, len(text) if line_end < 0 else line_end)
    )
    small = _title_lowercase()
    return any(w[:1].islower() and w.lower() not in small for w in (*before, *after_words))


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'.]*) $")


def _capital_before(text: str, start: int) -> bool:
    """Whether the word right before ``start``, a single space away, is capitalized, ends no
    sentence and names no day or month ("Tuesday Night" is a time)."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    return (
        word[:1].isupper() and not word.endswith(".") and word.lower() not in _day_and_month_names()
    )


@functools.cache
def _day_and_month_names() -> frozenset[str]:
    return _word_list("weekdays") | _word_list("months")


@functools.cache
def _title_lowercase() -> frozenset[str]:
    return frozenset(lexicon()["blockers"]["title_lowercase"])


@functools.cache
def _counted() -> frozenset[str]:
    return frozenset(lexicon()["blockers"]["after_numbers"])


def _counts_or_models(word: str) -> bool:
    """Whether a figure before ``word`` is a count ("1999 points") or a model year ("2013
    Toyota"), not a year."""
    lowered = word.lower()
    return lowered in _counted() or (word[:1].isupper() and lowered in _vehicle_makes())


@functools.cache
def _vehicle_makes() -> frozenset[str]:
    return frozenset(lexicon()["blockers"]["vehicle_makes"])


@functools.cache
def _date_words() -> frozenset[str]:
    return frozenset(lexicon()["cues"]["date_cues"]) | {"in", "during"}


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
