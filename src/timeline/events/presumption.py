"""The day a reader presumes an undated event mention on, and the days it shares.

News tells what happened on the day of its story: :func:`story_day` finds that day when the
article's opening names it, :func:`presumed_day` presumes a mention told as done in the simple
past or present perfect on it (or on the publication day), :func:`told_day` gives the day a
speaker's dated statement or deed tells of, which the speaker's next statements go on
telling, and :func:`narrative_time` the time a narrative in the past goes on at. After all
mentions are read, the passes :func:`inherit`, :func:`share_presumed`, :func:`told_then`,
:func:`performed`, :func:`held_when_said` and :func:`presume_participles` give a mention
with no day of its own the bounds or day of the mention its clause hangs from, happens
with, quotes or is reported by.

>>> from datetime import date
>>> from timeline import Article, find_times
>>> from timeline.nlp import load
>>> article = Article("Parliament voted on Monday to expel the troops.", date(2020, 1, 7))
>>> doc = load()(article.text)
>>> story_day(_Parse(doc, article), find_times(article.text, article.published, doc=doc))
(datetime.datetime(2020, 1, 6, 0, 0), datetime.datetime(2020, 1, 7, 0, 0))
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import attrs

from timeline.bounds import Bounds, intersect
from timeline.cues import governor, saying
from timeline.events.attachment import _names_a_day
from timeline.events.clauses import (
    alongside,
    doing,
    meanwhile,
    noun_before,
    planned_for,
    qualifies_noun,
    qualifying,
    speaking_for,
    under_way,
    within_relative,
)
from timeline.events.grammar import _PARTICIPLES, _UNTENSED, _Grammar, _Grammars, as_fact
from timeline.events.parse import _Parse
from timeline.events.publication import _as_day
from timeline.model import EventMention, Granularity, Interval, TimeExpression
from timeline.moments import instant
from timeline.names import name_key
from timeline.references import Referents
from timeline.temporal.calendar import floor

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


def _own_day(mention: EventMention) -> Interval | None:
    """The time ``mention`` is dated by in its own words, if any (not one presumed)."""
    return None if mention.time is None else mention.time.interval


def _lately(marks: dict[int, int], paragraph: int, sentence: int, run_on: bool) -> bool:
    """Whether ``paragraph`` told what ``marks`` records (by the sentence of the last one)
    before ``sentence``: anywhere before it, or in a paragraph that is run-on text (``run_on``,
    :data:`_PARAGRAPH`) in it or the few sentences before it (:data:`_SPAN`)."""
    told = marks.get(paragraph)
    return told is not None and (not run_on or sentence - told < _SPAN)


def story_day(parse: _Parse, times: Sequence[TimeExpression]) -> Bounds | None:
    """The day the article's news happened, when its opening names it: the first day in
    its first three sentences (after its headline, dateline and byline) that is the
    publication day or the day before."""
    publication = parse.publication
    if publication is None or publication.empty:  # nothing of the day told yet
        return None
    for time in times:
        sentence = parse.time_sentence(time)
        if sentence is None or sentence >= parse.opening:
            break
        interval = time.interval
        if interval is None or not _names_a_day(time):
            continue
        if timedelta(0) <= instant(publication.start) - instant(interval.start) <= _STORY_DAYS:
            return (interval.start, interval.end)
    return None


def ahead(parse: _Parse, time: TimeExpression | None) -> bool:
    """Whether ``time`` begins after the article's publication day: what it dates is still
    to come ("plans to hold a news conference on Tuesday")."""
    publication = parse.publication
    if time is None or time.interval is None or publication is None:
        return False
    return time.interval.start.date() > publication.date


def not_over(parse: _Parse, time: TimeExpression | None) -> bool:
    """Whether ``time`` goes on after the article's publication day: what an infinitive
    it dates may still be done in it ("expects to post sales this year")."""
    publication = parse.publication
    if time is None or time.interval is None or publication is None:
        return False
    return instant(time.interval.end) > instant(publication.start + timedelta(days=1))


def day_told(
    parse: _Parse, token: Any, time: TimeExpression | None, reporting: bool
) -> tuple[Bounds, bool] | None:
    """The day ``time``, attached to ``token``, dates what its subject did or said on, if
    it names a day, or a part of one, of the last few before publication
    (:data:`_REACTION`); and whether the speaker's statements in the next paragraph
    still tell of that day: those after a statement that reports a clause ("Alarcon said
    Wednesday the convictions prove", "..., Castro said Sunday") do, those after a deed
    ("lashed out Sunday night", "announced on Monday to offer a reward") only in its
    paragraph."""
    publication = parse.publication
    interval = None if time is None else time.interval
    if (
        publication is None
        or interval is None
        or interval.granularity not in (Granularity.DAY, Granularity.PART_OF_DAY)
        or time.value == "PRESENT_REF"
        or ahead(parse, time)
    ):
        return None
    start = floor(interval.start, Granularity.DAY)
    if publication.empty or instant(publication.start) - instant(start) >= _REACTION:
        return None
    reports = reporting and (
        parse.dep[token.i] == "parataxis"
        or any(parse.dep[c.i] == "ccomp" for c in parse.children(token))
    )
    return (start, start + timedelta(days=1)), reports


def speaker_key(parse: _Parse, token: Any, referents: Referents) -> str | None:
    """The key of the name of who says ``token``'s statement (its subject, a pronoun read
    as the name it stands for): a person by surname ("Alarcon" of "Ricardo Alarcon")."""
    subject = next((c for c in parse.children(token) if parse.dep[c.i] == "nsubj"), None)
    argument = referents.argument(subject.i) if subject is not None else None
    if argument is None or not argument.name.split():
        return None
    return name_key(argument.name.split()[-1]) or None


def narrative_time(
    parse: _Parse,
    token: Any,
    dates: dict[int, list[TimeExpression]],
    owners_of: dict[int, list[Any]],
) -> Interval | None:
    """The time the narrative is at for ``token``, a mention in a sentence that names
    none: the only date (``dates``, by sentence) of the last sentence before it in its
    paragraph that names one, at most :data:`_SPAN` sentences back, each sentence between
    told in the past ("In July 1997, the alliance announced ... . Romania and Slovenia
    were turned away"): a reader presumes what the narrative goes on to tell in the past
    happened then, until a sentence names another time. The date dates a verb of its
    sentence (``owners_of``: the tokens each attached time dates, by the time's identity),
    not only a noun ("said last month's discovery was a breakthrough") or the background
    of one ("Albright, who fled in 1948, made no secret"), nor the earlier time of a
    comparison ("production fell 8.4% from a year ago"), and is not after the
    publication day; nor is ``token`` a change from an earlier amount (:func:`_compares`:
    "had net of $1 million a year ago. Revenue soared to $9 million from $4 million"), nor
    told as coming after it ("He later spoke there": ``then`` words of ``[ordering]``)."""
    then = parse.lex.ordering["then"]
    if _compares(parse, token) or any(parse.lower[c.i] in then for c in parse.children(token)):
        return None
    sentence = parse.sentence_of[token.i]
    paragraph = parse.paragraph_of(token)
    for before in range(sentence - 1, max(sentence - 1 - _SPAN, -1), -1):
        first = parse.tokens[parse.sentence_starts[before]]
        if parse.paragraph_of(first) != paragraph:
            return None
        named = dates.get(before)
        if not named:
            root = parse.sentence_root(before)
            if not any(parse.tag[at.i] == "VBD" for at in (root, *parse.children(root))):
                return None  # the narrative left the past ("Kuchma has said repeatedly")
            continue
        owners = owners_of.get(id(named[0]), ())
        span = parse.time_span(named[0])
        if (
            len(named) > 1
            or span is None
            or ahead(parse, named[0])
            or parse.lower[parse.head_at[span.root.i]] in parse.lex.ordering["compared_with"]
            or not any(
                parse.pos[owner.i] in ("VERB", "AUX") and not qualifies_noun(parse, owner)
                for owner in owners
            )
        ):
            return None
        return named[0].interval
    return None


def _compares(parse: _Parse, verb: Any) -> bool:
    """Whether ``verb`` compares an amount with one it had before ("Revenue soared to $10
    million from $4 million"): the time a report names for the earlier amount ("a year
    ago") is not the one the change is told at."""
    words = parse.lex.ordering["compared_with"]
    return any(
        parse.dep[c.i] == "prep"
        and parse.lower[c.i] in words
        and any(
            parse.dep[g.i] == "pobj" and parse.tag[g.i] in ("CD", "$") for g in parse.children(c)
        )
        for c in parse.children(verb)
    )


def presumed_day(
    parse: _Parse, token: Any, grammar: _Grammar, story: Bounds | None, untimed: bool
) -> Interval | None:
    """The day a reader would put an undated mention on (a soft default): news told in
    the simple past or the present perfect ("have called for restraint") happened on the
    story's day (:func:`story_day`), else on the publication day. Not a relative
    clause's background ("the agency, which built the camera"), nor a happening in a
    sentence that names another time than one of a noun's background (``untimed`` is
    false, :func:`tells_background`); a statement's sentence may name the time of what
    was said. What was said is left to the saying it happened by (the caller leaves out
    the clauses of a verb of saying). A negated verb is presumed as a done one (its not
    happening is told of that day), but one in the present perfect ("no one has
    claimed") tells what is still so when the article appeared: on its publication day."""
    lex = parse.lex
    publication = parse.publication
    if publication is None or not as_fact(parse, token, grammar) or parse.dep[token.i] == "relcl":
        return None
    if parse.lemma(token) in lex.attributions:  # "according to police": as published
        return publication.day
    if (grammar.tense, grammar.aspect) not in _NEWS:
        return None
    if not untimed and lex.classes.get(parse.lemma(token)) != "REPORTING":
        return None
    perfect = grammar.tense == "PRESENT" and not grammar.realis
    return publication.day if perfect or not story else _as_day(story)


def conjunct_of(
    parse: _Parse,
    token: Any,
    mention: EventMention,
    mentions: Sequence[EventMention],
    heads: dict[int, int],
) -> bool:
    """Whether ``token`` is joined to a mention told in the same form, a participle or an
    infinitive (:func:`under_way`), which it shares the bounds and day of ("to
    articulate a vision and to defend", "smoking cigars and drinking beer"). Not a bare
    verb: one with no tense or "to" may be a misread infinitive of anything."""
    if parse.dep[token.i] != "conj":
        return False
    first = heads.get(parse.head(token).i)
    if first is None or mentions[first].tense != mention.tense:
        return False
    return mention.tense in _PARTICIPLES or under_way(parse, parse.head(token))


def inherit(
    parse: _Parse, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
) -> None:
    """Give a participle or event noun with no time the bounds of the event its clause
    hangs from ("added, referring to"), where it has none and those bound it on both
    sides, and the day that event is presumed on; an infinitive is left open ("voted to
    expel": not yet done) unless its verb begins or goes on (:func:`under_way`: then the
    day its verb is dated by, or presumed on), or plans it for a time it names
    (:func:`planned_for`: presumed then); one that
    hangs from it by a preposition it happens in, on or as ("quoted as saying", "In
    looking ahead, Geremek said") only that day. So does a present participle that
    qualifies the event's subject (:func:`doing`), and a conjunct of one of these
    (:func:`conjunct_of`: "to articulate a vision and to defend"). A relative clause set
    inside an event noun ("the vote, in which lawmakers backed") with no time of its own
    happened within that event's bounds."""
    ordering = parse.lex.ordering
    links = ordering["with_governor"]
    with_preposition = frozenset(ordering["during"]) | frozenset(ordering["as"])
    for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
        relative = within_relative(parse, token) if mention.time is None else None
        if relative is not None:
            above = noun_before(parse, relative, heads)
            low, high = (
                (None, None)
                if above is None
                else (mentions[above].earliest, mentions[above].latest)
            )
            inside = intersect((mention.earliest, mention.latest), (low, high))
            if None not in (low, high) and inside is not None:
                mentions[index] = attrs.evolve(mention, earliest=inside[0], latest=inside[1])
            continue
        conjunct = conjunct_of(parse, token, mention, mentions, heads)
        if mention.time is None and not mention.presumed and planned_for(parse, token):
            # "planned on Friday to pay": the time of the plan is the one it is for
            above, via = governor(token, heads, parse.tree)
            if above is not None and via.i == token.i:
                day = _own_day(mentions[above])
                # "has scheduled a hearing Thursday to consider": the day of the event
                # planned
                planned = (
                    heads[c.i]
                    for c in parse.children(parse.head(token))
                    if parse.dep[c.i] == "dobj" and c.i in heads
                )
                day = day or next((_own_day(mentions[p]) for p in planned), None)
                mentions[index] = mention = attrs.evolve(mention, presumed=day)
        if mention.time is not None or (
            mention.tense not in _UNTENSED and not under_way(parse, token) and not conjunct
        ):
            continue
        above, via = governor(token, heads, parse.tree)
        if above is None:
            continue
        if parse.dep[via.i] not in links and not conjunct and not doing(parse, token, via):
            if (
                parse.dep[via.i] == "prep"
                and parse.lower[via.i] in with_preposition
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


def share_presumed(
    parse: _Parse, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
) -> None:
    """Give an undated mention with no presumed day the day presumed for an event it
    happens in, on or at, or that happens in it ("said Freeh at a press conference",
    "In an interview ..., the father criticized"): the syntax that lets a time date both
    (:func:`spread`) lets a presumed day stand for both; and the day of the statement
    whose speaker a relative clause tells how it was made (:func:`speaking_for`)."""
    links = parse.lex.ordering["during"]
    for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
        if mention.presumed is not None or mention.time is not None:
            continue
        statement = speaking_for(parse, token, heads)
        if statement is not None and mentions[statement].presumed:
            mentions[index] = attrs.evolve(mention, presumed=mentions[statement].presumed)
            continue
        for other in itertools.chain(alongside(parse, token, links), meanwhile(parse, token)):
            source = heads.get(other.i)
            if source is None or source == index or not mentions[source].presumed:
                continue
            if other not in parse.conjuncts(token):
                mentions[index] = attrs.evolve(mention, presumed=mentions[source].presumed)
                break


def told_then(
    parse: _Parse, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
) -> None:
    """Give a clause in the simple present that a statement quotes the statement's time,
    when that is a day before the publication day: the speaker's present ("'I formally
    object,' he said in the letter, dated Monday"), not the publication day its tense
    alone would put it on. It takes the statement's bounds when they lie within that
    day, else (a statement presumed on it) the day as its presumed one, bounded only by
    the statement's end. Reported speech keeps the publication day: a present there, not
    shifted back, tells what still holds when the article appeared ("said on Monday that
    the talks are going well")."""
    publication = parse.publication
    if publication is None:
        return
    today, issued = publication.bounds, publication.date
    for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
        if (
            not mention.quoted
            or mention.time is not None
            or mention.tense != "PRESENT"
            or mention.aspect not in ("NONE", "PROGRESSIVE")
            or (mention.earliest, mention.latest) != today
        ):
            continue
        statement = saying(token, heads, parse.tree)
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


def performed(
    parse: _Parse,
    grammars: _Grammars,
    mentions: list[EventMention],
    tokens: Sequence[Any],
    heads: dict[int, int],
) -> None:
    """Give an infinitive of saying in a quotation, with no time of its own, the bounds or
    day of the statement that quotes it: the speaker does what it tells by saying it ("I'm
    here to tell you", "would like to express our condolences", "To quote an old saying"),
    a verb of saying or one of ``ordering.performed``. Not one planned, still to come or
    of the past ("we plan to announce", "we will want to thank", "they asked us to
    tell")."""
    lex = parse.lex
    words = frozenset(lex.ordering["performed"])
    planning = frozenset(lex.ordering["planned_for"])
    for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
        lemma = parse.lemma(token)
        if (
            not mention.quoted
            or mention.tense != "INFINITIVE"
            or mention.time is not None
            or (lemma not in words and lex.classes.get(lemma) != "REPORTING")
        ):
            continue
        verb = parse.head(token)
        # the quotation itself ("'To quote an old saying, ...,' she said")
        statement = saying(token, heads, parse.tree)
        if (
            statement is None
            and parse.dep[token.i] == "advcl"
            and lex.classes.get(parse.lemma(verb)) == "REPORTING"
        ):
            statement = heads.get(verb.i)  # "To quote an old saying, ... she said"
        elif statement is None and (
            parse.lemma(verb) not in planning and grammars.of(verb).tense not in ("PAST", "FUTURE")
        ):  # the verb it hangs from is quoted ("would like to express"), not one planned,
            # still to come or of the past ("plan to announce", "asked us to tell")
            statement = saying(verb, heads, parse.tree)
        if statement is None:
            continue
        said = mentions[statement]
        inside = intersect((mention.earliest, mention.latest), (said.earliest, said.latest))
        if _one_day(said) is not None and inside is not None:
            mentions[index] = attrs.evolve(mention, earliest=inside[0], latest=inside[1])
        elif said.presumed is not None:
            mentions[index] = attrs.evolve(mention, presumed=said.presumed)


def held_when_said(
    parse: _Parse, mentions: list[EventMention], tokens: Sequence[Any], heads: dict[int, int]
) -> None:
    """Give a state told in the simple past ("meant", ``verbs.states``) or anything told
    in the past progressive ("was returning"), with no day of its own, in the clause a
    statement in the past reports, the statement's day (presumed, or its bounds within
    one day) as its presumed one: the past there is the speaker's present shifted back,
    what held when it was said ("said membership meant that Hungary was returning to its
    home"), not a happening before it ("said the police arrested him"). Only a complement
    clause after its verb ("said that ..."): a narrative the speaker is named for after
    it ("They were trying to attend a vigil, Moskal said") tells its own time. A clause
    such a state reports in turn holds then too."""
    states = parse.lex.states
    classes = parse.lex.classes
    shifted: set[int] = set()
    for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
        if (
            mention.tense != "PAST"
            or mention.time is not None
            or mention.presumed is not None
            or mention.modality != "ASSERTED"
            or not (
                mention.aspect == "PROGRESSIVE"
                or (mention.aspect == "NONE" and parse.lemma(token) in states)
            )
        ):
            continue
        statement, via = governor(token, heads, parse.tree)
        if (
            statement is None
            or parse.dep[via.i] != "ccomp"
            or tokens[statement].i > token.i
            or not (
                statement in shifted
                or (
                    classes.get(parse.lemma(tokens[statement])) == "REPORTING"
                    and (mentions[statement].tense, mentions[statement].aspect) == ("PAST", "NONE")
                )
            )
        ):
            continue
        said = mentions[statement]
        day = said.presumed or _one_day(said)
        if day is not None:
            mentions[index] = attrs.evolve(mention, presumed=day)
            shifted.add(index)


def presume_participles(
    parse: _Parse,
    grammars: _Grammars,
    mentions: list[EventMention],
    tokens: Sequence[Any],
    heads: dict[int, int],
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
    publication = parse.publication
    ordering = parse.lex.ordering
    ordered = frozenset(ordering["after"]) | frozenset(ordering["before"])
    for index, (mention, token) in enumerate(zip(mentions, tokens, strict=True)):
        if (
            mention.tense not in _PARTICIPLES
            or mention.time is not None
            or mention.presumed is not None
            or mention.earliest is not None
            or mention.quoted
            or parse.lower[parse.head_at[token.i]] in ordered
        ):
            continue
        above, _ = governor(token, heads, parse.tree)
        day = None
        if (
            above is not None
            and not qualifying(parse, (token.i, parse.head_at[token.i]))
            and saying(token, heads, parse.tree) is None
        ):
            day = mentions[above].presumed or _one_day(mentions[above])
        if day is None and publication is not None and grammars.told_in_present(token):
            day = publication.day
        if day is not None:
            mentions[index] = attrs.evolve(mention, presumed=day)
