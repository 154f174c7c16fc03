"""The word lists the rules of :mod:`timeline.events` read, loaded once per process.

:func:`lexicon` gives ``lang/en/events.toml`` as the sets and tables the rules look words
up in (a verb that is no event, a light verb, the class of an event, ...); :func:`lemma_of`
gives a token's lemma as those lists know it.

>>> lex = lexicon()
>>> "make" in lex.light, lex.classes["say"], lexicon() is lex
(True, 'REPORTING', True)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from timeline.lang import words
from timeline.names import name_key

__all__ = ["lemma_of", "lexicon"]


@attrs.frozen(eq=False)
class _Lexicon:
    """The English word lists of the event rules (``lang/en/events.toml``): the verb lists
    and event nouns as sets, each lemma's event class, and the sections the rules read
    by name (``tense``, ``ordering``, ``roles``, ``clauses``) as the file gives them."""

    #: verbs that are no events, of possession, light verbs, verbs whose subject is a time
    #: of day, relations, states, schedules, terms of speaking and attributions
    not_events: frozenset[str]
    possessions: frozenset[str]
    light: frozenset[str]
    time_subjects: frozenset[str]
    relational: frozenset[str]
    states: frozenset[str]
    schedules: frozenset[str]
    speaking_terms: frozenset[str]
    attributions: frozenset[str]
    #: the event nouns, and the words after the first of each event written in several
    #: ("coup d'etat"), by its first
    nouns: frozenset[str]
    phrases: Mapping[str, frozenset[tuple[str, ...]]]
    #: event nouns a name before them places, and nouns of relatives
    placed_by_name: frozenset[str]
    relatives: frozenset[str]
    #: the event class of each lemma the classes list
    classes: Mapping[str, str]
    #: entity labels of participants and of places; titles of office and name suffixes;
    #: the name keys of the cities that stand for their government
    participant_labels: frozenset[str]
    location_labels: frozenset[str]
    titles: frozenset[str]
    suffixes: frozenset[str]
    seats: frozenset[str]
    #: the file's sections, as read
    tense: Mapping[str, Any]
    ordering: Mapping[str, Any]
    roles: Mapping[str, Any]
    clauses: Mapping[str, Any]


@functools.cache
def lexicon() -> _Lexicon:
    """The word lists of ``lang/en/events.toml``, read once."""
    events = words("events")
    verbs, names, roles = events["verbs"], events["names"], events["roles"]
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for phrase in events["nouns"]["phrases"]:
        first, *rest = phrase.lower().split()
        phrases.setdefault(first, set()).add(tuple(rest))
    classes: dict[str, str] = {}
    for name, lemmas in events["classes"].items():
        for lemma in lemmas:
            classes.setdefault(lemma, name)
    return _Lexicon(
        not_events=frozenset(verbs["not_events"]),
        possessions=frozenset(verbs["possessions"]),
        light=frozenset(verbs["light"]),
        time_subjects=frozenset(verbs["time_subjects"]),
        relational=frozenset(verbs["relational"]),
        states=frozenset(verbs["states"]),
        schedules=frozenset(verbs["schedules"]),
        speaking_terms=frozenset(verbs["speaking_terms"]),
        attributions=frozenset(verbs["attributions"]),
        nouns=frozenset(events["nouns"]["events"]),
        phrases={first: frozenset(tails) for first, tails in phrases.items()},
        placed_by_name=frozenset(roles["placed_by_name"]),
        relatives=frozenset(roles["relatives"]),
        classes=classes,
        participant_labels=frozenset(names["participant_labels"]),
        location_labels=frozenset(names["location_labels"]),
        titles=frozenset(names["titles"]),
        suffixes=frozenset(names["suffixes"]),
        seats=frozenset(name_key(n) for n in names["seats"]),
        tense=events["tense"],
        ordering=events["ordering"],
        roles=roles,
        clauses=events["clauses"],
    )


def lemma_of(lemma: str, pos: str) -> str:
    """The lowercase lemma of a token of spaCy lemma ``lemma`` and part of speech ``pos``.
    English models drop the silent e of some verbs ("hoped", "staged", "waged" as "hop",
    "stag", "wag"): of a verb's lemma with and without it, one the word lists know wins.

    >>> from timeline.nlp import load
    >>> [lemma_of(t.lemma_, t.pos_) for t in load()("Officials hoped they staged it.")][1:5]
    ['hope', 'they', 'stage', 'it']
    """
    lemma = lemma.lower()
    return _verb_lemma(lemma) if pos == "VERB" else lemma


@functools.lru_cache(maxsize=1 << 16)
def _verb_lemma(lemma: str) -> str:
    """A verb's lowercase lemma with the silent e the model dropped, if the word lists know
    it so (:func:`lemma_of`; kept for the verbs met most recently)."""
    if lemma not in _known() and lemma + "e" in _known():
        return lemma + "e"
    return lemma


@functools.cache
def _known() -> frozenset[str]:
    """The lemmas of the English event classes, verb lists and predicate groups."""
    found: set[str] = set()

    def gather(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, Mapping):
            for item in value.values():
                gather(item)
        elif isinstance(value, (tuple, list)):
            for item in value:
                gather(item)

    events = words("events")
    gather(events["classes"])
    gather(events["verbs"])
    gather(words("predicates")["synonyms"])
    return frozenset(found)
