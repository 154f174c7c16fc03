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

import bisect
import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import attrs

from timeline.bounds import Bounds, day_of, intersect, interval_bounds, tense_bounds
from timeline.chronology import fineness
from timeline.cues import governor, relative_subject, saying
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


def _spreads(time: TimeExpression) -> bool:
    """Whether a time names a day or a longer period, so that it dates what goes with it
    ("now" names the moment of the telling, not a period)."""
    interval = time.interval
    return (
        interval is not None
        and interval.granularity not in _FINER_THAN_DAY
        and time.value != "PRESENT_REF"
    )


def _signal(
    time: TimeExpression | None, signals: Mapping[int, str], grammar: _Grammar
) -> str | None:
    """The word that opens a mention's ``time`` on one side ("before Sunday"); "now" told
    of what will happen is from now on ("exiles will now proceed"), not today."""
    if time is None:
        return None
    if time.value == "PRESENT_REF" and grammar.tense == "FUTURE":
        return signals.get(time.start, "since")
    return signals.get(time.start)


def _names_a_day(time: TimeExpression) -> bool:
    """Whether a time names one day ("now" names the moment of the telling, not its day)."""
    interval = time.interval
    return (
        interval is not None
        and interval.granularity is Granularity.DAY
        and time.value != "PRESENT_REF"
    )


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})  # parts of speech a clause may qualify
# tenses and aspects in which news tells what happened on the story's day
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

_FINER_THAN_DAY = frozenset(
    {Granularity.SECOND, Granularity.MINUTE, Granularity.HOUR, Granularity.PART_OF_DAY}
)


def _attach(attached: dict[int, TimeExpression], target: int, time: TimeExpression) -> None:
    """Attach ``time`` to mention ``target`` unless it has one; a time that names a span
    takes the place of a length ("a letter in two weeks was published on Tuesday": the
    length is the letters', the day the publishing's)."""
    held = attached.get(target)
    if held is None or (held.interval is None and time.interval is not None):
        attached[target] = time


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


def _sentence_time(dates: Sequence[TimeExpression], start: int) -> TimeExpression | None:
    """Of the dates of a mention's sentence, the one a reader would date it by: the finest
    (a day before a month, a month before a year), then the nearest to its ``start``."""
    if not dates:
        return None
    return min(dates, key=lambda t: (fineness(t.interval.granularity), abs(t.start - start)))


def _phrase_start(span: Any) -> int:
    """Where the phrase of a time begins: its preposition ("on"), else the time itself."""
    head = span.root.head
    return head.i if head.dep_ == "prep" and head.i == span.start - 1 else span.start


# --- mentions -------------------------------------------------------------------------------

