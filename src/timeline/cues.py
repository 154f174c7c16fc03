"""Order cues of a parsed article: which of its event mentions comes before which.

:func:`find_constraints` reads a spaCy parse for the cues of time order between mentions:
reported speech and the past perfect ("said that troops had fired"), prepositions and
conjunctions ("after the strike", "following a meeting", "before"), verbs whose object is
their cause or aim ("to avenge the operation"), a clause that happens while its event does
("shot as he stood", both ways), one happening named twice ("the attack killed", "said in
a statement"), a definite event noun that names an earlier event ("an airstrike" ... "the
attack") and reactions told after a dated happening. The constraints it returns are solved
with the mentions' bounds by :func:`timeline.bounds.solve`. The words are data, in
``lang/en/events.toml`` (``[ordering]``) and ``lang/en/predicates.toml``.

>>> from datetime import date
>>> from timeline.pipeline import analyse
>>> from timeline import Article
>>> [c.cue for c in analyse(Article("He resigned after the vote.", date(2020, 1, 7))).constraints]
['after']
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from timeline.bounds import Constraint, interval_bounds
from timeline.lang import words
from timeline.merging.predicates import predicate_kinds
from timeline.model import EventMention
from timeline.nlp import line_breaks_of, token_strings, tree_of
from timeline.tree import Tree

__all__ = [
    "find_constraints",
    "find_parts",
    "gives_cause",
    "governor",
    "relative_subject",
    "saying",
    "tells_of",
]


def find_constraints(
    doc: Any,
    mentions: Sequence[EventMention],
    tokens: Sequence[int],
    heads: Mapping[int, int],
) -> list[Constraint]:
    """Order constraints between ``mentions`` from the cues of a parsed spaCy ``doc``.

    ``tokens`` holds the index of each mention's trigger token; ``heads`` maps the index of
    each token that stands for a mention (its trigger, and the light verb of an event noun)
    to the mention's index in ``mentions``.
    """
    ordering = _ordering()
    reporting = {"REPORTING", "PERCEPTION"}
    tree = tree_of(doc)
    children = tree.children
    dep, lowers = token_strings(doc, "DEP"), token_strings(doc, "LOWER")
    triggers = [tree.tokens[i] for i in tokens]
    found: list[Constraint] = []

    def add(before: int | None, after: int | None, cue: str) -> None:
        if before is not None and after is not None and before != after:
            found.append(Constraint(before, after, cue))

    # Reported speech, past perfect, relative clauses on event nouns, "then", "as", and a
    # present participle of its verb.
    for i, m in enumerate(mentions):
        token = triggers[i]
        above, via = governor(token, heads, tree)
        if above is None:
            continue
        said = _content_of(above, via, heads, tree)
        if said is not None and mentions[said].event_class in reporting and m.realis:
            add(i, said, "reported speech")
        if m.tense == "PAST" and m.aspect.startswith("PERFECTIVE") and m.realis:
            add(i, above, "past perfect")
        if (
            dep[token.i] == "relcl"
            and heads.get(tree.heads[token.i]) == above
            and relative_subject(token)
        ):
            add(i, above, "same event")
            add(above, i, "same event")
        if dep[token.i] == "conj" and any(lowers[c.i] in ordering["then"] for c in children(token)):
            add(above, i, "then")
        if (
            dep[token.i] == "advcl"
            and any(
                dep[c.i] == "mark" and lowers[c.i] in ordering["meanwhile"] for c in children(token)
            )
            and (m.tense, m.aspect) == (mentions[above].tense, mentions[above].aspect)
        ) or (
            m.tense == "PRESPART"
            and m.realis
            and not m.quoted
            and via.i == token.i
            and dep[token.i] in ("xcomp", "advcl")
            and not any(dep[c.i] in ("mark", "aux") for c in children(token))
            and mentions[above].tense in ("PAST", "PRESENT")
        ):
            # "was shot at 10 p.m. as he stood": each happens while the other does, told in
            # one tense ("has been attempting since December ..., as it intends": a reason);
            # so does a present participle of a verb with no word to order them ("stood
            # chatting with his wife", "Retaliating ..., U.S. forces Thursday launched")
            add(i, above, "meanwhile")
            add(above, i, "meanwhile")

    # Prepositions and conjunctions: "after the strike", "following a meeting", "before".
    for i, lower in enumerate(lowers):
        phrases = _cue_phrases().get(lower)  # the phrases that end in the word
        if phrases is None:
            continue
        token = tree.tokens[i]
        if dep[i] not in ("prep", "mark", "advmod") and token.tag_ != "VBG":
            continue
        for phrase, cue in phrases:
            first = i - len(phrase) + 1
            if first < 0 or tuple(lowers[first : i + 1]) != phrase:
                continue
            objects = [c for c in children(token) if dep[c.i] in ("pobj", "pcomp", "dobj")]
            if dep[i] == "mark":
                objects = [tree.head(token)]
                modified, _ = governor(tree.head(token), heads, tree)
            else:
                modified = _at_or_above(tree.head(tree.tokens[first]), heads)
            for obj in objects:
                event = _nearest_below(obj, heads)
                if cue == "after":
                    add(event, modified, " ".join(phrase))
                else:
                    add(modified, event, " ".join(phrase))
            break

    # Verbs whose object is their cause or their aim: "to avenge the operation".
    for i, m in enumerate(mentions):
        if m.lemma not in ordering["object_before"] and m.lemma not in ordering["object_after"]:
            continue
        token = triggers[i]
        objects = [c for c in children(token) if dep[c.i] == "dobj"]
        objects += [g for c in children(token) if dep[c.i] == "prep" for g in children(c)]
        for obj in objects:
            if m.lemma in ordering["object_after"]:
                add(i, _nearest_below(obj, heads), m.lemma)
                continue
            purpose = dep[token.i] in ("advcl", "xcomp") and any(
                c.tag_ == "TO" for c in children(token)
            )
            # Everything that happened in the object: "the operation ... that assassinated".
            causes = {heads[t.i] for t in obj.subtree if t.i in heads}
            for event in sorted(causes):
                if mentions[event].modality != "ASSERTED":
                    continue
                add(event, i, m.lemma)
                if purpose:
                    add(event, governor(token, heads, tree)[0], "to " + m.lemma)

    # Reactions and their cause: "vowed revenge over the strike"; what has not happened yet
    # is vowed, threatened or announced after its cause.
    for i, m in enumerate(mentions):
        if m.lemma not in ordering["reactions"]:
            continue
        told = i
        while told is not None and not mentions[told].realis:
            told = governor(triggers[told], heads, tree)[0]
        for event in _causes(triggers[i], i, mentions, heads):
            add(event, i, m.lemma)
            if told != i:
                add(event, told, m.lemma)

    # One happening named twice: "the attack killed", "said in a statement"; what is done to
    # a happening is another ("the bombing was condemned", "the attacks were plotted").
    for i, m in enumerate(mentions):
        token = triggers[i]
        same = None
        if m.realis and m.tense in ("PAST", "PRESENT") and token.pos_ == "VERB":
            same = next(
                (
                    heads[c.i]
                    for c in children(token)
                    if heads.get(c.i, i) != i and dep[c.i] == "nsubj"
                ),
                None,
            )
        elif (
            m.event_class == "REPORTING"
            and dep[token.i] == "pobj"
            and lowers[tree.heads[token.i]] in ordering["medium"]
        ):
            same, via = governor(token, heads, tree)
            while same is not None and not mentions[same].realis:
                # "called on Iran to step back ... in a joint statement": the statement is
                # the calling's, not what it calls for
                same, via = governor(tree.head(via), heads, tree)
        add(i, same, "same event")
        add(same, i, "same event")

    paragraph = _paragraphs(doc, mentions)
    ordered = {(c.before, c.after) for c in found if c.cue != "same event"}
    ordered |= {(after, before) for before, after in ordered}
    found.extend(_anaphora(mentions, triggers, paragraph, ordered))
    found.extend(_elaborations(mentions, paragraph))
    found.extend(_reactions(mentions, paragraph))
    return found


def find_parts(
    doc: Any,
    mentions: Sequence[EventMention],
    tokens: Sequence[Any],
) -> list[tuple[int, int]]:
    """``(part, whole)`` pairs of mention indices: what a happening did or consisted of, told
    apart from it. A consequence ("killed", "injured", "missing", "damaged") is part of the
    violent happening it happened in, or one joined to it did ("martyred in the strike",
    "killed and 40 others wounded in the blast"), else of the nearest one told
    before it in its paragraph or the two sentences before ("Bombs exploded at two embassies
    ... At least 82 were killed and 1,700 injured"), when nobody is named as doing it. A
    participle that goes with a violent happening's clause is what it did ("The bombings
    occurred on Friday, turning streets into rubble").

    ``tokens`` holds the index of each mention's trigger token in ``doc``.
    """
    ordering = _ordering()
    consequences = ordering["consequences"]
    wholes = _wholes()
    paragraphs = functools.cache(lambda: _paragraphs(doc, mentions))  # read if needed
    tree = tree_of(doc)
    children, dep = tree.children, token_strings(doc, "DEP")
    at = {t: k for k, t in enumerate(tokens)}
    found = []
    last_whole: int | None = None
    for i, m in enumerate(mentions):
        if m.lemma in wholes and m.realis and m.modality == "ASSERTED":
            last_whole = i
            continue
        token = tree.tokens[tokens[i]]
        if m.realis and _accompanying(token) and tree.heads[token.i] in at:
            # "The bombings occurred on Friday, turning streets into piles of concrete"
            head = at[tree.heads[token.i]]
            subjects = [
                at[c.i] for c in children(tree.head(token)) if dep[c.i] == "nsubj" and c.i in at
            ]
            whole = next((k for k in (head, *subjects) if mentions[k].lemma in wholes), None)
            if whole is not None and whole != i:
                found.append((i, whole))
                continue
        if m.lemma not in consequences or not m.realis:
            continue
        if any(p.role == "agent" for p in m.participants):
            continue
        # a consequence joined to one that happened in a whole happened in it too ("killed
        # and 1,000 others wounded in the blasts")
        joined = [
            t
            for c in tree.conjuncts(token)
            for t in (c, *(g for g in children(c) if dep[g.i] == "acl"))
            if t.i in at and mentions[at[t.i]].lemma in consequences
        ]
        inside = [
            at[g.i]
            for t in (token, *joined)
            for c in children(t)
            if dep[c.i] in ("prep", "agent") and c.lower_ in ordering["during"]
            for g in children(c)
            if g.i in at and mentions[at[g.i]].lemma in wholes
        ]
        whole = inside[0] if inside else last_whole
        if whole is None or whole == i:
            continue
        near = m.sentence - mentions[whole].sentence <= 2 or paragraphs()[whole] == paragraphs()[i]
        if inside or near:
            found.append((i, whole))
    return found


@functools.cache
def _wholes() -> frozenset[str]:
    """The lemmas of the happenings that have parts (the ``wholes`` groups of synonyms)."""
    predicates = words("predicates")
    return frozenset(
        lemma for group in predicates["wholes"] for lemma in predicates["synonyms"][group]
    )


@functools.cache
def _ordering() -> dict[str, frozenset[str]]:
    """The word lists of ``[ordering]`` in ``lang/en/events.toml``, as sets."""
    ordering = words("events")["ordering"]
    return {key: frozenset(found) for key, found in ordering.items() if isinstance(found, tuple)}


def tells_of(cue: str) -> bool:
    """Whether a constraint's ``cue`` says that its later event reports or reacts to its
    earlier one: reported speech ("the Pentagon confirmed that Iran had fired"), a verb
    whose object is its cause ("to avenge the operation", "condemned the bombing"), a
    reaction's noun ("revenge over the strike") or a statement told after a dated
    happening; not a mere order ("after the vote"), nor one happening named twice.

    >>> tells_of("reported speech"), tells_of("to avenge"), tells_of("after")
    (True, True, False)
    """
    return cue in _telling()


@functools.cache
def _telling() -> frozenset[str]:
    """The cues of :func:`tells_of`."""
    ordering = _ordering()
    verbs = ordering["object_before"]
    return frozenset(
        {"reported speech", "reaction", *verbs, *(f"to {verb}" for verb in verbs)}
        | ordering["reactions"]
    )


@functools.cache
def _cue_phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The "after" and "before" phrases as word tuples under their last word, longest first."""
    ordering = words("events")["ordering"]
    found: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for cue in ("after", "before"):
        for phrase in sorted(ordering[cue], key=lambda p: -len(p.split())):
            found[phrase.split()[-1]].append((tuple(phrase.split()), cue))
    return dict(found)


@functools.cache
def _anaphora_kinds() -> dict[str, int]:
    """The kind of each event noun that may name an earlier event: the event nouns of the
    ``anaphora`` unions of synonym groups, but the ``ambiguous`` ones."""
    predicates = words("predicates")
    nouns = frozenset(words("events")["nouns"]["events"]) - frozenset(predicates["ambiguous"])
    found: dict[str, int] = {}
    for n, union in enumerate(predicates["anaphora"]):
        for group in union:
            for lemma in predicates["synonyms"][group]:
                if lemma in nouns:
                    found.setdefault(lemma, n)  # of two kinds ("call"), the first
    return found


#: How many sentences back a definite event noun may name an event outside its paragraph.
_FAR = 16


@functools.cache
def _antecedent_kinds() -> dict[str, int]:
    """The kind of each lemma, verb or noun, of the ``anaphora`` unions of synonym groups:
    what a definite event noun of that kind may name."""
    predicates = words("predicates")
    found: dict[str, set[int]] = defaultdict(set)
    for n, union in enumerate(predicates["anaphora"]):
        for group in union:
            for lemma in predicates["synonyms"][group]:
                found[lemma].add(n)
    # a verb of two kinds ("called on" them, "called" him) names neither for sure
    return {lemma: min(kinds) for lemma, kinds in found.items() if len(kinds) == 1}


def _anaphora(
    mentions: Sequence[EventMention],
    tokens: Sequence[Any],
    paragraph: Sequence[int],
    ordered: Collection[tuple[int, int]],
) -> list[Constraint]:
    """A definite event noun without a time names the nearest earlier event of its kind in
    its paragraph or the two sentences before ("an airstrike" ... "the attack"), or an event
    noun of its kind earlier in its own sentence that no cue of ``ordered`` (pairs of
    indices) sets apart from it, unless a compound describes it ("the 1995 shooting of a
    doctor, who survived the attack", not "the park bombing ... the clinic bombing");
    else, up to :data:`_FAR` sentences back, the last of its own synonym group ("the
    slaying" names the killing told before, not a bombing told after it), then of its kind;
    the first of its kind in the article may name the nearest dated one after it ("the US's
    assassination of Soleimani" ... "an airstrike on the evening of January 2"). What it
    names was said to happen (an event noun of the kind, or a verb of one of its synonym
    groups: "Iran fired missiles" ... "the attack"), not only might have ("strikes would not
    solve")."""
    kind_of = _anaphora_kinds()
    definite = _ordering()["definite"]
    named_by = _antecedent_kinds()
    kinds: dict[int, list[int]] = defaultdict(list)
    for k, m in enumerate(mentions):
        if m.lemma not in kind_of and m.lemma not in named_by:
            continue
        kind = kind_of.get(m.lemma) if _noun_form(m) else named_by.get(m.lemma)
        if kind is not None and not m.quoted:
            kinds[kind].append(k)
    found = []
    for i, m in enumerate(mentions):
        if m.time is not None or m.lemma not in kind_of or not _noun_form(m):
            continue
        if not any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in definite)
            for c in tokens[i].children
        ):
            continue
        # "the Olympic park bombing ... the clinic bombing": one named by its own words
        described = any(c.dep_ == "compound" for c in tokens[i].children)
        kind = kinds[kind_of[m.lemma]]
        position = bisect.bisect_left(kind, i)
        near = [
            k
            for k in kind[max(0, position - 8) : position]
            if (
                mentions[k].sentence != m.sentence
                or (not described and _noun_form(mentions[k]) and (k, i) not in ordered)
            )
            and mentions[k].realis
            and (paragraph[k] == paragraph[i] or m.sentence - mentions[k].sentence <= 2)
        ]
        later = [
            k
            for k in kind[position + 1 : position + 9]
            if interval_bounds(mentions[k].time)[0] and mentions[k].sentence - m.sentence <= 10
        ]
        earlier = [
            k
            for k in kind[:position]
            if mentions[k].realis and m.sentence - mentions[k].sentence <= _FAR
        ]
        # "the killing of Soleimani" names an event of Soleimani's, if it names one
        keys = {p.key for p in m.participants}
        near = [k for k in near if _shares(keys, mentions[k])]
        far = [k for k in earlier if _shares(keys, mentions[k])]
        # further back, "the slaying" names the last killing, not a bombing told after it
        groups = _synonym_groups(m.lemma)
        alike = [k for k in far if groups & _synonym_groups(mentions[k].lemma)]
        if near:
            antecedent: int | None = near[-1]
        elif alike:  # the last of its own group further back in the article
            antecedent = alike[-1]
        elif far:  # the last of its kind further back in the article
            antecedent = far[-1]
        else:
            antecedent = later[0] if later and position == 0 else None
        if antecedent is not None:
            found += [Constraint(i, antecedent, "anaphora"), Constraint(antecedent, i, "anaphora")]
    return found


