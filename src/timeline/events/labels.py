"""The phrases of an event mention's label: who did it, to what, and as the text words it.

A label names an event as a reader would: :meth:`_Labels.actor` gives who did it as the
text words it ("Iranian officials", "Iraq's parliament"), :meth:`_Labels.theme` what it was
done to, asked for or set out to do ("a resolution", "to expel US troops", "for
restraint"), or what a saying reports ("the killing breached the terms"), each a few words
written out from the text (:func:`writable`), a common noun at a sentence's start in lower
case (:func:`as_written`); :func:`phrasing` the particle of a phrasal verb ("went off").

>>> from timeline import Article
>>> from timeline.events.grammar import _Grammars
>>> from timeline.nlp import load
>>> text = "Iranian officials urged restraint. Lawmakers voted to expel US troops."
>>> parse = _Parse(load()(text), Article(text))
>>> labels = _Labels(parse, _Grammars(parse), frozenset({2, 6}))
>>> labels.actor(parse.tokens[2], None), labels.theme(parse.tokens[2])
('Iranian officials', 'restraint')
>>> labels.actor(parse.tokens[6], None), labels.theme(parse.tokens[6])
('lawmakers', 'to expel US troops')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timeline.cues import relative_subject
from timeline.events.grammar import _Grammars
from timeline.events.parse import _Parse
from timeline.lang import words
from timeline.names import line_start, name_key

_TIME_LABELS = frozenset({"DATE", "TIME"})  # entities that tell when, not who
#: entities that name nothing: a count or a time ("Two key suspects", "Dozens")
_UNNAMED_LABELS = _TIME_LABELS | {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
# The most words a label writes out from a verb to the infinitive that completes it ("called
# on all states to cooperate"), of a reported clause up to its verb ("the killing of the
# Iranian general breached") and from a quantity to what it counts ("dozens of missiles").
_COMPLEMENT_WORDS = 8


def as_written(parse: _Parse, span: range) -> str:
    """A phrase for a label as the text writes it, a common noun or article capitalised
    only as the sentence's first word in lower case ("Rescuers cleared" gives "rescuers",
    "The diplomats were flown" "the diplomats", "Two suspects were handed over" "two
    suspects"; not "Howes", a person the article names, that the tagger took for a common
    noun). A phrase starts on the line of its last word (a headline or a dateline before
    "A convicted sex offender" is not of it)."""
    span = range(line_start(parse.text, parse.tokens, span.start, span.stop), span.stop)
    opening = parse.tokens[span[0]]
    first = (
        opening.is_sent_start
        or opening.i == 0
        or parse.tokens[opening.i - 1].is_space
        or parse.text[opening.idx - 1] == "\n"
    )
    text = parse.written(span)
    if (
        first
        and parse.pos[opening.i] in ("NOUN", "DET", "ADJ", "NUM")
        and (not opening.ent_type_ or opening.ent_type_ in _UNNAMED_LABELS)
        and not (opening.is_upper and len(opening) > 1)  # an acronym
        and name_key(opening.text) not in parse.names.persons
    ):
        return text[0].lower() + text[1:]
    return text


def group_before(parse: _Parse, pronoun: Any) -> Any | None:
    """The group a plural pronoun subject stands for: the plural subject of a verb its
    clause hangs from ("police and FBI agents said they had made discoveries"), else of
    the previous sentence's main verb ("Iranian officials have advised US commanders ...
    They have been urging US forces"); ``None`` when neither is a group."""

    def group(verb: Any) -> Any | None:
        subjects = [
            c for c in parse.children(parse.sharing_subject(verb)) if parse.dep[c.i] == "nsubj"
        ]
        return next(
            (
                s
                for s in subjects
                if parse.tag[s.i] in ("NNS", "NNPS")
                or any(parse.dep[c.i] == "conj" for c in parse.children(s))
            ),
            None,
        )

    verb = parse.head(pronoun)
    while (
        parse.dep[verb.i] in ("ccomp", "xcomp", "conj", "advcl") and parse.head_at[verb.i] != verb.i
    ):
        verb = parse.head(verb)
        if (found := group(verb)) is not None:
            return found
    sentence = parse.sentence_of[pronoun.i]
    if sentence == 0 or parse.dep[parse.head_at[pronoun.i]] != "ROOT":
        return None
    return group(parse.sentence_root(sentence - 1))


