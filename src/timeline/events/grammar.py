"""The grammar of an event mention: its tense, aspect, modality and polarity.

:class:`_Grammars` reads them from the parse, once for each verb: the tense of the
finite verb or auxiliary, the perfect and progressive aspects, a modal of the future or of
what only might be, a condition ("if the sale had gone through"), a negation in the verb's
clause or on its subject or object ("no one claimed"), an infinitive; an event noun takes
the modality of the verb it is the subject or object of, and is generic when it names a kind
of event ("strikes do not solve problems"). :func:`in_background` tells whether a mention is
told as background to its sentence.

>>> from timeline import Article
>>> from timeline.nlp import load
>>> text = "Iran would not have fired if it had known."
>>> grammars = _Grammars(_Parse(load()(text), Article(text)))
>>> grammars.of(grammars.parse.tokens[4])
_Grammar(tense='NONE', aspect='PERFECTIVE', modality='HYPOTHETICAL', polarity='NEG')
"""

from __future__ import annotations

from typing import Any

import attrs

from timeline.cues import gives_cause, relative_subject, saying
from timeline.events.parse import _Parse
from timeline.events.triggers import is_event_noun

_UNTENSED = frozenset({"NONE", "PRESPART", "PASTPART"})  # not "INFINITIVE"
_PARTICIPLES = frozenset({"PRESPART", "PASTPART"})
_FINITE = {"VBD": "PAST", "VBZ": "PRESENT", "VBP": "PRESENT"}
_NONFINITE = {"VBG": "PRESPART", "VBN": "PASTPART"}
_CORE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: the aspect of a verb, by whether it is perfect and whether it is progressive
_ASPECTS = {
    (True, True): "PERFECTIVE_PROGRESSIVE",
    (True, False): "PERFECTIVE",
    (False, True): "PROGRESSIVE",
    (False, False): "NONE",
}


@attrs.frozen
class _Grammar:
    """A mention's tense, aspect, modality and polarity, as TimeML names them."""

    tense: str = "NONE"
    aspect: str = "NONE"
    modality: str = "ASSERTED"
    polarity: str = "POS"

    @property
    def realis(self) -> bool:
        """Whether it is told as done: asserted, not negated."""
        return self.modality == "ASSERTED" and self.polarity == "POS"

    @property
    def told(self) -> bool:
        """Whether a verb is told as fact, done or not done: a negated one tells the state
        of its not happening at the time its clause tells ("police did not say", "no one
        has claimed"), and is bounded as a done one would be (it is no happening to list)."""
        return self.modality == "ASSERTED"


def _verb_or_its_particle(token: Any) -> bool:
    """Whether ``token`` is a verb, or the adverb or particle of one ("step back from")."""
    if token.dep_ in ("advmod", "prt") and token.pos_ in ("ADV", "ADP", "PART"):
        token = token.head
    return token.pos_ in ("VERB", "AUX")


def conditional(parse: _Parse, clause: Any) -> bool:
    """Whether ``clause`` is a condition or the consequence of one ("if the dam broke,
    the town could not survive")."""
    conditions = parse.lex.tense["conditions"]
    return parse.marked(clause, conditions) or any(
        parse.dep[c.i] == "advcl" and parse.marked(c, conditions) for c in parse.children(clause)
    )


def negated_noun(parse: _Parse, noun: Any) -> bool:
    """Whether ``noun`` is determined by a negation ("no reason", "no one")."""
    negation = parse.lex.tense["negation"]
    return any(
        parse.lower[c.i] in negation and parse.dep[c.i] == "det" for c in parse.children(noun)
    )


def own_tense(parse: _Parse, verb: Any) -> bool:
    """Whether the conjunct ``verb`` is told in a tense of its own where the verb it is
    joined to has a modal or "do" ("would not divulge the evidence but said"): those
    take a bare verb, so a past or third-person form does not share them, nor their
    negation."""
    return parse.tag[verb.i] in ("VBD", "VBZ") and any(
        parse.dep[c.i] == "aux" and (parse.tag[c.i] == "MD" or parse.lemma(c) == "do")
        for c in parse.children(parse.head(verb))
    )


