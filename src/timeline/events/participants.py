"""Who and what take part in an event mention, and where it happens.

:func:`find_participants` gives a mention's participants: the named entities among its
arguments (the subject and objects of its verb, or of the light verb that carries its
event noun; the possessor, a name before it and the objects of its prepositions for an event
noun), with their role (agent, patient or other), the preposition they come after and the
name the article knows them by (:mod:`timeline.events.naming`). :func:`location` gives the
place a mention happens at.

>>> from timeline import Article
>>> from timeline.nlp import load
>>> text = "Iran attacked American bases in Iraq."
>>> parse = _Parse(load()(text), Article(text))
>>> [(p.name, p.role) for p in find_participants(parse, parse.tokens[1], None, {1})]
[('Iran', 'agent')]
>>> location(parse, parse.tokens[1], None)
'Iraq'
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from timeline.events.parse import _Parse
from timeline.model import Participant
from timeline.names import ROLE_ORDER


def _preposition(argument: Any) -> str | None:
    """The preposition whose object ``argument`` is, or is joined to ("with Fidan and
    Bagheri"), in lower case; ``None`` if it has none."""
    while argument.dep_ == "conj" and argument.head is not argument:
        argument = argument.head
    if argument.dep_ == "pobj" and argument.head.dep_ == "prep":
        return str(argument.head.lower_)
    return None


def entities(
    parse: _Parse, token: Any, triggers_at: Collection[int], *, with_modifiers: bool
) -> Iterator[tuple[Any, bool]]:
    """The entities a noun phrase headed by ``token`` names (conjuncts included), each
    with whether it only qualifies the noun that heads it ("US commanders", "Iraq's
    parliament"): ``triggers_at`` holds the triggers' tokens, whose own names are not
    taken for the phrase's."""
    for head in (token, *(c for c in parse.conjuncts(token) if not restates(parse, c))):
        ent = parse.entity_of.get(head.i)
        if ent is not None:
            yield ent, False
        elif with_modifiers:
            person = None if head.i in triggers_at else apposition(parse, head)
            if person is not None:  # "Russia's defence minister, Sergei Shoigu"
                yield person, False
                continue
            relative = parse.lemma(head) in parse.lex.relatives
            for child in parse.children(head):
                if parse.dep[child.i] == "poss" and relative:
                    continue  # "Kopp's stepmother said": not Kopp
                if (
                    parse.dep[child.i] in ("compound", "poss", "appos")
                    and child.i in parse.entity_of
                ):
                    yield parse.entity_of[child.i], parse.dep[child.i] != "appos"
                elif (
                    parse.dep[child.i] == "prep"
                    and parse.lower[child.i] == "of"
                    and titled(parse, head)
                ):
                    # "the presidents of Russia and Turkey called"
                    for g in parse.children(child):
                        if parse.dep[g.i] == "pobj":
                            yield from entities(parse, g, triggers_at, with_modifiers=False)


def restates(parse: _Parse, conjunct: Any) -> bool:
    """Whether a conjunct set between ", or" and a comma says its head again in other
    words ("Uhuru, or Freedom, a Swahili newspaper, said"; "the United Network for Organ
    Sharing, or UNOS,"): one participant, not a second."""
    i = conjunct.i
    # its own words end it, not an apposition that follows ("Freedom, a newspaper")
    after = 1 + max(
        (
            c.right_edge.i
            for c in parse.children(conjunct)
            if c.i > i and parse.dep[c.i] not in ("appos", "punct")
        ),
        default=i,
    )
    return (
        i >= 2
        and parse.lower[i - 1] == "or"
        and parse.tokens[i - 2].text == ","
        and after < len(parse.tokens)
        and parse.tokens[after].text in (",", ")")
    )


def titled(parse: _Parse, head: Any) -> bool:
    """Whether ``head`` is a title of office ("president", "minister", "head")."""
    return parse.lemma(head) in parse.lex.titles


def apposition(parse: _Parse, head: Any) -> Any | None:
    """The person a noun phrase headed by ``head`` names in apposition, if any: "the
    defence minister, Sergei Shoigu", "the head of Turkey's intelligence service, Hakan
    Fidan", and, for a title of office, "the chief of staff of Iran's armed forces,
    Mohammad Bagheri," when the parse hangs the name elsewhere (not "a petition on behalf
    of Elian's great-uncle, Lazaro Gonzalez": the name is the uncle's)."""
    for child in parse.children(head):
        ent = parse.entity_of.get(child.i)
        if parse.dep[child.i] == "appos" and ent is not None and ent.label_ == "PERSON":
            return ent
    if not titled(parse, head):
        return None
    tokens, last = parse.tokens, head.right_edge.i
    while last > head.i and tokens[last].is_punct:
        last -= 1
    ent = parse.entity_of.get(last)
    if ent is None or ent.start - 1 <= head.i:
        ent = parse.entity_of.get(last + 2) if last + 2 < len(tokens) else None
        if ent is None or ent.start != last + 2 or ent.end >= len(tokens):
            return None
        if tokens[last + 1].text != "," or tokens[ent.end].text != ",":
            return None
    elif tokens[ent.start - 1].text != ",":
        return None
    return ent if ent.label_ == "PERSON" else None


def name_before(parse: _Parse, verb: Any) -> Any | None:
    """The last token of a named entity right before a finite ``verb`` that has no
    subject (a comma between them allowed): its subject where the parse lost it."""
    if parse.tag[verb.i] not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = parse.tokens[verb.i - 1]
    if before.text == "," and verb.i > 1:
        before = parse.tokens[verb.i - 2]
    ent = parse.entity_of.get(before.i)
    if ent is None or ent.end - 1 != before.i or ent.label_ not in parse.lex.participant_labels:
        return None
    return before


def arguments(parse: _Parse, token: Any, light: Any | None) -> Iterator[tuple[str, Any]]:
    """``(role, token)`` for each argument of the mention at ``token`` (with its ``light``
    verb, if any): the subjects and objects of its verbs, with those a verb with no
    subject of its own shares, the speaker named right before a verb of saying, the
    objects of "with" and its kin, and an event noun's possessor, qualifying name and
    objects of its prepositions."""
    roles = parse.lex.roles
    verbs = [v for v in (light, token) if v is not None and parse.pos[v.i] in ("VERB", "AUX")]
    for verb in verbs:
        children = list(parse.children(verb))
        if parse.dep[verb.i] in ("conj", "xcomp", "advcl") and not any(
            parse.dep[c.i] in ("nsubj", "nsubjpass") for c in children
        ):
            inherited = [c for c in parse.children(parse.head(verb)) if parse.dep[c.i] == "nsubj"]
            if parse.passive(verb):
                # "the winglet struck the hangar and was crumpled": what the active
                # verb's subject did, the passive one's underwent
                yield from (("patient", c) for c in inherited)
            else:
                children += inherited
        subjects = [c for c in children if parse.dep[c.i] in ("nsubj", "nsubjpass", "expl")]
        named = name_before(parse, verb)
        if named is not None and (
            not subjects
            or any(parse.dep[c.i] == "ccomp" and c.i < verb.i for c in parse.children(verb))
        ):
            # "Iran's leader, Ayatollah Ali Khamenei, said", and "... with Bagheri, the
            # ministry said": the speaker named right before a verb of saying that
            # follows what was said is its subject, whatever the parse made of it
            yield "agent", named
            children = [c for c in children if c not in subjects]
        direct = [c for c in children if parse.dep[c.i] == "dobj"]
        for child in children:
            dep = parse.dep[child.i]
            if dep == "dobj" and child != direct[0]:
                continue  # a second object is a misparse: "fired missiles at bases, Ain"
            if dep in ("nsubj", "nsubjpass") and parse.tag[child.i] in (
                "WDT",
                "WP",
            ):
                # "a Libyan who was questioned": the one the pronoun stands for undergoes it
                role = "agent" if dep != "nsubjpass" else "patient"
                yield (
                    role,
                    parse.head(verb) if parse.dep[verb.i] == "relcl" else child,
                )
            elif dep == "agent":
                yield from (("agent", g) for g in parse.children(child) if parse.dep[g.i] == "pobj")
            elif dep in roles["agent"]:
                undergoes = dep == "nsubj" and parse.lemma(verb) in roles["undergoers"]
                yield ("patient" if undergoes else "agent"), child
            elif dep in roles["patient"]:
                yield "patient", child
            elif dep == "prep" and parse.lower[child.i] in roles["with"]:
                yield from (("other", g) for g in parse.children(child) if parse.dep[g.i] == "pobj")
            # "spoke on the phone with Bagheri", "discussed the situation with Fidan"
            objects = [child] if dep == "dobj" else []
            if dep == "prep":
                objects = [g for g in parse.children(child) if parse.dep[g.i] == "pobj"]
            for obj in objects:
                for prep in parse.children(obj):
                    if parse.dep[prep.i] == "prep" and parse.lower[prep.i] in roles["with"]:
                        yield from (
                            ("other", g) for g in parse.children(prep) if parse.dep[g.i] == "pobj"
                        )
    if parse.pos[token.i] == "NOUN":
        for child in parse.children(token):
            if parse.dep[child.i] == "poss" or (
                # "a US drone strike", "an Iranian missile attack", not "the Kenya bombing"
                parse.dep[child.i] in ("compound", "amod")
                and child.i in parse.entity_of
                and not placed_by(parse, token, child)
            ):
                yield "agent", child
            elif parse.dep[child.i] == "prep":
                lower = parse.lower[child.i]
                role = (
                    "agent"
                    if lower in roles["noun_agent"]
                    else "patient"
                    if lower in roles["noun_patient"]
                    else "other"
                    if lower in roles["with"]
                    else None
                )
                if role:
                    yield from (
                        (role, g) for g in parse.children(child) if parse.dep[g.i] == "pobj"
                    )


def find_participants(
    parse: _Parse, token: Any, light: Any | None, triggers_at: Collection[int]
) -> tuple[Participant, ...]:
    """The participants of the mention at ``token`` (with its ``light`` verb, if any), each
    once, in its first role: the entities among its arguments (:func:`arguments`); those
    around another event (``triggers_at`` holds the triggers' tokens) are that one's."""
    found: dict[str, Participant] = {}
    for role, argument in arguments(parse, token, light):
        # the entities around another event ("followed a US strike") are that event's
        around = argument.i not in triggers_at or argument.i == token.i
        for ent, qualifies in entities(parse, argument, triggers_at, with_modifiers=around):
            if ent.label_ not in parse.lex.participant_labels:
                continue
            if ent.label_ == "NORP" and argument.i not in range(ent.start, ent.end):
                continue
            # "talks with Fidan", and an event noun's patient: "the election of Isaacs"
            preposition = _preposition(argument) if role != "agent" else None
            # a name qualifying the event noun itself says who did it ("a US strike")
            qualifier = qualifies and argument.i != token.i
            participant = parse.names.participant(ent, role, preposition, qualifier)
            if participant is None:
                continue
            known = found.get(participant.key)
            if known is None or (ROLE_ORDER[role], qualifier) < (
                ROLE_ORDER[known.role],
                known.qualifier,
            ):
                found[participant.key] = participant
    return tuple(found.values())


def placed_by(parse: _Parse, noun: Any, modifier: Any) -> bool:
    """Whether ``modifier``, a name set before the event noun ``noun``, is where it
    happened ("the Kenya bombing") rather than who did it ("a US drone strike")."""
    lex = parse.lex
    if parse.dep[modifier.i] != "compound" or parse.lemma(noun) not in lex.placed_by_name:
        return False
    ent = parse.entity_of.get(modifier.i)
    return ent is not None and ent.label_ in lex.location_labels


def location(parse: _Parse, token: Any, light: Any | None) -> str | None:
    """The place the mention at ``token`` (with its ``light`` verb, if any) happens at: a
    name of a place set before an event noun that a place names ("the Kenya bombing"), else
    one after a preposition of place ("in Iraq"), as the article names it."""
    lex = parse.lex
    places = lex.roles["place"]
    named = (
        [c for c in parse.children(token) if placed_by(parse, token, c)]
        if parse.lemma(token) in lex.placed_by_name
        else ()
    )
    if named:
        return parse.names.place(parse.entity_of[named[0].i])
    for head in (token, light):
        if head is None:
            continue
        for prep in parse.children(head):
            if parse.dep[prep.i] != "prep" or parse.lower[prep.i] not in places:
                continue
            for obj in parse.children(prep):
                for t in parse.without_clauses(obj):
                    ent = parse.entity_of.get(t.i)
                    # "bases hosting US troops": a place naming people is not the place
                    modifier = (
                        parse.dep[t.i] in ("compound", "amod")
                        and parse.tag[parse.head_at[t.i]] == "NNS"
                    )
                    if ent is not None and ent.label_ in lex.location_labels and not modifier:
                        return parse.names.place(ent)
    return None
