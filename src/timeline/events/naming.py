"""The names of one article's entities: who and what its events' participants are.

:class:`_Names` cleans each entity's text (titles, leading article, possessive ending and a
headline before it dropped) and gives it one name across the article's variants: a person
by the fullest form of the surname, an alias by its canonical name, initials by the name
they stand for.

>>> from timeline.nlp import load
>>> doc = load()("Prime Minister Boris Johnson spoke. Johnson left.")
>>> names = _Names(list(doc.ents), list(doc), doc.text)
>>> [names.participant(e, "agent").name for e in doc.ents]
['Boris Johnson', 'Boris Johnson']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from timeline.events.lexicon import lexicon
from timeline.model import Participant
from timeline.names import (
    canonical_alias,
    fullest_forms,
    line_start,
    name_key,
    person_start,
    tokens_text,
)


class _Names:
    """Canonical names of one article's entities: aliases, surnames and spellings joined."""

    def __init__(self, ents: Sequence[Any], tokens: Sequence[Any], text: str) -> None:
        #: the parse's tokens, by index, and its text
        self.tokens, self.text = tokens, text
        lex = lexicon()
        self.titles, self.suffixes, self.seats = lex.titles, lex.suffixes, lex.seats
        self.canonical: dict[tuple[int, int, str], tuple[str, str, str] | None] = {}
        #: each entity's :meth:`clean` text, by its span
        self.cleaned = {(e.start, e.end, e.label_): self.clean(e) for e in ents}
        # surname key -> the form the person is best written by
        self.persons = fullest_forms(
            name for (_, _, label), name in self.cleaned.items() if label == "PERSON"
        )
        # initials -> the name they stand for in this article ("OAU", "the Organization of
        # African Unity")
        self.initials: dict[str, str] = {}
        for (_, _, label), name in self.cleaned.items():
            if label != "PERSON" and len(parts := name.split()) > 1:
                self.initials.setdefault(
                    "".join(w[0] for w in parts if w[0].isupper()), " ".join(parts)
                )

    def clean(self, ent: Any) -> str:
        """The entity's text without titles, leading article and possessive ending, from
        its last line."""
        tokens = self.tokens
        first, last = line_start(self.text, tokens, ent.start, ent.end), ent.end
        while first < last and (
            tokens[first].lower_ in self.titles
            or tokens[first].is_punct
            # "Having Jackman host": a person's name starts at its first proper noun
            or (ent.label_ == "PERSON" and person_start(tokens, first, last) > first)
        ):
            first += 1
        while last > first and (
            tokens[last - 1].tag_ == "POS"
            or tokens[last - 1].is_punct
            # "Arcade Joseph Comeaux Jr.": a person is keyed by the surname before the suffix
            or (
                ent.label_ == "PERSON"
                and last - first > 1
                and tokens[last - 1].lower_.rstrip(".") in self.suffixes
            )
        ):
            last -= 1
        return tokens_text(self.text, tokens, first, last)

    def participant(
        self, ent: Any, role: str, preposition: str | None = None, qualifier: bool = False
    ) -> Participant | None:
        span = (ent.start, ent.end, ent.label_)
        if span not in self.canonical:  # an entity takes part in many events
            self.canonical[span] = self.canonical_name(ent)
        if (found := self.canonical[span]) is None:
            return None
        name, key, label = found
        return Participant(name, key, label, role, preposition, qualifier)

    def place(self, ent: Any) -> str | None:
        """The name of the place ``ent`` names, as :meth:`participant` gives it, but a seat
        of government as the city it is ("said in Washington", where Washington as who
        acts is the United States)."""
        participant = self.participant(ent, "other")
        if participant is None:
            return None
        written = self.cleaned[(ent.start, ent.end, ent.label_)]
        return written if name_key(written) in self.seats else participant.name

    def canonical_name(self, ent: Any) -> tuple[str, str, str] | None:
        """The entity's name, key and label, a person's surname standing for the person and
        an alias for its canonical name; ``None`` if nothing of it is a name."""
        name = self.cleaned[(ent.start, ent.end, ent.label_)]
        if not name.strip():
            return None
        key = name_key(name)
        label = ent.label_
        surname = name_key(name.split()[-1])
        if label == "PERSON" or (len(name.split()) == 1 and surname in self.persons):
            label, name, key = "PERSON", self.persons.get(surname, name), surname
        elif (alias := canonical_alias(key)) is not None:
            name, key = alias, name_key(alias)
        elif (full := self.initials.get(name.replace(".", ""))) is not None and name.isupper():
            name, key = full, name_key(full)  # "OAU" for the Organization of African Unity
        return name, key, label