def _noun_form(mention: EventMention) -> bool:
    """Whether a mention's trigger is its lemma or the lemma's plural: an event noun, where
    a verb would be inflected ("the call", not "called")."""
    return mention.text.lower() in (mention.lemma, mention.lemma + "s")


def _tells(mention: EventMention) -> bool:
    """Whether a mention tells of a happening of its own that another sentence may go on
    about: said to happen, in a finite verb or an event noun, and not a report (statements
    are told apart by their speakers)."""
    return (
        mention.realis
        and mention.event_class != "REPORTING"
        and mention.tense in ("PAST", "PRESENT", "NONE")
    )


def _shares(keys: set[str], mention: EventMention) -> bool:
    """Whether ``mention`` has one of the participants ``keys``, or ``keys`` is empty."""
    return not keys or bool(keys & {p.key for p in mention.participants})


def _elaborations(mentions: Sequence[EventMention], paragraph: Sequence[int]) -> list[Constraint]:
    """A sentence that goes on about the happening of the sentence before, in its paragraph,
    in a word of one synonym group ("held a telephone conversation ... The two men talked
    about", "Iran fired missiles at two bases ... The missiles were fired at"): one happening,
    if nothing else tells them apart."""
    found = []
    for i, m in enumerate(mentions):
        kinds = _synonym_groups(m.lemma)
        if not _tells(m) or m.time is not None or not kinds:
            continue
        before = next(
            (
                k
                for k in range(i - 1, -1, -1)
                if mentions[k].sentence == m.sentence - 1
                and paragraph[k] == paragraph[i]
                and _tells(mentions[k])
                and kinds & _synonym_groups(mentions[k].lemma)
            ),
            None,
        )
        if before is not None:
            found += [Constraint(i, before, "elaboration"), Constraint(before, i, "elaboration")]
    return found