def thing_before(parse: _Parse, pronoun: Any) -> Any | None:
    """The thing a singular pronoun subject stands for: the common noun in the singular
    that is the subject of the clause its own clause reports or completes ("the company
    said it would cut jobs", "the bomb was so powerful that it shook furniture");
    ``None`` otherwise (not across sentences, nor from "when it came", nor a noun told
    after it)."""
    clause = parse.head(pronoun)
    while parse.dep[clause.i] in ("ccomp", "conj", "acomp") and parse.head_at[clause.i] != clause.i:
        clause = parse.head(clause)
        subjects = [c for c in parse.children(clause) if parse.dep[c.i] == "nsubj"]
        if subjects:
            # told before it: not the speaker after a quotation ("``It is ...,'' a
            # spokesman said")
            found = subjects[0]
            return found if parse.tag[found.i] == "NN" and found.i < pronoun.i else None
    return None


def aside_opened(parse: _Parse, subject: Any) -> Any:
    """The word before the dash that opens an aside when ``subject`` is the dash that closes
    it, which the parse took for the subject ("About 200 Americans _ embassy staff and their
    families _ left Pakistan": Americans left), else ``subject``."""
    start = parse.sentence_starts[parse.sentence_of[subject.i]]
    dashes = words("layout")["aside_dashes"]
    if (
        subject.text not in dashes
        or subject.i == start
        or not parse.tokens[subject.i - 1].whitespace_
    ):
        return subject
    opening = next(
        (
            t
            for t in range(subject.i - 1, start, -1)
            if parse.tokens[t].text == subject.text and parse.tokens[t - 1].whitespace_
        ),
        None,
    )
    return subject if opening is None else parse.tokens[opening - 1]


def counted(parse: _Parse, span: range) -> range:
    """``span`` with what it counts when it names a quantity ("dozens of missiles",
    not "dozens")."""
    head = parse.tokens[span.stop - 1]
    if parse.lemma(head) not in parse.lex.roles["quantities"]:
        return span
    for prep in parse.children(head):
        if parse.dep[prep.i] == "prep" and prep.i == head.i + 1:
            objects = [
                o
                for o in parse.children(prep)
                if parse.dep[o.i] == "pobj" and parse.pos[o.i] == "NOUN"
            ]
            if objects and objects[0].i - head.i <= _COMPLEMENT_WORDS:
                return range(span.start, objects[0].i + 1)
    return span


def told_on(parse: _Parse, verb: Any, clause: range) -> range:
    """``clause`` (a reported clause up to its ``verb``) with the phrases that follow and
    complete the verb, each whole, as far as a label may write them: "Turkey should stand
    together with Iran" of "... against the US in order to prevent ...". Its object ends
    it, whole or not at all (the label then gives it short, as its theme)."""
    end = clause.stop
    for child in parse.children(verb):
        if child.i < verb.i:
            continue
        if parse.dep[child.i] not in parse.lex.roles["told_on"]:
            break
        span = range(clause.start, child.right_edge.i + 1)
        if not writable(parse, span):
            break
        end = span.stop
        if parse.dep[child.i] == "dobj":
            break
    return range(clause.start, end)


def same_speaker(parse: _Parse, saying: Any, pronoun: Any) -> bool:
    """Whether ``pronoun`` stands for the one who says or promises ("Iran vowed that it
    would", "Rouhani said he would"): a pronoun of its person and number, the saying's
    subject being a name of that kind."""
    subject = next((c for c in parse.children(saying) if parse.dep[c.i] == "nsubj"), None)
    ent = parse.entity_of.get(subject.i) if subject is not None else None
    kinds = parse.lex.clauses["speaker_pronouns"].get(parse.lower[pronoun.i], ())
    return parse.pos[pronoun.i] == "PRON" and ent is not None and ent.label_ in kinds


def writable(parse: _Parse, span: range) -> bool:
    """Whether a label may write ``span`` out: a few words, no punctuation, no dateline."""
    return len(span) <= _COMPLEMENT_WORDS and not any(
        w.is_punct or w.is_quote or w.i in parse.aside for w in parse.tokens[span.start : span.stop]
    )


def qualified(parse: _Parse, head: Any, qualifies: Callable[[Any], bool]) -> range:
    """``head`` with the words before it that ``qualifies`` keeps (each with its own, as
    "the" of "the president's"), outside any dateline, as the indices of its tokens."""
    words = [
        c for c in parse.children(head) if c.i < head.i and c.i not in parse.aside and qualifies(c)
    ]
    return range(min((w.left_edge.i for w in words), default=head.i), head.i + 1)


