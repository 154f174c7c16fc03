"""The values that flow through the pipeline: frozen, slotted, validated attrs classes.

>>> from datetime import datetime
>>> Interval(datetime(2020, 1, 5), datetime(2020, 1, 6), Granularity.DAY).timex
'2020-01-05'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, Literal

import attrs

from timeline.metadata import Metadata, lone_surrogate
from timeline.moments import as_datetime, instant
from timeline.names import name_keys
from timeline.temporal.timex3 import Granularity, parse_value
from timeline.temporal.timex3 import format_value as _format_value

if TYPE_CHECKING:
    from timeline.chronology import Chronology

__all__ = [
    "Anchor",
    "Argument",
    "Article",
    "ArticleRecord",
    "Event",
    "EventMention",
    "Granularity",
    "Interval",
    "Link",
    "Participant",
    "TimeExpression",
    "Timeline",
    "TimexType",
    "ZoneMention",
]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
TIMEX_MODS: tuple[str, ...] = (
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START",
    "MID",
    "END",
    "APPROX",
)


def _same_awareness(instance: Interval, attribute: attrs.Attribute, end: datetime) -> None:
    if (instance.start.tzinfo is None) != (end.tzinfo is None):
        raise ValueError(
            f"Interval start {instance.start.isoformat()} and end {end.isoformat()} "
            "must both be naive or both be timezone-aware"
        )
    if end <= instance.start:
        raise ValueError(
            f"Interval end {end.isoformat()} must be after its start {instance.start.isoformat()}"
        )


@attrs.frozen
class Interval:
    """A resolved time: the half-open span ``[start, end)`` and the unit it was named at.

    Its TIMEX3 value follows from ``start`` and ``granularity``, and parses back:

    >>> from datetime import datetime
    >>> i = Interval(datetime(2019, 12, 23), datetime(2019, 12, 30), Granularity.WEEK)
    >>> i.timex
    '2019-W52'
    >>> Interval.from_timex('2019-W52') == i
    True

    A fuzzy time ("early January") keeps the granularity of what it names but a narrower
    span: ``Interval(2020-01-01, 2020-01-11, MONTH)`` has the value ``2020-01``.
    An end that is not after the start is refused:

    >>> Interval(datetime(2020, 1, 2), datetime(2020, 1, 2), Granularity.DAY)
    Traceback (most recent call last):
    ...
    ValueError: Interval end 2020-01-02T00:00:00 must be after its start 2020-01-02T00:00:00
    """

    start: datetime = attrs.field(validator=attrs.validators.instance_of(datetime))
    end: datetime = attrs.field(validator=[attrs.validators.instance_of(datetime), _same_awareness])
    granularity: Granularity = attrs.field(validator=attrs.validators.instance_of(Granularity))

    @property
    def timex(self) -> str:
        """The TIMEX3 value naming this interval (``2020-01-02TEV``, ``2019-W52``, ``199``)."""
        return _format_value(self.start.replace(tzinfo=None), self.granularity)

    @classmethod
    def from_timex(cls, value: str, tz: tzinfo | None = None) -> Interval | None:
        """The interval a TIMEX3 date/time value names, or ``None`` if it names no single span.

        >>> Interval.from_timex('2020-01-02TEV').start
        datetime.datetime(2020, 1, 2, 17, 0)
        >>> Interval.from_timex('XXXX-WXX-7') is None
        True
        """
        parsed = parse_value(value)
        if parsed is None:
            return None
        start, end, granularity = parsed
        return cls(start.replace(tzinfo=tz), end.replace(tzinfo=tz), granularity)

    def __contains__(self, moment: datetime) -> bool:
        """Whether ``moment`` lies in ``[start, end)``."""
        return self.start <= moment < self.end

    def __str__(self) -> str:
        return f"{self.timex} [{self.start.isoformat()}, {self.end.isoformat()})"


@attrs.frozen
class Anchor:
    """What a relative expression was resolved against.

    ``kind`` is ``"publication"`` (the article's date) or ``"narrative"`` (an earlier time
    in the text, starting at character ``start``); ``value`` is the anchor's TIMEX3 value.

    >>> Anchor("publication", "2020-01-07")
    Anchor(kind='publication', value='2020-01-07', start=None)
    """

    kind: Literal["publication", "narrative"] = attrs.field(
        validator=attrs.validators.in_(("publication", "narrative"))
    )
    value: str
    start: int | None = None


@attrs.frozen
class TimeExpression:
    """A mention of time in a text, with its TIMEX3 annotation and resolved interval.

    ``start``/``end`` are character offsets into the text (``text[start:end] == self.text``).
    ``interval`` is ``None`` when nothing anchors the expression or it names no single span
    (durations, sets, ``PAST_REF``).

    >>> import timeline
    >>> from datetime import date
    >>> [t] = timeline.find_times("Two days ago, he spoke.", published=date(2020, 1, 7))
    >>> (t.text, t.type, t.value)
    ('Two days ago', 'DATE', '2020-01-05')
    """

    text: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    type: TimexType = attrs.field(validator=attrs.validators.in_(TIMEX_TYPES))
    value: str
    interval: Interval | None = None
    mod: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(TIMEX_MODS))
    )
    anchor: Anchor | None = None
    quant: str | None = None

    @end.validator
    def _check_end(self, attribute: attrs.Attribute, end: int) -> None:
        _spans_text(self, end)

    @property
    def names_moment(self) -> bool:
        """Whether the expression names when something happens (a date or a time), not how
        long or how often ("after 22 months", "every day"): only such a time dates an event.

        >>> import timeline
        >>> from datetime import date
        >>> [(t.text, t.names_moment) for t in timeline.find_times(
        ...     "On Monday, after 22 months, he left.", published=date(2020, 1, 7))]
        [('Monday', True), ('22 months', False)]
        """
        return self.type in ("DATE", "TIME")


@attrs.frozen
class ZoneMention:
    """A time zone named in a text: "beijing time", "PDT", "UTC+4", "Madrid time".

    ``start``/``end`` are character offsets into the text (``text[start:end] == self.text``).
    ``name`` is the zone's IANA key when one is known (``"Asia/Shanghai"``), else ``None``
    ("UTC+4"). ``offset`` is its offset from UTC where the words fix one ("UTC+4", "PDT",
    "beijing time"); for a zone whose offset follows the date ("New York time", "UK time")
    it is the offset on the publication date given to :func:`timeline.find_zones`, and
    ``None`` without one.

    >>> import timeline
    >>> [z] = timeline.find_zones("Book me a room at beijing time")
    >>> (z.text, z.start, z.name, z.offset)
    ('beijing time', 18, 'Asia/Shanghai', datetime.timedelta(seconds=28800))
    """

    text: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    name: str | None = None
    offset: timedelta | None = None

    @end.validator
    def _check_end(self, attribute: attrs.Attribute, end: int) -> None:
        _spans_text(self, end)


def _spans_text(mention: TimeExpression | ZoneMention, end: int) -> None:
    if end - mention.start != len(mention.text):
        raise ValueError(
            f"{type(mention).__name__} {mention.text!r}: offsets {mention.start}..{end} do "
            f"not span its {len(mention.text)} characters"
        )


def _published(value: date | datetime | None) -> date | datetime | None:
    if value is None or isinstance(value, date):
        return value
    raise TypeError(
        f"Article.published must be a date, a datetime or None, not {type(value).__name__}; "
        "parse strings first, e.g. date.fromisoformat('2020-01-07')"
    )


def _text(instance: Any, attribute: attrs.Attribute, value: str | None) -> None:
    """A string (or ``None`` where allowed) that UTF-8 can encode: no lone surrogate."""
    if value is None and attribute.name != "text" and attribute.name != "id":
        return
    if not isinstance(value, str):
        raise TypeError(
            f"{type(instance).__name__}.{attribute.name} must be a string, "
            f"not {type(value).__name__}"
        )
    where = lone_surrogate(value)
    if where is not None:
        raise ValueError(
            f"{type(instance).__name__}.{attribute.name} holds a lone surrogate "
            f"(U+{ord(value[where]):04X} at offset {where}), which is not Unicode text"
        )


def _metadata(value: Any) -> Metadata:
    return value if isinstance(value, Metadata) else Metadata(value)


@attrs.frozen
class Article:
    """A news article: its text and when it was published.

    ``published`` may be a ``date``, a naive or aware ``datetime``, or ``None`` when unknown
    (relative times then stay unresolved). ``id``, ``source`` and ``title`` are strings
    (``TypeError`` otherwise: an id ``5`` is not the id ``"5"``); ``meta`` holds what else
    its source says (``url``, ``author``...) as a read-only :class:`~timeline.metadata.Metadata`
    of JSON values. Text with a lone surrogate (``"\\ud800"``, which no encoding can write)
    is refused with a ``ValueError`` naming the field.

    >>> from datetime import date
    >>> a = Article("Iraq's parliament voted on Sunday.", published=date(2020, 1, 7), id="a1",
    ...             meta={"url": "https://example.org/a1"})
    >>> a.id, a.meta["url"]
    ('a1', 'https://example.org/a1')
    >>> Article("Text.", id=5)
    Traceback (most recent call last):
    ...
    TypeError: Article.id must be a string, not int
    """

    text: str = attrs.field(validator=_text)
    published: date | datetime | None = attrs.field(default=None, converter=_published)
    id: str = attrs.field(default="", validator=_text)
    source: str | None = attrs.field(default=None, validator=_text)
    title: str | None = attrs.field(default=None, validator=_text)
    meta: Metadata = attrs.field(factory=Metadata, converter=_metadata)


@attrs.frozen
class ArticleRecord:
    """What a timeline keeps of an article it was built from, to cite it: everything but
    its text (:meth:`of`). ``url`` is its ``meta["url"]``, if any.

    >>> from datetime import date
    >>> r = ArticleRecord.of(Article("Text.", date(2020, 1, 7), "a1", meta={"url": "https://x.org"}))
    >>> r.id, r.published, r.url
    ('a1', datetime.date(2020, 1, 7), 'https://x.org')
    """

    id: str = attrs.field(validator=_text)
    published: date | datetime | None = attrs.field(default=None, converter=_published)
    source: str | None = attrs.field(default=None, validator=_text)
    title: str | None = attrs.field(default=None, validator=_text)
    meta: Metadata = attrs.field(factory=Metadata, converter=_metadata)

    @classmethod
    def of(cls, article: Article) -> ArticleRecord:
        """The record of ``article``."""
        return cls(article.id, article.published, article.source, article.title, article.meta)

    @property
    def url(self) -> str | None:
        """The article's address, when its ``meta`` gives one as text."""
        url = self.meta.get("url")
        return url if isinstance(url, str) else None


