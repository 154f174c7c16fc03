"""Which event mentions have a given entity as an argument, and under which names.

The mention stage reads who or what each argument of an event mention names or stands for
(:mod:`timeline.references`: names, pronouns, descriptions such as "the company"), and keeps
it on the mention (:attr:`timeline.EventMention.arguments`); this module asks those of an
entity's names, without parsing again. An entity is named by its whole name or by a part that
still singles it out (:func:`name_variants`); a mention involves it when one of its
arguments is such a name, or stands for one, at the argument's head word.
:meth:`timeline.Timeline.involving` asks it of a timeline's events; :func:`involving` of one
article.

>>> from timeline import Article
>>> text = "Steve Jobs founded Apple in 1976. He left in 1985. Apple grew."
>>> [m.text for m in involving(Article(text), "Steve Jobs")]
['founded', 'left']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

from timeline.model import Argument, Article, EventMention
from timeline.names import known_as, name_keys
from timeline.pipeline import analyse
from timeline.references import described_kind, product_shaped

__all__ = ["involving", "keyed", "mentions_involving", "name_variants", "names", "patterns"]


def name_variants(name: str, others: Iterable[str] = ()) -> frozenset[str]:
    """The strings that name the entity: the whole name and the parts that still single it
    out.

    A part is a run of the name's words found in none of the ``others`` (the other entities'
    names, so that "Airbus" alone does not stand for "Airbus A380" when "Airbus" is another
    entity): a run of two or more words ending the name ("Apple Corps" for "Beatles Apple
    Corps"), one word with a digit and a letter, three digits, or mixed or all capitals
    ("A380", "787", "iTunes", "EADS"), and each word of a two-word name written like a
    person's ("Jobs" for "Steve Jobs"), unless its last word names a kind of organisation
    ("Singapore Airlines": ``[descriptions]`` of ``lang/en/references.toml``). Runs of
    spaces count as one; a blank name is a ``ValueError``.

    >>> sorted(name_variants("Airbus A380", ["Airbus", "Boeing"]))
    ['A380', 'Airbus A380']
    >>> sorted(name_variants("Steve Jobs")), sorted(name_variants("Singapore Airlines"))
    (['Jobs', 'Steve', 'Steve Jobs'], ['Singapore Airlines'])
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
    personal = (
        len(words) == 2
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not described_kind(words[-1])
    )
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
    """The variant as a whole word of lowercase text; one ending in a digit also in the
    plural ("A380s", "737s")."""
    plural = "s?" if variant[-1:].isdigit() else ""
    return re.compile(r"(?<!\w)" + re.escape(variant.lower()) + plural + r"(?!\w)")


def patterns(
    name: str, others: Iterable[str] = (), arguments: Iterable[Argument] = ()
) -> list[re.Pattern[str]]:
    """Patterns finding the entity's names (:func:`name_variants`) in lowercase text, each
    as a whole word; and the full names ``arguments`` show a short one stands for: an
    argument written "EADS" that stands for "European Aeronautic Defence and Space", as an
    article that defines "(EADS)" after that name reads it
    (:meth:`timeline.references.Referents.defined_aliases`), so that "the parent company"
    after it involves EADS too; and, the other way, the short names ``arguments`` show stand
    for one of the entity's names: "SIA", defined as "Singapore Airlines" in one article,
    names it in the others too.

    >>> [bool(p.search("eads and airbus")) for p in patterns("EADS")]
    [True]
    >>> defined = Argument("EADS", "European Aeronautic Defence and Space")
    >>> full = "european aeronautic defence and space"
    >>> [bool(p.search(full)) for p in patterns("EADS", arguments=[defined])]
    [False, True]
    >>> any(p.search("eads") for p in patterns(defined.name, arguments=[defined]))
    True
    """
    variants = name_variants(name, others)
    defined = set()
    for a in arguments:
        if a.text != a.name and a.text.isupper():
            if a.text in variants:
                defined.add(a.name)
            elif a.name in variants:
                defined.add(a.text)
    return [_pattern(v) for v in sorted(variants, key=str.lower)] + [
        _pattern(v) for v in sorted(defined - variants)
    ]


def mentions_involving(
    mentions: Iterable[EventMention], name: str, *, others: Iterable[str] = ()
) -> list[EventMention]:
    """The ``mentions`` that have the entity ``name`` as an argument, in their order: one of
    their :attr:`~timeline.EventMention.arguments` (:mod:`timeline.references`) names or
    stands for it, in one of its names (:func:`name_variants`; ``others`` are the names of
    other entities, which its shorter names must not be part of) covering the argument's
    head word. Mentions none of which has arguments (made by hand, or read from an older
    document) answer by their participants' keys (:func:`timeline.names.name_keys`).

    >>> from timeline import Article, extract_events
    >>> text = "Boeing lost the contract to Airbus. The company expanded. Prices rose."
    >>> mentions = extract_events(Article(text))
    >>> [m.text for m in mentions_involving(mentions, "Airbus", others=["Boeing"])]
    ['lost', 'expanded']
    >>> [m.text for m in mentions_involving(mentions, "Boeing", others=["Airbus"])]
    ['lost']
    """
    mentions = list(mentions)
    arguments = (a for m in mentions for a in m.arguments)
    found, keys = patterns(name, others, arguments), name_keys(name)
    if not any(m.arguments for m in mentions):
        return [m for m in mentions if any(p.key in keys for p in m.participants)]
    return [m for m in mentions if any(names(a, found) or keyed(a, keys) for a in m.arguments)]


def names(argument: Argument, patterns: Iterable[re.Pattern[str]]) -> bool:
    """Whether one of ``patterns`` (of lowercase names) finds the entity in
    ``argument.name``: covering its head word, or with no word shaped like a product's name
    left out ("Airbus" is in "Airbus Industrie" but not in "Airbus A380").

    >>> names(Argument("it", "Airbus A380", 7), [re.compile("a380")])
    True
    >>> names(Argument("it", "Airbus A380", 7), [re.compile("airbus")])
    False
    >>> names(Argument("the store", "iTunes Music Store", 13), [re.compile("itunes")])
    True
    """
    text = argument.name.lower()
    for pattern in patterns:
        for found in pattern.finditer(text):
            if found.start() <= argument.head < found.end():
                return True
            rest = argument.name[: found.start()] + " " + argument.name[found.end() :]
            if not any(product_shaped(word) for word in rest.split()):
                return True
    return False


def keyed(argument: Argument, keys: Collection[str]) -> bool:
    """Whether ``argument`` names the entity of :func:`timeline.names.name_keys` ``keys`` in
    another spelling or by an alias ("Qassem Suleimani" for "Qasem Soleimani", "US" for
    "United States").

    >>> from timeline.names import name_keys
    >>> keyed(Argument("US", "US", 0), name_keys("United States"))
    True
    >>> keyed(Argument("Qassem Suleimani", "Qassem Suleimani", 7), name_keys("Qasem Soleimani"))
    True
    """
    return known_as(argument.name, keys)


def involving(
    article: Article, name: str, nlp: Any = None, *, others: Iterable[str] = ()
) -> list[EventMention]:
    """The event mentions of ``article`` (:func:`timeline.extract_events`) that have the
    entity ``name`` as an argument, named or as a pronoun or description standing for it
    (:func:`mentions_involving`).

    ``nlp`` is the spaCy pipeline, by default :func:`timeline.nlp.load`'s.

    >>> from datetime import date
    >>> from timeline import Article
    >>> article = Article("Ryanair said it would buy jets. Prices rose.", date(2020, 1, 7))
    >>> [(m.text, m.lemma) for m in involving(article, "Ryanair")]
    [('said', 'say'), ('buy', 'buy')]
    """
    if not isinstance(article, Article):
        raise TypeError(f"article must be a timeline.Article, not {type(article).__name__}")
    return mentions_involving(analyse(article, nlp).mentions, name, others=others)
