"""The JSON document ``timeline/1``: every event, mention, participant, time and interval.

:func:`dumps` writes a :class:`~timeline.Timeline` and :func:`loads` reads it back equal:
the round trip is lossless (``loads(dumps(tl)) == tl``). Datetimes are ISO 8601 strings:
naive ones without an offset, aware ones with their UTC offset and, for a
:class:`zoneinfo.ZoneInfo` zone, its key in brackets as RFC 9557 writes it
(``2020-01-05T09:00:00+01:00[Europe/Paris]``), so the zone itself survives. Other ``tzinfo``
kinds come back as a fixed offset: the same instants, compared equal. An event lists which
of its mentions copy another's text (``copies``, optional), as merging found them, so that
an update of the timeline read back compares only the others' texts; a reader takes a pair
only where the two mentions are the same but for their article. An event's ``told`` bounds
(:attr:`~timeline.Event.told`) are written only where it has them, and a mention's
``passive`` (:attr:`~timeline.EventMention.passive`) only where it is true.
The document is described by a versioned JSON Schema, :func:`json_schema`.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> encode_datetime(datetime(2020, 1, 5, 9, tzinfo=ZoneInfo("Europe/Paris")))
'2020-01-05T09:00:00+01:00[Europe/Paris]'
>>> decode_datetime('2020-01-05T09:00:00+01:00[Europe/Paris]').tzinfo
zoneinfo.ZoneInfo(key='Europe/Paris')
"""

from __future__ import annotations

import functools
import json
import marshal
import re
from contextvars import ContextVar
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
import numpy as np

from timeline.cluster import collector_paused, same_text
from timeline.metadata import Metadata, lone_surrogate
from timeline.model import (
    Anchor,
    Argument,
    ArticleRecord,
    Event,
    EventMention,
    Granularity,
    Interval,
    Link,
    Participant,
    TimeExpression,
    Timeline,
)

__all__ = ["FORMAT", "decode_datetime", "dumps", "encode_datetime", "json_schema", "loads"]

#: The value of the document's ``format`` field.
FORMAT = "timeline/1"

_ZONED = re.compile(r"(?P<moment>[^\[]+)\[(?P<zone>[^\]]+)\]")
_FRACTIONAL_OFFSET = re.compile(r"([+-])(\d\d):(\d\d):(\d\d)\.(\d{6})$")


