"""One article as a TimeML document, the way TempEval-3 tools read it.

:func:`to_timeml` analyses the article (its time expressions with
:func:`timeline.find_times`, its events with :func:`timeline.pipeline.analyse`) and
:func:`document` writes what was found: the ``<DOCID>`` (the article id), the ``<DCT>``, the
``<TEXT>`` with ``<TIMEX3>`` and ``<EVENT>`` tags inline, then a ``<MAKEINSTANCE>`` per event
and the ``<TLINK>``\\ s, in the layout of the TempEval-3 TBAQ-cleaned files.

- The text inside ``<TEXT>`` is exactly the article text: reading the document back gives it
  unchanged (carriage returns are written ``&#13;`` so XML's line-end handling keeps them).
  Characters XML 1.0 cannot hold at all (most control characters) give a ``ValueError``.
- The DCT is the publication date (``type="DATE"``), or its wall-clock time to the minute
  (``type="TIME"``) for a datetime. An article without a date has no ``<DCT>``: a made-up
  value would be read as a real one.
- TimeML forbids overlapping tags, so times win: a time expression overlapping an earlier one
  is left out, and so is an event whose trigger overlaps a time expression or an earlier
  event (with its instance and links). Tags are numbered in document order, ``t1``, ``e1``,
  ``ei1``, ``l1``..., among those written.
- ``TLINK``\\ s: an event attached to a date or time is ``IS_INCLUDED`` in it (``DURING`` a
  duration); an order cue between two events (the first no later than the second, see
  :class:`timeline.bounds.Constraint`) is ``BEFORE``, the nearest TimeML relation.
- ``pos`` is the spaCy tag of the trigger mapped to TimeML (``VERB``, ``NOUN``,
  ``ADJECTIVE``, ``PREPOSITION``, else ``OTHER``).

>>> from datetime import date
>>> from timeline import Article, EventMention
>>> article = Article("They met & talked.", date(2020, 1, 7), id="a1")
>>> xml = document(article, [], [EventMention("a1", 5, 8, "met", "meet", 0, tense="PAST")])
>>> for line in xml.splitlines()[3:]:
...     print(line[:79])
<DOCID>a1</DOCID>
<BLANKLINE>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-07" temporalFunction="false" f
<BLANKLINE>
<TEXT>They <EVENT eid="e1" class="OCCURRENCE">met</EVENT> &amp; talked.</TEXT>
<BLANKLINE>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS"
<BLANKLINE>
</TimeML>
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from timeline.bounds import Constraint
from timeline.model import Article, EventMention, TimeExpression

__all__ = ["TIMEML_POS", "document", "to_timeml"]

#: TimeML ``pos`` of a trigger, by its spaCy universal POS tag; any other tag is ``OTHER``.
TIMEML_POS: dict[str, str] = {
    "VERB": "VERB",
    "AUX": "VERB",
    "NOUN": "NOUN",
    "PROPN": "NOUN",
    "ADJ": "ADJECTIVE",
    "ADP": "PREPOSITION",
}

_HEAD = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}


def to_timeml(article: Article, nlp: Any = None) -> str:
    """The TimeML document of ``article``: its times, events and their links, as found.

    ``nlp`` is a spaCy pipeline as for :func:`timeline.extract_events` (by default the
    installed English model).

    >>> from datetime import date
    >>> from timeline import Article
    >>> from timeline.evaluation.timeml import read_timeml
    >>> xml = to_timeml(Article("Iraq's parliament voted on Sunday.", date(2020, 1, 7), id="a1"))
    >>> doc = read_timeml(xml)
    >>> [(t.text, t.value, t.anchor_time_id) for t in doc.timexes]
    [('Sunday', '2020-01-05', 't0')]
    >>> [(e.text, e.start) for e in doc.events], doc.tlinks[0].rel_type
    ([('voted', 18)], 'IS_INCLUDED')
    """
    from timeline.nlp import check, load, parse
    from timeline.pipeline import analyse

    if not isinstance(article, Article):
        raise TypeError(f"article must be a timeline.Article, not {type(article).__name__}")
    pipeline = load() if nlp is None else check(nlp)
    if not article.text.strip():
        return document(article, [], [])
    doc = parse(pipeline, article.text)
    result = analyse(article, doc=doc)
    pos = {token.idx: TIMEML_POS.get(token.pos_, "OTHER") for token in doc}
    return document(article, result.times, result.mentions, result.constraints, pos)


def document(
    article: Article,
    times: Sequence[TimeExpression],
    mentions: Sequence[EventMention],
    constraints: Iterable[Constraint] = (),
    pos: Mapping[int, str] | None = None,
) -> str:
    """The TimeML document of ``article`` with these times and event mentions of it.

    ``constraints`` order the ``mentions`` (indices into them, as
    :func:`timeline.pipeline.analyse` gives them); ``pos`` maps a trigger's start offset to its
    TimeML part of speech (``OTHER`` where missing). Offsets that do not match the article
    text give a ``ValueError``.

    >>> from timeline import Article, EventMention
    >>> mention = EventMention("a1", 5, 8, "met", "meet", 0)
    >>> xml = document(Article("They met.", id="a1"), [], [mention], pos={5: "VERB"})
    >>> xml.splitlines()[7][-42:]
    'aspect="NONE" polarity="POS" pos="VERB" />'
    """
    text = article.text
    _check_xml("text", text, article.id)
    _check_xml("id", article.id, article.id)
    for time in times:
        _check_xml("time value", time.value + (time.quant or ""), article.id)
    for item in [*times, *mentions]:
        if text[item.start : item.end] != item.text:
            raise ValueError(
                f"{item.text!r} at {item.start}..{item.end} is not in the text of article "
                f"{article.id!r}"
            )
    occupied: list[tuple[int, int]] = []
    ordered = sorted(times, key=lambda t: (t.start, t.end))
    kept_times = [t for t in ordered if _claim(t.start, t.end, occupied)]
    kept_events = [n for n, m in enumerate(mentions) if _claim(m.start, m.end, occupied)]
    tids = {(t.start, t.end): f"t{k}" for k, t in enumerate(kept_times, 1)}
    by_start = {t.start: tids[t.start, t.end] for t in kept_times}
    eids = {n: k for k, n in enumerate(kept_events, 1)}
    dct = article.published

    tags: list[tuple[int, int, str, str]] = []
    for t in kept_times:
        tags.append(
            (t.start, t.end, _timex(t, tids[t.start, t.end], dct is not None, by_start), "TIMEX3")
        )
    for n, k in eids.items():
        m = mentions[n]
        tags.append(
            (m.start, m.end, _tag("EVENT", eid=f"e{k}", **{"class": m.event_class}), "EVENT")
        )
    tags.sort()

    parts = [_HEAD, "\n", f"<DOCID>{_escape(article.id)}</DOCID>\n\n"]
    if dct is not None:
        value, kind = _dct(dct)
        attributes = {"tid": "t0", "type": kind, "value": value, "temporalFunction": "false"}
        opening = _tag("TIMEX3", **attributes, functionInDocument="CREATION_TIME")
        parts.append(f"<DCT>{opening}{value}</TIMEX3></DCT>\n\n")
    parts.append("<TEXT>")
    position = 0
    for start, end, opening, name in tags:
        parts += [_escape(text[position:start]), opening, _escape(text[start:end]), f"</{name}>"]
        position = end
    parts += [_escape(text[position:]), "</TEXT>\n\n"]
    for n, k in eids.items():
        m = mentions[n]
        grammar = {"tense": m.tense, "aspect": m.aspect, "polarity": m.polarity}
        part = (pos or {}).get(m.start, "OTHER")
        item = _tag("MAKEINSTANCE", eventID=f"e{k}", eiid=f"ei{k}", **grammar, pos=part)
        parts.append(f"{item[:-1]} />\n")
    links = _links(mentions, eids, tids, constraints)
    for lid, (rel, source, target) in enumerate(links, 1):
        parts.append(f'<TLINK lid="l{lid}" relType="{rel}" {source} {target} />\n')
    parts.append("\n</TimeML>\n")
    return "".join(parts)


def _check_xml(what: str, value: str, article: str) -> None:
    bad = _NOT_XML.search(value)
    if bad:
        raise ValueError(
            f"article {article!r}: its {what} has a character XML cannot hold, "
            f"{bad.group()!r} at offset {bad.start()}"
        )


def _claim(start: int, end: int, occupied: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps no span in ``occupied``; if so it is added there."""
    if any(start < taken_end and taken_start < end for taken_start, taken_end in occupied):
        return False
    occupied.append((start, end))
    return True