@functools.lru_cache(maxsize=1 << 14)
def _synonym_groups(lemma: str) -> frozenset[int]:
    """The numbered synonym groups of ``lemma`` (its
    :func:`~timeline.merging.predicates.predicate_kinds` but its stem)."""
    return frozenset(k for k in predicate_kinds(lemma) if isinstance(k, int))


def _reactions(mentions: Sequence[EventMention], paragraph: Sequence[int]) -> list[Constraint]:
    """What someone said, undated, in a sentence after a dated happening in the same
    paragraph, was said after it: "The US carried out an airstrike on January 2 ... Trump
    said in a tweet". In the happening's own sentence its clauses tell how the two relate
    ("has changed since its founding in 1949, ... a threat Churchill warned about in 1946")."""
    found = []
    last_dated: tuple[int, int] | None = None  # (paragraph, mention)
    for i, m in enumerate(mentions):
        if (
            m.event_class == "REPORTING"
            and m.tense == "PAST"
            and m.time is None
            and m.realis
            and last_dated is not None
            and last_dated[0] == paragraph[i]
            and mentions[last_dated[1]].sentence < m.sentence
        ):
            found.append(Constraint(last_dated[1], i, "reaction"))
        if m.event_class == "OCCURRENCE" and m.realis and interval_bounds(m.time)[0]:
            last_dated = (paragraph[i], i)
    return found


