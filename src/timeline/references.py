"""Who or what the arguments of an article's event mentions name or stand for.

:func:`with_arguments` is part of the mention stage (:func:`timeline.events.find_mentions`):
it reads each mention's syntactic arguments in the parse once, so that
:meth:`timeline.Timeline.involving` answers from the mentions without parsing again. The
arguments of a trigger are the heads of its subject, object, possessor, compound, object of
a preposition (a verb without a subject takes the one of the verb it hangs from, also
through "by": "unveiled it by walking on stage"; a relative clause takes the noun it
modifies; an event noun that is the object of a verb takes the verb's subject), and the
words in apposition or coordination with them. Each becomes an :class:`~timeline.Argument`
when it

- is a name: a spaCy entity of a kind in ``lang/en/references.toml``, a run of proper nouns,
  or a word shaped like a product's name ("A380", "iPhone"); a describing noun with a name
  before it ("the A380 superjumbo") is that name;
- is a pronoun: ``he``, ``she``... stand for a person of their gender (where a title or a
  first name tells it) named in their sentence or the one before, the subject first, else
  the nearest person of their gender named before them; ``it``, ``its`` for the nearest
  organisation, product, place or other name at most 60 tokens back;
- is a description: "the company", "the carmaker" stand for the nearest organisation named
  before them, "the aircraft", "the superjumbo" for the nearest product (a name spaCy gives
  no kind fits either); before that, for the nearest name that ends in the noun ("the
  store" after "iTunes Music Store"), else the nearest name the article described by the
  noun or one alike ("the plane" after "the A380, a twin-deck aircraft").
- is a speaker's own pronoun: ``we``, ``our`` stand for the organisation of the speaker of
  their sentence or the one before ('"We will deliver," said an Airbus spokesman').

>>> from timeline import Article, extract_events
>>> text = "Airbus delayed the A380. The superjumbo flew. The company said it would deliver."
>>> for m in extract_events(Article(text)):
...     print(m.text, [(a.text, a.name) for a in m.arguments])
delayed [('Airbus', 'Airbus'), ('A380', 'A380')]
flew [('The superjumbo', 'A380')]
said [('The company', 'Airbus')]
deliver [('it', 'Airbus')]

A person pronoun that is the subject of its mention also gives the mention its
:attr:`~timeline.EventMention.actor`, the name it stands for, when that name is in its
sentence or the one before:

>>> text = "Madeleine Albright met Daniel arap Moi in Nairobi. She laid a wreath."
>>> [(m.text, m.actor) for m in extract_events(Article(text)) if m.text == "laid"]
[('laid', 'Madeleine Albright')]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from timeline.lang import words
from timeline.layout import quotations
from timeline.model import Argument, EventMention
from timeline.names import fullest_forms, line_start, name_key, person_start, tokens_text
from timeline.nlp import text_of, token_strings, tree_of

__all__ = ["Referents", "described_kind", "product_shaped", "spoken_for", "with_arguments"]

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
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")
_SHAPES = re.compile(r"\d{3}|[a-z][A-Z]")


@functools.lru_cache(maxsize=1 << 16)
def product_shaped(word: str) -> bool:
    """Whether ``word`` is shaped like a product's name: a digit and a letter, three digits,
    or a capital after a small letter (in linear time, whatever its length).

    >>> [product_shaped(w) for w in ("A380", "787", "iPhone", "Airbus", "2")]
    [True, True, True, False, False]
    """
    return bool((_DIGIT.search(word) and _LETTER.search(word)) or _SHAPES.search(word))


def described_kind(word: str) -> str | None:
    """The kind of name a describing noun stands for, in the singular or plural
    (``[descriptions]`` of ``lang/en/references.toml``): ``"organisation"`` for "Airlines".

    >>> described_kind("Airlines"), described_kind("superjumbo"), described_kind("Jobs")
    ('organisation', 'product', None)
    """
    lower = word.lower()
    described = _described()
    return described.get(lower) or (described.get(lower[:-1]) if lower.endswith("s") else None)


def spoken_for(argument: Argument) -> bool:
    """Whether ``argument`` is a speaker's own pronoun ("we"), standing for the organisation
    the speaker's phrase names.

    >>> spoken_for(Argument("We", "Airbus")), spoken_for(Argument("it", "Airbus"))
    (True, False)
    """
    return argument.text.lower() in _word_set("speaker_pronouns")


# Kinds of names a thing pronoun ("it") may stand for; "name" is a name of no known kind.
_THINGS = frozenset({"organisation", "product", "place", "name"})


@functools.cache
def _data() -> Mapping[str, Any]:
    return words("references")


@functools.cache
def _word_set(key: str) -> frozenset[str]:
    """A word list of ``lang/en/references.toml`` (``determiners``, ``person_pronouns``,
    ``thing_pronouns``), as a set."""
    return frozenset(_data()[key])


@functools.cache
def _kinds() -> dict[str, str]:
    """The kind of name of each spaCy entity label."""
    return {label: kind for kind, labels in _data()["labels"].items() for label in labels}


@functools.cache
def _described() -> dict[str, str]:
    """The kind of name each describing noun stands for."""
    return {noun: kind for kind, nouns in _data()["descriptions"].items() for noun in nouns}


def with_arguments(
    doc: Any,
    mentions: Sequence[EventMention],
    tokens: Sequence[int],
    *,
    sentences: Sequence[int] | None = None,
    ents: Sequence[Any] | None = None,
) -> list[EventMention]:
    """``mentions`` with their :attr:`~timeline.EventMention.arguments`: who or what each
    argument of their trigger (the token of ``doc`` at the same index of ``tokens``) names or
    stands for, each once, in the order of the parse. ``sentences``: the first token of each
    sentence of ``doc``, and ``ents`` its entities (``doc.ents``), when the caller has them.

    >>> from timeline.nlp import load
    >>> doc = load()("Ryanair grew. It hired pilots.")
    >>> hired = EventMention("a", 17, 22, "hired", "hire", 1)
    >>> [(a.text, a.name) for a in with_arguments(doc, [hired], [4])[0].arguments]
    [('It', 'Ryanair')]
    """
    referents = Referents(doc, sentences, ents)
    out = []
    for mention, index in zip(mentions, tokens, strict=True):
        arguments, actor = referents.arguments(index, mention.actor)
        if arguments != mention.arguments or actor != mention.actor:
            mention = attrs.evolve(mention, arguments=arguments, actor=actor)
        out.append(mention)
    return out


class _Name(NamedTuple):
    """A name in the parse: its first token, its text, where its head word starts in it,
    and its kind (``person``, ``organisation``, ``product``, ``place`` or ``name``); a tuple,
    made for every token of a name."""

    start: int
    text: str
    head: int
    kind: str
    gender: str | None = None
    subject: bool = False


class Referents:
    """The names of one parsed article, and what its pronouns and descriptions stand for:
    who or what the arguments of its triggers name (:meth:`arguments`). ``sentences``: the
    first token of each sentence of ``doc``, and ``ents`` its entities (``doc.ents``), when
    the caller has them. Its methods take tokens by their index in ``doc``, and read the
    words, tags and tree (:func:`timeline.nlp.tree_of`) from the doc's arrays, read once.

    >>> from timeline.nlp import load
    >>> arguments, actor = Referents(load()("Ryanair grew. It hired pilots.")).arguments(4)
    >>> [(a.text, a.name) for a in arguments], actor
    ([('It', 'Ryanair')], None)
    """

    def __init__(
        self,
        doc: Any,
        sentences: Sequence[int] | None = None,
        ents: Sequence[Any] | None = None,
    ) -> None:
        self.doc = doc
        ents = doc.ents if ents is None else ents
        self.entity_of = {i: ent for ent in ents for i in range(ent.start, ent.end)}
        # the tokens' words, tags, shapes and tree, read from the doc's arrays
        self.words = token_strings(doc, "ORTH")
        self.lowers = token_strings(doc, "LOWER")
        # the surnames of the people the article names in full: "Christopher Howes" makes
        # a "Howes" the parser took for an organisation or a place a person (a name it took
        # for a person's once, "Airbus", is not a full name)
        self.surnames = frozenset(
            self.lowers[ent.end - 1]
            for ent in ents
            if _kinds().get(ent.label_) == "person"
            and ent.end - ent.start > 1
            and self.words[ent.start].istitle()
        )
        self.lemmas = token_strings(doc, "LEMMA")
        self.pos = token_strings(doc, "POS")
        self.deps = token_strings(doc, "DEP")
        self.idx, self.like_num = doc.to_array(["IDX", "LIKE_NUM"]).astype("int64").T.tolist()
        self.written = text_of(doc)  # the text parsed
        tree = tree_of(doc)
        self.tokens = tree.tokens  # each token, by index
        self.heads = tree.heads
        self.children = tree.below  # each token's children by index, in the order of the text
        self.shaped = list(map(product_shaped, self.words))
        # only a proper noun, a word shaped like a product's name or a person's surname
        # (:meth:`surname`, its set tried first: few words are one) may be a name word
        surnames = self.surnames
        self.name_words = frozenset(
            i
            for i, (pos, shaped, lower) in enumerate(
                zip(self.pos, self.shaped, self.lowers, strict=True)
            )
            if (pos == "PROPN" or shaped or (lower in surnames and self.words[i].istitle()))
            and self.name_word(i)
        )
        self.named = frozenset(self.entity_of) | self.name_words
        # the name each token of a name is part of: of an entity of a kind of name, its
        # extent found once for all its tokens; no other token is part of a name (a token
        # of an entity of no kind of name, a date or an amount, only as a name word)
        kinds = _kinds()
        name_at: dict[int, _Name | None] = {}
        for ent in ents:
            if (kind := kinds.get(ent.label_)) is not None:
                extent = self._extent_name(*self._entity_extent(ent, kind))
                name_at.update(
                    (i, self.part_of_name(i, *extent)) for i in range(ent.start, ent.end)
                )
        for i in self.name_words:
            name_at[i] = self.part_of_name(i, *self.word_extent(i))
        self.name_at = {i: name_at[i] for i in sorted(name_at)}
        found: dict[int, _Name] = {}
        for name in self.name_at.values():
            if name is not None:
                found.setdefault(name.start, name)
        self.names = [found[start] for start in sorted(found)]
        self.starts = [name.start for name in self.names]
        self.sentences = list(sentences) if sentences is not None else [s.start for s in doc.sents]
        self.aliases = self.defined_aliases()
        self.people_of: dict[int, _Name | None] = {}  # the person each pronoun stands for
        self.referred: dict[int, Argument | None] = {}  # what each argument head stands for
        self.persons = [n for n in self.names if n.kind == "person"]  # the parse's, as found
        # "DeGeneres" is of the gender "Ellen DeGeneres" told
        self.genders = {_surname(n): n.gender for n in self.names if n.gender is not None}
        described = _described()
        nouns = [  # the describing nouns of the parse, not of a name
            i
            for i, (pos, lemma) in enumerate(zip(self.pos, self.lemmas, strict=True))
            if pos == "NOUN" and i not in self.named and lemma.lower() in described
        ]
        for i in nouns:  # a description stands for its name after it
            if (argument := self.described(i)) is not None:
                kind = described[self.lemmas[i].lower()]
                at = bisect.bisect_left(self.starts, i)
                self.names.insert(at, _Name(i, argument.name, argument.head, kind))
                self.starts.insert(at, i)

    @functools.cached_property
    def people(self) -> dict[str, str]:
        """The fullest form of each person's name the article writes, under the key of their
        surname (:func:`timeline.names.fullest_forms`)."""
        return fullest_forms(n.text for n in self.persons)

    @functools.cached_property
    def described_as(self) -> dict[int, frozenset[str]]:
        """The describing nouns the article gives each name (:meth:`descriptions_of_names`),
        found at the first description that looks for them."""
        return self.descriptions_of_names()

    def descriptions_of_names(self) -> dict[int, frozenset[str]]:
        """The describing nouns the article gives each name, by the name's first token: the
        noun it modifies ("60 Boeing 787 Dreamliner aircraft", "the A380 superjumbo
        airliner") or stands in apposition with ("the A380, a twin-deck aircraft"; "the
        largest airliner, the A380"), each as the first noun of its ``[alike]`` group."""
        tokens_of: dict[int, list[int]] = {}
        for i, name in self.name_at.items():
            if name is not None:
                tokens_of.setdefault(name.start, []).append(i)
        described, heads, deps = _described(), self.heads, self.deps
        found = {}
        for start, tokens in tokens_of.items():
            inside = set(tokens)
            # the name's head word: its last word whose head is outside it
            root = max(
                (t for t in tokens if heads[t] not in inside or heads[t] == t), default=start
            )
            nouns = [c for c in self.children[root] if deps[c] == "appos"]
            nouns += self.apposed_sibling(root, max(tokens))
            token = root
            while deps[token] == "compound" and heads[token] != token:
                token = heads[token]
                nouns.append(token)
            if deps[token] == "appos":  # one step: not on to what that noun is apposed to
                nouns.append(heads[token])
            kinds = {
                _alike(self.lemmas[n])
                for n in nouns
                if self.pos[n] == "NOUN" and self.lemmas[n].lower() in described
            }
            if kinds:
                found[start] = frozenset(kinds)
        return found

    def defined_aliases(self) -> dict[str, str]:
        """The short names the article defines in parentheses right after a name, each with
        that name: "Singapore Airlines (SIA)" makes every "SIA" of the article Singapore
        Airlines. The short name is two to six capitals that start as the name does and
        follow its letters in order (not "Kenya (AP)")."""
        found = {}
        words = self.words
        for i in range(1, len(words) - 2):
            if words[i] != "(" or words[i + 2] != ")":
                continue
            short, name = words[i + 1], self.name_at.get(i - 1)
            if name is not None and name.kind != "person" and _abbreviates(short, name.text):
                found[short] = name.text
        return found

    def _argument(self, text: str, name: _Name) -> Argument:
        """The argument written ``text`` that names or stands for ``name``, a short name the
        article defines read as the name it stands for."""
        full = self.aliases.get(name.text)
        return Argument(text, name.text, name.head) if full is None else Argument(text, full)

    def arguments(
        self, index: int, actor: str | None = None
    ) -> tuple[tuple[Argument, ...], str | None]:
        """Who or what each argument of the trigger at token ``index`` names or stands for,
        each once, in the order of the parse; and its actor: ``actor`` if given, else the
        fullest name of the person its subject pronoun stands for, if any."""
        heads = self.argument_heads(index)
        found = dict.fromkeys(
            argument
            for head in heads
            for i in (head, *(c for c in self.children[head] if self.deps[c] in ("appos", "conj")))
            if (argument := self.argument(i)) is not None
        )
        if actor is None:
            subjects = (h for h in heads if self.deps[h] in ("nsubj", "nsubjpass"))
            person = next((p for s in subjects if (p := self.person(s)) is not None), None)
            actor = self.fullest(person) if person is not None else None
        return tuple(found), actor

    def argument_heads(self, index: int) -> list[int]:
        """The heads of the syntactic arguments of the trigger at token ``index``."""
        deps, children = self.deps, self.children
        args = []
        for child in children[index]:
            if deps[child] in ("prep", "agent"):  # "by Airbus": the agent's object
                args += [g for g in children[child] if deps[g] == "pobj"]
            elif deps[child] in _ARGUMENTS:
                args.append(child)
        head, dep = self.heads[index], deps[index]
        if head == index:
            return args
        if dep in ("relcl", "acl"):
            args.append(head)
        if dep in _SHARES_SUBJECT and not any(deps[c] in _SUBJECTS for c in children[index]):
            args += [c for c in children[head] if deps[c] in _SUBJECTS]
        elif (
            dep == "pcomp"
            and self.pos[index] == "VERB"
            and self.lowers[head] in _word_set("means_prepositions")
        ):  # "unveiled the phone by walking onto the stage": the verb's subject walked
            verb = self.heads[head]
            if self.pos[verb] == "VERB" and not any(deps[c] in _SUBJECTS for c in children[index]):
                args += [c for c in children[verb] if deps[c] in _SUBJECTS]
        if self.pos[index] in ("NOUN", "PROPN") and dep in ("dobj", "pobj", "attr"):
            verb = self.heads[head] if dep == "pobj" else head
            if self.pos[verb] in ("VERB", "AUX"):
                args += [c for c in children[verb] if deps[c] in _SUBJECTS]
        return args

    def name_word(self, i: int) -> bool:
        """Whether token ``i`` is a word of a name spaCy tags as no entity of a kind: a proper
        noun, a word shaped like a product's name, or a number standing as one ("the 787")."""
        ent = self.entity_of.get(i)
        if ent is not None and ent.label_ in _kinds():
            return False
        if ent is not None and not (self.like_num[i] and ent.label_ == "CARDINAL"):
            return False
        if self.like_num[i]:
            return self.shaped[i] and any(
                self.lowers[c] in _word_set("determiners") for c in self.children[i]
            )
        return self.pos[i] == "PROPN" or self.shaped[i] or self.surname(i)

    def surname(self, i: int) -> bool:
        """Whether token ``i`` is written as the surname of a person the article names
        ("Howes" for "Christopher Howes", which the tagger may take for a common noun at the
        start of a sentence)."""
        return self.words[i].istitle() and self.lowers[i] in self.surnames

    def joins(self, i: int, first: int, last: int) -> bool:
        """Whether token ``i``, next to the name of tokens ``first`` to ``last``, is part of
        it: a name word, or a number of its noun phrase ("iPhone 4"), not inside an entity
        of a kind."""
        if not (i in self.name_words or self.like_num[i]):
            return False
        ent = self.entity_of.get(i)
        if ent is not None and ent.label_ in _kinds():
            return False
        return first <= self.heads[i] < last or i in self.heads[first:last]

    def word_extent(self, i: int) -> tuple[int, int, _Name]:
        """The extent of the name a name word, token ``i``, is part of, as
        :meth:`_extent_name` gives it: a single word written as a surname is a person's."""
        first, last, name = self._extent_name(i, i + 1, "name")
        if last - first == 1 and self.surname(first):
            return self._extent_name(first, last, "person")
        return first, last, name

    def part_of_name(self, i: int, first: int, last: int, name: _Name) -> _Name | None:
        """The name token ``i`` is part of, if of ``name``, found in the parse as tokens
        ``first`` to ``last`` (:meth:`_extent_name`), and no office's."""
        if not first <= i < last or _office(name.text):
            return None
        head = self.idx[i] - self.idx[first]
        return _Name(name.start, name.text, head, name.kind, name.gender, name.subject)

    def _entity_extent(self, ent: Any, kind: str) -> tuple[int, int, str]:
        """The first and last token of an entity's name, and its kind (``kind``, its label's,
        or a person's): without determiners, punctuation and possessive ending."""
        first, last = line_start(self.written, self.tokens, ent.start, ent.end), ent.end
        tokens, determiners = self.tokens, _word_set("determiners")
        while first < last and (tokens[first].is_punct or self.lowers[first] in determiners):
            first += 1
        while last > first and (tokens[last - 1].tag_ == "POS" or tokens[last - 1].is_punct):
            last -= 1
        return first, last, "person" if last - first == 1 and self.surname(first) else kind

    def _extent_name(self, first: int, last: int, kind: str) -> tuple[int, int, _Name]:
        """The name of tokens ``first`` to ``last`` of ``kind``, widened to the words that
        join it, as ``(first, last, name)``; its head is that of its first word."""
        if kind == "person":  # "Having Jackman host": the name starts at "Jackman"
            first = person_start(self.tokens, first, last)
        if kind != "person":
            while first > 0 and self.joins(first - 1, first, last):
                first -= 1
            while last < len(self.heads) and self.joins(last, first, last):
                last += 1
        text = self.text(first, last)
        if kind != "person" and any(self.shaped[first:last]):
            kind = "product"
        if kind != "person":
            return first, last, _Name(first, text, 0, kind)
        root = self.doc[first:last].root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        return first, last, _Name(first, text, 0, kind, self.name_gender(first, last), subject)

    def text(self, first: int, last: int) -> str:
        """The text of tokens ``first`` to ``last``, as ``doc[first:last].text``."""
        return tokens_text(self.written, self.tokens, first, last)

    def name_gender(self, first: int, last: int) -> str | None:
        """A person's gender as a title before the name of tokens ``first`` to ``last`` or
        its first name tells it, if either does ("Mrs. Albright", "Madeleine Albright"). A
        name of one word has no first name: "Benjamin" after "Regina Benjamin" is her
        surname, of the gender the full name told."""
        if first == last:  # nothing left of the name once its leading words went
            return None
        words = [self.lowers[first - 1]] if first > 0 else []
        words += self.lowers[first : min(first + 2, last)]
        given = self.lowers[first] if last - first > 1 else None
        for gender, (titles, first_names) in _genders().items():
            if any(w in titles for w in words) or given in first_names:
                return gender
        return None

    def argument(self, i: int) -> Argument | None:
        """Who or what token ``i``, an argument's head, names or stands for (found once for
        each token: a subject is often the argument of several triggers)."""
        if i not in self.referred:
            self.referred[i] = self.find_argument(i)
        return self.referred[i]

    def find_argument(self, i: int) -> Argument | None:
        named = self.name_at.get(i) or self.compound_name(i)
        if named is not None:
            return self._argument(named.text, named)
        data = _data()
        lower = self.lowers[i]
        if lower in _word_set("person_pronouns"):
            near = self.person(i)
            if near is not None:
                return Argument(self.words[i], near.text, near.head)
            gender = _pronoun_genders().get(lower)
            return self.refer(i, self.words[i], {"person"}, None, gender)
        if lower in _word_set("thing_pronouns"):
            return self.refer(i, self.words[i], _THINGS, data["windows"]["thing_pronoun"])
        if lower in _word_set("speaker_pronouns"):
            side = self.speaker_side(i)
            return None if side is None else self._argument(self.words[i], side)
        return self.described(i)

    def speaker_side(self, i: int) -> _Name | None:
        """The organisation a speaker's own pronoun, token ``i`` ("we"), stands for, from
        the speaker of its sentence, else of the sentence before (a quotation told on): the
        speaker itself if an organisation ("Airbus said"); else the organisation named in
        the speaker's phrase ("an Airbus spokesman") or in a phrase where the article names
        the same person ("Airbus chief executive Thomas Enders"); else, for a speaker
        holding an office ("Spokeswoman Sandy Angers"), the organisation the article has
        named most so far."""
        at = bisect.bisect_right(self.sentences, i) - 1
        said = (self.speaker(n) for n in (at, at - 1)[: at + 1])
        speaker = next((s for s in said if s is not None), None)
        if speaker is None:
            return None
        phrases = [speaker]
        own = self.name_at.get(speaker)
        if own is None and self.pos[speaker] != "PROPN":  # "a spokesman", "the company"
            return self.organisation_in(speaker, "")
        surname = self.words[speaker] if own is None else _surname(own)
        phrases += [self.phrase_of(n.start) for n in self.names if _surname(n) == surname]
        office = any(
            self.lowers[t] in _word_set("offices") for p in phrases for t in self.phrase(p)
        )
        if not office:
            return own if own is not None and own.kind == "organisation" else None
        found = (self.organisation_in(p, surname) for p in phrases)
        return next((f for f in found if f is not None), None) or self.most_named(i, surname)

    def speaker(self, sentence: int) -> int | None:
        """The head of the subject of the first reporting verb of sentence number
        ``sentence`` ("said an Airbus spokesman", "justified it by saying") that is not a
        speaker's own pronoun."""
        start = self.sentences[sentence]
        last = sentence + 1 == len(self.sentences)
        end = len(self.words) if last else self.sentences[sentence + 1]
        reporting, own = _reporting(), _word_set("speaker_pronouns")
        for verb in range(start, end):
            if self.pos[verb] != "VERB" or self.lemmas[verb].lower() not in reporting:
                continue
            for subject in self.subjects(verb):
                if self.lowers[subject] not in own:
                    return subject
        return None

    def subjects(self, verb: int) -> list[int]:
        """The subjects of the verb at token ``verb``, else those of the verb it hangs from
        with no subject of its own ("justified it by saying")."""
        for _ in range(4):
            found = [c for c in self.children[verb] if self.deps[c] in ("nsubj", "nsubjpass")]
            if found or self.deps[verb] not in _SHARES_SUBJECT | {"pcomp", "prep"}:
                return found
            verb = self.heads[verb]
        return []

    def most_named(self, i: int, surname: str) -> _Name | None:
        """The organisation the article names most often before token ``i``, the latest
        named of those tied, not one of the last word ``surname``."""
        named = [n for n in self.before(i) if n.kind == "organisation" and _surname(n) != surname]
        if not named:
            return None
        counts = Counter(name.text for name in named)
        return max(named[::-1], key=lambda name: counts[name.text])

    def phrase(self, head: int) -> list[int]:
        """The tokens of the phrase of token ``head``, in the order of the text."""
        stack, found = [head], []
        while stack:
            token = stack.pop()
            found.append(token)
            stack += self.children[token]
        return sorted(found)

    def phrase_of(self, i: int) -> int:
        """The head of the noun phrase token ``i`` is a word of: the root of its name, or
        what that root is in apposition with ("Thomas Enders, chief executive of Airbus")."""
        while self.deps[i] in ("compound", "flat") and self.heads[i] != i:
            i = self.heads[i]
        return self.heads[i] if self.deps[i] == "appos" else i

    def organisation_in(self, head: int, surname: str) -> _Name | None:
        """The first organisation named in the phrase of token ``head``, not one of the last
        word ``surname`` (the speaker's own name)."""
        for token in self.phrase(head):
            name = self.name_at.get(token)
            if name is not None and name.kind == "organisation" and _surname(name) != surname:
                return name
        return None

    def described(self, i: int) -> Argument | None:
        """What token ``i`` stands for if it is a describing noun after a determiner ("the
        company"): the nearest name before it that ends in the noun (:meth:`ending_in`),
        else the nearest name of its kind."""
        data = _data()
        kind = _described().get(self.lemmas[i].lower())
        if kind is None or self.pos[i] != "NOUN":
            return None
        determiners = _word_set("determiners")
        determiner = [c for c in self.children[i] if self.lowers[c] in determiners]
        if not determiner:
            return None
        text = self.text(determiner[0], i + 1)
        window = data["windows"]["description"]
        return (
            self.ending_in(i, text, window)
            or self.described_alike(i, text, window)
            or self.refer(i, text, {kind, "name"}, window)
        )

    def apposed_sibling(self, root: int, last: int) -> list[int]:
        """The head of a noun phrase set off by a comma right after a name (of root token
        ``root`` and last token ``last``) that the parser took for a second argument of the
        name's head rather than in apposition ("unveiled the A380, a twin-deck aircraft")."""
        comma = last + 1
        if comma >= len(self.words) or self.words[comma] != "," or self.heads[root] == root:
            return []
        head, dep = self.heads[root], self.deps[root]
        return [
            n
            for n in self.children[head]
            if n > comma and self.deps[n] == dep and self.phrase(n)[0] == comma + 1
        ]

    def described_alike(self, i: int, text: str, window: int) -> Argument | None:
        """What a describing noun, token ``i`` written ``text``, stands for when a name at
        most ``window`` tokens before it was described by a noun alike
        (:meth:`descriptions_of_names`): the nearest such name ("the aircraft" after "the
        A380, a twin-deck aircraft", though a Boeing 747 is named between)."""
        noun = _alike(self.lemmas[i])
        return self.nearest(
            i, text, window, lambda name: noun in self.described_as.get(name.start, ())
        )

    def ending_in(self, i: int, text: str, window: int) -> Argument | None:
        """What a describing noun, token ``i`` written ``text``, stands for when a name at
        most ``window`` tokens before it ends in that noun: the nearest such name ("the
        store" after "iTunes Music Store", "the airline" after "China Eastern Airlines")."""
        noun = self.lemmas[i].lower()
        return self.nearest(
            i, text, window, lambda name: _surname(name).lower() in (noun, noun + "s")
        )

    def compound_name(self, i: int) -> _Name | None:
        """The name before a describing noun, token ``i``, that it modifies ("the A380
        superjumbo"; not "Boeing employees")."""
        if self.lemmas[i].lower() not in _described():
            return None
        for child in reversed([c for c in self.children[i] if self.deps[c] == "compound"]):
            if child in self.named:
                return self.name_at.get(child)
        return None

    def refer(
        self,
        i: int,
        text: str,
        kinds: set[str],
        window: int | None,
        gender: str | None = None,
    ) -> Argument | None:
        """What token ``i`` stands for: the nearest name of one of ``kinds`` before it, at
        most ``window`` tokens back (with ``None``, anywhere before), of ``gender`` if its
        gender is known."""
        return self.nearest(
            i,
            text,
            window,
            lambda name: (
                name.kind in kinds and (gender is None or self.gender(name) in (None, gender))
            ),
        )

    def nearest(
        self, i: int, text: str, window: int | None, fits: Callable[[_Name], bool]
    ) -> Argument | None:
        """The argument written ``text`` that stands for the nearest name before token ``i``
        that ``fits``, at most ``window`` tokens back (with ``None``, anywhere before): what
        :meth:`refer`, :meth:`ending_in` and :meth:`described_alike` look for."""
        for name in self.before(i):
            if window is not None and i - name.start > window:
                return None
            if fits(name):
                return self._argument(text, name)
        return None

    def fullest(self, person: _Name) -> str:
        """The fullest form of a person's name in the article ("Madeleine Albright" for
        "Albright")."""
        return self.people.get(name_key(_surname(person)), person.text)

    def gender(self, person: _Name) -> str | None:
        """A person's gender as any form of their name in the article tells it."""
        return person.gender or self.genders.get(_surname(person))

    def person(self, i: int) -> _Name | None:
        """The person a person pronoun, token ``i``, stands for, if named in its sentence or
        the one before and of its gender where known: the nearest subject, else the person
        the article has named most so far if named there ("The election of Isaacs came after
        DeGeneres's ... She hosted" is not Isaacs when DeGeneres is the one the story is
        about). With no person of its gender named there, the person of the nearest subject
        pronoun of its gender in that stretch ("In Dar es Salaam, she laid a wreath ... Then
        she handed a flag": a chain of pronouns follows one person), else none. A quotation
        that is a sentence of its own does not count as the sentence before: its speaker
        goes on after it (:meth:`quoted`)."""
        gender = _pronoun_genders().get(self.lowers[i])
        if gender is None:
            return None
        chain = []  # pronouns that stand for the person of the one before them
        while i not in self.people_of:
            chain.append(i)
            found, prior = self.nearest_person(i, gender)
            if prior is None:
                self.people_of[i] = found
                break
            i = prior
        for pronoun in chain:
            self.people_of[pronoun] = self.people_of[i]
        return self.people_of[i]

    def nearest_person(self, i: int, gender: str) -> tuple[_Name | None, int | None]:
        """The person of :meth:`person` named near token ``i``, or ``(None, pronoun)`` with
        the index of the subject pronoun of the same gender whose person it is."""
        at = bisect.bisect_right(self.sentences, i) - 1
        before = max(at - 1, 0)
        while before > 0 and self.quoted(before):
            before -= 1  # the speaker of a quotation goes on in the sentence after it
        earliest = self.sentences[before]
        fitting = [
            name
            for name in itertools.takewhile(lambda name: name.start >= earliest, self.before(i))
            if name.kind == "person" and self.gender(name) in (None, gender)
        ]
        if not fitting:
            genders = _pronoun_genders()
            prior = next(
                (
                    t
                    for t in range(i - 1, earliest - 1, -1)
                    if self.deps[t] in ("nsubj", "nsubjpass")
                    and genders.get(self.lowers[t]) == gender
                ),
                None,
            )
            return None, prior
        subject = next((name for name in fitting if name.subject), None)
        if subject is not None:
            return subject, None
        named = Counter(
            _surname(n)
            for n in self.before(i)
            if n.kind == "person" and self.gender(n) in (None, gender)
        )
        topic = max(fitting, key=lambda name: named[_surname(name)])
        return (topic if named[_surname(topic)] == max(named.values()) else None), None

    def quoted(self, sentence: int) -> bool:
        """Whether sentence number ``sentence`` is a quotation from end to end (one of
        :func:`timeline.layout.quotations` and its marks, AP's two backticks and two
        apostrophes too): the speaker told before it goes on after it ("..., he said. 'We
        are friends.' He also urged Albright")."""
        start = self.idx[self.sentences[sentence]]
        end = (
            self.idx[self.sentences[sentence + 1]]
            if sentence + 1 < len(self.sentences)
            else len(self.written)
        )
        text = self.written
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        last = start + len(text[start:end].rstrip())
        at = bisect.bisect_right(self._quotation_starts, first)
        if at == len(self._quotations):
            return False
        inside, close = self._quotations[at]
        marks = words("layout")["quote_marks"]
        return marks.get(text[first:inside]) == text[close:last] != ""

    @functools.cached_property
    def _quotations(self) -> list[tuple[int, int]]:
        """The spans inside quotation marks of the text (:func:`timeline.layout.quotations`)."""
        return quotations(self.written)

    @functools.cached_property
    def _quotation_starts(self) -> list[int]:
        """Where each of :attr:`_quotations` starts, for a bisection."""
        return [start for start, _ in self._quotations]

    def before(self, index: int) -> Iterator[_Name]:
        """The names that start before token ``index``, nearest first."""
        at = bisect.bisect_left(self.starts, index)
        return reversed(self.names[:at])


@functools.lru_cache(maxsize=1 << 14)
def _office(text: str) -> bool:
    """Whether ``text`` is only the name of an office ("CEO", "Vice President"), which no
    pronoun or description stands for (kept for the names met most recently: each token of
    a name asks for it).

    >>> _office("Vice President"), _office("CEO"), _office("President Obama")
    (True, True, False)
    """
    offices = _word_set("offices")
    return all(word.lower() in offices for word in text.split())


@functools.cache
def _alikes() -> dict[str, str]:
    """The first noun of the ``[alike]`` group of each describing noun in one."""
    return {noun: nouns[0] for nouns in _data()["alike"].values() for noun in nouns}


def _alike(lemma: str) -> str:
    """The describing noun ``lemma`` stands as: the first of its ``[alike]`` group
    ("aircraft" for "plane"), else itself.

    >>> _alike("Plane"), _alike("company")
    ('aircraft', 'company')
    """
    lower = lemma.lower()
    return _alikes().get(lower, lower)


@functools.cache
def _reporting() -> frozenset[str]:
    """The lemmas of reporting verbs ("say", "announce"), whose subject is a speaker."""
    return frozenset(words("events")["classes"]["REPORTING"])


@functools.cache
def _genders() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """The titles and first names that tell each gender, as sets."""
    return {
        gender: (frozenset(table["titles"]), frozenset(table["first_names"]))
        for gender, table in _data()["genders"].items()
    }


@functools.cache
def _pronoun_genders() -> dict[str, str]:
    """The gender of each person pronoun."""
    return {
        pronoun: gender
        for gender, table in _data()["genders"].items()
        for pronoun in table["pronouns"]
    }


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short``, two to six capitals, may abbreviate ``name``: it starts with the
    name's first letter and the rest follow the name's letters in order.

    >>> _abbreviates("SIA", "Singapore Airlines"), _abbreviates("AP", "Kenya")
    (True, False)
    """
    if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
        return False
    letters = iter(c for c in name.upper() if c.isalpha())
    return next(letters, None) == short[0] and all(c in letters for c in short[1:])


def _surname(name: _Name) -> str:
    words = name.text.split()
    return words[-1] if words else name.text
