"""Which event mentions of an article have a given entity as an argument.

:meth:`timeline.Timeline.involving` keeps the events whose *named participants* carry a
name; this module looks at the parse instead, so that "He resigned" or "the company
expanded" count for the person or company named before them. An event mention has the
entity as an argument when the head of one of its trigger's syntactic arguments (subject,
object, possessor, compound, object of a preposition; a verb without a subject takes the one
of the verb it hangs from; a relative clause takes the noun it modifies; an event noun that is
the object of a verb takes the verb's subject), or a word in apposition or coordination with
that head, is

- inside a mention of one of the entity's names (:func:`name_variants`), or
- a pronoun or description whose nearest preceding candidate is such a mention: ``he``,
  ``his``... and the nearest person for a person; ``it``, ``its``, or ``the company``,
  ``the airline``... and the nearest named thing (an organisation, product, place... or a name
  of the entity) at most 60 tokens back for anything else.

The words are data, in ``lang/en/references.toml``. :func:`involving` parses an article and
answers in one call; :func:`mentions_involving` asks it of mentions and the parse you already
have.

>>> from timeline import Article
>>> text = "Steve Jobs founded Apple in 1976. He left in 1985. Apple grew."
>>> [m.text for m in involving(Article(text), "Steve Jobs")]
['founded', 'left']
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from timeline.lang import words
from timeline.model import Article, EventMention
from timeline.nlp import check, load, parse
from timeline.pipeline import analyse

__all__ = ["involving", "is_person", "mentions_involving", "name_variants"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
_ARGUMENTS = _SUBJECTS | {
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
# Links along which a verb without a subject takes the subject of its head.
_SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl", "ccomp"})
# Entity labels of the things ``it`` may stand for.
_THINGS = frozenset({"ORG", "PRODUCT", "GPE", "NORP", "FAC", "WORK_OF_ART"})
# How many tokens back ``it`` or ``the company`` may find what it stands for.
_IT_WINDOW = 60


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    return {key: frozenset(listed) for key, listed in words("references").items()}


def name_variants(name: str, others: Iterable[str] = ()) -> frozenset[str]:
    """The strings that name the entity: the whole name and the parts that still single it
    out.

    A part is a run of the name's words found in none of the ``others`` (the other entities'
    names, so that "Airbus" alone does not stand for "Airbus A380" when "Airbus" is another
    entity): a run of two or more words ending the name ("Apple Corps" for "Beatles Apple
    Corps"), one word with a digit and a letter, three digits, or mixed or all capitals
    ("A380", "787", "iTunes", "EADS"), and each word of a two-word name written like a
    person's ("Jobs" for "Steve Jobs"). Runs of spaces count as one; a blank name is a
    ``ValueError``.

    >>> sorted(name_variants("Airbus A380", ["Airbus", "Boeing"]))
    ['A380', 'Airbus A380']
    >>> sorted(name_variants("Steve Jobs"))
    ['Jobs', 'Steve', 'Steve Jobs']
    >>> sorted(name_variants("iPhone 4", ["iPhone 3G"]))
    ['iPhone 4']
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    words = name.split()
    if not words:
        raise ValueError("name is blank")
    whole = " ".join(words)
    rivals = [r for r in (" ".join(o.split()).lower() for o in others) if r != whole.lower()]
    personal = len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words)
    found = {whole}
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
    """Whether the spaCy ``docs`` mostly tag the entities containing ``name`` (in any case)
    as ``PERSON``; ``False`` when no entity contains it.

    >>> from timeline.nlp import load
    >>> doc = load()("Steve Jobs founded Apple.")
    >>> is_person("Steve Jobs", [doc]), is_person("Apple", [doc]), is_person("IBM", [doc])
    (True, False, False)
    """
    labels = Counter(e.label_ for d in docs for e in d.ents if name.lower() in e.text.lower())
    return bool(labels) and labels.most_common(1)[0][0] == "PERSON"


def _arguments(token: Any) -> list[Any]:
    """The heads of the syntactic arguments of the trigger ``token``."""
    args = []
    for child in token.children:
        if child.dep_ in _ARGUMENTS:
            args.append(child)
        elif child.dep_ in ("prep", "agent"):
            args += [g for g in child.children if g.dep_ == "pobj"]
    head = token.head
    if head is token:
        return args
    if token.dep_ in ("relcl", "acl"):
        args.append(head)
    if token.dep_ in _SHARES_SUBJECT and not any(c.dep_ in _SUBJECTS for c in token.children):
        args += [c for c in head.children if c.dep_ in _SUBJECTS]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj", "attr"):
        verb = head.head if token.dep_ == "pobj" else head
        if verb.pos_ in ("VERB", "AUX"):
            args += [c for c in verb.children if c.dep_ in _SUBJECTS]
    return args


