"""Trying a pattern only where its match can begin finds what trying it everywhere finds.

:mod:`timeline.temporal.starts` reads from each recognition rule (and the trap names and
tense cues) the words, numbers and marks its matches begin with; :func:`matches` tries the
regex only there. The property: for every such pattern, on any text and any stretch of it,
the matches are those of ``regex.finditer`` -- same spans, same groups.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal.grammar import _traps, rules
from timeline.temporal.starts import Openings, starts_of
from timeline.temporal.tense import _ED, _cues

PATTERNS = [
    (regex, starts_of(regex))
    for regex in [rule.regex for rule in rules()] + [_traps(), *_cues()[:2], _ED]
]

#: Words and marks the rules begin with or read, and look-alikes whose case folds oddly
#: (a long s is an "s", the Kelvin sign a "k" to the regex, not to ``str.lower``).
PIECES = (
    "the", "The", "last", "next", "this", "a", "an", "at", "on", "from", "between", "to",
    "and", "of", "in", "since", "every", "each", "about", "early", "late", "mid", "fiscal",
    "FY", "Q3", "H1", "January", "Jan.", "jan", "May", "may", "March", "Sept.", "Monday",
    "mondays", "Sunday", "\u017funday", "SUNDAY", "Sunday's", "week", "weeks", "day", "days",
    "year", "years", "month", "quarter", "half", "morning", "night", "tonight", "today",
    "yesterday", "tomorrow", "now", "currently", "ago", "later", "earlier", "before",
    "after", "two", "three", "twenty", "one", "five", "o'clock", "noon", "midnight",
    "Christmas", "Easter", "New", "Year's", "Eve", "Times", "Day", "After", "Tomorrow",
    "will", "would", "said", "was", "were", "expected", "planned", "walked", "'ll", "\u212aing",
    "\u0130stanbul", "na\u00efve", "1", "2", "12", "15", "30", "1998", "2020", "'90s",
    "\u201990s", "1990s", "3:30", "10:45", "p.m.", "a.m.", "pm", "GMT", "EST", "2020-01-02",
    "1/2", "3/15/2020", "12-Mar-2019", "%", "$5", "#1", "-", "\u2013", ",", ".", "'", "/",
    "(", ")", "\n",
)  # fmt: skip
SEPARATORS = ("", " ", " ", "  ", "\n", "-", ",", ", ", ". ")

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)


def spans(found: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in found]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, data=st.data())
def test_matches_at_places_are_those_of_finditer(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    openings = Openings.of(text)
    for regex, starts in PATTERNS:
        tried = openings.matches(regex, starts, lo, hi)
        assert spans(tried) == spans(list(regex.finditer(text, lo, hi))), regex.pattern[:80]


def test_every_rule_knows_where_it_begins() -> None:
    assert [rule.name for rule in rules() if rule.starts is None] == []


@pytest.mark.parametrize(
    "pattern",
    [
        r"ed\b",  # begins inside a word
        r"\d+",  # a number's digits, inside or not
        r"(?<!\w)[a-z]+",  # any word
        r"(?<!\w)(?:next)?",  # nothing at all
        r"\b\s+week",  # a space first
        r"\b(?:\w+)\s+week",  # any word character
        r"(?<!\w)\u00e9t\u00e9",  # a letter beyond ASCII
    ],
)
def test_no_starts_where_the_walk_cannot_tell(pattern: str) -> None:
    assert starts_of(re.compile(pattern, re.I)) is None


def test_starts_of_words_numbers_and_marks() -> None:
    starts = starts_of(
        re.compile(r"(?<![\w$])(?:(?:the\s+)?(?:next|last)\s+week|\d+s?|['\u2019]\d\d)")
    )
    assert starts is not None
    assert starts.words == {"the", "next", "last"}
    assert starts.digits
    assert starts.marks == {"'", "\u2019"}


def test_optional_marks_join_words() -> None:
    starts = starts_of(re.compile(r"\bmother['\u2019]?s\s+day", re.I))
    assert starts is not None and starts.words == {"mother", "mothers"}


def test_words_beyond_ascii_are_places_for_every_pattern() -> None:
    # a long s: the regex folds its case, str.lower does not
    text = "On \u017funday and on Sunday"
    regex = re.compile(r"(?<!\w)sunday\b", re.I)
    found = Openings.of(text).matches(regex, starts_of(regex), 0, len(text))
    assert [m.group() for m in found] == ["\u017funday", "Sunday"]


def test_no_place_in_reach_no_match() -> None:
    regex = re.compile(r"(?<!\w)week\b", re.I)
    openings = Openings.of("a week")
    assert openings.matches(regex, starts_of(re.compile(r"\bday", re.I)), 0, 6) == []
    assert openings.matches(regex, starts_of(regex), 3, 6) == []


def test_a_word_cut_by_the_end_of_the_stretch_is_tried() -> None:
    regex = re.compile(r"(?<!\w)years\b", re.I)
    text = "two yearsthe"
    found = Openings.of(text).matches(regex, starts_of(regex), 0, 9)
    assert [m.span() for m in found] == [m.span() for m in regex.finditer(text, 0, 9)] == [(4, 9)]