def in_background(parse: _Parse, token: Any) -> bool:
    """Whether a verb is told as background to what its sentence tells: in a relative
    clause on someone or something ("an official, who refused to identify himself"), or
    in an indirect question ("having determined what the bomb was made of and who
    carried it"), and so is an event noun there ("the force that has been at the forefront
    of the fight"). A verb joined to another, or its infinitive, is in that one's clause.

    What is done to the one a relative clause names is news ("a suspect who was returned
    from Pakistan"), and so is what a relative clause on an event tells of it ("the blast
    that killed 10 people")."""
    clause = token
    while parse.pos[clause.i] not in ("VERB", "AUX"):
        if parse.head_at[clause.i] == clause.i:
            return False
        clause = parse.head(clause)
    while parse.dep[clause.i] in ("conj", "xcomp") and parse.pos[parse.head_at[clause.i]] in (
        "VERB",
        "AUX",
    ):
        clause = parse.head(clause)
    if parse.dep[clause.i] == "relcl":
        undergone = relative_subject(clause) and parse.passive(clause)
        return not undergone and not is_event_noun(parse, parse.head(clause))
    return (
        parse.dep[clause.i] in ("ccomp", "csubj", "pcomp")
        and parse.lower[clause.left_edge.i] in parse.lex.clauses["questions"]
    )


def as_fact(parse: _Parse, token: Any, grammar: _Grammar) -> bool:
    """Whether the mention at ``token`` is told as fact: a verb done or not done
    (:attr:`_Grammar.told`), an event noun only done (:attr:`_Grammar.realis`)."""
    return grammar.told if parse.pos[token.i] != "NOUN" else grammar.realis


