"""The reading of one article's event mentions, step by step.

:class:`_Extractor` reads an article in the order a reader would: its triggers
(:mod:`~timeline.events.triggers`), the times attached to them
(:mod:`~timeline.events.attachment`), the days its text sets
(:mod:`~timeline.events.setting`: the story's day, the sentences that name other times),
then each mention in document order (its grammar, own time, statement day, bounds and
presumed day, participants and label phrases), keeping what its paragraphs and speakers
have told so far (:class:`_Told`); last, the passes that let mentions share days
(:mod:`~timeline.events.presumption`).

>>> from datetime import date
>>> from timeline import Article, find_times
>>> from timeline.nlp import load
>>> article = Article("Iraq's parliament voted on Sunday. The army said it left.", date(2020, 1, 7))
>>> doc = load()(article.text)
>>> extractor = _Extractor(doc, article)
>>> mentions, tokens, heads = extractor.run(find_times(article.text, article.published, doc=doc))
>>> [(m.text, m.earliest and m.earliest.day, m.presumed and m.presumed.start.day) for m in mentions]
[('voted', 5, None), ('said', 5, None), ('left', None, None)]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs

from timeline.bounds import Bounds, intersect, interval_bounds, tense_bounds
from timeline.cues import governor, saying
from timeline.events.attachment import (
    _sentence_time,
    _signal,
    attach,
    reference_time,
)
from timeline.events.clauses import qualifies_noun, qualifying, tells_background
from timeline.events.grammar import _Grammar, _Grammars, as_fact, in_background
from timeline.events.labels import _Labels, phrasing
from timeline.events.parse import _Parse
from timeline.events.participants import find_participants, location
from timeline.events.presumption import (
    _REACTION,
    _SPAN,
    _lately,
    ahead,
    day_told,
    held_when_said,
    inherit,
    narrative_time,
    not_over,
    performed,
    presume_participles,
    presumed_day,
    share_presumed,
    speaker_key,
    told_then,
)
from timeline.events.setting import _Setting, read_setting
from timeline.events.triggers import event_class, find_triggers, lemma_for, parts_of_times
from timeline.model import Article, EventMention, Interval, TimeExpression
from timeline.moments import instant
from timeline.references import Referents


class _Reading(NamedTuple):
    """What the first steps read of one mention: its grammar (``written`` as its words
    tell it, ``grammar`` as a fact it tells, ``bounds_grammar`` for its bounds, ``None``
    when its tense does not bound it), where it stands, its own time and whether it
    carries the narrative (a tuple: one is made for each mention)."""

    index: int
    token: Any
    light: Any | None
    written: _Grammar
    grammar: _Grammar
    bounds_grammar: _Grammar | None
    fact: bool
    sentence: int
    paragraph: int
    run_on: bool
    attribution: bool
    reporting: bool
    time: TimeExpression | None
    narrative: bool


class _Statement(NamedTuple):
    """Whose statement a mention is, and the day it is of: the day of the speaker's last
    dated statement or deed (``spoken``: its paragraph, day and whether it reaches the
    next paragraph) when it ``goes_on`` telling of it, else the story's day."""

    speaker: str | None
    spoken: tuple[int, Bounds, bool] | None
    goes_on: bool
    day: Bounds | None


class _Told:
    """What an article has told so far, as its mentions are read in order: the paragraphs
    that told a dated happening (by the sentence of the last one), those that told one
    before the story's day (``background``) and days before it (``reacting``: statements
    react to it), and the paragraph and day of what each speaker last did or said on a day
    of its own, and whether that day reaches the next paragraph (:func:`day_told`), by the
    key of the speaker's name (:func:`speaker_key`)."""

    def __init__(self) -> None:
        self.narrated: dict[int, int] = {}
        self.background: dict[int, int] = {}
        self.reacting: dict[int, int] = {}
        self.said_on: dict[str, tuple[int, Bounds, bool]] = {}