def phrasing(parse: _Parse, verb: Any, text: str) -> tuple[tuple[int, int] | None, str | None]:
    """The :attr:`~timeline.EventMention.particle` and
    :attr:`~timeline.EventMention.phrasal` of a mention written ``text`` whose trigger is
    ``verb``: the particle's span and the mention written with it ("went off"), or
    ``None`` and ``None``."""
    particle = parse.particle(verb)
    if particle is None:
        return None, None
    return (particle.idx, particle.idx + len(particle)), f"{text} {particle.text}"


class _Labels:
    """The phrases of the labels of one parse's mentions, read with their grammar
    (``grammars``) and knowing which tokens are triggers (``triggers_at``): an event is no
    actor or theme."""

    def __init__(self, parse: _Parse, grammars: _Grammars, triggers_at: frozenset[int]) -> None:
        self.parse, self.grammars, self.triggers_at = parse, grammars, triggers_at

    def actor(self, token: Any, light: Any | None, *, named: bool = False) -> str | None:
        """Who did it, as the text words it, for a label: the subject of its verb (the light
        verb's for an event noun) or the possessor of an event noun, with the words that
        qualify it ("Iranian officials", "rescuers", "the bombers'" as "bombers"); ``None``
        for a pronoun, a relative pronoun or a trigger with no such argument. When a
        participant is ``named`` as its agent, only a common noun that the name qualifies:
        "Iraq's parliament", "a U.S. Embassy official" (the name alone says who otherwise)."""
        parse = self.parse
        verb = light if light is not None else token
        events: frozenset[int] = frozenset()
        if parse.pos[verb.i] in ("VERB", "AUX"):
            sharing = parse.sharing_subject(verb)
            heads = [c for c in parse.children(sharing) if parse.dep[c.i] == "nsubj"]
            if sharing is not verb and self.grammars.of(sharing).realis:
                # an event that is the subject of the verb told as done that this one is
                # joined to is one happening with that verb, and who did this one ("the
                # broadcast drew a small audience and entered the record books"); not of one
                # only possible, which the parse may have joined it to in error ("said that
                # strikes would not solve problems, and urged")
                events = frozenset(h.i for h in heads)
            # "by the police", not the means of "by road"
            heads += [
                g
                for c in parse.children(verb)
                if parse.dep[c.i] == "agent"
                for g in parse.children(c)
                if parse.tag[g.i] != "NN"
                or any(parse.dep[d.i] in ("det", "poss") for d in parse.children(g))
            ]
        else:  # of an event noun, a possessor that is no time ("Wednesday's ruling")
            heads = [
                c
                for c in parse.children(token)
                if parse.dep[c.i] == "poss"
                and getattr(parse.entity_of.get(c.i), "label_", None) not in _TIME_LABELS
            ]
        for head in heads:
            head = aside_opened(parse, head)
            if parse.lower[head.i] in parse.lex.roles["plural_pronouns"]:
                head = group_before(parse, head)
            elif parse.lower[head.i] in parse.lex.roles["singular_pronouns"]:
                head = thing_before(parse, head)
            if head is None or not self.plain(
                head, ("NOUN",) if named else ("NOUN", "PROPN"), events=head.i in events
            ):
                continue
            # a noun's conjuncts that are nouns: "stubbornness and unwavering belief", the
            # adjective taken for a conjunct, is one subject
            group = [
                head,
                *(
                    c
                    for c in parse.children(head)
                    if parse.dep[c.i] == "conj" and parse.pos[c.i] in ("NOUN", "PROPN")
                ),
            ]
            spans = [qualified(parse, g, self.qualifies_actor) for g in group]
            if named and all(s.start == g.i for s, g in zip(spans, group, strict=True)):
                continue
            return as_written(parse, range(spans[0].start, spans[-1].stop))
        return None

    def qualifies_actor(self, word: Any) -> bool:
        """Whether ``word`` qualifies the noun of who did it in a label: an adjective or noun
        before it ("Iranian officials"), a name's words included ("U.S. Embassy official"),
        or a name that owns it ("Iraq's parliament")."""
        parse = self.parse
        named = word.i in parse.entity_of
        return (parse.dep[word.i] in ("amod", "compound") and (word.is_alpha or named)) or (
            parse.dep[word.i] == "poss" and named
        )

    def theme(self, token: Any, *, events: bool | None = None, named: bool = False) -> str | None:
        """What a verb is done to, as the text words it, for a label: its direct object with
        the article and the words that qualify it ("a resolution", "broken glass", "12
        people"), else the subject of a passive ("reporters were allowed") or the noun a
        participle qualifies ("a resolution ... unanimously adopted"); ``None`` for a
        pronoun, a name, an event of its own ("made a visit", unless ``events``) or a trigger
        that is no verb. When a patient is ``named``, the label writes the name and only what
        it is asked to do follows ("urged Albright to tell Americans")."""
        parse = self.parse
        if parse.pos[token.i] != "VERB":
            return None
        articles = parse.lex.roles["theme_articles"]

        def qualifies(c: Any) -> bool:
            return (
                (parse.dep[c.i] in ("amod", "compound", "nummod") and (c.is_alpha or c.like_num))
                or (parse.dep[c.i] == "det" and parse.lower[c.i] in articles)
                # "the president's power", not a time's ("this week's announcement")
                or (
                    parse.dep[c.i] == "poss"
                    and parse.pos[c.i] in ("NOUN", "PROPN")
                    and (not c.ent_type_ or c.ent_type_ in parse.lex.participant_labels)
                )
            )

        if named:
            return self.complement(token, qualifies, asked=True)
        heads = [c for c in parse.children(token) if parse.dep[c.i] == "dobj"]
        if not heads:
            heads = [
                c
                for c in parse.children(parse.sharing_subject(token))
                if parse.dep[c.i] == "nsubjpass"
            ]
            if parse.dep[token.i] == "relcl" and heads and relative_subject(token):
                heads = [parse.head(token)]  # "a suspect who was returned": the suspect
        if not heads and parse.dep[token.i] == "conj" and parse.passive(token):
            # "the winglet struck the hangar and was crumpled": the active verb's subject
            heads = [c for c in parse.children(parse.head(token)) if parse.dep[c.i] == "nsubj"]
        if not heads and self.qualifying(token):
            heads = [parse.head(parse.sharing_subject(token))]
        # an event as the object of a full verb reads well ("survived the blast", "toured
        # the damage"); a light verb's is the event itself ("made a visit")
        if events is None:
            events = parse.lemma(token) not in parse.lex.light
        for head in heads:
            if self.plain(head, ("NOUN",), events=events):
                what = as_written(parse, counted(parse, qualified(parse, head, qualifies)))
                # and what it is asked to do: "urging US forces to swiftly leave the region"
                asked = self.complement(token, qualifies, asked=True)
                return f"{what} {asked}" if asked else what
        return None if heads else self.complement(token, qualifies)

    def qualifying(self, token: Any) -> bool:
        """Whether ``token`` is a participle that qualifies a noun: "a resolution, co-sponsored
        by Kenya and unanimously adopted" (at times tagged as a past tense), or joined to
        the noun when the parser reads "and" as joining (not "angered Washington")."""
        parse = self.parse
        if parse.tag[token.i] not in ("VBN", "VBD"):
            return False
        participle = parse.sharing_subject(token)
        return parse.dep[participle.i] == "acl" or (
            parse.dep[participle.i] == "conj"
            and parse.pos[parse.head_at[participle.i]] == "NOUN"
            and not any(parse.dep[c.i] == "dobj" for c in parse.children(token))
        )

    def infinitive(self, verb: Any) -> bool:
        """Whether ``verb`` is an infinitive: "leave" of "to leave", "carrying" of "to be
        carrying", "rescued" of "to have rescued"."""
        parse = self.parse
        return parse.tag[verb.i] == "VB" or any(
            parse.dep[c.i] == "aux" and parse.tag[c.i] == "TO" for c in parse.children(verb)
        )

    def passive(self, token: Any, *, named: bool = False) -> bool:
        """Whether ``token`` is a verb told in the passive ("a suspect who was returned",
        "were flown to Brussels", "a resolution ... unanimously adopted"): its subject, or the
        noun it qualifies, is what it was done to. Not one with an object, nor, unless its
        patient is ``named`` (then its theme is only what it asks: "Americans were urged to
        leave"), one whose theme goes on to the infinitive it asks for ("tourists were urged
        to leave")."""
        parse = self.parse
        if parse.pos[token.i] != "VERB" or any(
            parse.dep[c.i] == "dobj"
            or (parse.dep[c.i] == "xcomp" and not named and self.infinitive(c))
            for c in parse.children(token)
        ):
            return False
        return parse.passive(parse.sharing_subject(token)) or self.qualifying(token)

    def complement(
        self, token: Any, qualifies: Callable[[Any], bool], *, asked: bool = False
    ) -> str | None:
        """What a verb with no object asks for or sets out to do, for a label: its
        infinitive as written up to that verb, with the verb's own object ("voted to expel US
        troops", "called on all states to cooperate", "pledged to ask Congress", "helped hang
        a poster"), else its object after a preposition that completes it ("called for
        restraint"); with ``asked``, only the infinitive from its mark, what the verb's object
        is asked to do ("urged Albright to tell Americans")."""
        parse = self.parse
        roles = parse.lex.roles
        for verb in parse.children(token):
            if parse.dep[verb.i] != "xcomp" or parse.pos[verb.i] != "VERB":
                continue
            mark = next(
                (
                    a
                    for a in parse.children(verb)
                    if parse.dep[a.i] == "aux" and parse.lower[a.i] in roles["infinitive_marks"]
                ),
                # a bare infinitive: "helped hang a poster"
                verb
                if parse.tag[verb.i] == "VB" and parse.lemma(token) in roles["bare_infinitive"]
                else None,
            )
            if mark is None:
                continue
            # with its particle: "agreed to set up a panel"
            end = (
                verb.i
                + 1
                + any(parse.dep[c.i] == "prt" and c.i == verb.i + 1 for c in parse.children(verb))
            )
            between = range(mark.i if asked else token.i + 1, end)
            if not writable(parse, between):
                continue
            what = self.theme(verb) or next(
                (
                    parse.written(qualified(parse, c, lambda q: parse.dep[q.i] == "compound"))
                    for c in parse.children(verb)
                    if parse.dep[c.i] == "dobj" and parse.pos[c.i] == "PROPN"
                ),
                None,
            )
            return " ".join(w for w in (parse.written(between), what) if w)
        for prep in parse.children(token):
            if (
                parse.dep[prep.i] != "prep"
                or parse.lower[prep.i] not in roles["theme_prepositions"]
            ):
                continue
            for obj in parse.children(prep):
                if asked:
                    # what it is asked for or against, told by a gerund: "advised US
                    # commanders against embarking on any new military action"
                    if parse.dep[obj.i] == "pcomp" and parse.tag[obj.i] == "VBG":
                        asked_for = range(prep.i, obj.right_edge.i + 1)
                        return parse.written(asked_for) if writable(parse, asked_for) else None
                # a common noun, not a time or an amount ("hinting for months")
                elif (
                    parse.dep[obj.i] == "pobj"
                    and not obj.ent_type_
                    and self.plain(obj, ("NOUN",), events=True)
                ):
                    what = as_written(parse, qualified(parse, obj, qualifies))
                    return f"{parse.lower[prep.i]} {what}"
        return None if asked else self.reported(token, qualifies)

    def reported(self, token: Any, qualifies: Callable[[Any], bool]) -> str | None:
        """What a saying or a promise that comes before its clause reports, for a label: the
        clause's subject up to its verb as written, with the verb's object ("Baghdad said the
        killing breached the terms", "the Pentagon confirmed Iran had fired dozens", "Iran
        vowed it would take a harsh revenge"); ``None`` for a quotation told before its
        speaker or a clause whose subject is a pronoun other than the one that says it."""
        parse = self.parse
        if parse.lex.classes.get(parse.lemma(token)) not in ("REPORTING", "I_ACTION"):
            return None
        for verb in parse.children(token):
            if parse.dep[verb.i] != "ccomp" or parse.pos[verb.i] != "VERB" or verb.i < token.i:
                continue
            subjects = [c for c in parse.children(verb) if parse.dep[c.i] in ("nsubj", "nsubjpass")]
            if not subjects or not (
                self.plain(subjects[0], ("NOUN", "PROPN"), events=True)
                or same_speaker(parse, token, subjects[0])
            ):
                continue
            start = qualified(parse, subjects[0], qualifies).start
            whole, clause = range(start, verb.right_edge.i + 1), range(start, verb.i + 1)
            if writable(parse, whole):  # "the launch went as planned"
                return as_written(parse, whole)
            if writable(parse, clause):
                told = told_on(parse, verb, clause)
                if told.stop > clause.stop:  # "Turkey should stand together with Iran"
                    return as_written(parse, told)
                # "it would take a harsh revenge"; a passive's theme is the subject written
                what = None if parse.passive(verb) else self.theme(verb, events=True)
                return " ".join(w for w in (as_written(parse, clause), what) if w)
        return None

    def plain(self, head: Any, kinds: tuple[str, ...], *, events: bool = False) -> bool:
        """Whether ``head`` is a word of ``kinds`` that a label may give as written: a word,
        not in a dateline ("NAIROBI, Kenya (AP) _ Bombings ..."), and unless ``events``, no
        trigger or event noun of its own ("the blast killed": an event, not an actor; "bombs
        exploded" has an actor)."""
        parse = self.parse
        return (
            parse.pos[head.i] in kinds
            and head.is_alpha
            and head.i not in parse.aside
            and (
                events
                or (head.i not in self.triggers_at and parse.lemma(head) not in parse.lex.nouns)
            )
        )