class _Entity:
    """The tokens of one parsed document that name or stand for one entity."""

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
        kinds = {"PERSON"} if person else _THINGS
        candidates = [
            (e.start, any(t.i in self.named for t in e)) for e in doc.ents if e.label_ in kinds
        ]
        if not person:
            candidates += [(start, True) for start in named_starts]
        self.candidates = sorted(candidates)

    def stands_for(self, token: Any) -> bool:
        """Whether the token names the entity or is a pronoun or description standing for it."""
        if token.i in self.named:
            return True
        words = _words()
        pronouns = words["person_pronouns"] if self.person else words["thing_pronouns"]
        described = (
            not self.person
            and token.lemma_.lower() in words["organisation_nouns"]
            and any(c.lower_ in words["determiners"] for c in token.children)
        )
        if token.lower_ not in pronouns and not described:
            return False
        before = [c for c in self.candidates if c[0] < token.i]
        if not before:
            return False
        start, is_entity = before[-1]
        return is_entity and (self.person or token.i - start <= _IT_WINDOW)

    def is_argument(self, span: Any) -> bool:
        """Whether the entity is an argument of the event whose trigger is ``span``."""
        return any(
            self.stands_for(t)
            for a in _arguments(span.root)
            for t in (a, *(c for c in a.children if c.dep_ in ("appos", "conj")))
        )


def mentions_involving(
    doc: Any,
    mentions: Sequence[EventMention],
    name: str,
    *,
    others: Iterable[str] = (),
    person: bool | None = None,
) -> list[EventMention]:
    """The ``mentions`` that have the entity ``name`` as an argument, in their order.

    ``doc`` is the spaCy ``Doc`` of the article the mentions come from
    (:func:`timeline.nlp.parse` of its text); a mention whose text is not at its offsets in
    ``doc`` is a ``ValueError``. ``others`` are the names of other entities, which the
    entity's shorter names must not be part of (:func:`name_variants`). ``person`` says
    whether the entity is a person (then ``he``, ``she``... may stand for it, else ``it``,
    ``the company``...); by default :func:`is_person` decides from ``doc``: pass it when
    several articles should agree.

    >>> from timeline import Article, extract_events
    >>> from timeline.nlp import load, parse
    >>> text = "Boeing lost the contract to Airbus. The company expanded. Prices rose."
    >>> mentions = extract_events(Article(text))
    >>> doc = parse(load(), text)
    >>> [m.text for m in mentions_involving(doc, mentions, "Airbus", others=["Boeing"])]
    ['lost', 'expanded']
    >>> [m.text for m in mentions_involving(doc, mentions, "Boeing", others=["Airbus"])]
    ['lost']
    """
    variants = name_variants(name, others)
    text = doc.text
    for m in mentions:
        if text[m.start : m.end] != m.text:
            raise ValueError(
                f"mention {m.text!r} at {m.start}:{m.end} is not in the doc's text "
                f"({text[m.start : m.end]!r} there): pass the doc of the mentions' article"
            )
    if not any(_pattern(v).search(text.lower()) for v in variants):
        return []
    entity = _Entity(doc, variants, person=is_person(name, [doc]) if person is None else person)
    return [
        m
        for m in mentions
        if entity.is_argument(doc.char_span(m.start, m.end, alignment_mode="expand"))
    ]


def involving(
    article: Article, name: str, nlp: Any = None, *, others: Iterable[str] = ()
) -> list[EventMention]:
    """The event mentions of ``article`` (:func:`timeline.extract_events`) that have the
    entity ``name`` as an argument, named or as a pronoun or description standing for it
    (:func:`mentions_involving`).

    ``nlp`` is the spaCy pipeline, by default :func:`timeline.nlp.load`'s; the article is
    parsed once, for the events and their arguments.

    >>> from datetime import date
    >>> from timeline import Article
    >>> article = Article("Ryanair said it would buy jets. Prices rose.", date(2020, 1, 7))
    >>> [(m.text, m.lemma) for m in involving(article, "Ryanair")]
    [('said', 'say'), ('buy', 'buy')]
    """
    if not isinstance(article, Article):
        raise TypeError(f"article must be a timeline.Article, not {type(article).__name__}")
    doc = parse(load() if nlp is None else check(nlp), article.text)
    mentions = analyse(article, doc=doc).mentions
    return mentions_involving(doc, mentions, name, others=others)