def governor(
    token: Any, heads: Mapping[int, int], tree: Tree | None = None
) -> tuple[int | None, Any]:
    """The nearest mention above ``token`` (not ``token``'s own) and the token below it on
    the way up, the one whose dependency says how ``token``'s clause hangs from it.
    ``tree``, the parse's :class:`~timeline.tree.Tree` where the caller has it, gives the
    heads without spaCy making a new token for each.

    >>> from timeline.nlp import load
    >>> doc = load()("He said that troops attacked.")
    >>> index, via = governor(doc[4], {1: 0, 4: 1})
    >>> index, via.text, via.dep_
    (0, 'attacked', 'ccomp')
    """
    head_of = _head if tree is None else tree.head
    own = heads.get(token.i)
    child, at = token, token.i
    while True:
        parent = head_of(child)
        if parent.i == at:
            return None, child
        index = heads.get(parent.i)
        if index is not None and index != own:
            return index, child
        child, at = parent, parent.i


_head: Callable[[Any], Any] = operator.attrgetter("head")


#: How the content of a saying hangs from it ("said the strike killed", "it killed, he said").
_SAID = frozenset({"ccomp", "parataxis"})


def saying(token: Any, heads: Mapping[int, int], tree: Tree | None = None) -> int | None:
    """The mention whose content ``token`` is in, directly or as a conjunct of that content
    ("said the water was falling and that a dam broke"), if any (``tree`` as for
    :func:`governor`).

    >>> from timeline.nlp import load
    >>> doc = load()("He said the water was falling and that a dam broke.")
    >>> saying(doc[10], {1: 0, 5: 1, 10: 2}), saying(doc[1], {1: 0, 5: 1, 10: 2})
    (0, None)
    """
    return _content_of(*governor(token, heads, tree), heads, tree)