class _Extractor:
    """Finds the mentions of one parsed article."""

    def __init__(
        self, doc: Any, article: Article, spans: Sequence[tuple[int, int]] | None = None
    ) -> None:
        #: the article's parse as the rules read it, and their word lists
        self.parse = _Parse(doc, article)
        self.lex = self.parse.lex
        self.article = article
        self.spans = spans
        self.triggers_at: frozenset[int] = frozenset()
        # pairs of mentions the parse missed are one happening, found while attaching times
        self.same: set[tuple[int, int]] = set()
        #: the light verb of each mention of an event noun that has one, by its index
        self.carried: dict[int, Any] = {}
        #: the grammar of each verb, read once
        self.grammars = _Grammars(self.parse)
        published = article.published

        @functools.cache
        def bounds_of(tense: str, modality: str, aspect: str) -> Bounds:
            return tense_bounds(tense, modality, published, aspect)

        #: the bounds a tense, modality and aspect give, each found once
        self.tense_bounds = bounds_of

    def run(
        self, times: Sequence[TimeExpression]
    ) -> tuple[list[EventMention], list[int], dict[int, int]]:
        """The mentions, bounded by their own time and tense, their trigger tokens and the
        tokens that stand for each."""
        parse = self.parse
        found, heads = self.triggers(times)
        spans = self.spans or [(t.idx, t.idx + len(t.text)) for t, _ in found]
        self.triggers_at = frozenset(heads)
        attached = attach(parse, self.grammars, times, heads)
        self.same = set(attached.same)
        setting = read_setting(parse, times, found, attached)
        told = _Told()
        labels = _Labels(parse, self.grammars, self.triggers_at)
        referents = Referents(parse.doc, parse.sentence_starts, parse.ents)
        mentions = []
        for index, (token, light) in enumerate(found):
            reading = self.reading(index, token, light, setting, heads)
            statement = self.statement(reading, setting, told, referents)
            bounds = self.bounds(reading, statement, setting, told, times)
            self.remember(reading, statement, setting, told)
            start, end = spans[index]
            dates = setting.dates.get(reading.sentence, ())
            sentence_time = _sentence_time(dates, start)
            presumed = self.presumed(reading, statement, setting, told, heads, sentence_time)
            mentions.append(
                self.mention(
                    reading, (start, end), bounds, presumed, sentence_time, labels, referents
                )
            )
        tokens = [token for token, _ in found]
        inherit(parse, mentions, tokens, heads)
        share_presumed(parse, mentions, tokens, heads)
        told_then(parse, mentions, tokens, heads)
        performed(parse, self.grammars, mentions, tokens, heads)
        held_when_said(parse, mentions, tokens, heads)
        presume_participles(parse, self.grammars, mentions, tokens, heads)
        self.carried = {index: light for index, (_, light) in enumerate(found) if light is not None}
        return mentions, [token.i for token, _ in found], heads

    def triggers(
        self, times: Sequence[TimeExpression]
    ) -> tuple[list[tuple[Any, Any | None]], dict[int, int]]:
        """Each mention's trigger and light verb, in document order, without the words that
        are parts of ``times``, and the mention each token that stands for one stands for."""
        found = list(find_triggers(self.parse, self.spans))
        if self.spans is None:
            parts = parts_of_times(self.parse, times)
            found = [(token, light) for token, light in found if token.i not in parts]
        heads: dict[int, int] = {}
        for index, (token, light) in enumerate(found):
            heads[token.i] = index
            if light is not None:
                heads.setdefault(light.i, index)
        return found, heads

    def reading(
        self, index: int, token: Any, light: Any | None, setting: _Setting, heads: dict[int, int]
    ) -> _Reading:
        """What the first steps read of the mention ``index`` at ``token`` (:class:`_Reading`):
        its grammar, where it stands and its own time."""
        parse = self.parse
        if parse.pos[token.i] == "NOUN":
            own, context = self.grammars.noun_grammar(token)
            grammar = written = self.grammars.of(light) if light is not None else own
            bounds_grammar = grammar if light is not None else context
        else:
            # the mention is written with its own grammar; a fact its negated modal
            # tells ("could not be reached") is bounded as told in that fact's tense
            written = self.grammars.of(token)
            grammar = bounds_grammar = (
                self.grammars.unable(token, written, heads)
                or self.grammars.predicate(token, written)
                or written
            )
        told_as_fact = as_fact(parse, token, grammar)
        if (
            parse.in_headline(token)
            and bounds_grammar is not None
            and (bounds_grammar.tense, bounds_grammar.aspect) == ("PRESENT", "NONE")
        ):  # a headline tells in the present what has happened
            bounds_grammar = attrs.evolve(bounds_grammar, tense="PAST")
        elif (
            parse.pos[token.i] == "NOUN"
            and light is None
            and bounds_grammar is not None
            and bounds_grammar.tense == "PRESENT"
            and bounds_grammar.aspect in ("NONE", "PROGRESSIVE")
            and setting.dates.get(parse.sentence_of[token.i])
        ):
            # a verb told in the present is of the article's day, not the event noun
            # it names in a sentence that names another time ("is calling for the
            # redemption on Dec. 7", "follows two decisions last June")
            bounds_grammar = None
        sentence = parse.sentence_of[token.i]
        # the time of a sentence told "according to" a source dates what it tells
        attribution = parse.lemma(token) in self.lex.attributions
        time = None if attribution else setting.times.attached.get(index)
        narrative = False
        if time is None and told_as_fact and grammar.tense != "FUTURE" and not attribution:
            above, via = governor(token, heads, parse.tree)
            reported = above is not None and parse.dep[via.i] in ("ccomp", "parataxis")
            if not (grammar.tense == "PAST" and grammar.aspect != "NONE") and not reported:
                time = setting.times.sentence_times.get(sentence)
                # a relative clause on a thing tells its background ("the agency,
                # which built the camera"), not the narrative
                narrative = (
                    grammar.tense == "PAST" and time is None and parse.dep[token.i] != "relcl"
                )
        paragraph = parse.paragraph_of(token)
        return _Reading(
            index=index,
            token=token,
            light=light,
            written=written,
            grammar=grammar,
            bounds_grammar=bounds_grammar,
            fact=told_as_fact,
            sentence=sentence,
            paragraph=paragraph,
            run_on=paragraph in setting.run_on,
            attribution=attribution,
            reporting=self.lex.classes.get(parse.lemma(token)) == "REPORTING",
            time=time,
            narrative=narrative,
        )

    def statement(
        self, reading: _Reading, setting: _Setting, told: _Told, referents: Referents
    ) -> _Statement:
        """Whose statement the mention read is, and the day it tells of (:class:`_Statement`).

        A statement of a speaker whose statement in its paragraph or the one before was
        dated by its day goes on telling what was said then ("On Wednesday, Alarcon said
        ...", then "Alarcon told reporters"), and so does one after what the speaker did on a
        day in its paragraph ("Gonzalez lashed out Sunday night ... He said"): that day is
        its story's day."""
        reporting, grammar, paragraph = reading.reporting, reading.grammar, reading.paragraph
        speaker = (
            speaker_key(self.parse, reading.token, referents)
            if reporting or reading.time is not None
            else None
        )
        spoken = told.said_on.get(speaker) if reporting and speaker is not None else None
        goes_on = (
            spoken is not None
            and (
                spoken[0] == paragraph
                or (spoken[2] and self.parse.paragraphs_between(spoken[0], paragraph) == 0)
            )
            and (grammar.tense, grammar.aspect) == ("PAST", "NONE")
        )
        day = spoken[1] if spoken is not None and goes_on else setting.story
        return _Statement(speaker, spoken, goes_on, day)

    def bounds(
        self,
        reading: _Reading,
        statement: _Statement,
        setting: _Setting,
        told: _Told,
        times: Sequence[TimeExpression],
    ) -> Bounds:
        """The bounds of the mention read from its own time and its tense, narrowed to the
        day its statement, its narrative or the article's opening tells of."""
        parse = self.parse
        token, grammar, bounds_grammar = reading.token, reading.grammar, reading.bounds_grammar
        sentence, time, publication = reading.sentence, reading.time, parse.publication
        # a statement's day is one a happening or a statement before it was told on
        reference = (
            reference_time(
                parse, token, times if reading.reporting else setting.told, reading.reporting
            )
            if reading.narrative
            else None
        )
        if (
            reference is not None
            and reading.reporting
            and publication is not None
            and instant(publication.start) - instant(reference.interval.start) >= _REACTION
        ):
            # a statement quoted in the article was made near its publication, not on a day
            # long before it that the sentence before names ("On April 4, 1949, Acheson
            # signed the treaty. ... her aides said")
            reference = None
        tense_part = (
            self.tense_bounds(bounds_grammar.tense, bounds_grammar.modality, bounds_grammar.aspect)
            if bounds_grammar is not None
            and (bounds_grammar.polarity == "POS" or parse.pos[token.i] != "NOUN")
            else (None, None)
        )
        if (
            time is None
            and publication is not None
            and reading.fact
            and (grammar.tense, grammar.aspect) == ("PAST", "NONE")
            and reading.reporting
            and not _lately(told.narrated, reading.paragraph, sentence, reading.run_on)
            and sentence not in setting.named
        ):
            # a statement told in the past with nothing dating it, in a sentence that
            # names no time, and no dated happening before it in its paragraph (it would
            # react to that one), was made on the day the article's news happened, else on
            # its publication day
            tense_part = intersect(tense_part, statement.day or publication.bounds) or tense_part
        if reference is not None:
            # told in the past with no time of its own, after a day the paragraph named in
            # the same or the sentence before: the narrative's day
            tense_part = intersect(tense_part, interval_bounds(reference)) or tense_part
        if (
            reading.narrative
            and reference is None
            and setting.story
            and sentence < parse.opening
            and sentence not in setting.timed
        ):
            # told in the past in the opening, which names the day of its news, in a
            # sentence that names no other time ("the vote last week, in which ... backed")
            tense_part = intersect(tense_part, setting.story) or tense_part
        time_part = interval_bounds(time, _signal(time, setting.times.signals, grammar))
        return intersect(time_part, tense_part) or time_part

    def remember(
        self, reading: _Reading, statement: _Statement, setting: _Setting, told: _Told
    ) -> None:
        """Keep in ``told`` the day the mention read tells its speaker spoke or acted on,
        and whether its paragraph told a dated happening, one before the story's day or
        days before it."""
        token, time, paragraph, sentence = (
            reading.token,
            reading.time,
            reading.paragraph,
            reading.sentence,
        )
        speaker, spoken = statement.speaker, statement.spoken
        told_day = (
            day_told(self.parse, token, time, reading.reporting) if speaker is not None else None
        )
        if speaker is not None and told_day is not None:
            told.said_on[speaker] = (paragraph, *told_day)
        elif speaker is not None and spoken is not None and statement.goes_on and time is None:
            # the speaker still tells of that day: it reaches the paragraph after this one
            told.said_on[speaker] = (paragraph, spoken[1], spoken[2])
        attached = setting.times.attached
        if reading.index in attached and attached[reading.index].interval is not None:
            told.narrated[paragraph] = sentence
            interval = attached[reading.index].interval
            story_start = setting.story_start
            if (
                story_start is not None
                and instant(interval.end) <= instant(story_start)
                and not qualifies_noun(self.parse, token)
            ):
                told.background[paragraph] = sentence
                if instant(story_start) - instant(interval.end) < _REACTION:
                    told.reacting[paragraph] = sentence

    def presumes(
        self, reading: _Reading, statement: _Statement, told: _Told, heads: dict[int, int]
    ) -> bool:
        """Whether a reader presumes a day for the mention read (:func:`presumed_day`): one
        with no time of its own told "according to" a source, or one no verb of saying
        reports (:func:`~timeline.cues.saying`) in a paragraph that told no happening before
        the story's day; a statement there too when it goes on telling its speaker's dated
        deed or statement (:class:`_Statement`), when its paragraph told none days before
        (it would react to that one), or in the present perfect ("officials have said":
        still so when the article appeared). Not a deed that goes on telling the paragraph
        before's happening long past (:meth:`goes_on_from_background`)."""
        if reading.time is not None:
            return False
        if reading.attribution:
            return True
        paragraph, sentence, run_on = reading.paragraph, reading.sentence, reading.run_on
        grammar = reading.grammar
        return (
            (
                not _lately(told.background, paragraph, sentence, run_on)
                and not self.goes_on_from_background(reading, told)
            )
            or (
                reading.reporting
                and (
                    statement.goes_on
                    or not _lately(told.reacting, paragraph, sentence, run_on)
                    or (grammar.tense, grammar.aspect) == ("PRESENT", "PERFECTIVE")
                )
            )
        ) and (
            saying(reading.token, heads, self.parse.tree) is None
            # a verb of saying set in the clause it reports is no part of it ("But he
            # never dreamed, he said, that his country would become")
            or (reading.reporting and self.parse.dep[reading.token.i] == "parataxis")
        )

    def goes_on_from_background(self, reading: _Reading, told: _Told) -> bool:
        """Whether the mention read, a deed told in the simple past, opens a paragraph that
        goes on telling what the paragraph right before it last told: a happening long
        before the story's day (a week or more, :data:`~timeline.events.presumption._REACTION`,
        not a day it would react to), within a few sentences of it
        (:data:`~timeline.events.presumption._SPAN`) and with no dated happening of its own
        paragraph between ("The old bridge opened in 1995 after a long dispute.", then
        "Engineers designed it in Paris."): not on the story's day. Not after the article's
        opening, which tells its news ("Prices rose in 2019, according to the ministry.",
        then "The minister spoke at a news conference")."""
        grammar, paragraph = reading.grammar, reading.paragraph
        if (grammar.tense, grammar.aspect, grammar.polarity) != ("PAST", "NONE", "POS"):
            return False
        previous = max((p for p in told.narrated if p < paragraph), default=None)
        if previous is None or paragraph in told.narrated:
            return False
        last = told.narrated[previous]
        return (
            last >= self.parse.opening
            and self.parse.paragraphs_between(previous, paragraph) == 0
            and told.background.get(previous) == last
            and told.reacting.get(previous) != last
            and reading.sentence - last <= _SPAN
        )

    def presumed(
        self,
        reading: _Reading,
        statement: _Statement,
        setting: _Setting,
        told: _Told,
        heads: dict[int, int],
        sentence_time: TimeExpression | None,
    ) -> Interval | None:
        """The day a reader would put the mention read on when nothing dates it: the
        story's, a statement's or the publication day (:func:`presumed_day`), else the time
        its sentence names (``sentence_time``)."""
        parse = self.parse
        token, grammar, time, sentence = (
            reading.token,
            reading.grammar,
            reading.time,
            reading.sentence,
        )
        presumed = (
            presumed_day(
                parse,
                token,
                grammar,
                statement.day,
                # (a time after the publication day dates no news told as done: "has
                # invited them to a summit on March 20" is presumed as if it named none)
                all(
                    tells_background(parse, token, setting.owners_of.get(id(t), ()))
                    or ahead(parse, t)
                    for t in setting.other_times.get(sentence, ())
                ),
            )
            if self.presumes(reading, statement, told, heads)
            else None
        )
        if presumed is not None or time is not None or reading.reporting:
            return presumed
        if sentence not in setting.named:
            # "In July 1997, the alliance announced ... . Romania and Slovenia were turned
            # away": the time the narrative is at (:func:`narrative_time`)
            if not reading.narrative or parse.quoted(token.idx):
                return None
            return narrative_time(parse, token, setting.dates, setting.owners_of)
        owners = setting.owners_of.get(id(sentence_time), ())
        if (grammar.tense != "INFINITIVE" or not_over(parse, sentence_time)) and (
            not owners
            or any(
                parse.tree.path(token.i, o.i) is not None
                or (
                    (below := parse.tree.path(o.i, token.i)) is not None
                    and not qualifying(parse, below)
                    and not any(parse.dep[at] == "ccomp" and at > token.i for at in below)
                )
                for o in owners
            )
        ):
            # nothing else dating it, a reader dates what a sentence tells by the time it
            # names ("the incidents of Aug. 7 underscore", "Found at sea in late November,
            # Elian was placed"), unless the time dates an event of another clause, as one
            # that qualifies a noun of this one ("Albright, who fled in 1948, made"); a
            # statement's sentence often names the time of what was said instead, so
            # statements keep the story's day, and a time in a complement clause after it
            # dates what that clause tells, not the telling ("had informed the family that
            # he died on March 26", "would not divulge it but said last month's discovery
            # was"); what an infinitive tells is not yet done ("voted on Sunday to
            # expel"), unless the time begins or goes on after the publication day: the time
            # it is planned for ("plans to hold a news conference on Tuesday", "expects to
            # post sales in the current year")
            return sentence_time and sentence_time.interval
        return None

    def mention(
        self,
        reading: _Reading,
        span: tuple[int, int],
        bounds: Bounds,
        presumed: Interval | None,
        sentence_time: TimeExpression | None,
        labels: _Labels,
        referents: Referents,
    ) -> EventMention:
        """The mention read, with its span, bounds, presumed day and sentence's time, its
        participants, place, label phrases and class."""
        token, light, written = reading.token, reading.light, reading.written
        lemma = lemma_for(self.parse, token)
        start, end = span
        text = self.article.text[start:end]
        participants = find_participants(self.parse, token, light, self.triggers_at)
        named_agent = any(p.role == "agent" for p in participants)
        named_patient = any(p.named_patient for p in participants)
        actor = labels.actor(token, light, named=named_agent)
        arguments, actor = referents.arguments(token.i, actor)
        particle, phrasal = phrasing(self.parse, token, text)
        return EventMention(
            article_id=self.article.id,
            start=start,
            end=end,
            text=text,
            lemma=lemma,
            sentence=reading.sentence,
            participants=participants,
            actor=actor,
            arguments=arguments,
            sentence_time=sentence_time,
            theme=labels.theme(token, named=named_patient),
            # with no one named or written as doing it, its theme is its subject
            passive=actor is None
            and not named_agent
            and labels.passive(token, named=named_patient),
            location=location(self.parse, token, light),
            tense=written.tense,
            aspect=written.aspect,
            modality=written.modality,
            polarity=written.polarity,
            event_class=event_class(self.parse, token, light, lemma),
            time=reading.time,
            earliest=bounds[0],
            latest=bounds[1],
            quoted=self.parse.quoted(start),
            particle=particle,
            phrasal=phrasal,
            presumed=presumed,
            background=in_background(self.parse, token),
        )

    def with_light_verbs(
        self, mentions: list[EventMention], tokens: list[int], heads: dict[int, int]
    ) -> tuple[list[EventMention], list[int], dict[int, int]]:
        """``mentions`` with one more for each light verb that carries an event noun ("took"
        of "took effect", "made" of "made a decision"), in document order: TimeML annotates
        both (TBAQ: the verb in 49 of 56 such pairs). The verb's mention is the noun's as that
        verb words it, ``light``: one happening with the noun (a pair of :attr:`same`), which
        no reader's list or label gives on its own. ``tokens`` and ``heads`` are renumbered;
        the light verb still stands for the noun's mention in ``heads``."""
        parse = self.parse
        places = sorted(
            [(token, index, False) for index, token in enumerate(tokens)]
            + [(verb.i, index, True) for index, verb in self.carried.items()]
        )
        renumbered = {index: at for at, (_, index, light) in enumerate(places) if not light}
        self.same = {(renumbered[a], renumbered[b]) for a, b in self.same}
        found = []
        for at, (token, index, light) in enumerate(places):
            if not light:
                found.append(mentions[index])
                continue
            verb = parse.tokens[token]
            lemma = parse.lemma(verb)
            start = parse.token_starts[token]
            particle, phrasal = phrasing(parse, verb, verb.text)
            found.append(
                attrs.evolve(
                    mentions[index],
                    start=start,
                    end=start + len(verb.text),
                    text=verb.text,
                    lemma=lemma,
                    event_class=self.lex.classes.get(lemma, "OCCURRENCE"),
                    theme=None,
                    light=True,
                    passive=False,
                    particle=particle,
                    phrasal=phrasal,
                )
            )
            self.same.add((renumbered[index], at))
        return (
            found,
            [token for token, _, _ in places],
            {t: renumbered[i] for t, i in heads.items()},
        )
