"""Which event mentions of a parsed article have a given entity as an argument.

Used by the SemEval-2015 Task 4 benchmark, whose timelines hold the events a target entity
takes part in (agent, patient or other argument, nominal events included). An event has the
entity as an argument when the head of one of its syntactic arguments (subject, object,
possessor, compound, object of a preposition; a verb without a subject takes the one of the
verb it hangs from; a relative clause takes the noun it modifies; an event noun that is the
object of a verb takes the verb's subject) is

- inside a mention of one of the entity's names (:func:`name_variants`), or
- a pronoun or description whose nearest preceding candidate is such a mention:
  ``he``/``his``... and the nearest person for a person; ``it``/``its``, or ``the company``,
  ``the airline``... and the nearest named thing (an organisation, product, place... or a
  name of the entity) at most :data:`IT_WINDOW` tokens back for anything else. The words
  are in ``_entity_mentions.toml``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_WORDS = tomllib.loads(Path(__file__).with_suffix(".toml").read_text(encoding="utf-8"))

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
ARGUMENTS = SUBJECTS | {
    "dobj",
    "dative",
    "attr",
    "oprd",
    "poss",
    "compound",
    "nmod",
    "appos",
    "npadvmod",
}
#: Links along which a verb without a subject takes the subject of its head.
SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl", "ccomp"})
HE = frozenset(_WORDS["person_pronouns"])
IT = frozenset(_WORDS["thing_pronouns"])
DESCRIPTIONS = frozenset(_WORDS["organisation_nouns"])
DETERMINERS = frozenset(_WORDS["determiners"])
#: Entity labels of the things ``it`` may stand for.
THINGS = frozenset({"ORG", "PRODUCT", "GPE", "NORP", "FAC", "WORK_OF_ART"})
#: How many tokens back ``it`` may find what it stands for.
IT_WINDOW = 60


def name_variants(name: str, others: Iterable[str] = ()) -> frozenset[str]:
    """The strings that name the entity: the whole name and the parts that still single it
    out.

    A part is a run of the name's words found in none of the ``others`` (the other target
    names): a run of two or more words ending the name ("Apple Corps" for "Beatles Apple
    Corps"), one word with a digit and a letter, three digits, or mixed or all capitals
    ("A380", "787", "iTunes", "EADS"), and each word of a two-word name written like a
    person's ("Jobs" for "Steve Jobs").

    >>> sorted(name_variants("Airbus A380", ["Airbus", "Boeing"]))
    ['A380', 'Airbus A380']
    >>> sorted(name_variants("Steve Jobs"))
    ['Jobs', 'Steve', 'Steve Jobs']
    >>> sorted(name_variants("iPhone 4", ["iPhone 3G"]))
    ['iPhone 4']
    """
    words = name.split()
    rivals = [o.lower() for o in others if o.strip().lower() != name.strip().lower()]
    personal = len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words)
    found = {name.strip()}
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if j - i == len(words):
                continue
            part = " ".join(words[i:j])
            if any(_pattern(part).search(rival) for rival in rivals):
                continue
            if j - i > 1:
                if j == len(words):
                    found.add(part)
            elif _distinct_word(part) or personal:
                found.add(part)
    return frozenset(found)


def _distinct_word(word: str) -> bool:
    return bool(
        re.search(r"\d{3}", word)
        or (re.search(r"\d", word) and re.search(r"[A-Za-z]", word))
        or re.search(r"[a-z][A-Z]|^[A-Z]{2,}$", word)
    )


def _pattern(variant: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(variant.lower()) + r"(?!\w)")


def is_person(name: str, docs: Iterable[Any]) -> bool:
    """Whether the parsed documents tag the whole name mostly as a ``PERSON``."""
    labels = Counter(e.label_ for d in docs for e in d.ents if name.lower() in e.text.lower())
    return bool(labels) and labels.most_common(1)[0][0] == "PERSON"


def _arguments(token: Any) -> list[Any]:
    args = []
    for child in token.children:
        if child.dep_ in ARGUMENTS:
            args.append(child)
        elif child.dep_ in ("prep", "agent"):
            args += [g for g in child.children if g.dep_ == "pobj"]
    head = token.head
    if head is token:
        return args
    if token.dep_ in ("relcl", "acl"):
        args.append(head)
    if token.dep_ in SHARES_SUBJECT and not any(c.dep_ in SUBJECTS for c in token.children):
        args += [c for c in head.children if c.dep_ in SUBJECTS]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj", "attr"):
        verb = head.head if token.dep_ == "pobj" else head
        if verb.pos_ in ("VERB", "AUX"):
            args += [c for c in verb.children if c.dep_ in SUBJECTS]
    return args


class EntityInDoc:
    """The tokens of one parsed document that name or stand for one entity.

    >>> from timeline.nlp import load
    >>> doc = load()("Steve Jobs founded Apple. He left in 1985. Apple grew.")
    >>> people = EntityInDoc(doc, frozenset({"Steve Jobs", "Jobs"}), person=True)
    >>> [people.is_argument(doc.char_span(*span)) for span in ((11, 18), (29, 33))]
    [True, True]
    >>> people.is_argument(doc.char_span(49, 53))
    False
    """

    def __init__(self, doc: Any, variants: frozenset[str], *, person: bool) -> None:
        self.person = person
        text = doc.text.lower()
        self.named: set[int] = set()
        named_starts = []
        for variant in variants:
            for found in _pattern(variant).finditer(text):
                span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                if span is not None:
                    self.named.update(t.i for t in span)
                    named_starts.append(span.start)
        kinds = {"PERSON"} if person else THINGS
        candidates = [
            (e.start, any(t.i in self.named for t in e)) for e in doc.ents if e.label_ in kinds
        ]
        if not person:
            candidates += [(start, True) for start in named_starts]
        self.candidates = sorted(candidates)

    def stands_for(self, token: Any) -> bool:
        """Whether the token names the entity or is a pronoun standing for it."""
        if token.i in self.named:
            return True
        pronouns = HE if self.person else IT
        described = (
            not self.person
            and token.lemma_.lower() in DESCRIPTIONS
            and any(c.lower_ in DETERMINERS for c in token.children)
        )
        if token.lower_ not in pronouns and not described:
            return False
        before = [c for c in self.candidates if c[0] < token.i]
        if not before:
            return False
        start, is_entity = before[-1]
        return is_entity and (self.person or token.i - start <= IT_WINDOW)

    def is_argument(self, span: Any) -> bool:
        """Whether the entity is an argument of the event whose trigger is ``span``."""
        return any(
            self.stands_for(t)
            for a in _arguments(span.root)
            for t in (a, *(c for c in a.children if c.dep_ in ("appos", "conj")))
        )


def mentions_involving(
    doc: Any, spans: Sequence[tuple[int, int]], variants: frozenset[str], *, person: bool
) -> list[bool]:
    """For each trigger's character span, whether the entity is one of its arguments."""
    if not any(_pattern(v).search(doc.text.lower()) for v in variants):
        return [False] * len(spans)
    entity = EntityInDoc(doc, variants, person=person)
    return [
        entity.is_argument(doc.char_span(start, end, alignment_mode="expand"))
        for start, end in spans
    ]
