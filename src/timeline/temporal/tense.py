"""The tense of the clause a time expression modifies: ``"past"``, ``"future"`` or ``None``.

From text alone, the nearest tense cue in the same sentence decides (``will``, ``is to``,
``next`` for the future; past-tense verbs for the past). With a spaCy ``Doc``, the tags of
the verb the expression hangs from decide, and the text is not parsed again.

>>> text = "Iraq's parliament voted on Sunday. The minister will travel on Friday."
>>> clause_tense(text, 27, 33), clause_tense(text, 63, 69)
('past', 'future')
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from timeline.temporal.starts import Openings, starts_of
from timeline.temporal.words import lexicon

_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
#: Reaches the last sentence end of a stretch (backtracking from its end).
_LAST_SENTENCE_END = re.compile(rf"(?s:.*)(?:{_SENTENCE_END.pattern})")


class _Cues(NamedTuple):
    """The tense cue patterns of the lexicon's ``[tense]`` table."""

    future: re.Pattern[str]
    past: re.Pattern[str]
    not_past: frozenset[str]
    future_before: re.Pattern[str]  # ends right before the expression ("will", "is to")
    participle: re.Pattern[str]  # ends right before a past form that is a participle
    deadline: re.Pattern[str]
    perfect: re.Pattern[str]  # ends right before the verb
    deadline_before: re.Pattern[str]  # ends right before the expression ("until", "by")
    past_perfect: re.Pattern[str]
    deadline_verbs: re.Pattern[str]
    happening_after: re.Pattern[str]  # starts right after the expression ("bombings")
    happening_before: re.Pattern[str]  # ends right before the expression ("attack on")


@functools.cache
def _cues() -> _Cues:
    words = lexicon()["tense"]

    def alternation(phrases: list[str]) -> re.Pattern[str]:
        # a word starts after no letter; a clitic ("'ll") right after its word ("I'll")
        ordered = sorted(phrases, key=len, reverse=True)
        words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered if p[:1].isalnum())
        clitics = "|".join(re.escape(p) for p in ordered if not p[:1].isalnum())
        either = [f"(?<![\\w'\u2019])(?:{words})" if words else "", clitics]
        return re.compile("(?:" + "|".join(e for e in either if e) + r")(?!\w)", re.I)

    def ending(key: str) -> re.Pattern[str]:
        """The phrases of ``key`` right at the end of a stretch (before the expression)."""
        return re.compile(alternation(words[key]).pattern + r"\s+$", re.I)

    past_modal = alternation(words["future_not_before"]).pattern
    happenings = alternation(words["happenings"]).pattern
    return _Cues(
        future=re.compile(alternation(words["future"]).pattern + rf"(?!\s*{past_modal})", re.I),
        past=alternation(words["past"]),
        not_past=frozenset(words["not_past"]),
        future_before=ending("future_before"),
        participle=ending("participle_after"),
        deadline=alternation(words["deadline"]),
        perfect=ending("perfect"),
        deadline_before=ending("deadline_before"),
        past_perfect=alternation(words["past_perfect"]),
        deadline_verbs=alternation(words["deadline_verbs"]),
        happening_after=re.compile(r"\s+(?:[\w-]+\s+)?" + happenings, re.I),
        happening_before=re.compile(
            happenings + r"\s+" + alternation(words["happening_links"]).pattern + r"\s+$",
            re.I,
        ),
    )


#: How much farther a cue counts for each comma between it and the expression.
_CLAUSE_BREAK = 20
#: How far before an expression a past verb is still the one it modifies ("won 3-2 on").
_VERB_GAP = 12
#: How far before an expression its deadline word ends ("until", "by").
_DEADLINE_REACH = 12
#: How far before an expression a happening and its preposition start ("the attack on").
_HAPPENING_REACH = 24
_ED = re.compile(r"\b[a-z]{2,}ed\b")