def _escape(text: str, escapes: Mapping[str, str] = _TEXT_ESCAPES) -> str:
    return "".join(escapes.get(char, char) for char in text)


def _tag(name: str, **attributes: str) -> str:
    """An opening tag; for ``MAKEINSTANCE`` and ``TLINK`` the caller closes it."""
    pairs = "".join(
        f' {key}="{_escape(value, _ATTRIBUTE_ESCAPES)}"' for key, value in attributes.items()
    )
    return f"<{name}{pairs}>"


def _timex(time: TimeExpression, tid: str, has_dct: bool, by_start: Mapping[int, str]) -> str:
    attributes = {"tid": tid, "type": time.type, "value": time.value}
    if time.mod is not None:
        attributes["mod"] = time.mod
    if time.quant is not None:
        attributes["quant"] = time.quant
    attributes["temporalFunction"] = "false" if time.anchor is None else "true"
    attributes["functionInDocument"] = "NONE"
    anchor = time.anchor
    if anchor is not None and anchor.kind == "publication" and has_dct:
        attributes["anchorTimeID"] = "t0"
    elif anchor is not None and anchor.start in by_start:
        attributes["anchorTimeID"] = by_start[anchor.start]
    return _tag("TIMEX3", **attributes)


def _dct(published: Any) -> tuple[str, str]:
    """The TIMEX3 value and type of a publication date or datetime."""
    if isinstance(published, datetime):
        wall = published.replace(tzinfo=None, second=0, microsecond=0)
        return wall.isoformat(timespec="minutes"), "TIME"
    return published.isoformat(), "DATE"


def _links(
    mentions: Sequence[EventMention],
    eids: Mapping[int, int],
    tids: Mapping[tuple[int, int], str],
    constraints: Iterable[Constraint],
) -> list[tuple[str, str, str]]:
    """``(relType, source, target)`` of each TLINK, sources and targets as attributes."""
    links = []
    for n, k in eids.items():
        time = mentions[n].time
        tid = None if time is None else tids.get((time.start, time.end))
        if tid is not None and time.type != "SET":
            rel = "DURING" if time.type == "DURATION" else "IS_INCLUDED"
            links.append((rel, f'eventInstanceID="ei{k}"', f'relatedToTime="{tid}"'))
    for c in constraints:
        if c.before in eids and c.after in eids:
            source, target = eids[c.before], eids[c.after]
            links.append(
                ("BEFORE", f'eventInstanceID="ei{source}"', f'relatedToEventInstance="ei{target}"')
            )
    return links