def _content_of(
    above: int | None, via: Any, heads: Mapping[int, int], tree: Tree | None
) -> int | None:
    """:func:`saying` of a token whose :func:`governor` is mention ``above``, reached
    through ``via``."""
    head_of = _head if tree is None else tree.head
    for _ in range(8):
        if above is None or via.dep_ != "conj":
            return above if above is not None and via.dep_ in _SAID else None
        above, via = governor(head_of(via), heads, tree)
    return None


def relative_subject(token: Any) -> bool:
    """Whether the verb ``token`` has a relative pronoun as its subject ("a strike that
    killed": the clause says what the noun did).

    >>> from timeline.nlp import load
    >>> doc = load()("It was a strike that killed him.")
    >>> relative_subject(doc[5])
    True
    """
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in token.children)


def _accompanying(token: Any) -> bool:
    """Whether the verb ``token`` is a participle that goes with the clause it hangs from,
    with no subject, auxiliary or conjunction of its own ("The bombs exploded on Friday,
    turning streets into rubble").

    >>> from timeline.nlp import load
    >>> doc = load()("The bombs exploded on Friday, turning streets into rubble.")
    >>> _accompanying(doc[6]), _accompanying(doc[2])
    (True, False)
    """
    return (
        token.tag_ == "VBG"
        and token.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in token.children)
    )


