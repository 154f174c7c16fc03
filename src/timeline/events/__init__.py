"""Event mentions of a parsed article: their triggers, participants, place, grammar and time.

:func:`find_mentions` is the mention stage of the pipeline (:mod:`timeline.pipeline`): given
an article's spaCy parse and its time expressions, it finds its event mentions: eventive
verbs and nouns (light verbs give way to their event noun: in "carried out an airstrike" the
event is the airstrike), reporting verbs, and what they report. Each mention gets its
participants (named entities, with the role the parse gives them and a name shared by the
article's variants of it), its place, its tense, aspect, modality and polarity, the time
expression attached to it, and bounds from that time and its tense; the order cues of the
text tighten them in the next stage. The word lists are data, in ``lang/en/events.toml``.

>>> from datetime import date
>>> from timeline import Article, find_times
>>> from timeline.nlp import load
>>> article = Article("On Sunday, Iraq's parliament voted. It did not attack.", date(2020, 1, 7))
>>> doc = load()(article.text)
>>> found = find_mentions(doc, article, find_times(article.text, article.published, doc=doc))
>>> [(m.text, m.time and m.time.value, m.polarity) for m in found.mentions]
[('voted', '2020-01-05', 'POS'), ('attack', None, 'NEG')]
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from timeline.bounds import Bounds, day_of, intersect, interval_bounds, tense_bounds
from timeline.cues import governor, saying
from timeline.events.attachment import (
    _sentence_time,
    _signal,
    attach,
    reference_time,
    sentence_dates,
)
from timeline.events.clauses import (
    qualifies_noun,
    qualifying,
    tells_background,
)
from timeline.events.grammar import (
    _Grammars,
    as_fact,
    in_background,
)
from timeline.events.labels import _Labels, phrasing
from timeline.events.parse import _Parse
from timeline.events.participants import find_participants, location
from timeline.events.presumption import (
    _PARAGRAPH,
    _REACTION,
    _lately,
    ahead,
    day_told,
    inherit,
    presume_participles,
    presumed_day,
    share_presumed,
    speaker_key,
    story_day,
    told_then,
)
from timeline.events.triggers import (
    event_class,
    find_triggers,
    lemma_for,
    parts_of_times,
)
from timeline.model import (
    Article,
    EventMention,
    Interval,
    TimeExpression,
)
from timeline.moments import instant
from timeline.nlp import text_of
from timeline.references import Referents

__all__ = ["Mentions", "find_mentions"]


@attrs.frozen
class Mentions:
    """The event mentions of one parsed article, before its order cues are read.

    ``mentions`` are in document order, bounded by their own time and tense only;
    ``tokens`` holds the index of each one's trigger token in the parse, ``heads`` maps every
    token that stands for a mention (its trigger, and the light verb of an event noun, whose
    own ``light`` mention stands for the noun's too) to the mention's index, and ``same``
    lists pairs of mentions that the syntax shows to be one happening ("a strike on the
    evening of January 2 that killed", "made a decision").

    >>> Mentions((), (), {}, ()).mentions
    ()
    """

    mentions: tuple[EventMention, ...]
    tokens: tuple[int, ...]
    heads: Mapping[int, int]
    same: tuple[tuple[int, int], ...]


def find_mentions(
    doc: Any,
    article: Article,
    times: Sequence[TimeExpression],
    triggers: Iterable[tuple[int, int]] | None = None,
) -> Mentions:
    """The event mentions of ``article`` in its spaCy parse ``doc``, with ``times`` (its time
    expressions, :func:`timeline.find_times`) attached where they modify one.

    ``triggers`` gives the events' character spans instead of finding them (gold mentions):
    one mention per span, with exactly that span, in document order; a span that is not a
    non-blank part of the text is a ``ValueError``, and so is a ``doc`` of another text.
    """
    spans = None if triggers is None else _trigger_spans(article.text, triggers)
    if not article.text.strip():
        return Mentions((), (), {}, ())
    if text_of(doc) != article.text:  # labels are cut from the text by the doc's offsets
        raise ValueError("doc must be a spaCy Doc of the article's text")
    extractor = _Extractor(doc, article, spans)
    mentions, tokens, heads = extractor.run(times)
    if spans is None:
        mentions, tokens, heads = extractor.with_light_verbs(mentions, tokens, heads)
    return Mentions(tuple(mentions), tuple(tokens), heads, tuple(sorted(extractor.same)))


def _trigger_spans(text: str, triggers: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The given trigger spans, checked, without repeats, in document order."""
    spans = set()
    for span in triggers:
        try:
            start, end = span
        except (TypeError, ValueError):
            raise TypeError(f"each trigger must be a (start, end) pair, not {span!r}") from None
        if not (isinstance(start, int) and isinstance(end, int)):
            raise TypeError(f"trigger {span!r}: offsets must be integers")
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise ValueError(
                f"trigger ({start}, {end}) is not a non-blank span of the "
                f"{len(text)}-character text"
            )
        spans.add((start, end))
    return sorted(spans)


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

    # the parse

    # triggers

    # grammar

    # arguments

    # putting it together

    def run(
        self, times: Sequence[TimeExpression]
    ) -> tuple[list[EventMention], list[int], dict[int, int]]:
        """The mentions, bounded by their own time and tense, their trigger tokens and the
        tokens that stand for each."""
        found = list(find_triggers(self.parse, self.spans))
        if self.spans is None:
            parts = parts_of_times(self.parse, times)
            found = [(token, light) for token, light in found if token.i not in parts]
        spans = self.spans or [(t.idx, t.idx + len(t.text)) for t, _ in found]
        heads: dict[int, int] = {}
        for index, (token, light) in enumerate(found):
            heads[token.i] = index
            if light is not None:
                heads.setdefault(light.i, index)
        self.triggers_at = frozenset(heads)
        labels = _Labels(self.parse, self.grammars, self.triggers_at)
        found_times = attach(self.parse, self.grammars, times, heads)
        attached, sentence_times, signals = (
            found_times.attached,
            found_times.sentence_times,
            found_times.signals,
        )
        self.same = set(found_times.same)
        of_things = found_times.of_things
        published = self.article.published
        # times that set the narrative's day: those of happenings, not of reports of them
        reports = {
            id(time)
            for index, time in attached.items()
            if self.lex.classes.get(self.parse.lemma(found[index][0])) in ("REPORTING", "I_STATE")
        }
        told = [time for time in times if id(time) not in reports]
        # the day of the news is a day its opening tells a happening on, not one it names
        # only for a statement ("82 were killed, officials said as dawn broke Saturday")
        story = story_day(self.parse, told)
        # sentences that name a time other than the story's day, with those times: their
        # narrative is at that time, or at one they tell of, unless the time only dates the
        # background of a noun ("Albright, who fled in 1948, made no secret"); a length or a
        # set names no time ("after a six-year process")
        other_times: dict[int | None, list[TimeExpression]] = {}
        for time in times:
            if (
                time.interval is not None
                and interval_bounds(time) != story
                and time.start not in of_things
            ):
                other_times.setdefault(self.parse.time_sentence(time), []).append(time)
        timed = set(other_times) - {None}
        # sentences that name any time: a statement in one may be made at it
        named = {
            self.parse.time_sentence(t)
            for t in times
            if t.interval is not None and t.start not in of_things
        } - {None}
        # paragraphs that have told a dated happening so far, by the sentence of the last one
        narrated: dict[int, int] = {}
        background: dict[int, int] = {}  # those that have told one before the story's day
        reacting: dict[int, int] = {}  # those whose one was days before: statements react to it
        story_start = (story or (day_of(published) if published is not None else (None, None)))[0]
        lengths = Counter(
            self.parse.paragraph_of(self.parse.tokens[start])
            for start in self.parse.sentence_starts
        )
        run_on = {paragraph for paragraph, length in lengths.items() if length > _PARAGRAPH}

        def before_story(interval: Interval) -> bool:
            return story_start is not None and instant(interval.end) <= instant(story_start)

        dates = sentence_dates(self.parse, times, of_things)

        @functools.cache
        def grammar_bounds(tense: str, modality: str, aspect: str) -> Bounds:
            return tense_bounds(tense, modality, published, aspect)

        referents = Referents(self.parse.doc, self.parse.sentence_starts, self.parse.ents)
        # the paragraph and day of what each speaker last did or said on a day of its own, and
        # whether that day reaches the next paragraph (:func:`day_told`), by the key of the
        # speaker's name (:meth:`speaker_key`)
        said_on: dict[str, tuple[int, Bounds, bool]] = {}
        # the tokens of the mentions each attached time dates, by the time's identity
        owners_of: dict[int, list[Any]] = {}
        for index, time in attached.items():
            owners_of.setdefault(id(time), []).append(found[index][0])
        mentions = []
        for index, (token, light) in enumerate(found):
            if self.parse.pos[token.i] == "NOUN":
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
            told_as_fact = as_fact(self.parse, token, grammar)
            if (
                self.parse.in_headline(token)
                and bounds_grammar is not None
                and (bounds_grammar.tense, bounds_grammar.aspect) == ("PRESENT", "NONE")
            ):  # a headline tells in the present what has happened
                bounds_grammar = attrs.evolve(bounds_grammar, tense="PAST")
            elif (
                self.parse.pos[token.i] == "NOUN"
                and light is None
                and bounds_grammar is not None
                and bounds_grammar.tense == "PRESENT"
                and bounds_grammar.aspect in ("NONE", "PROGRESSIVE")
                and dates.get(self.parse.sentence_of[token.i])
            ):
                # a verb told in the present is of the article's day, not the event noun
                # it names in a sentence that names another time ("is calling for the
                # redemption on Dec. 7", "follows two decisions last June")
                bounds_grammar = None
            sentence = self.parse.sentence_of[token.i]
            # the time of a sentence told "according to" a source dates what it tells
            attribution = self.parse.lemma(token) in self.lex.attributions
            time = None if attribution else attached.get(index)
            narrative = False
            if time is None and told_as_fact and grammar.tense != "FUTURE" and not attribution:
                above, via = governor(token, heads, self.parse.tree)
                reported = above is not None and self.parse.dep[via.i] in ("ccomp", "parataxis")
                if not (grammar.tense == "PAST" and grammar.aspect != "NONE") and not reported:
                    time = sentence_times.get(sentence)
                    # a relative clause on a thing tells its background ("the agency,
                    # which built the camera"), not the narrative
                    narrative = (
                        grammar.tense == "PAST"
                        and time is None
                        and self.parse.dep[token.i] != "relcl"
                    )
            reporting = self.lex.classes.get(self.parse.lemma(token)) == "REPORTING"
            # a statement's day is one a happening or a statement before it was told on
            reference = (
                reference_time(self.parse, token, times if reporting else told, reporting)
                if narrative
                else None
            )
            tense_part = (
                grammar_bounds(bounds_grammar.tense, bounds_grammar.modality, bounds_grammar.aspect)
                if bounds_grammar is not None
                and (bounds_grammar.polarity == "POS" or self.parse.pos[token.i] != "NOUN")
                else (None, None)
            )
            paragraph = self.parse.paragraph_of(token)
            long_paragraph = paragraph in run_on
            speaker = (
                speaker_key(self.parse, token, referents) if reporting or time is not None else None
            )
            # a statement of a speaker whose statement in its paragraph or the one before was
            # dated by its day goes on telling what was said then ("On Wednesday, Alarcon
            # said ...", then "Alarcon told reporters"), and so does one after what the
            # speaker did on a day in its paragraph ("Gonzalez lashed out Sunday night ... He
            # said"): that day is its story's day
            spoken = said_on.get(speaker) if reporting and speaker is not None else None
            goes_on = (
                spoken is not None
                and (
                    spoken[0] == paragraph
                    or (spoken[2] and self.parse.paragraphs_between(spoken[0], paragraph) == 0)
                )
                and (grammar.tense, grammar.aspect) == ("PAST", "NONE")
            )
            statement_day = spoken[1] if spoken is not None and goes_on else story
            if (
                time is None
                and published is not None
                and told_as_fact
                and (grammar.tense, grammar.aspect) == ("PAST", "NONE")
                and reporting
                and not _lately(narrated, paragraph, sentence, long_paragraph)
                and sentence not in named
            ):
                # a statement told in the past with nothing dating it, in a sentence that
                # names no time, and no dated happening before it in its paragraph (it would
                # react to that one), was made on the day the article's news happened, else on
                # its publication day
                tense_part = intersect(tense_part, statement_day or day_of(published)) or tense_part
            told_day = day_told(self.parse, token, time, reporting) if speaker is not None else None
            if speaker is not None and told_day is not None:
                said_on[speaker] = (paragraph, *told_day)
            elif speaker is not None and spoken is not None and goes_on and time is None:
                # the speaker still tells of that day: it reaches the paragraph after this one
                said_on[speaker] = (paragraph, spoken[1], spoken[2])
            if index in attached and attached[index].interval is not None:
                narrated[paragraph] = sentence
                if before_story(attached[index].interval) and not qualifies_noun(self.parse, token):
                    background[paragraph] = sentence
                    if instant(story_start) - instant(attached[index].interval.end) < _REACTION:
                        reacting[paragraph] = sentence
            if reference is not None:
                # told in the past with no time of its own, after a day the paragraph named in
                # the same or the sentence before: the narrative's day
                tense_part = intersect(tense_part, interval_bounds(reference)) or tense_part
            if (
                narrative
                and reference is None
                and story
                and sentence < self.parse.opening
                and sentence not in timed
            ):
                # told in the past in the opening, which names the day of its news, in a
                # sentence that names no other time ("the vote last week, in which ... backed")
                tense_part = intersect(tense_part, story) or tense_part
            time_part = interval_bounds(time, _signal(time, signals, grammar))
            earliest, latest = intersect(time_part, tense_part) or time_part
            presumed = (
                presumed_day(
                    self.parse,
                    token,
                    grammar,
                    statement_day,
                    # (a time after the publication day dates no news told as done: "has
                    # invited them to a summit on March 20" is presumed as if it named none)
                    all(
                        tells_background(self.parse, token, owners_of.get(id(t), ()))
                        or ahead(self.parse, t)
                        for t in other_times.get(sentence, ())
                    ),
                )
                if time is None
                and (
                    attribution
                    or (
                        (
                            not _lately(background, paragraph, sentence, long_paragraph)
                            or (
                                reporting
                                and (
                                    # the speaker's own dated deed or statement gives its day
                                    goes_on
                                    or not _lately(reacting, paragraph, sentence, long_paragraph)
                                    # "officials have said": still so when it appeared
                                    or (grammar.tense, grammar.aspect) == ("PRESENT", "PERFECTIVE")
                                )
                            )
                        )
                        and saying(token, heads, self.parse.tree) is None
                    )
                )
                else None
            )
            lemma = lemma_for(self.parse, token)
            start, end = spans[index]
            text = self.article.text[start:end]
            sentence_time = _sentence_time(dates.get(sentence, ()), start)
            owners = owners_of.get(id(sentence_time), ())
            if (
                presumed is None
                and time is None
                and not reporting
                and (grammar.tense != "INFINITIVE" or ahead(self.parse, sentence_time))
                and (
                    not owners
                    or any(
                        self.parse.tree.path(token.i, o.i) is not None
                        or (
                            (below := self.parse.tree.path(o.i, token.i)) is not None
                            and not qualifying(self.parse, below)
                            and not any(
                                self.parse.dep[at] == "ccomp" and at > token.i for at in below
                            )
                        )
                        for o in owners
                    )
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
                # expel"), unless the time is after the publication day: the time it is planned
                # for ("plans to hold a news conference on Tuesday")
                presumed = sentence_time and sentence_time.interval
            participants = find_participants(self.parse, token, light, self.triggers_at)
            actor = labels.actor(token, light, named=any(p.role == "agent" for p in participants))
            arguments, actor = referents.arguments(token.i, actor)
            mention = EventMention(
                article_id=self.article.id,
                start=start,
                end=end,
                text=text,
                lemma=lemma,
                sentence=sentence,
                participants=participants,
                actor=actor,
                arguments=arguments,
                sentence_time=sentence_time,
                theme=labels.theme(token, named=any(p.named_patient for p in participants)),
                location=location(self.parse, token, light),
                tense=written.tense,
                aspect=written.aspect,
                modality=written.modality,
                polarity=written.polarity,
                event_class=event_class(self.parse, token, light, lemma),
                time=time,
                earliest=earliest,
                latest=latest,
                quoted=self.parse.quoted(start),
                **phrasing(self.parse, token, text),
                presumed=presumed,
                background=in_background(self.parse, token),
            )
            mentions.append(mention)
        inherit(self.parse, mentions, [token for token, _ in found], heads)
        share_presumed(self.parse, mentions, [token for token, _ in found], heads)
        told_then(self.parse, mentions, [token for token, _ in found], heads)
        presume_participles(
            self.parse, self.grammars, mentions, [token for token, _ in found], heads
        )
        self.carried = {index: light for index, (_, light) in enumerate(found) if light is not None}
        return mentions, [token.i for token, _ in found], heads

    def with_light_verbs(
        self, mentions: list[EventMention], tokens: list[int], heads: dict[int, int]
    ) -> tuple[list[EventMention], list[int], dict[int, int]]:
        """``mentions`` with one more for each light verb that carries an event noun ("took"
        of "took effect", "made" of "made a decision"), in document order: TimeML annotates
        both (TBAQ: the verb in 49 of 56 such pairs). The verb's mention is the noun's as that
        verb words it, ``light``: one happening with the noun (a pair of :attr:`same`), which
        no reader's list or label gives on its own. ``tokens`` and ``heads`` are renumbered;
        the light verb still stands for the noun's mention in ``heads``."""
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
            verb = self.parse.tokens[token]
            lemma = self.parse.lemma(verb)
            start = self.parse.token_starts[token]
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
                    **phrasing(self.parse, verb, verb.text),
                )
            )
            self.same.add((renumbered[index], at))
        return (
            found,
            [token for token, _, _ in places],
            {t: renumbered[i] for t, i in heads.items()},
        )