def clause_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the sentence around ``text[start:end]``, by its nearest tense cue."""
    return Clauses(text).tense(start, end)


class Clauses:
    """The sentences of one text and their tense cues, each sentence read once however many
    times it holds (:func:`clause_tense` for many expressions of one text). ``openings``,
    those of the text, let the cue words be looked for only where they can begin.

    >>> clauses = Clauses("Iraq's parliament voted on Sunday. The minister will travel on Friday.")
    >>> clauses.tense(27, 33), clauses.tense(63, 69)
    ('past', 'future')
    """

    def __init__(self, text: str, openings: Openings | None = None) -> None:
        self.text = text
        self.openings = openings
        self._cues: dict[tuple[int, int], tuple[tuple[int, int, str], ...]] = {}
        self._around: dict[tuple[int, int], tuple[int, int]] = {}

    def _bounds(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence around ``[start, end)`` begins and ends (300 characters at most
        either side)."""
        key = (start, end)
        if key not in self._around:
            self._around[key] = self._find_bounds(start, end)
        return self._around[key]

    def _find_bounds(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        last_end = _LAST_SENTENCE_END.match(text, max(0, start - 300), start)
        left = last_end.end() if last_end else max(0, start - 300)
        right_match = _SENTENCE_END.search(text, end, end + 300)
        return left, right_match.start() if right_match else min(len(text), end + 300)

    def verb_past(self, start: int, end: int) -> bool:
        """Whether a past verb ends just before ``start`` with no comma or deadline word
        between: the time is that event's ("won 3-2 on January 13"), not a date ahead that
        past-tense reporting names ("extended the offer to Nov. 20").

        >>> Clauses("Arsenal won 3-2 on January 13.").verb_past(19, 29)
        True
        >>> Clauses("The bid was extended to Nov. 16.").verb_past(24, 31)
        False
        """
        text = self.text
        left, right = self._bounds(start, end)
        cues = _cues()
        for cue_start, cue_end, tense in self._sentence(left, right):
            if tense != "past" or not 0 <= start - cue_end <= _VERB_GAP:
                continue
            between = text[cue_end:start]
            listed = cues.past.fullmatch(text, cue_start, cue_end) is not None
            return (
                "," not in between
                and cues.deadline.search(between) is None
                and (listed or len(between.split()) <= 1)  # "preferred shares on"
                and cues.perfect.search(text, max(0, cue_start - 8), cue_start) is None
            )
        return False

    def happening(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` dates a happening nobody schedules, named right after
        it (one word may come between) or right before it with a preposition: "the Aug. 7
        bombings", "the attack on Aug. 7". In a past clause that is the happening's time,
        not a deadline ahead.

        >>> Clauses("He was indicted for the Aug. 7 embassy bombings.").happening(24, 30)
        True
        >>> Clauses("He gave no reason for the Jan. 14 deadline.").happening(26, 33)
        False
        """
        cues = _cues()
        return (
            cues.happening_after.match(self.text, end) is not None
            or cues.happening_before.search(self.text, max(0, start - _HAPPENING_REACH), start)
            is not None
        )

    def deadline(self, start: int, end: int, tense: str | None) -> bool:
        """Whether ``text[start:end]``, in a clause of that ``tense``, is a deadline ahead of
        its clause's event: right after "until" or "by", in a clause not in the past perfect,
        and in a past clause only after a verb that sets a deadline.

        >>> clauses = Clauses("Officials postponed until Tuesday any action. It ran until Sunday.")
        >>> clauses.deadline(26, 33, "past"), clauses.deadline(59, 65, "past")
        (True, False)
        >>> Clauses("The crowds had gathered by Monday.").deadline(27, 33, "past")
        False
        """
        text = self.text
        cues = _cues()
        if not cues.deadline_before.search(text, max(0, start - _DEADLINE_REACH), start):
            return False
        left, right = self._bounds(start, end)
        if cues.past_perfect.search(text, left, right):
            return False
        return tense != "past" or cues.deadline_verbs.search(text, left, start) is not None

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the sentence around ``[start, end)``, by its nearest tense cue."""
        text = self.text
        left, right = self._bounds(start, end)
        future_before = _cues().future_before
        if future_before.search(text, max(0, start - 20), start):
            return "future"
        if text.startswith(("'s", "\u2019s"), end):
            return "past"
        best: tuple[int, int, str] | None = None
        for cue_start, cue_end, tense in self._sentence(left, right):
            if cue_end <= start:
                distance = start - cue_end
            elif cue_start >= end:
                distance = 2 * (cue_start - end)
            else:
                continue
            low, high = sorted((cue_start, start))
            distance += _CLAUSE_BREAK * text.count(",", low, high)
            # as near, the longer cue is the one meant ("could not" over "could")
            if best is None or (distance, cue_start - cue_end) < best[:2]:
                best = (distance, cue_start - cue_end, tense)
        return best[2] if best else None

    def _sentence(self, left: int, right: int) -> tuple[tuple[int, int, str], ...]:
        """The tense cues of ``text[left:right]`` in the order they are weighed: future
        words, past words, then -ed forms, each in text order."""
        key = (left, right)
        if key not in self._cues:
            text = self.text
            cues = _cues()
            openings = self.openings
            found = []
            for tense, pattern in (("future", cues.future), ("past", cues.past), ("past", _ED)):
                matches = (
                    pattern.finditer(text, left, right)
                    if openings is None
                    else openings.matches(pattern, starts_of(pattern), left, right)
                )
                for m in matches:
                    if pattern is _ED and m.group().lower() in cues.not_past:
                        continue
                    if tense == "past" and cues.participle.search(
                        text, max(0, m.start() - 12), m.start()
                    ):
                        continue
                    found.append((m.start(), m.end(), tense))
            # a past auxiliary of a future word is that future ("were planning to",
            # "was expected to"): the plan lies ahead of the report
            ahead = {start for start, _, tense in found if tense == "future"}
            if ahead:
                auxiliaries = lexicon()["tense"]["past_auxiliaries"]
                found = [
                    (start, end, tense)
                    for start, end, tense in found
                    if tense != "past"
                    or text[start:end].lower() not in auxiliaries
                    or _next_word_start(text, end) not in ahead
                ]
            self._cues[key] = tuple(found)
        return self._cues[key]


_SPACE = re.compile(r"\s+")


def _next_word_start(text: str, end: int) -> int:
    """Where the word after the one ending at ``end`` begins."""
    space = _SPACE.match(text, end)
    return space.end() if space else end


@functools.cache
def _past_words() -> frozenset[str]:
    return frozenset(lexicon()["tense"]["past"])


def doc_tense(
    doc: Any, clauses: Clauses, start: int, end: int, *, schedule: bool = False
) -> str | None:
    """The tense of the verb governing the span ``[start, end)`` in a parsed spaCy ``Doc``.

    With ``schedule``, a simple or progressive present that the span dates is a schedule,
    ahead ("arrives on Saturday", "is visiting Paris on Monday"); the caller says where
    that holds (a headline tells the past in the present). Falls back to ``clauses``, the
    :class:`Clauses` of the doc's text, where the parse gives no verb.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return clauses.tense(start, end)
    token = span.root
    named = False  # whether a noun comes between: "before Friday's purchases"
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:  # the root
            break
        token = token.head
        named = named or token.pos_ in ("NOUN", "PROPN")
    if token.pos_ not in ("VERB", "AUX"):
        return clauses.tense(start, end)
    for child in (*token.lefts, token):
        lower = child.lower_
        if child.tag_ == "MD" and lower in ("will", "'ll", "shall", "wo", "would"):
            return "future"
    if token.tag_ == "VBN" and token.lower_ in _cues().not_past:
        # a participle that looks ahead: "has scheduled a news conference Thursday"
        return clauses.tense(start, end)
    if token.tag_ in ("VBD", "VBN") or "Past" in token.morph.get("Tense"):
        return "past"
    if any(c.tag_ == "VBD" for c in token.lefts if c.dep_ in ("aux", "auxpass")):
        return "past"
    if (
        schedule
        and token.tag_ in ("VBZ", "VBP")
        and not named
        and token.lower_ not in _past_words()
        and not any(c.dep_ in ("aux", "auxpass") for c in token.lefts)
    ):  # a simple present the day dates is a schedule: "the envoy arrives on Saturday"
        return "future"  # (not a past of the same form: "weakness hurt stocks Friday")
    if (
        schedule
        and token.tag_ == "VBG"
        and not named
        and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in token.lefts)
    ):  # so is a present progressive: "the mayor is visiting Paris on Monday"
        return "future"
    return clauses.tense(start, end)
