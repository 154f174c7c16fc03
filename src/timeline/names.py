"""Names of participants: spelling-tolerant keys, so that variants of one name agree.

>>> name_key("Qasem Soleimani") == name_key("Qassem Suleimani")
True
>>> name_key("United States") in name_keys("USA")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from timeline.lang import words

__all__ = [
    "ROLE_ORDER",
    "canonical_alias",
    "fullest_forms",
    "known_as",
    "line_start",
    "name_key",
    "name_keys",
    "person_start",
    "tokens_text",
]

#: Roles of participants from the strongest (who did it) to the weakest.
ROLE_ORDER: dict[str, int] = {"agent": 0, "patient": 1, "other": 2}

#: Parts of speech that start no person's name: the tagger put a verb or a determiner in
#: front of one ("Having Jackman host"), while a name it mistagged stays ("Barack" as ADP).
_NOT_IN_NAMES = frozenset({"VERB", "AUX", "DET", "PRON", "ADV", "SCONJ", "CCONJ", "PART"})


def person_start(doc: Any, first: int, last: int) -> int:
    """Where the person's name of tokens ``first`` to ``last`` of a parse starts: at its
    first proper noun when the tagger put a word that starts no name before it. ``doc`` is
    the parse, or the list of its tokens.

    >>> from timeline.nlp import load
    >>> doc = load()("Having Jackman host the show was a surprise.")
    >>> doc[person_start(doc, 0, 2) : 2].text
    'Jackman'
    """
    while doc[first].pos_ in _NOT_IN_NAMES and any(
        t.pos_ == "PROPN" for t in doc[first + 1 : last]
    ):
        first += 1
    return first


_VOWELS = re.compile(r"(?<=.)[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
_LETTERS = re.compile(r"[a-z0-9]+")


def line_start(text: str, tokens: Sequence[Any], first: int, last: int) -> int:
    """Where tokens ``first`` to ``last`` of a parse of ``text`` start on the line of their
    last token: a name never runs across a line break, which the tagger may put inside one
    (a markup word or a headline before "Ellen DeGeneres" on the next line). ``tokens`` is
    the parse, or the list of its tokens; the last line break before the last token is
    looked for in the text, not token by token.

    >>> from timeline.nlp import load
    >>> doc = load()("Read the html\\nEllen DeGeneres will host.")
    >>> doc[line_start(doc.text, doc, 2, 6) : 6].text
    'Ellen DeGeneres'
    """
    if last - first < 2:
        return first
    newline = text.rfind("\n", tokens[first].idx, tokens[last - 1].idx)
    if newline < 0:
        return first
    at = last - 1  # the token after the one the line break is in (or after)
    while tokens[at - 1].idx > newline:
        at -= 1
    return at


def tokens_text(text: str, tokens: Sequence[Any], first: int, last: int) -> str:
    """The text of tokens ``first`` to ``last`` of a parse of ``text``, as
    ``doc[first:last].text`` gives it, sliced from ``text`` rather than joined from new
    tokens. ``tokens`` is the parse, or the list of its tokens.

    >>> from timeline.nlp import load
    >>> text = "Iran fired missiles at Ain al-Asad."
    >>> tokens_text(text, list(load()(text)), 4, 8), tokens_text(text, [], 2, 2)
    ('Ain al-Asad', '')
    """
    if first >= last:
        return ""
    end = tokens[last - 1]
    return text[tokens[first].idx : end.idx + len(end)]


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A spelling-tolerant key of a name: its consonant skeleton, accents and doubled letters
    dropped, so transliterations agree. Keys are kept for the names met most recently: an
    article names its people many times, and a corpus the same people in many articles.

    >>> name_key("Qasem Soleimani") == name_key("Qassem Suleimani")
    True
    >>> name_key("Shoygu"), name_key("Shoigu"), name_key("Ghasem")
    ('shg', 'shg', 'qsm')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    letters = _LETTERS.findall(ascii_name.lower().replace("gh", "q").replace("k", "q"))
    return " ".join(_VOWELS.sub("", _REPEATS.sub(r"\1", w)) for w in letters)


def fullest_forms(forms: Iterable[str]) -> dict[str, str]:
    """The form each person of an article is best written by, under the key of their surname
    (:func:`name_key` of the last word): of the forms with a first name, the most frequent,
    then the longest ("Madeleine Albright" for "Albright"; not a "Madeleine K. Albright"
    written once, nor a misparse made once).

    >>> forms = ["Albright", "Madeleine Albright", "Madeleine K. Albright", "Madeleine Albright"]
    >>> fullest_forms(forms)
    {'albrqt': 'Madeleine Albright'}
    """
    counted: dict[str, Counter[str]] = defaultdict(Counter)
    for form in forms:
        words = form.split()
        if words:
            counted[name_key(words[-1])][form] += 1
    return {
        key: max(found, key=lambda f: (len(f.split()) > 1, found[f], len(f), f))
        for key, found in counted.items()
    }


def name_keys(name: str) -> frozenset[str]:
    """The keys a participant called ``name`` may carry: the key of the whole name, of its
    last word (people are keyed by surname) and of the canonical name of an alias.

    >>> sorted(name_keys("Qassem Suleimani"))
    ['qsm slmn', 'slmn']
    >>> name_key("United States") in name_keys("U.S.")
    True
    """
    key = name_key(name)
    if not key:
        return frozenset()
    found = {key}
    if len(surname := key.split()[-1]) > 1:
        found.add(surname)
    alias = canonical_alias(key)
    if alias is not None:
        found.add(name_key(alias))
    return frozenset(found)


def known_as(name: str, keys: Collection[str]) -> bool:
    """Whether ``name`` names the entity of :func:`name_keys` ``keys``, in another spelling
    or by an alias ("Qassem Suleimani" for "Qasem Soleimani", "US" for "United States").

    >>> known_as("US", name_keys("United States")), known_as("Iran", name_keys("Iraq"))
    (True, False)
    """
    key = name_key(name)
    alias = canonical_alias(key)
    return key in keys or (alias is not None and name_key(alias) in keys)


def canonical_alias(key: str) -> str | None:
    """The canonical name of the alias whose :func:`name_key` is ``key``, if it is one
    (``lang/en/events.toml``, ``[names].aliases``).

    >>> canonical_alias(name_key("USA")), canonical_alias(name_key("Paris"))
    ('United States', None)
    """
    return _aliases().get(key)


@functools.cache
def _aliases() -> dict[str, str]:
    return {name_key(a): group[0] for group in words("events")["names"]["aliases"] for a in group}