class _Grammars:
    """The grammar of the mentions of one parse, each verb's read once: its own mention asks
    for it, and so do the event nouns it governs."""

    def __init__(self, parse: _Parse) -> None:
        #: the parse read
        self.parse = parse
        #: the grammar of each verb read so far (:meth:`of`), by its index
        self.read: dict[int, _Grammar] = {}

    def of(self, verb: Any) -> _Grammar:
        """The tense, aspect, modality and polarity of ``verb``, read once for each verb: its
        own mention asks for it, and so do the event nouns it governs."""
        found = self.read.get(verb.i)
        if found is None:
            found = self.read[verb.i] = self.read_grammar(verb)
        return found

    def read_grammar(self, verb: Any) -> _Grammar:
        """The grammar of ``verb`` as its auxiliaries, tag, negations and conditions tell
        it (:meth:`of` keeps it)."""
        parse = self.parse
        dep, lower, tag = parse.dep, parse.lower, parse.tag
        tense_words = parse.lex.tense
        children = parse.children(verb)
        auxes = [c for c in children if dep[c.i] in ("aux", "auxpass")]
        negation, negative_subjects = tense_words["negation"], tense_words["negative_subjects"]
        relational = parse.lemma(verb) in parse.lex.relational
        negated = any(
            dep[c.i] == "neg"
            or lower[c.i] in negation
            or (dep[c.i] in ("nsubj", "nsubjpass") and lower[c.i] in negative_subjects)
            or (not relational and dep[c.i] in _CORE_ARGUMENTS and negated_noun(parse, c))
            for c in children
        )  # "none of its missiles were intercepted", "gave no reason", "no one claimed"; a
        # relational verb's says what its event did not do ("the attack caused no casualties")
        if dep[verb.i] == "conj" and not auxes and not own_tense(parse, verb):
            joined_to = parse.children(parse.head(verb))
            auxes = [c for c in joined_to if dep[c.i] in ("aux", "auxpass")]
            negated = negated or any(dep[c.i] == "neg" for c in joined_to)
        polarity = "NEG" if negated else "POS"
        perfect = any(parse.lemma(a) == "have" for a in auxes)
        progressive = tag[verb.i] == "VBG" and any(
            parse.lemma(a) == "be" and dep[a.i] == "aux" for a in auxes
        )
        aspect = _ASPECTS[perfect, progressive]
        for aux in auxes:
            if tag[aux.i] == "MD" and lower[aux.i] in tense_words["future"]:
                return _Grammar("FUTURE", aspect, "FUTURE", polarity)
            if tag[aux.i] == "MD" and lower[aux.i] in tense_words["hypothetical"]:
                return _Grammar("NONE", aspect, "HYPOTHETICAL", polarity)
        finite = [_FINITE[tag[t.i]] for t in (*auxes, verb) if tag[t.i] in _FINITE]
        if parse.marked(
            parse.head(verb) if dep[verb.i] == "conj" else verb,
            tense_words["conditions"],
        ):
            # "if the sale had gone through": only might have happened
            return _Grammar(finite[0] if finite else "NONE", aspect, "HYPOTHETICAL", polarity)
        if finite:
            return _Grammar(finite[0], aspect, "ASSERTED", polarity)
        if tag[verb.i] == "VB" and any(tag[a.i] == "TO" for a in auxes):
            return _Grammar("INFINITIVE", aspect, "HYPOTHETICAL", polarity)
        if tag[verb.i] == "VBN" and not auxes and any(dep[c.i] == "nsubj" for c in children):
            # a participle with a subject of its own and no auxiliary is a simple past the
            # tagger missed ("the daily compared the boy with Guevara")
            return _Grammar("PAST", aspect, "ASSERTED", polarity)
        return _Grammar(_NONFINITE.get(tag[verb.i], "NONE"), aspect, "ASSERTED", polarity)

    def unable(self, token: Any, grammar: _Grammar, heads: dict[int, int]) -> _Grammar | None:
        """The grammar of the fact that the verb ``token`` tells with a negated modal of
        ability or will (``tense.unable``) in a clause the article tells itself: told as
        fact, negated, in that modal's tense ("could not be reached for comment", "aides
        would not comment", "can't find buyers"); ``None`` for any other, and for what
        someone said ("said he would not resign"), a condition or a quotation.

        >>> from timeline import Article
        >>> from timeline.nlp import load
        >>> doc = load()("The aides would not comment.")
        >>> grammars = _Grammars(_Parse(doc, Article(doc.text)))
        >>> grammars.unable(doc[4], grammars.of(doc[4]), {4: 0}).tense
        'PAST'
        """
        parse = self.parse
        if grammar.modality != "HYPOTHETICAL" or grammar.polarity != "NEG":
            return None
        clause = token
        auxes = [c for c in parse.children(token) if parse.dep[c.i] in ("aux", "auxpass")]
        if not auxes and parse.dep[token.i] == "conj":
            clause = parse.head(token)
            auxes = [c for c in parse.children(clause) if parse.dep[c.i] in ("aux", "auxpass")]
        tense_words = parse.lex.tense
        modal = next((parse.lower[a.i] for a in auxes if parse.tag[a.i] == "MD"), "")
        tense = tense_words["unable"].get(modal)
        if (
            tense is None
            or conditional(parse, clause)
            or saying(token, heads, parse.tree) is not None
            or parse.quoted(token.idx)
        ):
            return None
        return _Grammar(tense, grammar.aspect, "ASSERTED", "NEG")

    def predicate(self, token: Any, grammar: _Grammar) -> _Grammar | None:
        """The grammar of the verb whose predicate the participle ``token`` is
        (``tense.predicate_of``: "the majority is bitterly opposed", "I am shocked"): a
        state told in that verb's tense; ``None`` for any other.

        >>> from timeline import Article
        >>> from timeline.nlp import load
        >>> doc = load()("The majority is bitterly opposed to uniting Ireland.")
        >>> grammars = _Grammars(_Parse(doc, Article(doc.text)))
        >>> grammars.predicate(doc[4], grammars.of(doc[4])).tense
        'PRESENT'
        """
        parse = self.parse
        if grammar.tense not in ("PASTPART", "PRESPART") or parse.dep[token.i] != "acomp":
            return None
        verb = parse.head(token)
        if parse.lemma(verb) not in parse.lex.tense["predicate_of"]:
            return None
        return self.of(verb)

    def noun_grammar(self, noun: Any) -> tuple[_Grammar, _Grammar | None]:
        """A noun's own grammar, and the grammar of the verb it hangs from (for bounds).

        A noun is not said to happen when it is the subject or object of a verb that only
        might or will happen ("strikes would not solve", "to prevent an escalation"): it
        takes that verb's modality."""
        parse = self.parse
        own = _Grammar(polarity="NEG" if negated_noun(parse, noun) else "POS")
        if parse.dep[noun.i] == "conj" and parse.pos[parse.head_at[noun.i]] == "VERB":
            # a noun joined to a verb is a verb the tagger missed ("would not elaborate, or
            # comment"): it shares that verb's grammar
            verb = self.of(parse.head(noun))
            return attrs.evolve(own, modality=verb.modality, polarity=verb.polarity), verb
        if (
            parse.dep[noun.i] == "ROOT"
            and parse.tag[noun.i] == "NNS"
            and any(parse.dep[c.i] == "nsubj" for c in parse.children(noun))
        ):
            # a plural noun that heads its sentence and has a subject is a verb in the
            # present the tagger missed ("the minister calls the plan a mistake")
            present = _Grammar("PRESENT", "NONE", "ASSERTED", own.polarity)
            return present, present
        if self.generic(noun):
            own = attrs.evolve(own, modality="GENERIC")
        token = noun
        argument = False
        for _ in range(8):
            if parse.head_at[token.i] == token.i:
                return own, None
            argument = (
                argument
                or (
                    parse.dep[token.i] in _CORE_ARGUMENTS
                    and parse.pos[parse.head_at[token.i]] in ("VERB", "AUX")
                )
                or (  # "to step back from confrontation", "called for de-escalation"
                    parse.dep[token.i] == "pobj"
                    and parse.dep[parse.head_at[token.i]] == "prep"
                    and _verb_or_its_particle(parse.head(parse.head(token)))
                    and parse.lower[parse.head_at[token.i]] in parse.lex.ordering["intended"]
                )
            )
            token = parse.head(token)
            if gives_cause(token, parse.lemma):
                return own, None  # "vowed revenge for the killing": that one happened
            if parse.pos[token.i] in ("VERB", "AUX"):
                lemma = parse.lemma(token)
                if lemma in parse.lex.ordering["object_after"]:
                    return attrs.evolve(own, modality="HYPOTHETICAL") if argument else own, None
                context = self.of(token)
                if lemma in parse.lex.ordering["object_before"]:
                    return own, context  # "to avenge the operation": that one happened
                if argument and context.modality != "ASSERTED":
                    own = attrs.evolve(own, modality=context.modality)
                elif argument and parse.lex.classes.get(lemma) in ("I_ACTION", "I_STATE"):
                    # what is called for, sought or feared has not happened by being so
                    own = attrs.evolve(own, modality="HYPOTHETICAL")
                return own, context
        return own, None

    def generic(self, noun: Any) -> bool:
        """Whether an event noun names a kind of event rather than one: one whose
        determiner says no event in particular ("any new military action"), or a bare noun
        (no article, possessive or number) as the subject or object of a verb in the simple
        present, or of one that is negated ("strikes and counter-strikes do not solve the
        problems", "military action alone was not enough")."""
        parse = self.parse
        determiners = [
            c for c in parse.children(noun) if parse.dep[c.i] in ("det", "poss", "nummod")
        ]
        if any(parse.lower[d.i] in parse.lex.tense["nonspecific"] for d in determiners):
            return True  # "any new military action"
        if parse.tag[noun.i] not in ("NN", "NNS") or determiners:
            return False
        head = parse.head(noun)
        while parse.dep[noun.i] == "conj" and parse.pos[head.i] == "NOUN":
            noun, head = head, parse.head(head)
        if parse.dep[noun.i] not in _CORE_ARGUMENTS or parse.pos[head.i] not in (
            "VERB",
            "AUX",
        ):
            return False
        grammar = self.of(head)
        return grammar.polarity == "NEG" or (grammar.tense, grammar.aspect) == ("PRESENT", "NONE")

    def told_in_present(self, token: Any) -> bool:
        """Whether the nearest verb above ``token`` that has a tense of its own (not a
        participle, gerund or infinitive) is told as fact in the present, the present
        perfect too ("with the inquiry just getting under way, officials have been
        careful": what is still so when the article appeared); not when a modal comes first
        ("it would be an advantage to keep them guessing")."""
        parse = self.parse
        at = token
        while parse.head_at[at.i] != at.i:
            at = parse.head(at)
            if parse.pos[at.i] not in ("VERB", "AUX"):
                continue
            grammar = self.of(at)
            if grammar.tense == "INFINITIVE" or (
                grammar.tense in _UNTENSED and grammar.modality == "ASSERTED"
            ):
                continue
            return grammar.tense == "PRESENT" and grammar.modality == "ASSERTED"
        return False