EVENT_CLASSES: tuple[str, ...] = (
    "OCCURRENCE",
    "REPORTING",
    "PERCEPTION",
    "ASPECTUAL",
    "I_ACTION",
    "I_STATE",
    "STATE",
)
TENSES: tuple[str, ...] = (
    "PAST",
    "PRESENT",
    "FUTURE",
    "INFINITIVE",
    "PRESPART",
    "PASTPART",
    "NONE",
)
ASPECTS: tuple[str, ...] = ("NONE", "PERFECTIVE", "PROGRESSIVE", "PERFECTIVE_PROGRESSIVE")
MODALITIES: tuple[str, ...] = ("ASSERTED", "FUTURE", "HYPOTHETICAL", "GENERIC")
ROLES: tuple[str, ...] = ("agent", "patient", "other")


@attrs.frozen
class Participant:
    """A named entity taking part in an event.

    ``name`` is the entity's canonical name within its article (the fullest form the article
    gives, "Qasem Soleimani" for "General Soleimani"), ``key`` a spelling-tolerant key shared
    by its variants ("soleimani" for "Qassem Soleimani" too), ``label`` the spaCy entity label
    and ``role`` who did it (``"agent"``), to whom (``"patient"``) or ``"other"``; an other
    participant keeps the ``preposition`` that ties it to the event ("talks with Fidan",
    "flew to Brussels", "returned from Pakistan"), and so does the patient of an event noun
    ("the election of Isaacs"), ``None`` when there is none. A
    ``qualifier`` is named only as what qualifies the noun that takes the role ("US" in
    "advised US commanders", "Iraq" in "Iraq's parliament voted"): it takes part through
    them, and a label writes the noun as the text words it instead.

    >>> Participant("Qasem Soleimani", "soleimani", "PERSON", "patient").key
    'soleimani'
    >>> Participant("Brussels", "brssls", "GPE", "other", "to").preposition
    'to'
    """

    name: str
    key: str
    label: str
    role: str = attrs.field(default="other", validator=attrs.validators.in_(ROLES))
    preposition: str | None = None
    qualifier: bool = False

    @property
    def named_patient(self) -> bool:
        """Whether it is whom the event was done to, named as such, not only as what
        qualifies them ("US" in "advised US commanders").

        >>> Participant("Trump", "trmp", "PERSON", "patient").named_patient
        True
        >>> us = Participant("United States", "untd stts", "GPE", "patient", qualifier=True)
        >>> us.named_patient
        False
        """
        return self.role == "patient" and not self.qualifier


