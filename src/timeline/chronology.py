"""An entity's events dated as a reader needs them: :meth:`timeline.Timeline.chronology`.

Each event involving the entity (:meth:`timeline.Timeline.involving`) is dated by the day,
month or year of the first of these its mentions give (of the mentions that involve the
entity, then the others):

1. ``"time"``: its own time expression ("on June 9", "in 2008");
2. ``"bounds"``: its time bounds, when they make one day, month or year;
3. ``"sentence"``: the finest date of its sentence, nearest to it
   (:attr:`~timeline.EventMention.sentence_time`: "In 2007, after the delays, Airbus
   delivered ..."), unless that date names another event, written before its noun ("the
   Aug. 7 blasts", "the 1991 settlement", "Monday's announcement": :func:`noun_times`);
4. ``"published"``: the publication day of its article, when the article tells it as its
   news: asserted in the present or simple past, not a past perfect ("had said"), a
   future, an infinitive or a bare event noun.

Events none of these date are :attr:`Chronology.undated`, listed apart, in timeline order.
An event told only by verbs of coming to be or seeming ("became", "appears") is no
happening of the entity's own and is left out.

>>> from datetime import date
>>> import timeline
>>> text = "Airbus delayed the A380 in June 2006. The superjumbo flew on Monday. It will land."
>>> chronology = timeline.build([timeline.Article(text, date(2007, 1, 10))]).chronology("A380")
>>> [(d.event.mentions[0].text, d.when.timex, d.by) for d in chronology.dated]
[('delayed', '2006-06', 'time'), ('flew', '2007-01-08', 'time')]
>>> [e.event.mentions[0].text for e in chronology.undated]
['land']
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, timedelta

import attrs

from timeline.lang import words
from timeline.model import Event, EventMention, Granularity, Interval, TimeExpression
from timeline.moments import instant

__all__ = [
    "Chronology",
    "Entry",
    "bounds_interval",
    "chronology",
    "date_of",
    "fineness",
    "noun_times",
    "reader_interval",
]

#: How finely a granularity places a time for a reader: 0 a day (or finer), 1 a week, 2 a
#: month, 3 part of a year, 4 a year; coarser ones do not date an event.
_FINENESS = {
    **dict.fromkeys(
        (
            Granularity.SECOND,
            Granularity.MINUTE,
            Granularity.HOUR,
            Granularity.PART_OF_DAY,
            Granularity.DAY,
        ),
        0,
    ),
    Granularity.WEEKEND: 1,
    Granularity.WEEK: 1,
    Granularity.MONTH: 2,
    Granularity.SEASON: 3,
    Granularity.QUARTER: 3,
    Granularity.HALF_YEAR: 3,
    Granularity.YEAR: 4,
}
#: The ways of dating, from the most direct.
WAYS = ("time", "bounds", "sentence", "published")


def fineness(granularity: Granularity) -> int | None:
    """How finely ``granularity`` places a time: 0 a day or finer, 1 a week, 2 a month, 3 a
    season, quarter or half year, 4 a year; ``None`` for a decade or century.

    >>> fineness(Granularity.HOUR), fineness(Granularity.MONTH), fineness(Granularity.DECADE)
    (0, 2, None)
    """
    return _FINENESS.get(granularity)


def reader_interval(interval: Interval) -> Interval | None:
    """The day, month or year a reader would date a time within ``interval`` by: a time of
    day its day, a week its month (of its start), a season or quarter its year; ``None`` for
    a decade or century.

    >>> from datetime import datetime
    >>> week = Interval(datetime(2008, 6, 9), datetime(2008, 6, 16), Granularity.WEEK)
    >>> reader_interval(week).timex
    '2008-06'
    """
    level = fineness(interval.granularity)
    if level is None:
        return None
    start = interval.start
    if level == 0:
        day = start.replace(hour=0, minute=0, second=0, microsecond=0)
        return Interval(day, day + timedelta(days=1), Granularity.DAY)
    if level <= 2:
        return _month(start)
    return _year(start)


def _month(moment: datetime) -> Interval:
    first = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    after = (
        first.replace(year=first.year + 1, month=1)
        if first.month == 12
        else first.replace(month=first.month + 1)
    )
    return Interval(first, after, Granularity.MONTH)


def _year(moment: datetime) -> Interval:
    first = moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    return Interval(first, first.replace(year=first.year + 1), Granularity.YEAR)


def bounds_interval(earliest: datetime | None, latest: datetime | None) -> Interval | None:
    """The day, month or year that bounds ``[earliest, latest)`` make, if they make one:
    at most a day; at most 31 days from a first of the month; at most a year from January 1.

    >>> from datetime import datetime
    >>> bounds_interval(datetime(2008, 6, 1), datetime(2008, 7, 1)).timex
    '2008-06'
    >>> bounds_interval(datetime(2008, 6, 3), datetime(2008, 7, 1)) is None
    True
    """
    if earliest is None or latest is None:
        return None
    days = (latest - earliest).days
    if days <= 1:
        return reader_interval(Interval(earliest, latest, Granularity.DAY))
    if days <= 31 and earliest.day == 1:
        return _month(earliest)
    if days <= 366 and (earliest.month, earliest.day) == (1, 1):
        return _year(earliest)
    return None


def _of_time(time: TimeExpression | None) -> Interval | None:
    if time is None or not time.names_moment or time.interval is None:
        return None
    return reader_interval(time.interval)


def _as_news(mention: EventMention) -> bool:
    """Whether the article tells ``mention`` as its news: not a past perfect, a future, an
    infinitive or a bare event noun with no time expression of its own."""
    return mention.time is not None or not (
        (mention.tense, mention.aspect) == ("PAST", "PERFECTIVE")
        or mention.tense in ("NONE", "INFINITIVE", "FUTURE")
    )


def date_of(
    mention: EventMention,
    published: date | None = None,
    naming: Collection[tuple[str, int]] = frozenset(),
) -> tuple[Interval, str] | None:
    """The day, month or year a reader would date ``mention`` by, and how (see the module),
    ``published`` being its article's publication date and ``naming`` the times that name
    an event by its noun (:func:`noun_times`), which date no other.

    >>> from datetime import date
    >>> said = EventMention("a", 0, 4, "said", "say", 0, tense="PAST")
    >>> when, how = date_of(said, date(2008, 6, 9))
    >>> when.timex, how
    ('2008-06-09', 'published')
    >>> date_of(said) is None
    True
    """
    if (own := _of_time(mention.time)) is not None:
        return own, "time"
    if (bounded := bounds_interval(mention.earliest, mention.latest)) is not None:
        return bounded, "bounds"
    sentence_time = mention.sentence_time
    if (sentence := _of_time(sentence_time)) is not None and (
        (mention.article_id, sentence_time.start) not in naming
    ):
        return sentence, "sentence"
    if published is not None and _as_news(mention):
        day = datetime(published.year, published.month, published.day)
        return Interval(day, day + timedelta(days=1), Granularity.DAY), "published"
    return None


#: At most this many characters between a time and the event noun after it for the time to
#: be written before the noun ("the Aug. 7 terrorist blasts", "Monday's email announcement").
_BEFORE_NOUN = 20


def noun_times(mentions: Iterable[EventMention]) -> frozenset[tuple[str, int]]:
    """The times, by article id and start, that ``mentions`` of event nouns have as their own,
    written before the noun: "the Aug. 7 terrorist blasts", "the 1991 settlement",
    "Monday's announcement". Such a time names its event; the rest of its sentence may
    tell events of other days ("where she arrived next, ... where the Aug. 7 blasts
    killed 257": she arrived on the day of the news).

    >>> from timeline import TimeExpression
    >>> aug7 = TimeExpression("Aug. 7", 4, 10, "DATE", "1998-08-07")
    >>> blasts = EventMention("a", 21, 27, "blasts", "blast", 0, time=aug7)
    >>> noun_times([blasts])
    frozenset({('a', 4)})
    """
    return frozenset(
        (m.article_id, m.time.start)
        for m in mentions
        if m.time is not None and m.tense == "NONE" and 0 <= m.start - m.time.end <= _BEFORE_NOUN
    )


@attrs.frozen
class Entry:
    """An event of a :class:`Chronology`: ``when``, the day, month or year it is dated by
    (an :class:`~timeline.Interval` of granularity ``DAY``, ``MONTH`` or ``YEAR``; ``None``
    when nothing dates it), ``by`` how it was dated (``"time"``, ``"bounds"``,
    ``"sentence"``, ``"published"``, see :mod:`timeline.chronology`; ``None`` when
    undated), the ``event``, and ``mentions``, those of its mentions that have the entity as
    an argument (none when only a participant of the event names it).

    >>> from datetime import datetime
    >>> m = EventMention("a", 0, 4, "flew", "fly", 0)
    >>> day = Interval(datetime(2007, 1, 8), datetime(2007, 1, 9), Granularity.DAY)
    >>> Entry(Event("e", [m]), [m], day, "time").when.timex
    '2007-01-08'
    """

    event: Event
    mentions: tuple[EventMention, ...] = attrs.field(converter=tuple)
    when: Interval | None = None
    by: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(WAYS))
    )


@attrs.frozen
class Chronology:
    """The events involving ``entity``: ``dated`` (:class:`Entry` values in order of the
    start of their dates, of one start the finer date first, of one date in timeline order)
    and ``undated`` (in timeline order).

    >>> Chronology("Airbus", (), ()).undated
    ()
    """

    entity: str
    dated: tuple[Entry, ...] = attrs.field(converter=tuple)
    undated: tuple[Entry, ...] = attrs.field(converter=tuple)


def chronology(
    entity: str,
    events: Iterable[tuple[Event, tuple[EventMention, ...]]],
    published: Mapping[str, date | None],
    naming: Collection[tuple[str, int]] = frozenset(),
) -> Chronology:
    """The chronology of ``entity`` from its ``events`` in timeline order, each with the
    mentions of it that involve the entity; ``published`` gives each article's publication
    date by id, ``naming`` the times that name an event by its noun, of every event
    (:func:`noun_times`; :meth:`timeline.Timeline.chronology` is the way to call it).

    >>> chronology("Airbus", [], {})
    Chronology(entity='Airbus', dated=(), undated=())
    """
    dated, undated = [], []
    copulas = _copulas()
    for position, (event, involved) in enumerate(events):
        if all(m.lemma in copulas for m in event.mentions):
            continue  # "became", "appears": no happening of its own
        groups: dict[tuple[Interval, str] | None, list[EventMention]] = {}
        for mention in involved or event.mentions:
            found = date_of(mention, published.get(mention.article_id), naming)
            groups.setdefault(found, []).append(mention)
        for found, mentions in groups.items():
            shown = mentions if involved else ()
            if found is None:
                undated.append(Entry(event, shown))
            else:
                when = found[0]
                key = (instant(when.start), instant(when.end), position)
                dated.append((key, Entry(event, shown, *found)))
    dated.sort(key=lambda row: row[0])
    return Chronology(entity, [row[1] for row in dated], undated)


@functools.cache
def _copulas() -> frozenset[str]:
    """Verbs of coming to be or seeming, which date no happening of an entity's own."""
    return frozenset(words("events")["verbs"]["copulas"])