def _paragraphs(doc: Any, mentions: Sequence[EventMention]) -> list[int]:
    """The index of each mention's paragraph (paragraphs end at line breaks)."""
    breaks = line_breaks_of(doc)
    return [bisect.bisect(breaks, m.start) for m in mentions]


def gives_cause(preposition: Any, lemma: Callable[[Any], str]) -> bool:
    """Whether ``preposition`` gives the cause of a reaction noun, or of the light verb that
    carries one ("revenge for the killing", "take a harsh revenge on the US over the
    strike"); ``lemma`` reads a token's lemma. The words are ``ordering.reactions`` and
    ``ordering.reaction_causes`` of ``lang/en/events.toml``.

    >>> from timeline.nlp import load
    >>> doc = load()("Iran took revenge on the US for the killing.")
    >>> [t.text for t in doc if gives_cause(t, lambda t: t.lemma_)]
    ['for']
    """
    ordering = _ordering()
    if preposition.dep_ != "prep" or preposition.lower_ not in ordering["reaction_causes"]:
        return False
    head, reactions = preposition.head, ordering["reactions"]
    return lemma(head) in reactions or (
        lemma(head) in words("events")["verbs"]["light"]
        and any(c.dep_ == "dobj" and lemma(c) in reactions for c in head.children)
    )


def _causes(
    token: Any, index: int, mentions: Sequence[EventMention], heads: Mapping[int, int]
) -> list[int]:
    """The happenings a reaction noun ``token`` (mention ``index``) answers: asserted
    mentions under a preposition that gives its cause (:func:`gives_cause`).

    >>> from timeline.nlp import load
    >>> from timeline.events import find_mentions
    >>> from timeline import Article
    >>> text = "Iran vowed revenge for the killing."
    >>> doc = load()(text)
    >>> found = find_mentions(doc, Article(text), ())
    >>> [m.text for m in found.mentions], found.heads
    (['vowed', 'revenge', 'killing'], {1: 0, 2: 1, 5: 2})
    >>> _causes(doc[2], 1, found.mentions, found.heads)
    [2]
    """
    found = {
        heads[t.i]
        for preposition in (*token.children, *token.head.children)
        if gives_cause(preposition, _lemma_of)
        for obj in preposition.children
        for t in obj.subtree
        if t.i in heads and heads[t.i] != index
    }
    return sorted(e for e in found if mentions[e].realis)


def _lemma_of(token: Any) -> str:
    return token.lemma_.lower()


def _at_or_above(token: Any, heads: Mapping[int, int]) -> int | None:
    while True:
        if token.i in heads:
            return heads[token.i]
        if token.head.i == token.i:
            return None
        token = token.head


def _nearest_below(token: Any, heads: Mapping[int, int]) -> int | None:
    """The mention at ``token`` or, breadth first, the nearest one in its subtree."""
    level = [token]
    while level:
        for t in level:
            if t.i in heads:
                return heads[t.i]
        level = [c for t in level for c in t.children]
    return None
