"""Which words of an article are event mentions, and of what kind.

:func:`find_triggers` gives the triggers of an article's events in document order: its
verbs but those that are no events (a copula, an auxiliary, a state qualifying a noun, a
light verb that carries an event noun), its event nouns (``lang/en/events.toml``,
``[nouns]``), each with the light verb that carries it ("carried out an airstrike"), and
none in a dateline, byline or time stamp; :func:`parts_of_times` the words of time
expressions that are parts of them, no events. :func:`event_class` and :func:`lemma_for`
say what kind of event a trigger names.

>>> from timeline import Article
>>> from timeline.nlp import load
>>> text = "The army carried out an airstrike and Iran was angry."
>>> parse = _Parse(load()(text), Article(text))
>>> [(t.text, light and light.text) for t, light in find_triggers(parse, None)]
[('airstrike', 'carried')]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

from timeline.events.parse import _Parse
from timeline.model import TimeExpression


def is_event_noun(parse: _Parse, token: Any) -> bool:
    """Whether ``token`` is an event noun (``nouns.events``; not as a compound's modifier),
    or the first word of an event written in several (:func:`starts_phrase`)."""
    return (
        parse.pos[token.i] == "NOUN"
        and parse.lemma(token) in parse.lex.nouns
        and parse.dep[token.i] not in ("compound",)
    ) or starts_phrase(parse, token)


def starts_phrase(parse: _Parse, token: Any) -> bool:
    """Whether ``token`` is the first word of an event written in several ("coup d'etat"),
    which the parse may take for a modifier or a foreign word."""
    tails = parse.lex.phrases.get(parse.lower[token.i], ())
    return any(tuple(parse.lower[token.i + 1 : token.i + 1 + len(t)]) == t for t in tails)


def event_object(parse: _Parse, verb: Any) -> Any | None:
    """The event noun a light verb carries ("carried out an airstrike"), if any: its first
    object only, as a verb has one ("took effect Aug. 9 pending ratification" is misparsed
    with a second, and the verb is the happening)."""
    for child in parse.children(verb):
        target = child
        if parse.dep[child.i] in ("nsubjpass", "nsubj") and parse.tag[child.i] in (
            "WDT",
            "WP",
        ):
            target = parse.head(verb) if parse.dep[verb.i] == "relcl" else child
        elif parse.dep[child.i] not in ("dobj", "nsubjpass"):
            continue
        if is_event_noun(parse, target):
            return target
        # "staged a coup d'etat": the parse heads the phrase by its last word
        phrase = next((c for c in parse.children(target) if starts_phrase(parse, c)), None)
        if phrase is not None:
            return phrase
        if parse.dep[child.i] == "dobj":
            return None
    return None


def find_triggers(
    parse: _Parse, spans: Sequence[tuple[int, int]] | None
) -> Iterator[tuple[Any, Any | None]]:
    """``(trigger, light verb or None)`` for each event, in document order; with ``spans``
    (gold mentions' character spans), the head of each span instead."""
    lex = parse.lex
    carried: dict[int, Any] = {}
    pos = parse.pos  # only verbs and nouns are read further
    for token in (parse.tokens[i] for i, p in enumerate(pos) if p == "VERB"):
        if parse.lemma(token) in lex.light:
            noun = event_object(parse, token)
            if noun is not None:
                carried[noun.i] = token
    if spans is not None:
        for start, end in spans:
            span = parse.doc.char_span(start, end, alignment_mode="expand")
            yield span.root, carried.get(span.root.i)
        return
    light_verbs = {verb.i for verb in carried.values()}
    for token in (
        parse.tokens[i]
        for i, p in enumerate(pos)
        if p in ("VERB", "NOUN", "X") and i not in parse.aside
    ):
        if parse.pos[token.i] == "VERB":
            lemma = parse.lemma(token)
            if (
                token.i in light_verbs
                or (parse.dep[token.i] == "prep" and lemma not in lex.attributions)
                or (lemma in lex.not_events and not possesses(parse, token))
                or parse.dep[token.i] == "amod"
                or not token.is_alpha
                or (
                    parse.dep[token.i] == "acl"
                    and (lemma in lex.states or phrasal_state(parse, token))
                )
            ):
                continue
            yield token, None
        elif is_event_noun(parse, token):
            yield token, carried.get(token.i)


def parts_of_times(parse: _Parse, times: Sequence[TimeExpression]) -> frozenset[int]:
    """The words of ``times`` that are parts of them, no events: those after a time's
    first word ("last fall", "this coming Sunday", "year's end"; TBAQ annotates none of
    11) and a noun that names a part of the time after it ("the start of this year", "the
    end of the quarter"). A time's first word may be an event misread as part of it
    ("Killed In Fall 8:05am"), so it counts only before "of"."""
    starts, lower = parse.token_starts, parse.lower
    found = set()
    for time in times:
        first = bisect.bisect_left(starts, time.start)
        stop = bisect.bisect_left(starts, time.end)
        found.update(range(first + 1, stop))
        if first < stop - 2 and parse.pos[first] == "NOUN" and lower[first + 1] == "of":
            found.add(first)
    return frozenset(found)


def possesses(parse: _Parse, verb: Any) -> bool:
    """Whether ``verb`` is a verb of possession with an object of its own, no auxiliary
    ("Iraq had no weapons", not "had fired" nor "had to leave")."""
    return (
        parse.lemma(verb) in parse.lex.possessions
        and parse.dep[verb.i] not in ("aux", "auxpass")
        and any(parse.dep[c.i] == "dobj" for c in parse.children(verb))
    )


def describes(parse: _Parse, token: Any, light: Any | None) -> bool:
    """Whether an event noun only describes another event, as a predicate ("the Pentagon
    described the airstrike as a defensive action", "it was an attack"), or a verb tells
    the time of day ("as dawn broke")."""
    lex = parse.lex
    if parse.pos[token.i] == "VERB":
        # its subject, or the word before it where the parser took "as dawn" for a phrase
        times = lex.time_subjects
        before = parse.tokens[token.i - 1] if token.i > 0 else token
        return parse.lower[before.i] in times or any(
            parse.dep[c.i] == "nsubj" and parse.lower[c.i] in times for c in parse.children(token)
        )
    if parse.pos[token.i] != "NOUN" or light is not None:
        return False
    return parse.dep[token.i] in ("attr", "oprd") or (
        parse.dep[token.i] == "pobj" and parse.lower[parse.head_at[token.i]] in lex.ordering["as"]
    )


def scheduled(parse: _Parse, verb: Any) -> bool:
    """Whether a verb in the passive says what its infinitive is planned to do ("was set
    to land on Monday", "was scheduled to lay flowers")."""
    return (
        parse.lemma(verb) in parse.lex.schedules
        and parse.passive(verb)
        and any(
            parse.dep[c.i] == "xcomp" and any(parse.tag[a.i] == "TO" for a in parse.children(c))
            for c in parse.children(verb)
        )
    )


def dismisses(parse: _Parse, verb: Any) -> bool:
    """Whether ``verb`` dismisses someone from a post ("fired coach Maurice Cheeks",
    "Cheeks was fired", "the fifth coach fired this season"), not fires a weapon."""
    roles = parse.lex.roles
    if parse.pos[verb.i] != "VERB" or parse.lemma(verb) not in roles["dismissals"]:
        return False
    direct = [c for c in parse.children(verb) if parse.dep[c.i] == "dobj"][
        :1
    ]  # a second is a misparse
    objects = direct + [c for c in parse.children(verb) if parse.dep[c.i] == "nsubjpass"]
    if parse.dep[verb.i] in ("acl", "relcl"):
        objects.append(parse.head(verb))
    return any(
        parse.lemma(o) in roles["posts"]
        or (o.i in parse.entity_of and parse.entity_of[o.i].label_ == "PERSON")
        for o in objects
    )


def lemma_for(parse: _Parse, token: Any) -> str:
    """The lemma a mention at ``token`` is listed by: its own, but "dismiss" for a verb
    that dismisses someone from a post (:func:`dismisses`)."""
    return "dismiss" if dismisses(parse, token) else parse.lemma(token)


def phrasal_state(parse: _Parse, verb: Any) -> bool:
    """Whether ``verb``, with its particle and a preposition, tells a state ("Somalia,
    which is caught up in an insurgency", "money tied up in real estate", "mired in debt":
    the ``states`` of ``lang/en/events.toml`` written so), not its coming about ("the cables
    got caught up in nets"). Not the verb alone: "the navy caught the pirates"."""
    if parse.pos[verb.i] != "VERB":
        return False
    children = parse.children(verb)
    prepositions = [parse.lower[c.i] for c in children if parse.dep[c.i] == "prep"]
    if not prepositions:
        return False
    particle = parse.particle(verb)
    phrase = parse.lemma(verb) + ("" if particle is None else " " + parse.lower[particle.i])
    return any(f"{phrase} {p}" in parse.lex.states for p in prepositions) and all(
        parse.lemma(c) == "be" for c in children if parse.dep[c.i] == "auxpass"
    )


def event_class(parse: _Parse, token: Any, light: Any | None, lemma: str) -> str:
    """The TimeML class of the mention at ``token`` listed by ``lemma``: a state where it
    only describes another event (:func:`describes`) or is a phrasal state
    (:func:`phrasal_state`), an intention where it is scheduled
    (:func:`scheduled`), else the class of its lemma (an occurrence where none is listed)."""
    if describes(parse, token, light) or phrasal_state(parse, token):
        return "STATE"
    if scheduled(parse, token):
        return "I_STATE"
    return parse.lex.classes.get(lemma, "OCCURRENCE")