def _span(value: Iterable[int]) -> tuple[int, int]:
    start, end = value
    return (start, end)


@attrs.frozen
class Argument:
    """Who or what an argument of an event mention (its subject, object, possessor, the
    object of one of its prepositions...) names or stands for, resolved within its article.

    ``text`` is the argument as written: a name ("Airbus A380"), a pronoun ("it") or a
    description ("the company"); ``name`` the name it is or stands for (the nearest fitting
    name before a pronoun or description); ``head`` where, in ``name``, the word the argument
    hangs on starts ("A380" in "Airbus A380"), so that a part of a longer name is not taken
    for the whole.

    >>> it = Argument("it", "Airbus A380", 7)
    >>> it.name[it.head :]
    'A380'
    """

    text: str
    name: str = attrs.field()
    head: int = attrs.field(default=0)

    @head.validator
    def _check_head(self, attribute: attrs.Attribute, head: int) -> None:
        if not 0 <= head < max(len(self.name), 1):
            raise ValueError(f"Argument {self.text!r}: head {head} is not in {self.name!r}")


@attrs.frozen
class EventMention:
    """One report of something happening, in one article.

    ``start``/``end`` are the character offsets of the trigger word (``text``) in the
    article, ``sentence`` the index of its sentence. ``event_class`` is its TimeML class,
    ``tense``/``aspect`` its TimeML grammar, ``modality`` whether it is asserted, future or
    hypothetical (or ``GENERIC``: a kind of event, not one, as in "strikes do not solve
    problems"), ``polarity`` ``"NEG"`` when it is said not to happen. ``time`` is the time
    expression it is attached to, if any, and ``earliest``/``latest`` bound when it happened
    (``None`` where unbounded): it lies within ``[earliest, latest)``. ``quoted`` says it is in
    a quotation: a speaker's words, not the article's. ``actor`` is who did it as the text
    words it when no named participant is its agent ("Iranian officials", "rescuers") or
    when the name only qualifies it ("Iraq's parliament"), for its label. ``arguments`` are
    who or what its arguments name or stand for (:class:`Argument`, :mod:`timeline.references`), and
    ``sentence_time`` the time expression of its sentence a reader would date it by when
    nothing else does: the finest of its sentence, then the nearest (``DATE`` only).
    ``particle`` is the character span of a verb's particle ("out" in "rolled out"), if any,
    and ``phrasal`` the verb written with it ("rolled out"), for its label.
    ``theme`` is what a verb is done to as the text words it when no named participant is its
    patient ("a resolution" in "adopted a resolution"), for its label. ``presumed`` is the
    day a reader would put it on when nothing in the text dates it (news told in the simple
    past happened on the story's day; what a sentence tells, at the time it names, its
    ``sentence_time``, unless it is a statement or an infinitive, or the time dates an event of
    another clause): a soft default, which
    :func:`timeline.build` applies only where the order cues and the other reports of the
    event leave room for it, never part of ``earliest``/``latest``.
    ``background`` says it is told as background to what its sentence tells: in a relative
    clause on someone or something ("an official, who refused to identify himself") or in an
    indirect question ("determined what the bomb was made of"). ``light`` says it is a light
    verb that carries another mention's event noun ("took" in "took effect", "made" in "made
    a decision"): TimeML annotates it, and it is one happening with that noun, which no
    listing or label gives on its own. ``passive`` says it is a verb told in the passive
    with no one named as doing it ("a suspect who was returned", "a resolution ...
    unanimously adopted"): its ``theme`` is its subject, which its label writes first
    ("a suspect returned from Pakistan").

    >>> from datetime import datetime
    >>> m = EventMention("a1", 4, 9, "voted", "vote", 0, earliest=datetime(2020, 1, 5),
    ...                  latest=datetime(2020, 1, 6))
    >>> (m.lemma, m.event_class, m.polarity, m.latest.day)
    ('vote', 'OCCURRENCE', 'POS', 6)
    """

    article_id: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    text: str = attrs.field()
    lemma: str
    sentence: int = attrs.field(validator=attrs.validators.ge(0))
    participants: tuple[Participant, ...] = attrs.field(default=(), converter=tuple)
    location: str | None = None
    tense: str = attrs.field(default="NONE", validator=attrs.validators.in_(TENSES))
    aspect: str = attrs.field(default="NONE", validator=attrs.validators.in_(ASPECTS))
    modality: str = attrs.field(default="ASSERTED", validator=attrs.validators.in_(MODALITIES))
    polarity: str = attrs.field(default="POS", validator=attrs.validators.in_(("POS", "NEG")))
    event_class: str = attrs.field(
        default="OCCURRENCE", validator=attrs.validators.in_(EVENT_CLASSES)
    )
    time: TimeExpression | None = None
    earliest: datetime | None = None
    latest: datetime | None = attrs.field(default=None)
    quoted: bool = False
    actor: str | None = None
    arguments: tuple[Argument, ...] = attrs.field(default=(), converter=tuple)
    sentence_time: TimeExpression | None = None
    particle: tuple[int, int] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_span)
    )
    theme: str | None = None
    presumed: Interval | None = None
    background: bool = False
    phrasal: str | None = None
    light: bool = False
    passive: bool = False

    @text.validator
    def _check_text(self, attribute: attrs.Attribute, text: str) -> None:
        if self.end - self.start != len(text):
            raise ValueError(
                f"EventMention {text!r}: offsets {self.start}..{self.end} do not span "
                f"its {len(text)} characters"
            )

    @latest.validator
    def _check_bounds(self, attribute: attrs.Attribute, latest: datetime | None) -> None:
        if _not_after(self.earliest, latest):
            raise ValueError(
                f"EventMention {self.text!r}: latest {latest.isoformat()} must be after "
                f"earliest {self.earliest.isoformat()}"
            )

    @property
    def realis(self) -> bool:
        """Whether it is said to have happened or to happen: asserted and not negated.

        >>> EventMention("a", 0, 4, "vote", "vote", 0, polarity="NEG").realis
        False
        """
        return self.modality == "ASSERTED" and self.polarity == "POS"


