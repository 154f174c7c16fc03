"""Reading TimeML documents: the creation time, the plain text and its gold annotations.

:func:`read_timeml` takes a path or a TimeML string and returns a :class:`TimeMLDocument`
whose ``text`` is the plain text of the ``<TEXT>`` element (tags stripped, XML entities
decoded). Every annotation inside ``<TEXT>`` carries character offsets into that text, so
``doc.text[t.start:t.end] == t.text`` always holds:

>>> doc = read_timeml('''<TimeML><DOCID>d1</DOCID>
... <DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07"
...   functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
... <TEXT>Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT>
... <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; after.</TEXT>
... </TimeML>''')
>>> doc.doc_id, doc.dct
('d1', datetime.date(1998, 8, 7))
>>> doc.text
'Bombs exploded\\nFriday & after.'
>>> [(t.text, t.start, t.end, t.value) for t in doc.timexes]
[('Friday', 15, 21, '1998-08-07')]
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import attrs

from timeline.evaluation.xmldocs import is_xml_text, xml_root

__all__ = [
    "Event",
    "MakeInstance",
    "TLink",
    "TimeMLDocument",
    "Timex",
    "parse_dct_value",
    "read_timeml",
]


@attrs.frozen
class Timex:
    """A gold ``TIMEX3`` inside ``<TEXT>``: its extent and its TIMEX3 attributes.

    >>> t = Timex(tid="t1", type="DATE", value="1998-08-07", start=0, end=6, text="Friday")
    >>> (t.text, t.mod)
    ('Friday', None)
    """

    tid: str
    type: str
    value: str
    start: int
    end: int
    text: str
    mod: str | None = None
    anchor_time_id: str | None = None
    function_in_document: str | None = None


@attrs.frozen
class Event:
    """A gold ``EVENT`` inside ``<TEXT>``: its id, class and extent.

    >>> Event(eid="e1", event_class="OCCURRENCE", start=6, end=14, text="exploded").eid
    'e1'
    """

    eid: str
    event_class: str
    start: int
    end: int
    text: str


@attrs.frozen
class MakeInstance:
    """A ``MAKEINSTANCE``: an instance ``eiid`` of event ``event_id`` with its grammar.

    >>> MakeInstance(eiid="ei1", event_id="e1", tense="PAST").aspect is None
    True
    """

    eiid: str
    event_id: str
    tense: str | None = None
    aspect: str | None = None
    polarity: str | None = None
    pos: str | None = None


@attrs.frozen
class TLink:
    """A ``TLINK`` between two event instances (``ei…``) or times (``t…``).

    >>> TLink(lid="l1", rel_type="BEFORE", source="ei1", target="t0").rel_type
    'BEFORE'
    """

    lid: str
    rel_type: str
    source: str
    target: str


@attrs.frozen
class TimeMLDocument:
    """One TimeML document: id, creation time (DCT), plain text and annotations.

    ``dct`` is the parsed value of the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``
    (a ``date``, or a ``datetime`` when the value has a time), ``dct_value`` its raw value;
    both are ``None`` when the document has none or the value is not a calendar date.

    >>> doc = read_timeml('<TimeML><TEXT>No times here.</TEXT></TimeML>')
    >>> (doc.doc_id, doc.dct, doc.text, doc.timexes)
    ('', None, 'No times here.', ())
    """

    doc_id: str
    dct: date | datetime | None
    dct_value: str | None
    text: str
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    instances: tuple[MakeInstance, ...] = ()
    tlinks: tuple[TLink, ...] = ()


def parse_dct_value(value: str) -> date | datetime | None:
    """A TIMEX3 creation-time value as a ``date`` or ``datetime``; ``None`` if it is neither.

    >>> parse_dct_value("1998-08-07")
    datetime.date(1998, 8, 7)
    >>> parse_dct_value("1989-10-26T12:00")
    datetime.datetime(1989, 10, 26, 12, 0)
    >>> parse_dct_value("PRESENT_REF") is None
    True
    """
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def read_timeml(source: str | os.PathLike[str]) -> TimeMLDocument:
    """Read a TimeML document from a path or from a string holding the XML itself.

    A ``str`` whose first non-blank character is ``<`` is taken as the document; anything
    else is a path. The document id is ``<DOCID>``, else the file name without ``.tml``.
    A document without ``<TEXT>`` uses the text of its root element.

    >>> doc = read_timeml('<TimeML><TEXT>in <TIMEX3 tid="t1" type="DURATION" '
    ...                   'value="P2D" mod="MORE_THAN">over two days</TIMEX3></TEXT></TimeML>')
    >>> t = doc.timexes[0]
    >>> (doc.text[t.start:t.end], t.type, t.value, t.mod)
    ('over two days', 'DURATION', 'P2D', 'MORE_THAN')
    """
    name = ""
    root = xml_root(source)
    if not is_xml_text(source):
        name = Path(source).name.removesuffix(".tml")
    return _document(root, name)


def _document(root: ET.Element, name: str) -> TimeMLDocument:
    docid = root.find("DOCID")
    doc_id = (docid.text or "").strip() if docid is not None else name

    dct_value: str | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct_value = timex.get("value")
            break
    dct = parse_dct_value(dct_value) if dct_value else None

    body = root.find("TEXT")
    if body is None:
        body = root
    parts: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    _flatten(body, parts, spans, is_root=True)
    text = "".join(parts)

    timexes: list[Timex] = []
    events: list[Event] = []
    for element, start, end in spans:
        if element.tag == "TIMEX3":
            timexes.append(
                Timex(
                    tid=element.get("tid", ""),
                    type=element.get("type", ""),
                    value=element.get("value", ""),
                    start=start,
                    end=end,
                    text=text[start:end],
                    mod=element.get("mod"),
                    anchor_time_id=element.get("anchorTimeID"),
                    function_in_document=element.get("functionInDocument"),
                )
            )
        elif element.tag == "EVENT":
            events.append(
                Event(
                    eid=element.get("eid", ""),
                    event_class=element.get("class", ""),
                    start=start,
                    end=end,
                    text=text[start:end],
                )
            )

    instances = tuple(
        MakeInstance(
            eiid=element.get("eiid", ""),
            event_id=element.get("eventID", ""),
            tense=element.get("tense"),
            aspect=element.get("aspect"),
            polarity=element.get("polarity"),
            pos=element.get("pos"),
        )
        for element in root.iter("MAKEINSTANCE")
    )
    tlinks = tuple(
        TLink(
            lid=element.get("lid", ""),
            rel_type=element.get("relType", ""),
            source=element.get("eventInstanceID") or element.get("timeID") or "",
            target=element.get("relatedToEventInstance") or element.get("relatedToTime") or "",
        )
        for element in root.iter("TLINK")
    )
    return TimeMLDocument(
        doc_id=doc_id,
        dct=dct,
        dct_value=dct_value,
        text=text,
        timexes=tuple(timexes),
        events=tuple(events),
        instances=instances,
        tlinks=tlinks,
    )


def _flatten(
    element: ET.Element,
    parts: list[str],
    spans: list[tuple[ET.Element, int, int]],
    *,
    is_root: bool = False,
) -> None:
    """Append the text under ``element`` to ``parts``; record descendants' offsets in order."""
    length = [0]

    def add(piece: str | None) -> None:
        if piece:
            parts.append(piece)
            length[0] += len(piece)

    def walk(node: ET.Element, top: bool) -> None:
        start = length[0]
        add(node.text)
        for child in node:
            # A document without <TEXT> is read from its root: skip its metadata elements.
            if not (top and child.tag in _OUTSIDE_TEXT):
                walk(child, False)
            add(child.tail)
        if not top:
            spans.append((node, start, length[0]))

    walk(element, is_root)
    spans.sort(key=lambda span: (span[1], -span[2]))


_OUTSIDE_TEXT = frozenset({"DOCID", "DCT", "MAKEINSTANCE", "TLINK", "SLINK", "ALINK"})
