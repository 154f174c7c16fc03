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
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import attrs

from timeline.bounds import Bounds, day_of, intersect, interval_bounds, tense_bounds
from timeline.cues import governor, saying
from timeline.events.attachment import (
    _names_a_day,
    _sentence_time,
    _signal,
    attach,
    reference_time,
    sentence_dates,
)
from timeline.events.clauses import (
    alongside,
    doing,
    meanwhile,
    noun_before,
    planned_for,
    qualifies_noun,
    qualifying,
    speaking_for,
    tells_background,
    under_way,
    within_relative,
)
from timeline.events.grammar import (
    _PARTICIPLES,
    _UNTENSED,
    _Grammar,
    _Grammars,
    as_fact,
    in_background,
)
from timeline.events.labels import _Labels, phrasing
from timeline.events.parse import _Parse
from timeline.events.participants import find_participants, location
from timeline.events.triggers import (
    event_class,
    find_triggers,
    lemma_for,
    parts_of_times,
)
from timeline.model import (
    Article,
    EventMention,
    Granularity,
    Interval,
    TimeExpression,
)
from timeline.moments import instant
from timeline.names import name_key
from timeline.nlp import text_of
from timeline.references import Referents
from timeline.temporal.calendar import floor

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


_NEWS = frozenset({("PAST", "NONE"), ("PRESENT", "PERFECTIVE")})
_STORY_DAYS = timedelta(days=1)  # how long before publication that day may be
# how long after a happening a statement in its paragraph may be a reaction to it rather than
# said for the story (the Pentagon's description of the strike of 2 January, published on 7
# January, against a spokesman's account of what the company did in 1995)
_REACTION = timedelta(days=7)
# a "paragraph" of more sentences than a news paragraph runs to (_PARAGRAPH) is text whose line
# breaks were lost: a dated happening colours only the _SPAN sentences of it from its own on
_PARAGRAPH = 8
_SPAN = 3


def _one_day(mention: EventMention) -> Interval | None:
    """The calendar day ``mention``'s bounds lie within, if they are bounded on both sides
    within one day."""
    low, high = mention.earliest, mention.latest
    if low is None or high is None:
        return None
    day = floor(low, Granularity.DAY)
    end = day + timedelta(days=1)
    if instant(high) > instant(end):
        return None
    return Interval(day, end, Granularity.DAY)


def _as_day(bounds: Bounds) -> Interval | None:
    """The day of ``bounds`` (:func:`~timeline.bounds.day_of`, a story's day), or ``None``
    when a side is open: an article stamped at midnight told nothing yet that day."""
    first, last = bounds
    return None if first is None or last is None else Interval(first, last, Granularity.DAY)


def _own_day(mention: EventMention) -> Interval | None:
    """The time ``mention`` is dated by in its own words, if any (not one presumed)."""
    return None if mention.time is None else mention.time.interval


