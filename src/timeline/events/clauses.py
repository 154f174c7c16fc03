"""How the clauses of a sentence relate the events they tell.

Which events the syntax says happen together (:func:`alongside`: conjuncts, participle
clauses, an event noun one happens in or on; :func:`meanwhile`: a clause opened by "as",
"while" or "when"; :func:`under_way`: the infinitive of a verb of beginning or going on),
which clause only qualifies a noun and so tells its background (:func:`qualifying`), which
a saying reports (:func:`said_apart`), and which a plan is for (:func:`planned_for`).

>>> from timeline import Article
>>> from timeline.nlp import load
>>> text = "Police raided two homes and searched a car as he stood outside."
>>> parse = _Parse(load()(text), Article(text))
>>> [t.text for t in alongside(parse, parse.tokens[1], ["in"])]
['searched']
>>> [t.text for t in meanwhile(parse, parse.tokens[5])]
['stood']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from timeline.events.parse import _Parse

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})  # parts of speech a clause may qualify


def alongside(parse: _Parse, token: Any, links: Sequence[str]) -> Iterator[Any]:
    """The tokens whose events happen with the event of ``token``, by the syntax: its
    conjuncts told in the same tense ("raided and searched", not "helped end the war
    and now are poised"), the event a verb of taking part has as its object
    ("attended the funeral"), and the verb of an infinitive done with it
    (:func:`under_way`: "failed to enforce an order in 1992")."""
    yield from (c for c in parse.conjuncts(token) if parse.tag[c.i] == parse.tag[token.i])
    taking_part = parse.lex.ordering["taking_part"]
    for child in parse.children(token):
        dep = parse.dep[child.i]
        if (dep == "advcl" and parse.tag[child.i] in ("VBG", "VBN")) or (
            dep == "dobj" and parse.lemma(token) in taking_part
        ):
            yield child
        elif dep in ("prep", "agent") and parse.lower[child.i] in links:
            for g in parse.children(child):
                if parse.dep[g.i] == "pobj":
                    yield g
                    yield from issued(parse, g)
        elif dep == "nsubj":  # "said a communique, issued Monday"
            yield from issued(parse, child)
    if (parse.dep[token.i] == "advcl" and parse.tag[token.i] in ("VBG", "VBN")) or (
        under_way(parse, token)
    ):  # "failed to enforce an order in 1992": the failing was then
        yield parse.head(token)
    if parse.pos[token.i] == "NOUN":  # "the vote last week, in which lawmakers backed"
        yield from (c for c in parse.children(token) if parse.dep[c.i] == "relcl")
    if parse.dep[token.i] == "pobj" and parse.lower[parse.head_at[token.i]] in links:
        yield parse.head(parse.head(token))
    if parse.dep[token.i] == "dobj" and parse.lemma(parse.head(token)) in taking_part:
        yield parse.head(token)
    if issues(parse, token):  # "said in the letter, dated Monday": the saying
        document = parse.head(token)
        if parse.dep[document.i] == "nsubj":
            yield parse.head(document)
        elif parse.dep[document.i] == "pobj" and parse.lower[parse.head_at[document.i]] in links:
            yield parse.head(parse.head(document))


def issues(parse: _Parse, token: Any) -> bool:
    """Whether ``token`` is a past participle that dates the document it qualifies
    (``issuing``: "the letter, dated Monday", "a statement released yesterday")."""
    return (
        parse.dep[token.i] == "acl"
        and parse.tag[token.i] == "VBN"
        and parse.lemma(token) in parse.lex.ordering["issuing"]
    )


def issued(parse: _Parse, document: Any) -> Iterator[Any]:
    """The participles that date ``document`` (:func:`issues`), which what is said or
    done in or by it happens with."""
    return (c for c in parse.children(document) if issues(parse, c))


def meanwhile(parse: _Parse, token: Any) -> Iterator[Any]:
    """The tokens whose events happen at the same moment as the event of ``token``: the
    adverbial clause it heads or hangs from by "as", "while" or "when" ("was shot on
    Friday night as he stood in his kitchen")."""
    words = parse.lex.ordering["meanwhile"]

    def marked(clause: Any) -> bool:
        return parse.dep[clause.i] == "advcl" and parse.marked(clause, words)

    yield from (c for c in parse.children(token) if marked(c))
    if marked(token):
        yield parse.head(token)


def under_way(parse: _Parse, token: Any) -> bool:
    """Whether ``token`` is the infinitive or gerund of a verb of beginning or going on,
    which happened with it ("began to arrive", "began trading"), or the infinitive of one
    whose infinitive is done, let go or tried when it is ("went on to defend", "declined
    to comment", "used her speech to articulate"), not one wanted or decided ("voted to
    expel")."""
    if parse.dep[token.i] not in ("xcomp", "advcl") or parse.tag[token.i] not in (
        "VB",
        "VBG",
    ):
        return False
    ordering = parse.lex.ordering
    verb = parse.head(token)
    lemma = parse.lemma(verb)
    if parse.dep[token.i] == "xcomp" and lemma in ordering["under_way"]:
        return True
    if parse.tag[token.i] != "VB":
        return False
    particle = parse.particle(verb)
    return (f"{lemma} {parse.lower[particle.i]}" if particle else lemma) in ordering[
        "done_then"
    ] or (
        lemma in ordering["done_then_with_object"]
        and any(parse.dep[c.i] == "dobj" for c in parse.children(verb))
    )


def qualifying(parse: _Parse, path: Sequence[int] | None) -> bool:
    """Whether a way up the tree (:meth:`timeline.tree.Tree.path`; ``None``: none) passes
    through a clause that qualifies a noun below its top (a relative clause or a
    participle after the noun: "Albright, who fled after the takeover", "agents charged
    in the bombing"), which tells that noun's background; one on the top itself dates it
    ("a summit set for April")."""
    return path is not None and any(
        parse.dep[at] in ("relcl", "acl") and parse.pos[parse.head_at[at]] in _NOMINAL
        for at in path[:-1]
    )


def qualifies_noun(parse: _Parse, token: Any) -> bool:
    """Whether ``token`` lies in a clause that qualifies a noun of its sentence
    (:func:`qualifying`: "Albright, who fled after the takeover in 1948, made"): a time
    there dates that noun's background, which sets no background for its paragraph."""
    return qualifying(parse, parse.tree.up(token.i))


def said_apart(parse: _Parse, token: Any, owner: Any) -> bool:
    """Whether ``owner`` is in the clause a verb of saying reports (the nearest above it)
    and ``token`` is not: "would not divulge it but said last month's discovery was a
    breakthrough" dates the discovery, not the divulging."""
    classes = parse.lex.classes
    for at in parse.tree.up(owner.i):
        if parse.dep[at] in ("ccomp", "parataxis") and (
            classes.get(parse.lemmas[parse.head_at[at]]) == "REPORTING"
        ):
            return at != token.i and parse.tree.path(token.i, at) is None
    return False


def for_reason(parse: _Parse, path: Sequence[int] | None) -> bool:
    """Whether a way up the tree (as for :func:`qualifying`) passes through a clause that
    gives a reason (``clauses.reasons``: "scanned the crowd, because he has been at the
    march in each of the last three years"): a time there dates the reason, not what the
    word above the way tells."""
    words = parse.lex.clauses["reasons"]
    return path is not None and any(
        parse.dep[at] == "advcl" and parse.marked(parse.tokens[at], words) for at in path
    )


def tells_background(parse: _Parse, token: Any, owners: Sequence[Any]) -> bool:
    """Whether a time attached to the mentions ``owners`` only dates the background of a
    noun of ``token``'s clause (:func:`qualifying`), a reason it gives (:func:`for_reason`)
    or what a statement says that ``token`` is no part of (:func:`said_apart`), not what
    ``token`` tells."""
    return bool(owners) and all(
        qualifying(parse, path := parse.tree.path(o.i, token.i))
        or for_reason(parse, path)
        or said_apart(parse, token, o)
        for o in owners
    )


def planned_for(parse: _Parse, token: Any) -> bool:
    """Whether ``token`` is the infinitive of a verb of planning (``planned_for``: "planned
    on Friday to pay", "was scheduled Monday to testify"), whose time is the one the plan
    is for: what the infinitive tells is presumed then, not done with it."""
    return (
        parse.dep[token.i] == "xcomp"
        and parse.tag[token.i] == "VB"
        and parse.lemma(parse.head(token)) in parse.lex.ordering["planned_for"]
    )


def doing(parse: _Parse, token: Any, via: Any) -> bool:
    """Whether ``token`` is a present participle that qualifies the subject of the event
    above ``via`` (``ordering.with_argument``: "Men smoking cigars said", "Kikwete,
    speaking at a news conference, said"): what the doer was doing then."""
    if parse.dep[token.i] != "acl" or parse.tag[token.i] != "VBG":
        return False
    noun = parse.head(token)
    return noun.i == via.i and parse.dep[noun.i] in parse.lex.ordering["with_argument"]


def within_relative(parse: _Parse, token: Any) -> Any | None:
    """The preposition that sets the relative clause ``token`` heads inside an event
    ("the vote, in which lawmakers backed"), if it is one (whatever the parser called
    the clause: "in which" opens a relative one)."""
    if parse.pos[token.i] not in ("VERB", "AUX"):
        return None
    words = parse.lex.ordering["within_relative"]
    return next(
        (
            c
            for c in parse.children(token)
            if parse.dep[c.i] == "prep"
            and parse.lower[c.i] in words
            and any(parse.tag[g.i] == "WDT" for g in parse.children(c))
            and c.i < token.i
        ),
        None,
    )


def noun_before(parse: _Parse, preposition: Any, heads: dict[int, int]) -> int | None:
    """The mention of the nearest event noun before ``preposition`` in its clause: what a
    relative clause it opens qualifies, wherever the parser hung the clause ("the vote in
    parliament last week, in which")."""
    for token in reversed(parse.doc[preposition.sent.start : preposition.i]):
        if parse.pos[token.i] in ("VERB", "AUX"):
            return None
        if parse.pos[token.i] == "NOUN" and token.i in heads:
            return heads[token.i]
    return None


def speaking_for(parse: _Parse, token: Any, heads: dict[int, int]) -> int | None:
    """The statement (its mention's index) whose speaker the relative clause of ``token``
    qualifies by how the statement was made ("sources who spoke on the condition of
    anonymity said", ``speaking_terms``), if it is one."""
    lex = parse.lex
    if parse.dep[token.i] != "relcl" or parse.lemma(token) not in lex.speaking_terms:
        return None
    speaker = parse.head(token)
    if parse.dep[speaker.i] != "nsubj":
        return None
    statement = heads.get(parse.head_at[speaker.i])
    if statement is None:
        return None
    said = parse.tokens[parse.head_at[speaker.i]]
    return statement if lex.classes.get(parse.lemma(said)) == "REPORTING" else None
