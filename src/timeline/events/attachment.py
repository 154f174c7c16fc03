"""Which time expression dates which event mention.

:func:`attach` attaches each time to the mention it modifies, by the syntax: the first
mention up the tree from the time (a date before an event noun is that noun's: "the Aug. 7
bombings"; a relation or a report gives its time to the event noun before the time: "followed
a strike on the evening of January 2"), not a time of a thing ("notes due Nov. 1, 2009"),
nor one a verb's tense cannot take (:func:`misdates`); then spreads a day to the mentions
that happen with the dated one (:func:`spread`). It also gives each sentence's time that
no mention took, and the word that opens a time on one side ("before Sunday").
:func:`reference_time` gives the narrative's day at a mention, :func:`sentence_dates` the
dates of each sentence.

>>> from datetime import date
>>> from timeline import Article, find_times
>>> from timeline.events.grammar import _Grammars
>>> from timeline.nlp import load
>>> article = Article("Parliament voted on Sunday after the strike.", date(2020, 1, 7))
>>> doc = load()(article.text)
>>> parse = _Parse(doc, article)
>>> times = find_times(article.text, article.published, doc=doc)
>>> found = attach(parse, _Grammars(parse), times, {1: 0, 6: 1})
>>> {index: time.value for index, time in found.attached.items()}
{0: '2020-01-05'}
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from timeline.chronology import fineness
from timeline.cues import relative_subject
from timeline.events.clauses import _NOMINAL, alongside, meanwhile
from timeline.events.grammar import _Grammar, _Grammars
from timeline.events.parse import _Parse
from timeline.layout import date_lines
from timeline.model import Granularity, Interval, TimeExpression
from timeline.moments import instant
from timeline.temporal.calendar import floor
from timeline.temporal.timex3 import format_value, span

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


def _spreads(time: TimeExpression) -> bool:
    """Whether a time names a day or a longer period, so that it dates what goes with it
    ("now" names the moment of the telling, not a period)."""
    interval = time.interval
    return (
        interval is not None
        and interval.granularity not in _FINER_THAN_DAY
        and time.value != "PRESENT_REF"
    )


def _day_of(time: TimeExpression) -> TimeExpression | None:
    """The day a time finer than a day falls on, as a time of its own words ("read Wednesday
    night at a rally": the rally was on Wednesday); ``None`` for "now"."""
    interval = time.interval
    if interval is None or time.value == "PRESENT_REF":
        return None
    start = floor(interval.start, Granularity.DAY)
    return attrs.evolve(
        time,
        type="DATE",
        value=format_value(start, Granularity.DAY),
        interval=Interval(*span(start, Granularity.DAY), Granularity.DAY),
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


def event_noun_after(parse: _Parse, span: Any, heads: dict[int, int]) -> int | None:
    """The mention of the event noun a date stands before in one noun phrase ("the
    Dec. 21, 1988, bombing", "the Aug. 7 bombings"), whatever the parser made of the
    commas: the date follows a determiner and the noun follows the date, or its comma."""
    tokens = parse.tokens
    if span.start == 0 or parse.tag[span.start - 1] not in ("DT", "PRP$"):
        return None
    after = span.end + (span.end < len(tokens) and tokens[span.end].text == ",")
    if after >= len(tokens) or after not in heads or parse.pos[after] != "NOUN":
        return None
    return heads[after]


def event_noun_before(parse: _Parse, start: int, heads: dict[int, int]) -> int | None:
    """The mention of the event noun whose noun phrase ends right before token
    ``start`` ("a strike near the airport | on the evening of January 2"), if any."""
    if start == 0:
        return None
    token = parse.tokens[start - 1]
    while token.i not in heads:
        if parse.head_at[token.i] == token.i or parse.head_at[token.i] >= start:
            return None
        token = parse.head(token)
    if parse.pos[token.i] == "NOUN" and token.right_edge.i == start - 1:
        return heads[token.i]
    return None


def describes_thing(parse: _Parse, token: Any, heads: dict[int, int]) -> bool:
    """Whether ``token`` is an adjective that describes a thing, no event, after it ("notes
    due Nov. 1, 2009", "properties, worth millions in October"): a time it takes is the
    thing's."""
    return (
        parse.pos[token.i] == "ADJ"
        and parse.dep[token.i] == "amod"
        and token.i not in heads
        and parse.head_at[token.i] < token.i
        and parse.head_at[token.i] not in heads
        and parse.pos[parse.head_at[token.i]] in _NOMINAL
    )


def borrowed_day(parse: _Parse, time: TimeExpression) -> bool:
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
        and bisect.bisect_left(parse.breaks, anchor.start)
        < bisect.bisect_left(parse.breaks, time.start)
    )


def sentence_dates(
    parse: _Parse, times: Sequence[TimeExpression], of_things: frozenset[int]
) -> dict[int, list[TimeExpression]]:
    """The dates among ``times`` of each sentence that names one, by its index: those a
    mention's :attr:`~timeline.EventMention.sentence_time` is chosen from
    (:func:`_sentence_time`); not those of things (``of_things``, their starts)."""
    dates: dict[int, list[TimeExpression]] = {}
    for time in times:
        if time.type != "DATE" or time.interval is None or time.start in of_things:
            continue
        if fineness(time.interval.granularity) is None:
            continue
        sentence = parse.time_sentence(time)
        if sentence is not None:
            dates.setdefault(sentence, []).append(time)
    return dates


def reference_time(
    parse: _Parse, token: Any, times: Sequence[TimeExpression], reporting: bool
) -> TimeExpression | None:
    """The narrative's day at ``token``: the last of ``times`` (days, with no modifier)
    named before it in its paragraph, in its sentence or the one before; for a verb of
    saying, in the sentence before only (a day of its own sentence is what was said's:
    "On Sunday, parliament voted, an MP said")."""
    paragraph = parse.text.rfind("\n", 0, token.idx) + 1
    sentence = parse.sentence_of[token.i]
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
        sentence = parse.time_sentence(time)
        if sentence is not None and earliest_sentence <= sentence <= latest_sentence:
            found = time
    return found


def misdates(parse: _Parse, grammars: _Grammars, verb: Any, time: TimeExpression) -> bool:
    """Whether ``time`` cannot date ``verb`` as its tense tells it: a verb in the simple or
    progressive present is of the article's day, not of one before it ("is still
    considering a request last week"), and one in the present perfect is done by then,
    not on a day after it ("has scheduled a news conference Thursday")."""
    publication = parse.publication
    if publication is None or time.interval is None or parse.pos[verb.i] not in ("VERB", "AUX"):
        return False
    grammar = grammars.of(verb)
    if grammar.tense != "PRESENT" or grammar.modality != "ASSERTED":
        return False
    if grammar.aspect in ("NONE", "PROGRESSIVE"):
        return instant(time.interval.end) <= instant(publication.start)
    return instant(time.interval.start) >= instant(publication.bounds[1])


def spread(parse: _Parse, attached: dict[int, TimeExpression], heads: dict[int, int]) -> None:
    """Give a day, or a coarser time, of one mention to the mentions the syntax says
    happen with it and that have no time of their own: its conjuncts ("raided two homes
    and searched"), its participle clauses ("Retaliating ..., US forces struck on
    Thursday"), and an event noun it happens in, on or by ("killed in a bombing in
    1995", "paid tribute on Tuesday on a visit", "talks interrupted by the bombing"),
    both ways, and the day of a time finer than a day (:func:`_day_of`: "read Wednesday
    night at a rally"); and any time, a clock time too, to a clause that happens at that
    moment (:func:`meanwhile`: "shot on Friday night as he stood")."""
    links = parse.lex.ordering["during"]
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
            for token in map(parse.tokens.__getitem__, tokens.get(index, ())):
                # what happens at that moment takes any time, what goes with it a day
                moment = [heads.get(other.i) for other in meanwhile(parse, token)]
                day = time if _spreads(time) else _day_of(time)
                along = [] if day is None else alongside(parse, token, links)
                for target, given_time in (
                    *((t, time) for t in moment),
                    *((heads.get(other.i), day) for other in along),
                ):
                    if target is not None and target not in attached:
                        attached[target] = given_time
                        added.append(target)
        if not added:
            break
        given = added


@attrs.frozen
class _Attached:
    """The times of an article as :func:`attach` gives them to its mentions."""

    #: the time attached to each mention that one modifies, by the mention's index
    attached: dict[int, TimeExpression]
    #: each sentence's time that no mention took, where it names one moment, by its index
    sentence_times: dict[int, TimeExpression]
    #: the word that opens a time on one side ("before Sunday"), by the time's start
    signals: dict[int, str]
    #: the starts of the times that date a thing, not an event ("notes due Nov. 1, 2009")
    of_things: frozenset[int]
    #: pairs of mentions the syntax shows to be one happening that the parse missed ("a
    #: strike on the evening of January 2 that killed")
    same: frozenset[tuple[int, int]]


def _printed_dates(text: str, times: Sequence[TimeExpression]) -> frozenset[int]:
    """The starts of the times that are all of one of the page's date lines near its top
    (:func:`timeline.layout.date_lines`: "May 2, 2013 1:35 pm" under the headline), and of
    those of the second stamp on its line ("| Updated on May 3, 2013 9:05am"): when the page
    was written, not when its news happened."""
    found: set[int] = set()
    for line in date_lines(text) if times else []:
        if any(time.start <= line.start and line.end <= time.end for time in times):
            end = text.find("\n", line.end)
            found.update(
                time.start
                for time in times
                if line.start <= time.end and time.start < (len(text) if end < 0 else end)
            )
    return frozenset(found)


def attach(
    parse: _Parse, grammars: _Grammars, times: Sequence[TimeExpression], heads: dict[int, int]
) -> _Attached:
    """Times attached to the mention they modify (by its index in ``heads``, which maps the
    tokens that stand for each mention to it), each sentence's unattached time, the order
    signal before a time ("before Sunday"), the times of things and the mentions found to
    be one happening (:class:`_Attached`); ``grammars`` tells which time a verb's tense
    cannot take (:func:`misdates`)."""
    lex = parse.lex
    signal_words = lex.ordering["signals"]
    signals: dict[int, str] = {}
    attached: dict[int, TimeExpression] = {}
    unattached: dict[int, list[TimeExpression]] = {}
    weak: set[int] = set()  # mentions whose time came from a clause of no event
    of_things: set[int] = set()
    same: set[tuple[int, int]] = set()
    printed = _printed_dates(parse.text, times)
    for time in times:
        span = parse.time_span(time)
        root = span.root if span is not None and len(span) else None
        if root is None or root.i in parse.aside or time.start in printed:
            continue  # a page's time stamp dates no event
        if borrowed_day(parse, time):
            continue
        inside = range(span.start, span.end)
        token = root
        if parse.dep[token.i] == "pobj" and parse.lower[parse.head_at[token.i]] in signal_words:
            signals[time.start] = parse.lower[parse.head_at[token.i]]
        modified = event_noun_after(parse, span, heads) if time.type == "DATE" else None
        if modified is not None:
            attached.setdefault(modified, time)
            continue
        if parse.dep[token.i] in _INSIDE_NOUN_PHRASE and parse.head_at[token.i] not in heads:
            continue  # "Kopp's 1987 Chevrolet": a time of a thing, not of an event
        target = None
        of_thing = False
        clause = None  # the clause of a verb with no mention the way up left
        for _ in range(12):
            if token.i not in inside and token.i in heads:
                target = heads[token.i]
                break
            of_thing = token.i not in inside and describes_thing(parse, token, heads)
            if of_thing or parse.head_at[token.i] == token.i:
                break
            if token.i not in inside and parse.pos[token.i] in ("VERB", "AUX"):
                clause = parse.dep[token.i]
            token = parse.head(token)
        if of_thing:  # "notes due Nov. 1, 2009, priced at par": the notes' time
            of_things.add(time.start)
            continue
        if target is not None and clause == "ccomp":
            # "'The last two months have been the whole ball game,' says": a time of what
            # a verb tells, in a clause with no event of its own, is not the telling's
            continue
        noun = event_noun_before(parse, _phrase_start(span), heads)
        lemma = parse.lemma(token)
        if target is not None and (
            lemma in lex.relational or lex.classes.get(lemma) == "REPORTING"
        ):
            # "followed a strike near the airport on the evening of January 2",
            # "described the strike as an answer to the killing ... on Friday": a relation
            # has no time of its own, and a time after the event noun a report tells of
            # is that event's
            target = noun if noun is not None else target
        # "a strike on the evening of January 2 that killed General Soleimani": the
        # relative clause on the time is the time's, and the noun's before it
        for child in (c for t in span for c in parse.children(t) if parse.dep[c.i] == "relcl"):
            if child.i in heads:
                attached.setdefault(heads[child.i], time)
                if noun is not None and relative_subject(child):
                    same.add((noun, heads[child.i]))
        if (
            target is not None
            and noun is None
            and not parse.in_headline(token)
            and misdates(parse, grammars, token, time)
        ):
            # "these results compare with income of $1.8 million last year": a day a verb
            # told in the present cannot take, with no event noun before it to take it,
            # dates no verb (a headline tells in the present what has happened)
            continue
        if target is not None and noun is not None and noun != target:
            held = attached.get(target)
            if (
                held is not None
                and held.interval is not None
                and held.value != time.value
                and target not in weak
            ) or misdates(parse, grammars, token, time):
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
            unattached.setdefault(parse.sentence_of[root.i], []).append(time)
    sentence_times = {
        sentence: found[0]
        for sentence, found in unattached.items()
        if len({t.value for t in found}) == 1
    }
    spread(parse, attached, heads)
    return _Attached(attached, sentence_times, signals, frozenset(of_things), frozenset(same))