_INSIDE_NOUN_PHRASE = frozenset({"compound", "nummod", "amod", "nmod", "poss"})


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
        # the starts of times that date a thing, not an event ("notes due Nov. 1, 2009")
        self.of_things: set[int] = set()
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
        attached, sentence_times, signals = self.attach(times, heads)
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
                and time.start not in self.of_things
            ):
                other_times.setdefault(self.parse.time_sentence(time), []).append(time)
        timed = set(other_times) - {None}
        # sentences that name any time: a statement in one may be made at it
        named = {
            self.parse.time_sentence(t)
            for t in times
            if t.interval is not None and t.start not in self.of_things
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

        dates = self.sentence_dates(times)

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
                self.reference_time(token, times if reporting else told, reporting)
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
                if before_story(attached[index].interval) and not self.qualifies_noun(token):
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
                        self.tells_background(token, owners_of.get(id(t), ())) or self.ahead(t)
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
                            and not self.qualifying(below)
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
            statement = self.speaking_for(token, heads)
            if statement is not None and mentions[statement].presumed:
                mentions[index] = attrs.evolve(mention, presumed=mentions[statement].presumed)
                continue
            for other in itertools.chain(self.alongside(token, links), self.meanwhile(token)):
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
                and not self.qualifying((token.i, self.parse.head_at[token.i]))
                and saying(token, heads, self.parse.tree) is None
            ):
                day = mentions[above].presumed or _one_day(mentions[above])
            if day is None and published is not None and self.grammars.told_in_present(token):
                day = _as_day(day_of(published))
            if day is not None:
                mentions[index] = attrs.evolve(mention, presumed=day)

    def speaking_for(self, token: Any, heads: dict[int, int]) -> int | None:
        """The statement (its mention's index) whose speaker the relative clause of ``token``
        qualifies by how the statement was made ("sources who spoke on the condition of
        anonymity said", ``speaking_terms``), if it is one."""
        if (
            self.parse.dep[token.i] != "relcl"
            or self.parse.lemma(token) not in self.lex.speaking_terms
        ):
            return None
        speaker = self.parse.head(token)
        if self.parse.dep[speaker.i] != "nsubj":
            return None
        statement = heads.get(self.parse.head_at[speaker.i])
        if statement is None:
            return None
        said = self.parse.tokens[self.parse.head_at[speaker.i]]
        return statement if self.lex.classes.get(self.parse.lemma(said)) == "REPORTING" else None

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
            relative = self.within_relative(token) if mention.time is None else None
            if relative is not None:
                above = self.noun_before(relative, heads)
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
            if mention.time is None and not mention.presumed and self.planned_for(token):
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
                mention.tense not in _UNTENSED and not self.under_way(token) and not conjunct
            ):
                continue
            above, via = governor(token, heads, self.parse.tree)
            if above is None:
                continue
            if self.parse.dep[via.i] not in links and not conjunct and not self.doing(token, via):
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

    def planned_for(self, token: Any) -> bool:
        """Whether ``token`` is the infinitive of a verb of planning (``planned_for``: "planned
        on Friday to pay", "was scheduled Monday to testify"), whose time is the one the plan
        is for: what the infinitive tells is presumed then, not done with it."""
        return (
            self.parse.dep[token.i] == "xcomp"
            and self.parse.tag[token.i] == "VB"
            and self.parse.lemma(self.parse.head(token)) in self.lex.ordering["planned_for"]
        )

    def tells_background(self, token: Any, owners: Sequence[Any]) -> bool:
        """Whether a time attached to the mentions ``owners`` only dates the background of a
        noun of ``token``'s clause (:meth:`qualifying`), or what a statement says that
        ``token`` is no part of (:meth:`said_apart`), not what ``token`` tells."""
        return bool(owners) and all(
            self.qualifying(self.parse.tree.path(o.i, token.i)) or self.said_apart(token, o)
            for o in owners
        )

    def said_apart(self, token: Any, owner: Any) -> bool:
        """Whether ``owner`` is in the clause a verb of saying reports (the nearest above it)
        and ``token`` is not: "would not divulge it but said last month's discovery was a
        breakthrough" dates the discovery, not the divulging."""
        at = owner.i
        while (head := self.parse.head_at[at]) != at:
            if self.parse.dep[at] in ("ccomp", "parataxis") and (
                self.lex.classes.get(self.parse.lemma(self.parse.tokens[head])) == "REPORTING"
            ):
                return at != token.i and self.parse.tree.path(token.i, at) is None
            at = head
        return False

    def qualifying(self, path: Sequence[int] | None) -> bool:
        """Whether a way up the tree (:meth:`timeline.tree.Tree.path`; ``None``: none) passes
        through a clause that qualifies a noun below its top (a relative clause or a
        participle after the noun: "Albright, who fled after the takeover", "agents charged
        in the bombing"), which tells that noun's background; one on the top itself dates it
        ("a summit set for April")."""
        return path is not None and any(
            self.parse.dep[at] in ("relcl", "acl")
            and self.parse.pos[self.parse.head_at[at]] in _NOMINAL
            for at in path[:-1]
        )

    def qualifies_noun(self, token: Any) -> bool:
        """Whether ``token`` lies in a clause that qualifies a noun of its sentence
        (:meth:`qualifying`: "Albright, who fled after the takeover in 1948, made"): a time
        there dates that noun's background, which sets no background for its paragraph."""
        path, at = [], token.i
        while self.parse.head_at[at] != at:
            path.append(at)
            at = self.parse.head_at[at]
        return self.qualifying(path)

    def under_way(self, token: Any) -> bool:
        """Whether ``token`` is the infinitive or gerund of a verb of beginning or going on,
        which happened with it ("began to arrive", "began trading"), or the infinitive of one
        whose infinitive is done, let go or tried when it is ("went on to defend", "declined
        to comment", "used her speech to articulate"), not one wanted or decided ("voted to
        expel")."""
        if self.parse.dep[token.i] not in ("xcomp", "advcl") or self.parse.tag[token.i] not in (
            "VB",
            "VBG",
        ):
            return False
        ordering = self.lex.ordering
        verb = self.parse.head(token)
        lemma = self.parse.lemma(verb)
        if self.parse.dep[token.i] == "xcomp" and lemma in ordering["under_way"]:
            return True
        if self.parse.tag[token.i] != "VB":
            return False
        particle = self.parse.particle(verb)
        return (f"{lemma} {self.parse.lower[particle.i]}" if particle else lemma) in ordering[
            "done_then"
        ] or (
            lemma in ordering["done_then_with_object"]
            and any(self.parse.dep[c.i] == "dobj" for c in self.parse.children(verb))
        )

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
        return mention.tense in _PARTICIPLES or self.under_way(self.parse.head(token))

    def doing(self, token: Any, via: Any) -> bool:
        """Whether ``token`` is a present participle that qualifies the subject of the event
        above ``via`` (``ordering.with_argument``: "Men smoking cigars said", "Kikwete,
        speaking at a news conference, said"): what the doer was doing then."""
        if self.parse.dep[token.i] != "acl" or self.parse.tag[token.i] != "VBG":
            return False
        noun = self.parse.head(token)
        return noun.i == via.i and self.parse.dep[noun.i] in self.lex.ordering["with_argument"]

    def within_relative(self, token: Any) -> Any | None:
        """The preposition that sets the relative clause ``token`` heads inside an event
        ("the vote, in which lawmakers backed"), if it is one (whatever the parser called
        the clause: "in which" opens a relative one)."""
        if self.parse.pos[token.i] not in ("VERB", "AUX"):
            return None
        words = self.lex.ordering["within_relative"]
        return next(
            (
                c
                for c in self.parse.children(token)
                if self.parse.dep[c.i] == "prep"
                and self.parse.lower[c.i] in words
                and any(self.parse.tag[g.i] == "WDT" for g in self.parse.children(c))
                and c.i < token.i
            ),
            None,
        )

    def noun_before(self, preposition: Any, heads: dict[int, int]) -> int | None:
        """The mention of the nearest event noun before ``preposition`` in its clause: what a
        relative clause it opens qualifies, wherever the parser hung the clause ("the vote in
        parliament last week, in which")."""
        for token in reversed(self.parse.doc[preposition.sent.start : preposition.i]):
            if self.parse.pos[token.i] in ("VERB", "AUX"):
                return None
            if self.parse.pos[token.i] == "NOUN" and token.i in heads:
                return heads[token.i]
        return None

    def sentence_dates(self, times: Sequence[TimeExpression]) -> dict[int, list[TimeExpression]]:
        """The dates among ``times`` of each sentence that names one, by its index: those a
        mention's :attr:`~timeline.EventMention.sentence_time` is chosen from
        (:func:`_sentence_time`)."""
        dates: dict[int, list[TimeExpression]] = {}
        for time in times:
            if time.type != "DATE" or time.interval is None or time.start in self.of_things:
                continue
            if fineness(time.interval.granularity) is None:
                continue
            sentence = self.parse.time_sentence(time)
            if sentence is not None:
                dates.setdefault(sentence, []).append(time)
        return dates

    def attach(
        self, times: Sequence[TimeExpression], heads: dict[int, int]
    ) -> tuple[dict[int, TimeExpression], dict[int, TimeExpression], dict[int, str]]:
        """Times attached to the mention they modify, each sentence's unattached time, and
        the order signal before a time ("before Sunday"), by the time's start offset."""
        signal_words = self.lex.ordering["signals"]
        signals: dict[int, str] = {}
        attached: dict[int, TimeExpression] = {}
        unattached: dict[int, list[TimeExpression]] = {}
        weak: set[int] = set()  # mentions whose time came from a clause of no event
        for time in times:
            span = self.parse.time_span(time)
            root = span.root if span is not None and len(span) else None
            if root is None or root.i in self.parse.aside:
                continue  # a page's time stamp dates no event
            if self.borrowed_day(time):
                continue
            inside = range(span.start, span.end)
            token = root
            if (
                self.parse.dep[token.i] == "pobj"
                and self.parse.lower[self.parse.head_at[token.i]] in signal_words
            ):
                signals[time.start] = self.parse.lower[self.parse.head_at[token.i]]
            modified = self.event_noun_after(span, heads) if time.type == "DATE" else None
            if modified is not None:
                attached.setdefault(modified, time)
                continue
            if (
                self.parse.dep[token.i] in _INSIDE_NOUN_PHRASE
                and self.parse.head_at[token.i] not in heads
            ):
                continue  # "Kopp's 1987 Chevrolet": a time of a thing, not of an event
            target = None
            of_thing = False
            clause = None  # the clause of a verb with no mention the way up left
            for _ in range(12):
                if token.i not in inside and token.i in heads:
                    target = heads[token.i]
                    break
                of_thing = token.i not in inside and self.describes_thing(token, heads)
                if of_thing or self.parse.head_at[token.i] == token.i:
                    break
                if token.i not in inside and self.parse.pos[token.i] in ("VERB", "AUX"):
                    clause = self.parse.dep[token.i]
                token = self.parse.head(token)
            if of_thing:  # "notes due Nov. 1, 2009, priced at par": the notes' time
                self.of_things.add(time.start)
                continue
            if target is not None and clause == "ccomp":
                # "'The last two months have been the whole ball game,' says": a time of what
                # a verb tells, in a clause with no event of its own, is not the telling's
                continue
            noun = self.event_noun_before(_phrase_start(span), heads)
            lemma = self.parse.lemma(token)
            if target is not None and (
                lemma in self.lex.relational or self.lex.classes.get(lemma) == "REPORTING"
            ):
                # "followed a strike near the airport on the evening of January 2",
                # "described the strike as an answer to the killing ... on Friday": a relation
                # has no time of its own, and a time after the event noun a report tells of
                # is that event's
                target = noun if noun is not None else target
            # "a strike on the evening of January 2 that killed General Soleimani": the
            # relative clause on the time is the time's, and the noun's before it
            for child in (
                c for t in span for c in self.parse.children(t) if self.parse.dep[c.i] == "relcl"
            ):
                if child.i in heads:
                    attached.setdefault(heads[child.i], time)
                    if noun is not None and relative_subject(child):
                        self.same.add((noun, heads[child.i]))
            if target is not None and noun is not None and noun != target:
                held = attached.get(target)
                if (
                    held is not None
                    and held.interval is not None
                    and held.value != time.value
                    and target not in weak
                ) or self.misdates(token, time):
                    # "launched the revolution decades ago in a rally Saturday", "is still
                    # considering a request last week": a second time of a verb, or one
                    # before the day a verb in the present is told of, is the event noun's it
                    # follows
                    target = noun
            if target is not None:
                # "while there was no profit this year ..., last year they contributed": a
                # time of a clause with no event of its own yields to the verb's own
                if clause != "advcl" and target in weak:
                    del attached[target]
                    weak.discard(target)
                elif clause == "advcl" and target not in attached:
                    weak.add(target)
                _attach(attached, target, time)
            elif time.interval is not None and time.names_moment:
                unattached.setdefault(self.parse.sentence_of[root.i], []).append(time)
        sentence_times = {
            sentence: found[0]
            for sentence, found in unattached.items()
            if len({t.value for t in found}) == 1
        }
        self.spread(attached, heads)
        return attached, sentence_times, signals

    def misdates(self, verb: Any, time: TimeExpression) -> bool:
        """Whether ``time`` cannot date ``verb`` as its tense tells it: a verb in the simple or
        progressive present is of the article's day, not of one before it ("is still
        considering a request last week"), and one in the present perfect is done by then,
        not on a day after it ("has scheduled a news conference Thursday")."""
        published = self.article.published
        if (
            published is None
            or time.interval is None
            or self.parse.pos[verb.i] not in ("VERB", "AUX")
        ):
            return False
        grammar = self.grammars.of(verb)
        if grammar.tense != "PRESENT" or grammar.modality != "ASSERTED":
            return False
        first, last = day_of(published)
        if grammar.aspect in ("NONE", "PROGRESSIVE"):
            # (published at its midnight, the day up to publication is empty: it starts then)
            return instant(time.interval.end) <= instant(last if first is None else first)
        return instant(time.interval.start) >= instant(last)

    def describes_thing(self, token: Any, heads: dict[int, int]) -> bool:
        """Whether ``token`` is an adjective that describes a thing, no event, after it ("notes
        due Nov. 1, 2009", "properties, worth millions in October"): a time it takes is the
        thing's."""
        return (
            self.parse.pos[token.i] == "ADJ"
            and self.parse.dep[token.i] == "amod"
            and token.i not in heads
            and self.parse.head_at[token.i] < token.i
            and self.parse.head_at[token.i] not in heads
            and self.parse.pos[self.parse.head_at[token.i]] in _NOMINAL
        )

    def borrowed_day(self, time: TimeExpression) -> bool:
        """Whether ``time`` is a clock time that names no day and took the day of a date
        told in an earlier paragraph ("a jogger spotted the car at 6 a.m.", paragraphs after
        "on April 8"): that day is another event's, so it dates no event."""
        anchor = time.anchor
        return (
            time.type == "TIME"
            and anchor is not None
            and anchor.kind == "narrative"
            and anchor.start is not None
            and time.value[:10] == anchor.value[:10]
            and bisect.bisect_left(self.parse.breaks, anchor.start)
            < bisect.bisect_left(self.parse.breaks, time.start)
        )

    def reference_time(
        self, token: Any, times: Sequence[TimeExpression], reporting: bool
    ) -> TimeExpression | None:
        """The narrative's day at ``token``: the last of ``times`` (days, with no modifier)
        named before it in its paragraph, in its sentence or the one before; for a verb of
        saying, in the sentence before only (a day of its own sentence is what was said's:
        "On Sunday, parliament voted, an MP said")."""
        paragraph = self.parse.text.rfind("\n", 0, token.idx) + 1
        sentence = self.parse.sentence_of[token.i]
        earliest_sentence = sentence - 1
        latest_sentence = sentence - 1 if reporting else sentence
        found = None
        for time in times:
            if time.start >= token.idx:
                break
            interval = time.interval
            if time.start < paragraph or interval is None or time.mod is not None:
                continue
            if not _names_a_day(time):
                continue
            sentence = self.parse.time_sentence(time)
            if sentence is not None and earliest_sentence <= sentence <= latest_sentence:
                found = time
        return found

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

    def spread(self, attached: dict[int, TimeExpression], heads: dict[int, int]) -> None:
        """Give a day, or a coarser time, of one mention to the mentions the syntax says
        happen with it and that have no time of their own: its conjuncts ("raided two homes
        and searched"), its participle clauses ("Retaliating ..., US forces struck on
        Thursday"), and an event noun it happens in, on or by ("killed in a bombing in
        1995", "paid tribute on Tuesday on a visit", "talks interrupted by the bombing"),
        both ways; and any time, a clock time too, to a clause that happens at that moment
        (:meth:`meanwhile`: "shot on Friday night as he stood")."""
        links = self.lex.ordering["during"]
        tokens: dict[int, list[int]] = {}  # the tokens that stand for each mention
        for token, index in heads.items():
            tokens.setdefault(index, []).append(token)
        # three steps at most, each from the mentions the step before gave a time (the
        # others have given theirs already)
        given = list(attached)
        for _ in range(3):
            added = []
            for index in given:
                time = attached[index]
                if time.interval is None:
                    continue
                for token in map(self.parse.tokens.__getitem__, tokens.get(index, ())):
                    # what happens at that moment takes any time, what goes with it a day
                    others = [*self.meanwhile(token)]
                    if _spreads(time):
                        others += self.alongside(token, links)
                    for target in (heads.get(other.i) for other in others):
                        if target is not None and target not in attached:
                            attached[target] = time
                            added.append(target)
            if not added:
                break
            given = added

    def alongside(self, token: Any, links: Sequence[str]) -> Iterator[Any]:
        """The tokens whose events happen with the event of ``token``, by the syntax: its
        conjuncts told in the same tense ("raided and searched", not "helped end the war
        and now are poised"), the event a verb of taking part has as its object
        ("attended the funeral"), and the verb of an infinitive done with it
        (:meth:`under_way`: "failed to enforce an order in 1992")."""
        yield from (
            c for c in self.parse.conjuncts(token) if self.parse.tag[c.i] == self.parse.tag[token.i]
        )
        taking_part = self.lex.ordering["taking_part"]
        for child in self.parse.children(token):
            dep = self.parse.dep[child.i]
            if (dep == "advcl" and self.parse.tag[child.i] in ("VBG", "VBN")) or (
                dep == "dobj" and self.parse.lemma(token) in taking_part
            ):
                yield child
            elif dep in ("prep", "agent") and self.parse.lower[child.i] in links:
                for g in self.parse.children(child):
                    if self.parse.dep[g.i] == "pobj":
                        yield g
                        yield from self.issued(g)
            elif dep == "nsubj":  # "said a communique, issued Monday"
                yield from self.issued(child)
        if (self.parse.dep[token.i] == "advcl" and self.parse.tag[token.i] in ("VBG", "VBN")) or (
            self.under_way(token)
        ):  # "failed to enforce an order in 1992": the failing was then
            yield self.parse.head(token)
        if self.parse.pos[token.i] == "NOUN":  # "the vote last week, in which lawmakers backed"
            yield from (c for c in self.parse.children(token) if self.parse.dep[c.i] == "relcl")
        if (
            self.parse.dep[token.i] == "pobj"
            and self.parse.lower[self.parse.head_at[token.i]] in links
        ):
            yield self.parse.head(self.parse.head(token))
        if (
            self.parse.dep[token.i] == "dobj"
            and self.parse.lemma(self.parse.head(token)) in taking_part
        ):
            yield self.parse.head(token)
        if self.issues(token):  # "said in the letter, dated Monday": the saying
            document = self.parse.head(token)
            if self.parse.dep[document.i] == "nsubj":
                yield self.parse.head(document)
            elif (
                self.parse.dep[document.i] == "pobj"
                and self.parse.lower[self.parse.head_at[document.i]] in links
            ):
                yield self.parse.head(self.parse.head(document))

    def issues(self, token: Any) -> bool:
        """Whether ``token`` is a past participle that dates the document it qualifies
        (``issuing``: "the letter, dated Monday", "a statement released yesterday")."""
        return (
            self.parse.dep[token.i] == "acl"
            and self.parse.tag[token.i] == "VBN"
            and self.parse.lemma(token) in self.lex.ordering["issuing"]
        )

    def issued(self, document: Any) -> Iterator[Any]:
        """The participles that date ``document`` (:meth:`issues`), which what is said or
        done in or by it happens with."""
        return (c for c in self.parse.children(document) if self.issues(c))

    def meanwhile(self, token: Any) -> Iterator[Any]:
        """The tokens whose events happen at the same moment as the event of ``token``: the
        adverbial clause it heads or hangs from by "as", "while" or "when" ("was shot on
        Friday night as he stood in his kitchen")."""
        words = self.lex.ordering["meanwhile"]

        def marked(clause: Any) -> bool:
            return self.parse.dep[clause.i] == "advcl" and self.parse.marked(clause, words)

        yield from (c for c in self.parse.children(token) if marked(c))
        if marked(token):
            yield self.parse.head(token)

    def event_noun_after(self, span: Any, heads: dict[int, int]) -> int | None:
        """The mention of the event noun a date stands before in one noun phrase ("the
        Dec. 21, 1988, bombing", "the Aug. 7 bombings"), whatever the parser made of the
        commas: the date follows a determiner and the noun follows the date, or its comma."""
        tokens = self.parse.tokens
        if span.start == 0 or self.parse.tag[span.start - 1] not in ("DT", "PRP$"):
            return None
        after = span.end + (span.end < len(tokens) and tokens[span.end].text == ",")
        if after >= len(tokens) or after not in heads or self.parse.pos[after] != "NOUN":
            return None
        return heads[after]

    def event_noun_before(self, start: int, heads: dict[int, int]) -> int | None:
        """The mention of the event noun whose noun phrase ends right before token
        ``start`` ("a strike near the airport | on the evening of January 2"), if any."""
        if start == 0:
            return None
        token = self.parse.tokens[start - 1]
        while token.i not in heads:
            if self.parse.head_at[token.i] == token.i or self.parse.head_at[token.i] >= start:
                return None
            token = self.parse.head(token)
        if self.parse.pos[token.i] == "NOUN" and token.right_edge.i == start - 1:
            return heads[token.i]
        return None