def _lately(marks: dict[int, int], paragraph: int, sentence: int, run_on: bool) -> bool:
    """Whether ``paragraph`` told what ``marks`` records (by the sentence of the last one)
    before ``sentence``: anywhere before it, or in a paragraph that is run-on text (``run_on``,
    :data:`_PARAGRAPH`) in it or the few sentences before it (:data:`_SPAN`)."""
    told = marks.get(paragraph)
    return told is not None and (not run_on or sentence - told < _SPAN)


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
        story = self.story_day(told)
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
        # whether that day reaches the next paragraph (:meth:`told_day`), by the key of the
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
            speaker = self.speaker_key(token, referents) if reporting or time is not None else None
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
            told_day = self.told_day(token, time, reporting) if speaker is not None else None
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
                self.presumed(
                    token,
                    grammar,
                    statement_day,
                    # (a time after the publication day dates no news told as done: "has
                    # invited them to a summit on March 20" is presumed as if it named none)
                    all(
                        tells_background(self.parse, token, owners_of.get(id(t), ()))
                        or self.ahead(t)
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
                and (grammar.tense != "INFINITIVE" or self.ahead(sentence_time))
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
        self.inherit(mentions, [token for token, _ in found], heads)
        self.share_presumed(mentions, [token for token, _ in found], heads)
        self.told_then(mentions, [token for token, _ in found], heads)
        self.presume_participles(mentions, [token for token, _ in found], heads)
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

    def share_presumed(
        self, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
    ) -> None:
        """Give an undated mention with no presumed day the day presumed for an event it
        happens in, on or at, or that happens in it ("said Freeh at a press conference",
        "In an interview ..., the father criticized"): the syntax that lets a time date both
        (:meth:`spread`) lets a presumed day stand for both; and the day of the statement
        whose speaker a relative clause tells how it was made (:meth:`speaking_for`)."""
        links = self.lex.ordering["during"]
        for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
            if mention.presumed is not None or mention.time is not None:
                continue
            statement = speaking_for(self.parse, token, heads)
            if statement is not None and mentions[statement].presumed:
                mentions[index] = attrs.evolve(mention, presumed=mentions[statement].presumed)
                continue
            for other in itertools.chain(
                alongside(self.parse, token, links), meanwhile(self.parse, token)
            ):
                source = heads.get(other.i)
                if source is None or source == index or not mentions[source].presumed:
                    continue
                if other not in self.parse.conjuncts(token):
                    mentions[index] = attrs.evolve(mention, presumed=mentions[source].presumed)
                    break

    def told_then(
        self, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
    ) -> None:
        """Give a clause in the simple present that a statement quotes the statement's time,
        when that is a day before the publication day: the speaker's present ("'I formally
        object,' he said in the letter, dated Monday"), not the publication day its tense
        alone would put it on. It takes the statement's bounds when they lie within that
        day, else (a statement presumed on it) the day as its presumed one, bounded only by
        the statement's end. Reported speech keeps the publication day: a present there, not
        shifted back, tells what still holds when the article appeared ("said on Monday that
        the talks are going well")."""
        published = self.article.published
        if published is None:
            return
        today = day_of(published)
        issued = published.date() if isinstance(published, datetime) else published
        for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
            if (
                not mention.quoted
                or mention.time is not None
                or mention.tense != "PRESENT"
                or mention.aspect not in ("NONE", "PROGRESSIVE")
                or (mention.earliest, mention.latest) != today
            ):
                continue
            statement = saying(token, heads, self.parse.tree)
            if statement is None:
                continue
            said = mentions[statement]
            day = _one_day(said)
            if day is not None and day.start.date() < issued:
                mentions[index] = attrs.evolve(mention, earliest=said.earliest, latest=said.latest)
            elif said.presumed is not None and said.presumed.start.date() < issued:
                mentions[index] = attrs.evolve(
                    mention, earliest=None, latest=said.latest, presumed=said.presumed
                )

    def presume_participles(
        self, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
    ) -> None:
        """Give a participle or gerund that nothing dates (no time, no start, no presumed day;
        not in a quotation) the day of the clause it belongs to: the day the event it hangs
        from is presumed on or bounded to ("placing him on the list underscores", "was
        close to completing"), else, in a clause told in the present or present perfect,
        the publication day ("a story unfolding here", "has no trip planned"): news speaks of
        its own day in the present. A soft default, as presumed days are. None for one that
        hangs from a past event with no day of its own, nor one a word of order sets apart
        from it ("After meeting the envoy, the king left"), nor what a statement says
        ("placing the port under guard was his idea, a general said on Monday"); one that
        qualifies a noun of a clause told in the past tells that thing's content or
        background, not a happening of the clause's day ("a fax explaining the threat",
        "agents charged in the case")."""
        published = self.article.published
        ordering = self.lex.ordering
        ordered = frozenset(ordering["after"]) | frozenset(ordering["before"])
        for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
            if (
                mention.tense not in _PARTICIPLES
                or mention.time is not None
                or mention.presumed is not None
                or mention.earliest is not None
                or mention.quoted
                or self.parse.lower[self.parse.head_at[token.i]] in ordered
            ):
                continue
            above, _ = governor(token, heads, self.parse.tree)
            day = None
            if (
                above is not None
                and not qualifying(self.parse, (token.i, self.parse.head_at[token.i]))
                and saying(token, heads, self.parse.tree) is None
            ):
                day = mentions[above].presumed or _one_day(mentions[above])
            if day is None and published is not None and self.grammars.told_in_present(token):
                day = _as_day(day_of(published))
            if day is not None:
                mentions[index] = attrs.evolve(mention, presumed=day)

    def speaker_key(self, token: Any, referents: Referents) -> str | None:
        """The key of the name of who says ``token``'s statement (its subject, a pronoun read
        as the name it stands for): a person by surname ("Alarcon" of "Ricardo Alarcon")."""
        subject = next(
            (c for c in self.parse.children(token) if self.parse.dep[c.i] == "nsubj"), None
        )
        argument = referents.argument(subject.i) if subject is not None else None
        if argument is None or not argument.name.split():
            return None
        return name_key(argument.name.split()[-1]) or None

    def told_day(
        self, token: Any, time: TimeExpression | None, reporting: bool
    ) -> tuple[Bounds, bool] | None:
        """The day ``time``, attached to ``token``, dates what its subject did or said on, if
        it names a day, or a part of one, of the last few before publication
        (:data:`_REACTION`); and whether the speaker's statements in the next paragraph
        still tell of that day: those after a statement that reports a clause ("Alarcon said
        Wednesday the convictions prove", "..., Castro said Sunday") do, those after a deed
        ("lashed out Sunday night", "announced on Monday to offer a reward") only in its
        paragraph."""
        published = self.article.published
        interval = None if time is None else time.interval
        if (
            published is None
            or interval is None
            or interval.granularity not in (Granularity.DAY, Granularity.PART_OF_DAY)
            or time.value == "PRESENT_REF"
            or self.ahead(time)
        ):
            return None
        start = floor(interval.start, Granularity.DAY)
        today = day_of(published)[0]
        if today is None or instant(today) - instant(start) >= _REACTION:
            return None
        reports = reporting and (
            self.parse.dep[token.i] == "parataxis"
            or any(self.parse.dep[c.i] == "ccomp" for c in self.parse.children(token))
        )
        return (start, start + timedelta(days=1)), reports

    def ahead(self, time: TimeExpression | None) -> bool:
        """Whether ``time`` begins after the article's publication day: what it dates is still
        to come ("plans to hold a news conference on Tuesday")."""
        published = self.article.published
        if time is None or time.interval is None or published is None:
            return False
        day = published.date() if isinstance(published, datetime) else published
        return time.interval.start.date() > day

    def presumed(
        self, token: Any, grammar: _Grammar, story: Bounds | None, untimed: bool
    ) -> Interval | None:
        """The day a reader would put an undated mention on (a soft default): news told in
        the simple past or the present perfect ("have called for restraint") happened on the
        story's day (:meth:`story_day`), else on the publication day. Not a relative
        clause's background ("the agency, which built the camera"), nor a happening in a
        sentence that names another time than one of a noun's background (``untimed`` is
        false, :meth:`tells_background`); a statement's sentence may name the time of what
        was said. What was said is left to the saying it happened by (the caller leaves out
        the clauses of a verb of saying). A negated verb is presumed as a done one (its not
        happening is told of that day), but one in the present perfect ("no one has
        claimed") tells what is still so when the article appeared: on its publication day."""
        published = self.article.published
        if (
            published is None
            or not as_fact(self.parse, token, grammar)
            or self.parse.dep[token.i] == "relcl"
        ):
            return None
        if self.parse.lemma(token) in self.lex.attributions:  # "according to police": as published
            return _as_day(day_of(published))
        if (grammar.tense, grammar.aspect) not in _NEWS:
            return None
        if not untimed and self.lex.classes.get(self.parse.lemma(token)) != "REPORTING":
            return None
        perfect = grammar.tense == "PRESENT" and not grammar.realis
        return _as_day(day_of(published) if perfect else story or day_of(published))

    def inherit(
        self, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
    ) -> None:
        """Give a participle or event noun with no time the bounds of the event its clause
        hangs from ("added, referring to"), where it has none and those bound it on both
        sides, and the day that event is presumed on; an infinitive is left open ("voted to
        expel": not yet done) unless its verb begins or goes on (:meth:`under_way`: then the
        day its verb is dated by, or presumed on), or plans it for a time it names
        (:meth:`planned_for`: presumed then); one that
        hangs from it by a preposition it happens in, on or as ("quoted as saying", "In
        looking ahead, Geremek said") only that day. So does a present participle that
        qualifies the event's subject (:meth:`doing`), and a conjunct of one of these
        (:meth:`conjunct_of`: "to articulate a vision and to defend"). A relative clause set
        inside an event noun ("the vote, in which lawmakers backed") with no time of its own
        happened within that event's bounds."""
        ordering = self.lex.ordering
        links = ordering["with_governor"]
        with_preposition = frozenset(ordering["during"]) | frozenset(ordering["as"])
        for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
            relative = within_relative(self.parse, token) if mention.time is None else None
            if relative is not None:
                above = noun_before(self.parse, relative, heads)
                low, high = (
                    (None, None)
                    if above is None
                    else (mentions[above].earliest, mentions[above].latest)
                )
                inside = intersect((mention.earliest, mention.latest), (low, high))
                if None not in (low, high) and inside is not None:
                    mentions[index] = attrs.evolve(mention, earliest=inside[0], latest=inside[1])
                continue
            conjunct = self.conjunct_of(token, mention, mentions, heads)
            if mention.time is None and not mention.presumed and planned_for(self.parse, token):
                # "planned on Friday to pay": the time of the plan is the one it is for
                above, via = governor(token, heads, self.parse.tree)
                if above is not None and via.i == token.i:
                    day = _own_day(mentions[above])
                    # "has scheduled a hearing Thursday to consider": the day of the event
                    # planned
                    planned = (
                        heads[c.i]
                        for c in self.parse.children(self.parse.head(token))
                        if self.parse.dep[c.i] == "dobj" and c.i in heads
                    )
                    day = day or next((_own_day(mentions[p]) for p in planned), None)
                    mentions[index] = mention = attrs.evolve(mention, presumed=day)
            if mention.time is not None or (
                mention.tense not in _UNTENSED and not under_way(self.parse, token) and not conjunct
            ):
                continue
            above, via = governor(token, heads, self.parse.tree)
            if above is None:
                continue
            if (
                self.parse.dep[via.i] not in links
                and not conjunct
                and not doing(self.parse, token, via)
            ):
                if (
                    self.parse.dep[via.i] == "prep"
                    and self.parse.lower[via.i] in with_preposition
                    and not mention.presumed
                ):
                    # "quoted as saying", "In looking ahead, Geremek said": on its day
                    mentions[index] = attrs.evolve(mention, presumed=mentions[above].presumed)
                continue
            bounds = (mentions[above].earliest, mentions[above].latest)
            if None not in bounds and (mention.earliest, mention.latest) == (None, None):
                mention = attrs.evolve(mention, earliest=bounds[0], latest=bounds[1])
            if mention.presumed is None:
                # "actually began today to promote": the day of the verb, told or presumed
                day = _own_day(mentions[above]) if mention.tense == "INFINITIVE" else None
                mention = attrs.evolve(mention, presumed=day or mentions[above].presumed)
            mentions[index] = mention

    def conjunct_of(
        self,
        token: Any,
        mention: EventMention,
        mentions: Sequence[EventMention],
        heads: dict[int, int],
    ) -> bool:
        """Whether ``token`` is joined to a mention told in the same form, a participle or an
        infinitive (:meth:`under_way`), which it shares the bounds and day of ("to
        articulate a vision and to defend", "smoking cigars and drinking beer"). Not a bare
        verb: one with no tense or "to" may be a misread infinitive of anything."""
        if self.parse.dep[token.i] != "conj":
            return False
        first = heads.get(self.parse.head(token).i)
        if first is None or mentions[first].tense != mention.tense:
            return False
        return mention.tense in _PARTICIPLES or under_way(self.parse, self.parse.head(token))

    def story_day(self, times: Sequence[TimeExpression]) -> Bounds | None:
        """The day the article's news happened, when its opening names it: the first day in
        its first three sentences (after its headline, dateline and byline) that is the
        publication day or the day before."""
        published = self.article.published
        if published is None:
            return None
        today = day_of(published)[0]
        for time in times:
            sentence = self.parse.time_sentence(time)
            if sentence is None or sentence >= self.parse.opening:
                break
            interval = time.interval
            if interval is None or not _names_a_day(time) or today is None:
                continue
            if timedelta(0) <= instant(today) - instant(interval.start) <= _STORY_DAYS:
                return (interval.start, interval.end)
        return None