@functools.cache
def _schema_text() -> str:
    return (resources.files("timeline.export") / "timeline-1.schema.json").read_text("utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``timeline/1`` document, a fresh dict.

    >>> schema = json_schema()
    >>> schema["$schema"], schema["properties"]["format"]["const"]
    ('https://json-schema.org/draft/2020-12/schema', 'timeline/1')
    """
    return json.loads(_schema_text())


def encode_datetime(moment: datetime) -> str:
    """``moment`` as ISO 8601, with its zone key in brackets when it has a ``ZoneInfo`` zone.

    >>> from datetime import timezone
    >>> encode_datetime(datetime(2020, 1, 5))
    '2020-01-05T00:00:00'
    >>> encode_datetime(datetime(2020, 1, 5, tzinfo=timezone.utc))
    '2020-01-05T00:00:00+00:00'
    """
    text = moment.isoformat()
    if isinstance(moment.tzinfo, ZoneInfo) and moment.tzinfo.key is not None:
        return f"{text}[{moment.tzinfo.key}]"
    return text


def decode_datetime(text: str) -> datetime:
    """The datetime :func:`encode_datetime` wrote; ``ValueError`` for anything else.

    A zoned moment keeps the offset it was written with: in a repeated hour the ``fold``
    is the one that gives that offset.

    >>> decode_datetime('2020-10-25T01:30:00+00:00[Europe/London]').fold
    1
    >>> decode_datetime('noon')
    Traceback (most recent call last):
    ...
    ValueError: not an ISO 8601 datetime: 'noon'
    """
    if not isinstance(text, str):
        raise ValueError(f"not an ISO 8601 datetime: {text!r}")
    zoned = _ZONED.fullmatch(text)
    try:
        moment = datetime.fromisoformat(zoned["moment"] if zoned else text)
    except ValueError:
        raise ValueError(f"not an ISO 8601 datetime: {text!r}") from None
    if zoned is None:
        return _exact_offset(moment, text)
    if moment.tzinfo is None:
        raise ValueError(f"a zoned datetime needs its UTC offset: {text!r}")
    try:
        zone = ZoneInfo(zoned["zone"])
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder, as 'America'
        raise ValueError(f"unknown time zone {zoned['zone']!r} in {text!r}") from None
    offset = moment.utcoffset()
    for fold in (0, 1):
        local = moment.replace(tzinfo=zone, fold=fold)
        if local.utcoffset() == offset:
            return local
    raise ValueError(f"offset of {text!r} is not one {zoned['zone']} has at that time")


def _exact_offset(moment: datetime, text: str) -> datetime:
    """``moment`` with the UTC offset ``text`` gives, to the microsecond: Python 3.11's
    :meth:`datetime.fromisoformat` drops the fraction of a second of an offset."""
    offset = _FRACTIONAL_OFFSET.search(text)
    if offset is None:
        return moment
    sign, hours, minutes, seconds, fraction = offset.groups()
    delta = timedelta(
        hours=int(hours), minutes=int(minutes), seconds=int(seconds), microseconds=int(fraction)
    )
    return moment.replace(tzinfo=timezone(-delta if sign == "-" else delta))


def dumps(timeline: Timeline, **options: Any) -> str:
    """``timeline`` as a ``timeline/1`` JSON document; ``options`` go to :func:`json.dumps`.

    The records of the timeline's articles (:attr:`Timeline.articles
    <timeline.Timeline.articles>`) go in ``articles``, left out when there are none.

    >>> dumps(Timeline(()))
    '{"events": [], "format": "timeline/1"}'
    """
    document: dict[str, Any] = {"events": [_encode(e) for e in timeline.events], "format": FORMAT}
    for encoded, copies in zip(document["events"], _copies(timeline), strict=True):
        if copies:
            encoded["copies"] = copies
        if encoded["told"] is None:  # optional: only where a presumed day narrowed them
            del encoded["told"]
        for mention in encoded["mentions"]:
            if not mention["passive"]:  # optional: only where true, as few mentions are
                del mention["passive"]
    if timeline.links:
        document["links"] = [_encode(link) for link in timeline.links]
    if timeline.articles:
        document["articles"] = [_encode(record) for record in timeline.articles]
    return json.dumps(document, ensure_ascii=False, sort_keys=True, **options)


def _copies(timeline: Timeline) -> list[list[list[int]]]:
    """For each event of ``timeline``, the pairs ``[k, j]`` of its mentions that are the same
    but for their article, ``j`` the first: those merging found (a timeline it made) or read
    (one read back). Empty where none is known."""
    known: dict[int, EventMention]
    indexed = timeline._indexed
    if indexed is not None:
        copied = np.flatnonzero(indexed.copies != np.arange(len(indexed.copies))).tolist()
        firsts = indexed.copies[copied].tolist()
        every = indexed.mentions
        known = {id(every[i]): every[f] for i, f in zip(copied, firsts, strict=True)}
    else:
        known = {id(copy): original for copy, original in timeline._copies}
    found: list[list[list[int]]] = []
    for event in timeline.events:
        pairs: list[list[int]] = []
        if known:
            at = {id(m): k for k, m in enumerate(event.mentions)}
            for k, mention in enumerate(event.mentions):
                original = known.get(id(mention))
                j = None if original is None else at.get(id(original))
                if j is not None and j < k:
                    pairs.append([k, j])
        found.append(pairs)
    return found


def loads(text: str | bytes) -> Timeline:
    """The timeline in a ``timeline/1`` JSON document; ``ValueError`` for anything else.

    >>> loads('{"format": "timeline/1", "events": [{"id": "x"}]}')
    Traceback (most recent call last):
    ...
    ValueError: malformed timeline JSON: event 0: Event is missing field 'mentions'
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"timeline JSON must be str or bytes, not {type(text).__name__}")
    with collector_paused():
        return _read_document(text)


def _read_document(text: str | bytes) -> Timeline:
    """:func:`loads` of ``text``, run with the cycle collector paused: reading makes millions
    of dicts, lists, tuples and model objects, none in a reference cycle, and each collection
    they would trigger walks every object alive (a fifth of reading a large document)."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError("malformed timeline JSON: nested too deeply") from None
    except ValueError as error:
        raise ValueError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a timeline JSON document (expected format {FORMAT!r})")
    events = data.get("events")
    if not isinstance(events, list):
        raise ValueError("malformed timeline JSON: 'events' must be a list")
    unknown = sorted(set(data) - {"format", "events", "links", "articles"})
    if unknown:
        raise ValueError(f"malformed timeline JSON: no field {unknown[0]!r}")
    for key in ("links", "articles"):
        if not isinstance(data.get(key, []), list):
            raise ValueError(f"malformed timeline JSON: {key!r} must be a list")
    claims = [_claimed(event, n) for n, event in enumerate(events)]
    reading = _read.set(_Reading(_TRUSTING if _plain_unicode(text) else _CHECKING, {}))
    try:
        decoded = _decoded(Event, events, "event")
        records = _decoded(ArticleRecord, data.get("articles", []), "article")
        links = _decoded(Link, data.get("links", []), "link")
    finally:
        _read.reset(reading)
    # a pair is taken only where the two are the same but for their article, as merging
    # compares them (a document edited since it was written)
    copies = [
        (event.mentions[k], event.mentions[j])
        for event, pairs in zip(decoded, claims, strict=True)
        for k, j in pairs
        if same_text(event.mentions[k], event.mentions[j])
    ]
    return Timeline(decoded, records, links, _copies=copies)


def _claimed(event: Any, n: int) -> list[tuple[int, int]]:
    """The pairs ``[k, j]`` of ``event``'s ``copies`` (taken out of it, :func:`dumps`): its
    mentions ``k`` said to be ``j`` but for their article, ``j`` before ``k``."""
    if not isinstance(event, dict) or "copies" not in event:
        return []
    copies = event.pop("copies")
    count = len(event["mentions"]) if isinstance(event.get("mentions"), list) else 0
    if isinstance(copies, list) and all(
        isinstance(pair, list)
        and len(pair) == 2
        and all(type(x) is int for x in pair)
        and 0 <= pair[1] < pair[0] < count
        for pair in copies
    ):
        return [(k, j) for k, j in copies]
    raise ValueError(
        f"malformed timeline JSON: event {n}: copies must be pairs [k, j] of its mentions, j < k"
    )


def _decoded(cls: type, items: list[Any], noun: str) -> list[Any]:
    decoded = []
    for n, item in enumerate(items):
        try:
            decoded.append(_decode(cls, item))
        except (TypeError, ValueError) as error:
            raise ValueError(f"malformed timeline JSON: {noun} {n}: {error}") from None
    return decoded


def _encode(value: Any) -> Any:
    """Attrs values as dicts of their fields, datetimes in ISO form, tuples as lists."""
    if isinstance(value, Granularity):
        return value.value
    if isinstance(value, datetime):
        return encode_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Metadata):
        return value.to_json()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if attrs.has(type(value)):
        return {f.name: _encode(getattr(value, f.name)) for f in attrs.fields(type(value))}
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {_kind(value)}")
    if lone_surrogate(value) is not None:
        raise ValueError(f"{value!r} holds a lone surrogate, which is not Unicode text")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, not {_kind(value)}")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a number, not {_kind(value)}")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, not {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


@attrs.frozen
class _Optional:
    """What ``decode`` reads, or ``None`` for a JSON ``null``."""

    decode: Any

    def __call__(self, value: Any) -> Any:
        return None if value is None else self.decode(value)


def _list(decode: Any) -> Any:
    def decode_list(value: Any) -> tuple:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, not {_kind(value)}")
        return tuple(map(decode, value))

    return decode_list


def _of(cls: type) -> Any:
    return functools.partial(_shared if cls in _SHARED else _decode, cls)


#: The values a document repeats the most (the same participant, argument or time in many
#: mentions, and copies of one text in many articles): read once per document, one object.
_SHARED = frozenset({Anchor, Argument, Interval, Participant, TimeExpression})


class _Reader(NamedTuple):
    """How :func:`_decode` reads a class: its field names; each field's name, reader and the
    types of the values it takes as they are (those its reader would give back unchanged);
    the values of the fields a document may leave out."""

    names: frozenset[str]
    fields: tuple[tuple[str, Any, frozenset[type]], ...]
    defaults: dict[str, Any]


class _Reading(NamedTuple):
    """The document :func:`loads` reads: the readers of its classes, and the values of the
    classes in :data:`_SHARED` read so far, by what was written."""

    readers: dict[type, _Reader]
    shared: dict[Any, Any]


#: The document being read (set by :func:`loads`, the only way to the decoders).
_read: ContextVar[_Reading] = ContextVar("_read")


def _shared(cls: type, value: Any) -> Any:
    """The ``cls`` :func:`_decode` makes of ``value``, the one object made of an equal
    value earlier in the document being read, if there was one: repeated values cost their
    memory once, and merging finds copies of one text equal at once.

    Values are told apart by their :mod:`marshal` bytes, written at C speed: version 2, which
    refers to no object it wrote before, so that equal values give equal bytes, and values
    give equal bytes only when identical (a ``true`` is not a ``1``, which the decoders tell
    apart)."""
    read = _read.get().shared
    key = (cls, marshal.dumps(value, 2))
    found = read.get(key)
    if found is None:
        found = read[key] = _decode(cls, value)
    return found


def _decode(cls: type, data: Any) -> Any:
    """An instance of ``cls`` from the dict :func:`_encode` made of one."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} must be a JSON object, not {_kind(data)}")
    names, fields, defaults = _read.get().readers[cls]
    if not data.keys() <= names:
        unknown = sorted(data.keys() - names)
        raise ValueError(f"{cls.__name__} has no field {unknown[0]!r}")
    values = []
    try:
        for name, decode, as_is in fields:
            if name in data:
                value = data[name]
                values.append(value if type(value) in as_is else decode(value))
            elif name in defaults:
                values.append(defaults[name])
            else:
                raise ValueError(f"{cls.__name__} is missing field {name!r}")
    except TypeError as error:
        raise ValueError(f"{cls.__name__}.{name}: {error}") from None
    return cls(*values)


def _span(value: Any) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError(f"expected [start, end], not {_kind(value)}")
    return (_integer(value[0]), _integer(value[1]))


def _bounds(value: Any) -> tuple[datetime | None, datetime | None]:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError(f"expected [earliest, latest], not {_kind(value)}")
    return (_DATETIME(value[0]), _DATETIME(value[1]))


def _granularity(value: Any) -> Granularity:
    return Granularity(_string(value))


_DATETIME = _Optional(decode_datetime)


def _published(value: Any) -> date | datetime | None:
    """A publication date (``YYYY-MM-DD``) or datetime, or ``None``."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not an ISO 8601 date: {value!r}") from None
    return decode_datetime(value)


def _meta(value: Any) -> Metadata:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, not {_kind(value)}")
    return Metadata(value)


#: How each field of each class is read back, by class and field name, in the order of the
#: class's ``__init__`` (:func:`_decode` passes the values by position).
FIELDS: dict[type, dict[str, Any]] = {
    Interval: {"start": decode_datetime, "end": decode_datetime, "granularity": _granularity},
    Anchor: {"kind": _string, "value": _string, "start": _Optional(_integer)},
    TimeExpression: {
        "text": _string,
        "start": _integer,
        "end": _integer,
        "type": _string,
        "value": _string,
        "interval": _Optional(_of(Interval)),
        "mod": _Optional(_string),
        "anchor": _Optional(_of(Anchor)),
        "quant": _Optional(_string),
    },
    Participant: {
        "name": _string,
        "key": _string,
        "label": _string,
        "role": _string,
        "preposition": _Optional(_string),
        "qualifier": _flag,
    },
    Argument: {"text": _string, "name": _string, "head": _integer},
    Link: {"article_id": _string, "before": _span, "after": _span, "cue": _string},
    EventMention: {
        "article_id": _string,
        "start": _integer,
        "end": _integer,
        "text": _string,
        "lemma": _string,
        "sentence": _integer,
        "participants": _list(_of(Participant)),
        "location": _Optional(_string),
        "tense": _string,
        "aspect": _string,
        "modality": _string,
        "polarity": _string,
        "event_class": _string,
        "time": _Optional(_of(TimeExpression)),
        "earliest": _DATETIME,
        "latest": _DATETIME,
        "quoted": _flag,
        "actor": _Optional(_string),
        "arguments": _list(_of(Argument)),
        "sentence_time": _Optional(_of(TimeExpression)),
        "particle": _Optional(_span),
        "theme": _Optional(_string),
        "presumed": _Optional(_of(Interval)),
        "background": _flag,
        "phrasal": _Optional(_string),
        "light": _flag,
        "passive": _flag,
    },
    ArticleRecord: {
        "id": _string,
        "published": _published,
        "source": _Optional(_string),
        "title": _Optional(_string),
        "meta": _meta,
    },
    Event: {
        "id": _string,
        "mentions": _list(_of(EventMention)),
        "participants": _list(_of(Participant)),
        "earliest": _DATETIME,
        "latest": _DATETIME,
        "when": _Optional(_of(Interval)),
        "label": _string,
        "location": _Optional(_string),
        "confidence": _number,
        "contradicts": _list(_string),
        "happening": _flag,
        "parts": _list(_string),
        "salience": _number,
        "presumed": _flag,
        "told": _Optional(_bounds),
    },
}

#: Fields that documents written before them lack, and the value they then take.
DEFAULTS: dict[type, dict[str, Any]] = {
    EventMention: {
        "quoted": False,
        "actor": None,
        "arguments": (),
        "sentence_time": None,
        "particle": None,
        "theme": None,
        "presumed": None,
        "background": False,
        "phrasal": None,
        "light": False,
        "passive": False,
    },
    Event: {"happening": True, "parts": (), "salience": 0.0, "presumed": False, "told": None},
    Participant: {"preposition": None, "qualifier": False},
}

#: The values each reader gives back unchanged, by type: JSON makes no subclass of them.
_AS_THEY_ARE: dict[Any, tuple[type, ...]] = {
    _string: (str,),
    _integer: (int,),
    _number: (int, float),
    _flag: (bool,),
}


def _as_they_are(decode: Any, checked: bool) -> frozenset[type]:
    """The types of the values ``decode`` gives back unchanged, but strings when they are
    ``checked`` for lone surrogates."""
    if isinstance(decode, _Optional):
        return _as_they_are(decode.decode, checked) | {type(None)}
    if decode is _string and checked:
        return frozenset()
    return frozenset(_AS_THEY_ARE.get(decode, ()))


def _readers(checked: bool) -> dict[type, _Reader]:
    """The :class:`_Reader` of each class, testing every string for a lone surrogate when
    ``checked``."""
    return {
        cls: _Reader(
            frozenset(fields),
            tuple((name, decode, _as_they_are(decode, checked)) for name, decode in fields.items()),
            DEFAULTS.get(cls, {}),
        )
        for cls, fields in FIELDS.items()
    }


#: The readers of a document whose strings may hold a lone surrogate, and of one whose cannot.
_CHECKING = _readers(checked=True)
_TRUSTING = _readers(checked=False)

#: A ``\u`` escape of a surrogate, ``\ud800`` to ``\udfff`` in either case; also what an escaped
#: backslash before such letters (``\\ud800``, no surrogate) looks like, read the slow way.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _plain_unicode(text: str | bytes) -> bool:
    """Whether :func:`json.loads` can read no lone surrogate from ``text``: it holds none, as
    UTF-8 bytes (with no NUL byte, so that JSON reads them as UTF-8) or as a string, and no
    ``\\u`` escape of one. Each string of such a document needs no test of its own."""
    if isinstance(text, (bytes, bytearray)):
        if b"\0" in text:
            return False
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return False
    elif lone_surrogate(text) is not None:
        return False
    return _SURROGATE_ESCAPE.search(text) is None
