"""The days and times an article's text sets for its event mentions, read before them.

:func:`read_setting` reads, once the times are attached to the mentions
(:mod:`timeline.events.attachment`), what the whole text tells of when things happened:
the day of its story (:func:`~timeline.events.presumption.story_day`, from the times of
happenings, not of reports of them), the sentences that name another time, and any, the
dates of each sentence, the paragraphs that are run-on text and which mentions each
attached time dates.

>>> from datetime import date
>>> from timeline import Article, find_times
>>> from timeline.events.attachment import attach
>>> from timeline.events.grammar import _Grammars
>>> from timeline.nlp import load
>>> text, published = "Parliament voted on Monday. It met in 1990.", date(2020, 1, 7)
>>> parse = _Parse(load()(text), Article(text, published))
>>> times = find_times(text, published, doc=parse.doc)
>>> triggers = [(parse.tokens[1], None)]
>>> setting = read_setting(parse, times, triggers, attach(parse, _Grammars(parse), times, {1: 0}))
>>> setting.story, setting.timed
((datetime.datetime(2020, 1, 6, 0, 0), datetime.datetime(2020, 1, 7, 0, 0)), {1})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import attrs

from timeline.bounds import Bounds, interval_bounds
from timeline.events.attachment import _Attached, sentence_dates
from timeline.events.parse import _Parse
from timeline.events.presumption import _PARAGRAPH, story_day
from timeline.model import TimeExpression


@attrs.frozen
class _Setting:
    """The days and times an article's text sets for its mentions, read before them."""

    #: the times attached to mentions (:func:`~timeline.events.attachment.attach`)
    times: _Attached
    #: the times that set the narrative's day: those of happenings, not of reports of them
    told: list[TimeExpression]
    #: the day of the article's news, when its opening names it
    story: Bounds | None
    #: the first moment of the story's day, else of the publication day
    story_start: datetime | None
    #: the times other than the story's day, by the sentence that names them
    other_times: dict[int | None, list[TimeExpression]]
    #: the sentences that name a time other than the story's day, and those that name any
    timed: set[int | None]
    named: set[int | None]
    #: the dates of each sentence that names one
    dates: dict[int, list[TimeExpression]]
    #: the paragraphs that are run-on text (more sentences than a news paragraph runs to)
    run_on: set[int]
    #: the tokens of the mentions each attached time dates, by the time's identity
    owners_of: dict[int, list[Any]]


def read_setting(
    parse: _Parse,
    times: Sequence[TimeExpression],
    found: Sequence[tuple[Any, Any | None]],
    attached: _Attached,
) -> _Setting:
    """The days and times the text of the article ``parse`` reads sets for its mentions
    (:class:`_Setting`): ``found`` are their triggers and light verbs, ``attached`` the
    times attached to them."""
    publication = parse.publication
    # times that set the narrative's day: those of happenings, not of reports of them
    reports = {
        id(time)
        for index, time in attached.attached.items()
        if parse.lex.classes.get(parse.lemma(found[index][0])) in ("REPORTING", "I_STATE")
    }
    told = [time for time in times if id(time) not in reports]
    # the day of the news is a day its opening tells a happening on, not one it names
    # only for a statement ("82 were killed, officials said as dawn broke Saturday")
    story = story_day(parse, told)
    # sentences that name a time other than the story's day, with those times: their
    # narrative is at that time, or at one they tell of, unless the time only dates the
    # background of a noun ("Albright, who fled in 1948, made no secret"); a length or a
    # set names no time ("after a six-year process")
    other_times: dict[int | None, list[TimeExpression]] = {}
    for time in times:
        if (
            time.interval is not None
            and interval_bounds(time) != story
            and time.start not in attached.of_things
        ):
            other_times.setdefault(parse.time_sentence(time), []).append(time)
    timed = set(other_times) - {None}
    # sentences that name any time: a statement in one may be made at it
    named = {
        parse.time_sentence(t)
        for t in times
        if t.interval is not None and t.start not in attached.of_things
    } - {None}
    story_start = None  # none when nothing of the publication day was told yet
    if story:
        story_start = story[0]
    elif publication is not None and not publication.empty:
        story_start = publication.start
    lengths = Counter(parse.paragraph_of(parse.tokens[start]) for start in parse.sentence_starts)
    run_on = {paragraph for paragraph, length in lengths.items() if length > _PARAGRAPH}
    owners_of: dict[int, list[Any]] = {}
    for index, time in attached.attached.items():
        owners_of.setdefault(id(time), []).append(found[index][0])
    return _Setting(
        times=attached,
        told=told,
        story=story,
        story_start=story_start,
        other_times=other_times,
        timed=timed,
        named=named,
        dates=sentence_dates(parse, times, attached.of_things),
        run_on=run_on,
        owners_of=owners_of,
    )
