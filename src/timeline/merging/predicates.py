"""Predicates as merging compares them: two mentions can report one happening only when
their predicates' kinds meet.

:func:`predicate_stem` cuts an inflection or derivation ending off a lemma, so that "shooting"
and "shoot" agree; :func:`predicate_kinds` gives the synonym groups of its stem
(``lang/en/predicates.toml``), and :func:`_mention_kinds` those of a mention, whose word may
be of a group only when it says what was done to ("fired missiles"). The rest are the
predicates merging treats apart: those that tell an outcome ("won", "lost"), general ones
that need a particle or an object to say what they are ("went", "took"), statements ("said",
"a speech") and attitudes ("felt", "wanted").
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection

from timeline.lang import words
from timeline.model import EventMention

__all__ = ["predicate_kinds", "predicate_stem"]


@functools.cache
def predicate_stem(lemma: str) -> str:
    """``lemma`` without the inflection or derivation ending of ``lang/en/merging.toml``'s
    ``endings`` (the first that leaves at least ``stem_length`` letters), so that the forms of
    one predicate agree even where the lemmatizer missed them.

    >>> [predicate_stem(w) for w in ("shooting", "shoot", "escaped", "escape", "checks")]
    ['shoot', 'shoot', 'escap', 'escap', 'check']
    >>> predicate_stem("bed")
    'bed'
    """
    merging = words("merging")
    for ending in merging["endings"]:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= merging["stem_length"]:
            return lemma[: -len(ending)]
    return lemma


@functools.cache
def _predicate_classes() -> dict[str, frozenset[int]]:
    """The synonym groups each predicate stem is in, numbered in the order of the file."""
    found: dict[str, set[int]] = defaultdict(set)
    for n, group in enumerate(words("predicates")["synonyms"].values()):
        for lemma in group:
            found[predicate_stem(lemma)].add(n)
    return {stem: frozenset(groups) for stem, groups in found.items()}


def predicate_kinds(lemma: str) -> frozenset[int | str]:
    """The synonym groups of ``lemma``'s stem (``lang/en/predicates.toml``, numbered), or the
    stem itself when it is in none: two predicates can name one happening when their kinds
    meet.

    >>> predicate_kinds("airstrike") & predicate_kinds("bombing") != set()
    True
    >>> predicate_kinds("win") & predicate_kinds("vote")
    frozenset()
    """
    stem = predicate_stem(lemma)
    return _predicate_classes().get(stem, frozenset({stem}))


def _mention_kinds(mention: EventMention) -> frozenset[int | str]:
    """:func:`predicate_kinds` of ``mention``'s lemma, but for the groups its word is of only
    when it says what was done to (``[with_object]`` of ``lang/en/predicates.toml``): "fired
    dozens of missiles" is an attack, "the fire" and "the fired coach" are not.

    >>> from timeline.model import EventMention
    >>> blaze = EventMention("a", 4, 8, "fire", "fire", 0)
    >>> missiles = EventMention("a", 4, 9, "fired", "fire", 0, theme="missiles")
    >>> attack = predicate_kinds("attack")
    >>> bool(_mention_kinds(blaze) & attack), bool(_mention_kinds(missiles) & attack)
    (False, True)
    """
    kinds = predicate_kinds(mention.lemma)
    unless = _with_object().get(predicate_stem(mention.lemma))
    if unless is None or mention.theme or any(p.role == "patient" for p in mention.participants):
        return kinds
    return kinds - unless


@functools.cache
def _with_object() -> dict[str, frozenset[int]]:
    """The groups each predicate stem is of only with an object, by number as
    :func:`predicate_kinds` gives them."""
    numbers = {name: n for n, name in enumerate(words("predicates")["synonyms"])}
    found: dict[str, set[int]] = defaultdict(set)
    for group, lemmas in words("predicates")["with_object"].items():
        for lemma in lemmas:
            found[predicate_stem(lemma)].add(numbers[group])
    return {stem: frozenset(groups) for stem, groups in found.items()}


@functools.cache
def _outcome_of() -> dict[str, str]:
    """The outcome (``predicates.toml``, ``[outcomes]``) each predicate stem tells."""
    outcomes = words("predicates")["outcomes"]
    return {predicate_stem(lemma): name for name, group in outcomes.items() for lemma in group}


def _outcome(stems: Collection[str]) -> str | None:
    """The outcome (``predicates.toml``, ``[outcomes]``) predicate stems all tell, if they
    tell one: two groups whose predicates tell different outcomes ("won", "lost") are two
    happenings.

    >>> _outcome({"win"}), _outcome({"los"}), _outcome({"win", "beat"}), _outcome({"say"})
    ('won', 'lost', None, None)
    """
    outcome = _outcome_of()
    told = {outcome.get(stem) for stem in stems}
    return told.pop() if len(told) == 1 else None


def _predicate(mention: EventMention) -> str:
    """The stem of ``mention``'s predicate (:func:`predicate_stem`), and, for a general one
    (:func:`_general`), the word that says what it is: its particle ("made off") or the last
    word of what it was done to ("set a trial date", "ended the season")."""
    stem = predicate_stem(mention.lemma)
    if stem not in _general_stems():
        return stem
    what = mention.phrasal or mention.theme
    return f"{stem} {what.split()[-1].lower()}" if what else stem


def _general(stems: frozenset[str] | set[str]) -> bool:
    """Whether every one of a group's predicate ``stems`` (:func:`_predicate`) is too general
    to tell a happening by itself ("went", "took", "a change": the ``general`` predicates of
    ``lang/en/merging.toml``, with no particle or object to say what they are).

    >>> _general({predicate_stem("go"), predicate_stem("take")}), _general({"fir", "go"})
    (True, False)
    """
    return bool(stems) and stems <= _general_stems()


@functools.cache
def _general_stems() -> frozenset[str]:
    return frozenset(map(predicate_stem, words("merging")["general"]))


def _statement(lemma: str) -> bool:
    """Whether ``lemma`` names a statement (the ``statement`` group of synonyms: "call",
    "urge", "speech"...)."""
    return lemma in words("predicates")["synonyms"]["statement"]


def _attitudes(lemmas: frozenset[str] | set[str]) -> bool:
    """Whether every one of ``lemmas`` names an attitude or a mental state ("felt",
    "wanted", "expected": the ``I_STATE`` class of ``lang/en/events.toml`` and the
    ``attitudes`` of ``lang/en/merging.toml``).

    >>> _attitudes({"feel", "want"}), _attitudes({"feel", "sign"})
    (True, False)
    """
    return lemmas <= _attitude_lemmas()


@functools.cache
def _attitude_lemmas() -> frozenset[str]:
    return frozenset(words("events")["classes"]["I_STATE"]) | frozenset(
        words("merging")["attitudes"]
    )