def _not_after(earliest: datetime | None, latest: datetime | None) -> bool:
    """Whether ``latest`` is set and not after ``earliest`` (zones compared as instants)."""
    return earliest is not None and latest is not None and instant(latest) <= instant(earliest)


def _bounds_in_order(instance: Event, attribute: attrs.Attribute, latest: datetime | None) -> None:
    if _not_after(instance.earliest, latest):
        raise ValueError(
            f"Event {instance.id!r}: latest {latest.isoformat()} must be after "
            f"earliest {instance.earliest.isoformat()}"
        )


def _told_in_order(
    instance: Event, attribute: attrs.Attribute, told: tuple[datetime | None, ...] | None
) -> None:
    if told is not None and (len(told) != 2 or _not_after(*told)):
        raise ValueError(f"Event {instance.id!r}: told {told!r} is not bounds in order")


@attrs.frozen
class Event:
    """A canonical event: one happening, with every mention that reports it.

    ``id`` is stable (a hash of its first mention's article id and offset), ``mentions`` its
    provenance in (article id, offset) order, ``participants`` those of all its mentions,
    ``earliest``/``latest`` the tightest bounds its mentions agree on, ``when`` the interval
    it is known to lie in at some granularity (``None`` when no mention dates it),
    ``label`` a readable summary (who did what to whom, where), ``location`` its place,
    ``confidence`` in ``[0, 1]`` how well its reports agree (on who, the day and the place,
    and on its time): 1 when nothing disagrees, the reports of one article included,
    ``contradicts`` the ids of events that look like the same happening but are dated
    incompatibly (both readings stay on the timeline), ``happening`` whether it is a
    happening of its own rather than a state, an attitude, a word that only relates or
    marks a phase of another, or one that is not said to happen (:meth:`Timeline.happenings`),
    ``parts`` the ids of the events that tell what it did or consisted of ("At least 82 were
    killed" of a bombing, "offered condolences" of a statement of the same day) or only that
    it happened ("witnesses said"), and ``salience`` in ``[0, 1]`` how much of the news it
    is: reported by as many articles as the timeline's most reported happening, told often, in
    their leads, dated to a day or two, with named participants, and what another event
    reports or reacts to (:meth:`Timeline.top`, :func:`timeline.canonical.salience`).
    ``presumed`` says its
    bounds rest on a day presumed rather than told (:attr:`EventMention.presumed`, its own
    or one the order cues carry to it): nothing in the text contradicts that day, nothing
    names it either; ``told`` is then the bounds ``(earliest, latest)`` the text itself
    tells, which the presumed day narrowed (``None`` where they are its bounds or the text
    tells none): "presumed on 8 Jan, told after 2 Jan, 17:00".

    >>> from datetime import datetime
    >>> m = EventMention("a1", 18, 23, "voted", "vote", 0, earliest=datetime(2020, 1, 5),
    ...                  latest=datetime(2020, 1, 6))
    >>> e = Event("e1", (m,), label="voted", earliest=m.earliest, latest=m.latest)
    >>> (e.articles, e.label, e.latest.day)
    (('a1',), 'voted', 6)
    """

    id: str
    mentions: tuple[EventMention, ...] = attrs.field(converter=tuple)
    participants: tuple[Participant, ...] = attrs.field(default=(), converter=tuple)
    earliest: datetime | None = None
    latest: datetime | None = attrs.field(default=None, validator=_bounds_in_order)
    when: Interval | None = None
    label: str = ""
    location: str | None = None
    confidence: float = attrs.field(default=1.0)
    contradicts: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    happening: bool = True
    parts: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    salience: float = attrs.field(default=0.0)
    presumed: bool = False
    told: tuple[datetime | None, datetime | None] | None = attrs.field(
        default=None, converter=attrs.converters.optional(tuple), validator=_told_in_order
    )

    @mentions.validator
    def _check_mentions(self, attribute: attrs.Attribute, mentions: tuple) -> None:
        if not mentions:
            raise ValueError(f"Event {self.id!r} needs at least one mention")

    @confidence.validator
    @salience.validator
    def _check_share(self, attribute: attrs.Attribute, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"Event {self.id!r}: {attribute.name} {value} is not in [0, 1]")

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles that report it, sorted.

        >>> a, b = (EventMention(i, 0, 4, "vote", "vote", 0) for i in "ba")
        >>> Event("e", (a, b)).articles
        ('a', 'b')
        """
        return tuple(sorted({m.article_id for m in self.mentions}))


@attrs.frozen
class Link:
    """An order cue of one article between two of its event mentions, each named by its
    offsets: the first happened no later than the second (``cue`` ``"after"``,
    ``"before"``...), or they are one happening (``"same event"``, ``"anaphora"``). A
    :class:`Timeline` keeps them so that it can be merged again with new articles
    (:meth:`Timeline.update`).

    >>> Link("a1", (14, 19), (30, 38), "after").before
    (14, 19)
    """

    article_id: str
    before: tuple[int, int] = attrs.field(converter=_span)
    after: tuple[int, int] = attrs.field(converter=_span)
    cue: str


def _records(records: Iterable[ArticleRecord]) -> tuple[ArticleRecord, ...]:
    records = tuple(records)
    for record in records:
        if not isinstance(record, ArticleRecord):
            raise TypeError(
                f"Timeline articles must be ArticleRecords, not {type(record).__name__}"
            )
    return tuple(sorted(records, key=lambda record: record.id))


@attrs.frozen(repr=False)
class Timeline:
    """Canonical events in temporal order.

    ``events`` holds every event; iterating, ``len`` and indexing give the ones a reader
    would put on a timeline (:attr:`listed`): happenings, parts of another event left to
    that event's ``parts``. Built by :func:`timeline.build`, which also keeps an
    :class:`ArticleRecord` of each article in ``articles`` (sorted by id; sub-timelines keep
    them all, so exports can cite titles and links); filters give sub-timelines, and
    :meth:`to_json` / :meth:`from_json` round-trip every value. It also keeps what merging its
    events again with new articles needs (:meth:`update`): ``links``, the order cues of each
    article between its mentions (sub-timelines do not keep them), and knows the articles
    that are dated (:attr:`dated`). It exports to TimelineJS3 (:meth:`to_timelinejs`),
    iCalendar (:meth:`to_ics`) and pandas (:meth:`to_dataframe`); see :mod:`timeline.export`.

    >>> Timeline(()).to_json()
    '{"events": [], "format": "timeline/1"}'
    >>> len(Timeline.from_json(Timeline(()).to_json()))
    0
    """

    events: tuple[Event, ...] = attrs.field(default=(), converter=tuple)
    articles: tuple[ArticleRecord, ...] = attrs.field(default=(), converter=_records)
    links: tuple[Link, ...] = attrs.field(default=(), converter=tuple)
    _listed: tuple[Event, ...] = attrs.field(init=False, repr=False, eq=False)
    _arguments: dict[Argument | str, list[tuple[int, int]]] | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )
    # the times that name their event noun (timeline.chronology.noun_times), found once
    _noun_times: frozenset[tuple[str, int]] | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )
    # what merging more articles into it reuses (timeline.pipeline.timeline_of), if it made it
    _indexed: Any = attrs.field(init=False, repr=False, eq=False, default=None)
    # the (copy, original) pairs of its mentions that are copies of one text, as its JSON
    # said (timeline.export.timeline_json.loads), for an update to compare only the others
    _copies: tuple[tuple[EventMention, EventMention], ...] = attrs.field(
        default=(), converter=tuple, kw_only=True, repr=False, eq=False, alias="_copies"
    )

    @events.validator
    def _check_events(self, attribute: attrs.Attribute, events: tuple) -> None:
        for event in events:
            if not isinstance(event, Event):
                raise TypeError(f"Timeline events must be Events, not {type(event).__name__}")

    def __attrs_post_init__(self) -> None:
        inside = {part for event in self.events for part in event.parts}
        listed = tuple(e for e in self.events if e.happening and e.id not in inside)
        object.__setattr__(self, "_listed", listed)

    @property
    def listed(self) -> tuple[Event, ...]:
        """The events a reader would put on the timeline, in order: the happenings that are
        not part of another event. The others stay in :attr:`events`.

        >>> from timeline import EventMention
        >>> said = EventMention("a", 0, 4, "said", "say", 0, event_class="REPORTING")
        >>> tl = Timeline([Event("e1", [said], happening=False)])
        >>> len(tl.events), len(tl.listed), len(tl)
        (1, 0, 0)
        """
        return self._listed

    def __iter__(self) -> Iterator[Event]:
        return iter(self._listed)

    def __repr__(self) -> str:
        return (
            f"<Timeline: {len(self._listed)} listed of {len(self.events)} events "
            f"from {len(self.articles)} articles>"
        )

    def __str__(self) -> str:
        return self.to_text()

    def __len__(self) -> int:
        return len(self._listed)

    def __getitem__(self, index: int) -> Event:
        return self._listed[index]

    def top(self, k: int) -> Timeline:
        """The ``k`` most salient of the listed events (``Event.salience``; of equal ones,
        the earlier), in timeline order, with the parts of each.

        >>> Timeline(()).top(5).events
        ()
        """
        if k < 0:
            raise ValueError(f"k must be at least 0, not {k}")
        ranked = sorted(range(len(self._listed)), key=lambda n: -self._listed[n].salience)
        chosen = {self._listed[n].id for n in ranked[:k]}
        kept = chosen | {p for e in self._listed if e.id in chosen for p in e.parts}
        return self._with(e for e in self.events if e.id in kept)

    def parts_of(self, event: Event) -> tuple[Event, ...]:
        """The events of this timeline that are parts of ``event``, in order.

        >>> from timeline import EventMention
        >>> whole = Event("w", [EventMention("a", 0, 4, "bomb", "bomb", 0)], parts=["p"])
        >>> part = Event("p", [EventMention("a", 9, 15, "killed", "kill", 1)])
        >>> [e.id for e in Timeline([whole, part]).parts_of(whole)]
        ['p']
        """
        wanted = set(event.parts)
        return tuple(e for e in self.events if e.id in wanted)

    def involving(self, name: str, *, others: Iterable[str] = ()) -> Timeline:
        """The events that involve the entity ``name``: one of their mentions has it as an
        argument (:attr:`EventMention.arguments`), named in full or by a part that singles it
        out ("A380" for "Airbus A380"), or as a pronoun or description standing for it ("it",
        "the superjumbo"), or one of their participants carries the name in any spelling the
        article gave it ("Soleimani", "Qassem Suleimani"; an alias such as "US" for "United
        States"; when no mention has arguments, made by hand or read from an older
        document, by their participants). ``others`` are the names of other entities, which a
        part of the name must not be part of ("iPhone" names neither "iPhone 4" nor "iPhone
        3G" when both are asked about; :func:`timeline.involvement.name_variants`). The
        arguments were read when the articles were: nothing is parsed again.

        >>> from datetime import date
        >>> import timeline
        >>> text = "Airbus delayed the A380. The superjumbo flew. Boeing waited."
        >>> tl = timeline.build([Article(text, date(2007, 1, 10))])
        >>> [e.mentions[0].text for e in tl.involving("Airbus A380", others=["Airbus"])]
        ['delayed', 'flew']
        """
        involved = self._involved(name, others)
        return self._with(e for n, e in enumerate(self.events) if n in involved)

    def chronology(self, name: str, *, others: Iterable[str] = ()) -> Chronology:
        """The events involving ``name`` (:meth:`involving`), each dated as a reader needs:
        by its own time, else the day, month or year its bounds make, else the date of its
        sentence (unless that date names another event: "the Aug. 7 blasts"), else the
        publication day of an article telling it as news; the others
        listed apart, undated (:mod:`timeline.chronology`).

        >>> from datetime import date
        >>> import timeline
        >>> text = "Airbus delayed the A380 in June 2006. The superjumbo flew on Monday."
        >>> tl = timeline.build([Article(text, date(2007, 1, 10))])
        >>> [(e.event.label, e.when.timex, e.by) for e in tl.chronology("A380").dated]
        [('Airbus delayed', '2006-06', 'time'), ('superjumbo flew', '2007-01-08', 'time')]
        """
        from timeline.chronology import chronology, noun_times

        involved = self._involved(name, others)
        published = {r.id: r.published for r in self.articles}
        if self._noun_times is None:
            found = noun_times(m for e in self.events for m in e.mentions)
            object.__setattr__(self, "_noun_times", found)
        return chronology(
            name,
            (
                (event, tuple(event.mentions[k] for k in sorted(involved[n])))
                for n, event in enumerate(self.events)
                if n in involved
            ),
            published,
            self._noun_times,
        )

    def _involved(self, name: str, others: Iterable[str]) -> dict[int, set[int]]:
        """The positions of the events that involve ``name``, each with those of its
        mentions that have it as an argument."""
        from timeline.involvement import keyed, names, patterns

        if self._arguments is None:
            index: dict[Argument | str, list[tuple[int, int]]] = {}
            # mentions with no arguments at all (made by hand, or read from a document older
            # than arguments) answer by their participants' keys
            read = any(m.arguments for e in self.events for m in e.mentions)
            for n, event in enumerate(self.events):
                for k, mention in enumerate(event.mentions):
                    items = mention.arguments if read else {p.key for p in mention.participants}
                    for item in items:
                        index.setdefault(item, []).append((n, k))
            object.__setattr__(self, "_arguments", index)
        found = patterns(name, others, (a for a in self._arguments if isinstance(a, Argument)))
        keys = name_keys(name)
        involved: dict[int, set[int]] = {}
        for item, places in self._arguments.items():
            if item in keys if isinstance(item, str) else names(item, found) or keyed(item, keys):
                for n, k in places:
                    involved.setdefault(n, set()).add(k)
        return involved

    def happenings(self) -> Timeline:
        """The sub-timeline of the events a reader would list (:attr:`listed`): happenings of
        their own (``Event.happening``, :func:`timeline.canonical.names_happening`) that are
        not parts of another event.

        >>> Timeline(()).happenings().events
        ()
        """
        return self._with(self._listed)

    def _with(self, events: Iterable[Event]) -> Timeline:
        """The sub-timeline of ``events``, citing the same articles."""
        return Timeline(events, articles=self.articles)

    @property
    def dated(self) -> tuple[str, ...]:
        """The ids of the articles that have a publication date, sorted.

        >>> from datetime import date
        >>> records = [ArticleRecord("b"), ArticleRecord("a", date(2020, 1, 7))]
        >>> Timeline((), articles=records).dated
        ('a',)
        """
        return tuple(r.id for r in self.articles if r.published is not None)

    def between(self, start: date | datetime, end: date | datetime) -> Timeline:
        """The events known to lie within ``[start, end)``: bounded on both sides, inside.

        >>> from datetime import date
        >>> Timeline(()).between(date(2020, 1, 1), date(2020, 2, 1)).events
        ()
        """
        low, high = instant(as_datetime(start)), instant(as_datetime(end))
        return self._with(
            e
            for e in self.events
            if e.earliest is not None
            and e.latest is not None
            and low <= instant(e.earliest)
            and instant(e.latest) <= high
        )

    def update(
        self,
        articles: Iterable[Article],
        nlp: Any = None,
        *,
        n_process: int = 1,
        cache: Any = None,
        progress: Callable[[int, int | None], object] | None = None,
    ) -> Timeline:
        """The timeline of this one's articles and ``articles``, equal to building all of
        them at once, without reading this one's articles again: only the new ones are
        analysed, then every mention is merged anew (:func:`timeline.pipeline.update`; the
        arguments are those of :func:`timeline.build`). A timeline built or updated in this
        process (not read from JSON) also keeps how its mentions were indexed for merging,
        so that only the new ones are indexed; one read from JSON knows which of its mentions
        copy another's text (:meth:`to_json`); events whose mentions stay as they were keep
        what those alone make (label, participants, place, id). An article id already on the
        timeline is refused.

        >>> from datetime import date
        >>> a = Article("Iraq's parliament voted on Sunday.", date(2020, 1, 7), "a")
        >>> b = Article("The vote was held on Sunday.", date(2020, 1, 8), "b")
        >>> import timeline
        >>> timeline.build([a]).update([b]) == timeline.build([a, b])
        True
        """
        from timeline.pipeline import update

        return update(self, articles, nlp, n_process=n_process, cache=cache, progress=progress)

    def to_json(self, **dumps: Any) -> str:
        """The timeline as JSON (format ``timeline/1``): every event, mention, participant,
        time and interval, read back equal by :meth:`from_json`, and which mentions of an
        event copy another's text (``copies``), so that an update of the timeline read back
        compares only the others' texts (:meth:`update`). Its JSON Schema is
        :func:`timeline.export.json_schema`; keyword arguments go to :func:`json.dumps`.

        >>> print(Timeline(()).to_json(indent=1))
        {
         "events": [],
         "format": "timeline/1"
        }
        """
        from timeline.export import timeline_json

        return timeline_json.dumps(self, **dumps)

    @classmethod
    def from_json(cls, text: str | bytes) -> Timeline:
        """The timeline :meth:`to_json` wrote; ``ValueError`` for anything else.

        >>> Timeline.from_json('{"format": "other"}')
        Traceback (most recent call last):
        ...
        ValueError: not a timeline JSON document (expected format 'timeline/1')
        """
        from timeline.export import timeline_json

        return timeline_json.loads(text)

    def to_text(self, title: str | None = None, *, all_events: bool = False) -> str:
        """The timeline as ``timeline build`` prints it (:mod:`timeline.export.text`): each
        listed event (:attr:`listed`; with ``all_events``, every event) with its time in
        words, label, confidence when below 1 and sources. ``str(timeline)`` is this
        listing; the ``repr`` only counts.

        >>> from datetime import date
        >>> import timeline
        >>> fired = timeline.Article("Iran fired missiles on Tuesday.", date(2020, 1, 8), id="a")
        >>> tl = timeline.build([fired])
        >>> print(tl.to_text(), end="")
        Timeline: 1 of 1 events
          7 Jan 2020  Iran fired missiles
                      sources: a: "fired"
        >>> tl
        <Timeline: 1 listed of 1 events from 1 articles>
        """
        from timeline.export.text import to_text

        return to_text(self, all_events=all_events, title=title)

    def to_html(
        self,
        title: str | None = None,
        *,
        articles: Iterable[Article] = (),
        all_events: bool = False,
    ) -> str:
        """The timeline as one self-contained HTML page (:func:`timeline.export.html.to_html`):
        a time axis with each listed event (:attr:`listed`; with ``all_events``, every
        event), its time, confidence when below 1 and sources (quoted from ``articles`` when
        given); nothing from the network.

        >>> "<title>Iraq, January 2020</title>" in Timeline(()).to_html("Iraq, January 2020")
        True
        """
        from timeline.export.html import to_html

        shown = self if all_events else self.happenings()
        return to_html(shown, title, articles=articles, whole=self)

    def to_timelinejs(
        self,
        title: str | None = None,
        *,
        group: Callable[[Event], str | None] | None = None,
        articles: Iterable[Article] = (),
        all_events: bool = False,
        **dumps: Any,
    ) -> str:
        """The timeline as Knight Lab TimelineJS3 JSON: a title slide (``title``, else
        "Timeline") and one slide per listed event (:attr:`listed`; with ``all_events``,
        every event) with a time, citing the articles that report it
        with their sentences when ``articles`` are given (:mod:`timeline.export.timelinejs`;
        the dict is :func:`timeline.export.timelinejs.document`). ``group`` names each
        event's group (``group=lambda e: e.location``); keyword arguments go to
        :func:`json.dumps`.

        >>> Timeline(()).to_timelinejs(title="Iran")
        '{"title": {"text": {"headline": "Iran", "text": "<p>0 events from 0 articles</p>"}}, \
"events": []}'
        """
        import json

        from timeline.export import timelinejs

        shown = self if all_events else self.happenings()
        document = timelinejs.document(shown, title, group, articles)
        return json.dumps(document, ensure_ascii=False, **dumps)

    def to_ics(
        self,
        *,
        stamp: datetime | None = None,
        title: str | None = None,
        all_events: bool = False,
    ) -> str:
        """The timeline as an iCalendar (RFC 5545) file: one entry per listed event
        (:attr:`listed`; with ``all_events``, every event) bounded on both sides
        (:mod:`timeline.export.ics`), named ``title``. ``stamp``, the entries'
        ``DTSTAMP``, is now (or ``SOURCE_DATE_EPOCH``) unless given.

        >>> Timeline(()).to_ics().splitlines()[:2]
        ['BEGIN:VCALENDAR', 'VERSION:2.0']
        """
        from timeline.export import ics

        return ics.calendar(self if all_events else self.happenings(), stamp=stamp, title=title)

    def to_dataframe(self) -> Any:
        """The events as a ``pandas.DataFrame``, one row per event
        (:mod:`timeline.export.dataframe`); needs ``pip install "news-timeline[pandas]"``.

        >>> Timeline(()).to_dataframe().shape
        (0, 11)
        """
        from timeline.export import dataframe

        return dataframe.dataframe(self)
