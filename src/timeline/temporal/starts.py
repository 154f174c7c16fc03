"""Where a rule's match can begin, read from its pattern, so that it is tried only there.

A recognition rule's regex opens with a word boundary, so a match begins at the first letter
of a word, at the first digit of a number, or at some other character its pattern opens
with. :func:`starts_of` walks the parsed pattern and collects the first words it can begin
with (lowercase, as far as its first non-letter), whether it can begin with a digit, and
which other characters it can begin with. :meth:`Openings.matches` then gives the same matches as
``regex.finditer(text, lo, hi)``, trying the pattern only at the places where such a word,
number or character begins (:class:`Openings`): a rule whose words are absent costs nothing.
Where the walk cannot tell (a class of any word character, a pattern that can match nothing,
one that does not open with a Unicode word boundary), :func:`starts_of` returns ``None`` and
the rule is tried everywhere.

>>> import re
>>> starts = starts_of(re.compile(r"(?<!\\w)(?:(?:next|last)\\s+)?(?:monday|\\d+ days?)", re.I))
>>> sorted(starts.words), starts.digits
(['last', 'monday', 'next'], True)
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

if sys.version_info >= (3, 11):
    from re import _constants as _ops
    from re import _parser as _regex_parser
else:  # pragma: no cover - exercised on Python 3.10 only
    import sre_constants as _ops
    import sre_parse as _regex_parser

#: How many first words a pattern may have before the walk gives up.
_MOST_WORDS = 20_000
#: How often a repeat of letters is followed before the walk gives up.
_MOST_REPEATS = 3
#: The widest range of characters in a class the walk reads one by one.
_WIDEST_RANGE = 256
_WORD_CHARACTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")
#: A word of the text: a run of letters, or of digits.
TOKEN = re.compile(r"[^\W\d_]+|\d+")
_WORD_SPLIT = re.compile(f"({TOKEN.pattern})")
_DIGIT = re.compile(r"\d")


@attrs.frozen(eq=False)
class Starts:
    """The beginnings of a pattern's matches: lowercase first ``words`` (ASCII letters up
    to the first non-letter), a first ``digit`` of a number, other first ``marks``.

    :func:`starts_of` makes one value for patterns that begin alike, so a value is its own
    key (hashed by identity, as :class:`Openings` looks up its places for every pattern).
    """

    words: frozenset[str]
    digits: bool
    marks: frozenset[str]

    @functools.cached_property
    def keys(self) -> frozenset[str]:
        """The keys of :attr:`Openings.where` whose words begin a match: the first words,
        and ``"digit"`` for a first digit."""
        return self.words | {"digit"} if self.digits else self.words


class _Unknown(Exception):
    """The walk cannot bound where the pattern begins."""


def starts_of(regex: re.Pattern[str]) -> Starts | None:
    """Where the matches of ``regex`` can begin; ``None`` where the walk cannot tell (read
    once for each pattern)."""
    return _starts(regex.pattern, regex.flags)


@functools.cache
def _starts(pattern: str, flags: int) -> Starts | None:
    found: dict[str, Any] = {"words": set(), "digits": False, "marks": set()}
    if flags & re.ASCII:
        return None  # its word boundary is not the text's
    try:
        items = _regex_parser.parse(pattern, flags).data
        left = _walk(items, {_FRESH}, found)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    if _FRESH in left or _OPENED in left:
        return None  # the pattern can match without a character
    words, marks = frozenset(found["words"] | left), frozenset(found["marks"])
    # patterns that begin alike share one value: a text's places found for one serve the
    # others (:meth:`Openings.places`) without comparing their words
    shared = _SHARED.get((words, found["digits"], marks))
    if shared is None:
        shared = _SHARED[words, found["digits"], marks] = Starts(words, found["digits"], marks)
    return shared


#: Each value :func:`_starts` has made, by its words, digits and marks.
_SHARED: dict[tuple[frozenset[str], bool, frozenset[str]], Starts] = {}


#: The first word before any character is read, with no word boundary yet, and after one.
_FRESH, _OPENED = "", "^"


def _opens_word(op: Any, arg: Any) -> bool:
    """Whether an assertion keeps a word character out right before the match (``\\b``
    or a lookbehind such as ``(?<![\\w$])``): a word read next is a whole word of the text."""
    if op is _ops.AT:
        return arg is _ops.AT_BOUNDARY
    if op is not _ops.ASSERT_NOT or arg[0] != -1:
        return False
    behind = arg[1].data
    return (
        len(behind) == 1
        and behind[0][0] is _ops.IN
        and (_ops.CATEGORY, _ops.CATEGORY_WORD) in behind[0][1]
    )


def _kind(code: int) -> str:
    """The kind of a character of a pattern: an ASCII "letter", a "digit" or "other"."""
    char = chr(code)
    if char.isascii() and char.isalpha():
        return "letter"
    if _DIGIT.match(char):
        return "digit"
    if _WORD_CHARACTER.match(char):
        raise _Unknown(char)  # a letter beyond ASCII: case-folding is not followed here
    return "other"


def _walk(items: Sequence[Any], words: set[str], found: dict[str, Any]) -> set[str]:
    """Follow ``items`` from the first words read so far; return those still open."""
    for op, arg in items:
        if not words:
            break
        words = _step(op, arg, words, found)
        if len(words) > _MOST_WORDS:
            raise _Unknown("too many first words")
    return words


def _end_words(words: set[str], found: dict[str, Any], kinds: set[str], marks: set[str]) -> None:
    """The first word ends at a character of one of ``kinds``; a pattern that begins with
    such a character begins with a digit or one of ``marks``."""
    for word in words:
        if word not in (_FRESH, _OPENED):
            found["words"].add(word)
            continue
        if "space" in kinds or ("digit" in kinds and word == _FRESH):
            raise _Unknown("begins with a space, or a number inside a word")
        found["digits"] |= "digit" in kinds
        found["marks"] |= marks


def _step(op: Any, arg: Any, words: set[str], found: dict[str, Any]) -> set[str]:
    if op is _ops.LITERAL:
        kind = _kind(arg)
        if kind == "letter":
            return {_opened(w) + chr(arg).lower() for w in words}
        _end_words(words, found, {kind}, {chr(arg)} if kind == "other" else set())
        return set()
    if op is _ops.IN:
        return _class(arg, words, found)
    if op is _ops.BRANCH:
        return set().union(*(_walk(branch.data, set(words), found) for branch in arg[1]))
    if op is _ops.SUBPATTERN:
        return _walk(arg[-1].data, words, found)
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT):
        least, most, item = arg
        out = set(words) if least == 0 else set()
        for times in range(1, _MOST_REPEATS + 1):
            words = _walk(item.data, words, found)
            if not words or times == most:
                return out | (words if times >= least else set())
            if times >= least:
                out |= words
        raise _Unknown("a long repeat of letters")
    if _opens_word(op, arg) and _FRESH in words:
        return words - {_FRESH} | {_OPENED}
    if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
        return words  # takes no character: the words go on
    raise _Unknown(op)


def _class(items: Sequence[Any], words: set[str], found: dict[str, Any]) -> set[str]:
    """A character class: all letters (the words go on) or no letter (they end)."""
    kinds: set[str] = set()
    letters: set[str] = set()
    marks: set[str] = set()
    for op, arg in items:
        if op is _ops.LITERAL or op is _ops.RANGE:
            low, high = (arg, arg) if op is _ops.LITERAL else arg
            if high - low > _WIDEST_RANGE:
                raise _Unknown("a wide range")
            for code in range(low, high + 1):
                kind = _kind(code)
                kinds.add(kind)
                if kind == "letter":
                    letters.add(chr(code).lower())
                elif kind == "other":
                    marks.add(chr(code))
        elif op is _ops.CATEGORY and arg is _ops.CATEGORY_DIGIT:
            kinds.add("digit")
        elif op is _ops.CATEGORY and arg is _ops.CATEGORY_SPACE:
            kinds.add("space")
        else:
            raise _Unknown(op)
    if "letter" not in kinds:
        _end_words(words, found, kinds, marks)
        return set()
    if kinds != {"letter"}:
        raise _Unknown("letters and other characters in one class")
    return {_opened(w) + letter for w in words for letter in letters}


def _opened(word: str) -> str:
    """The letters of a first word so far, which must begin a word of the text."""
    if word == _FRESH:
        raise _Unknown("a word that may begin inside a word of the text")
    return "" if word == _OPENED else word


class Openings:
    """Where the words of one text begin, and so where patterns can begin to match in it.

    ``where`` maps each lowercase word of ``text``, and ``"digit"`` for its numbers, to the
    spans where it occurs. Words with letters beyond ASCII are places for every pattern:
    the regex may fold their case differently from ``str.lower``.

    >>> import re
    >>> regex = re.compile(r"\\b(?:next|last)\\s+week", re.I)
    >>> openings = Openings("Next week, not last week.", {"next": [(0, 4)], "last": [(15, 19)]})
    >>> openings.places(starts_of(regex))
    [0, 15]
    """

    def __init__(self, text: str, where: Mapping[str, Sequence[tuple[int, int]]]) -> None:
        self.text = text
        self.where = where
        self._places: dict[Starts, list[int]] = {}
        self._backwards: str | None = None
        #: where the word that each end of a stretch cuts begins (:meth:`_word_start`)
        self._cuts: dict[int, int] = {}

    @classmethod
    def of(cls, text: str) -> Openings:
        """The openings of ``text``, its words found by :data:`TOKEN`.

        >>> Openings.of("On May 2, 2020").where
        {'on': [(0, 2)], 'may': [(3, 6)], 'digit': [(7, 8), (10, 14)]}
        """
        # the text split into its words and the stretches between them: each word's span is
        # summed from the lengths before it, with no match object made for each word (an
        # ASCII text is lowercased at once, as its words keep their lengths)
        ascii = text.isascii()
        # a stretch, a word, a stretch ... a stretch
        pieces = _WORD_SPLIT.split(text.lower() if ascii else text)
        ends = list(itertools.accumulate(map(len, pieces)))
        spans = zip(ends[:-1:2], ends[1::2], strict=True)
        words = pieces[1::2] if ascii else map(str.lower, pieces[1::2])
        where: dict[str, list[tuple[int, int]]] = {}
        for key, span in zip(words, spans, strict=True):
            where.setdefault(key, []).append(span)
        numbers = [key for key in where if key[0].isdigit()]
        if numbers:  # under one key, with any word "digit" of the text
            spans = where.get("digit", [])
            spans += (span for key in numbers for span in where.pop(key))
            where["digit"] = sorted(spans)
        return cls(text, where)

    def places(self, starts: Starts | None) -> list[int] | None:
        """The offsets where a match with these ``starts`` can begin, in order (``None``
        for a pattern that can begin anywhere)."""
        if starts is None:
            return None
        found = self._places.get(starts)
        if found is None:
            found = self._places[starts] = self._find(starts)
        return found

    def present(self, words: frozenset[str]) -> Iterable[str]:
        """Those of ``words`` that the text holds."""
        where = self.where
        return words.intersection(where) if len(where) < len(words) else where.keys() & words

    def matches(
        self, regex: re.Pattern[str], starts: Starts | None, lo: int, hi: int
    ) -> list[re.Match[str]]:
        """The matches of ``regex.finditer(text, lo, hi)``, the regex tried only where a
        match with these ``starts`` (see :func:`starts_of`) can begin.

        The regex sees the text end at ``hi``: to it, a word that ``hi`` cuts is a shorter
        word, whose start is tried too.

        >>> regex = re.compile(r"\\bweek\\b")
        >>> openings = Openings.of("a week, weekly")
        >>> [m.span() for m in openings.matches(regex, starts_of(regex), 0, 12)]
        [(2, 6), (8, 12)]
        """
        found = self.matches_within(regex, starts, ((lo, hi),))
        return found[0][1] if found else []

    def matches_within(
        self, regex: re.Pattern[str], starts: Starts | None, stretches: Iterable[tuple[int, int]]
    ) -> list[tuple[int, list[re.Match[str]]]]:
        """:meth:`matches` in each of ``stretches``, stretches of text that do not overlap, in
        text order: for each stretch that holds a match, its end and its matches.

        >>> regex = re.compile(r"\\bweek\\b")
        >>> openings = Openings.of("a week, weekly, no week")
        >>> [(hi, [m.span() for m in found])
        ...  for hi, found in openings.matches_within(regex, starts_of(regex), [(0, 12), (15, 23)])]
        [(12, [(2, 6), (8, 12)]), (23, [(19, 23)])]
        """
        return self.matches_at(regex, self.tries(starts, stretches))

    def tries(
        self, starts: Starts | None, stretches: Iterable[tuple[int, int]]
    ) -> list[tuple[int, int, list[int] | None]]:
        """Where a pattern with these ``starts`` is tried in each of ``stretches``: the
        stretches that hold a place, each with its bounds and its places (``None``: every
        offset). Patterns that begin alike are tried at the same places.

        >>> regex = re.compile(r"\\bweek\\b")
        >>> Openings.of("a week, weekly, no day").tries(starts_of(regex), [(0, 12), (15, 22)])
        [(0, 12, [2, 8])]
        """
        places = self.places(starts)
        if places is None:
            return [(lo, hi, None) for lo, hi in stretches]
        tries = []
        first = 0
        cuts = self._cuts
        for lo, hi in stretches:
            first = bisect.bisect_left(places, lo, first)
            last = bisect.bisect_left(places, hi, first)
            tried = places[first:last]
            cut = cuts.get(hi)
            if cut is None:
                cut = cuts[hi] = self._word_start(hi)
            if cut >= lo and (not tried or tried[-1] < cut):
                tried.append(cut)  # no other place lies inside the word cut
            if tried:
                tries.append((lo, hi, tried))
        return tries

    def matches_at(
        self, regex: re.Pattern[str], tries: Iterable[tuple[int, int, list[int] | None]]
    ) -> list[tuple[int, list[re.Match[str]]]]:
        """:meth:`matches_within` at the places :meth:`tries` gives."""
        text, match = self.text, regex.match
        every = []
        for lo, hi, tried in tries:
            if tried is None:
                found = list(regex.finditer(text, lo, hi))
            else:
                found = []
                after = lo
                for at in tried:
                    if at >= after:
                        one = match(text, at, hi)
                        if one is not None:
                            after = one.end()
                            found.append(one)
            if found:
                every.append((hi, found))
        return every

    def _word_start(self, hi: int) -> int:
        """Where the word that ``hi`` cuts begins (-1: ``hi`` cuts no word)."""
        text = self.text
        if not 0 < hi < len(text) or not _WORD_CHARACTER.match(text, hi):
            return -1
        if self._backwards is None:
            self._backwards = text[::-1]
        letters = _LETTERS.match(self._backwards, len(text) - hi)
        return -1 if letters is None else hi - len(letters.group())

    def _find(self, starts: Starts) -> list[int]:
        """The places of ``starts``, each once: a word of the text is under one key of
        ``where``, and a mark or a word beyond ASCII begins no word under another."""
        text, where = self.text, self.where
        spots = [s for key in self.present(starts.keys) for s, _ in where[key]]
        for mark in starts.marks:
            at = text.find(mark)
            while at >= 0:
                spots.append(at)
                at = text.find(mark, at + 1)
        spots += self._foreign
        spots.sort()
        return spots

    @functools.cached_property
    def _foreign(self) -> list[int]:
        """Where the words with letters beyond ASCII begin: every rule is tried there, as
        their case folding may meet its first words (the Kelvin sign, a long s)."""
        if self.text.isascii():
            return []
        return [s for w, spans in self.where.items() if not w.isascii() for s, _ in spans]
