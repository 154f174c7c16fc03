"""A timeline as one self-contained HTML page: a time axis, its events and their sources.

The page asks nothing of the network: its style and a small script are inline, its data is
embedded as JSON, and without the script it is still a readable list of events, each with its
time, its confidence when something about it disagrees, and its sources behind a
disclosure. Events are points when their bounds are a day or less apart, spans otherwise,
faded towards an open end; undated events are listed apart. The same timeline always gives
the same page, byte for byte.

>>> from timeline import Timeline
>>> page = to_html(Timeline(()), title="Nothing yet")
>>> page.startswith("<!DOCTYPE html>"), "<h1>Nothing yet</h1>" in page
(True, True)
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from importlib import resources
from typing import Any

import attrs

from timeline import layout
from timeline.chronology import bounds_interval
from timeline.export.axis import POINT, Axis
from timeline.export.provenance import headline
from timeline.export.quotes import Sentences
from timeline.export.wording import (
    describe_day,
    describe_moment,
    describe_when,
    shows_confidence,
)
from timeline.lang import words
from timeline.model import Article, ArticleRecord, Event, EventMention, Timeline

__all__ = ["to_html"]


def to_html(
    timeline: Timeline,
    title: str | None = None,
    *,
    articles: Iterable[Article] = (),
    whole: Timeline | None = None,
) -> str:
    """The timeline as one HTML page, titled ``title`` (else "Timeline").

    Each event's details say what it consisted of: the labels of its parts
    (:attr:`~timeline.Event.parts`: "offered condolences" of a statement), and who told it
    (its parts that only say it happened: "witnesses said"), found in ``whole``, the timeline
    ``timeline`` lists events of (else ``timeline`` itself).

    Each source names its article by title, linked to its ``url`` (from the timeline's
    :attr:`~timeline.Timeline.articles`, or from ``articles``; an article with no title by
    the headline of its text, :func:`timeline.layout.headline`), and the page ends with the
    list of articles cited. Given the ``articles`` the timeline was built from, each source
    also quotes the words around its trigger, up to the ends of its sentence. Every text is
    escaped; the page loads nothing from outside itself (its only links are the articles').

    >>> from datetime import datetime
    >>> from timeline import Event, EventMention, Timeline
    >>> m = EventMention("a1", 0, 5, "voted", "vote", 0, earliest=datetime(2020, 1, 5),
    ...                  latest=datetime(2020, 1, 6))
    >>> page = to_html(Timeline([Event("e1", (m,), label="<b>MPs</b> voted",
    ...                                earliest=m.earliest, latest=m.latest)]))
    >>> "&lt;b&gt;MPs&lt;/b&gt; voted" in page, "<b>MPs</b>" in page
    (True, False)
    """
    words = _words()
    title = words["phrases"]["title"] if title is None else title
    library = _Library.of(timeline, articles)
    places = [_Place.of(n, event) for n, event in enumerate(timeline.events)]
    dated = [p for p in places if p.start is not None or p.end is not None]
    undated = [p for p in places if p.start is None and p.end is None]
    targets: dict[str, tuple[str, str]] = {}  # event id -> its element's id and its label
    for n, event in enumerate(timeline.events):
        targets.setdefault(event.id, (f"ev-{n}", headline(event)))
    every = {event.id: event for event in (whole or timeline).events}
    axis = Axis.over([span for p in dated for span in ((p.start, p.end), *p.told)])
    reporting = {m.article_id for event in timeline.events for m in event.mentions}
    summary = words["phrases"]["summary"].format(
        events=_count("event", len(places)), articles=_count("article", len(reporting))
    )
    slots = {
        "title": _escape(title),
        "summary": _escape(summary),
        "extent": f'<span class="extent"> · {_escape(axis.extent)}</span>' if axis else "",
        "grid": _escape(axis.grid) if axis else "none",
        "axis": "".join(axis.tick_html()) if axis else "",
        "dated": "".join(_item(p, axis, targets, every, library) for p in dated),
        "undated": "".join(_item(p, None, targets, every, library) for p in undated),
        "articles": "".join(library.cited_html(reporting)),
        "articles_hidden": "" if reporting & set(library.records) else " hidden",
        "dated_hidden": "" if dated else " hidden",
        "undated_hidden": "" if undated else " hidden",
        "empty_hidden": " hidden" if places else "",
        "data": _script_json(_data(title, places, library)),
        "css": _resource("timeline.css"),
        "js": _resource("timeline.js"),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda match: slots[match[1]], _resource("timeline.html"))


def _words() -> Mapping[str, Any]:
    return words("page")


@functools.cache
def _resource(name: str) -> str:
    return resources.files("timeline.export").joinpath(name).read_text(encoding="utf-8")


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _script_json(value: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>`` or ``&`` left to end the tag."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _count(noun: str, n: int) -> str:
    one, many = _words()["phrases"][noun]
    return (one if n == 1 else many).format(n=n)


def _naive(moment: datetime | None) -> datetime | None:
    """``moment`` on one clock for the axis: aware times in UTC, naive ones as they are."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


@attrs.frozen
class _Place:
    """An event and its bounds: as given (``earliest``/``latest``) and on the axis' clock."""

    index: int
    event: Event
    earliest: datetime | None
    latest: datetime | None
    start: datetime | None
    end: datetime | None

    @classmethod
    def of(cls, index: int, event: Event) -> _Place:
        earliest, latest = event.earliest, event.latest
        if earliest is None and latest is None and event.when is not None:
            earliest, latest = event.when.start, event.when.end
        return cls(index, event, earliest, latest, _naive(earliest), _naive(latest))

    @property
    def told(self) -> tuple[tuple[datetime | None, datetime | None], ...]:
        """The bounds the text told (on the axis' clock), when a presumed day narrowed them
        (:attr:`~timeline.Event.told`): none, or one pair."""
        told = self.event.told
        if not self.event.presumed or told is None or told == (self.earliest, self.latest):
            return ()
        return ((_naive(told[0]), _naive(told[1])),)

    @property
    def when(self) -> str:
        """The time in words: "2 Jan 2020, evening", "before 6 Jan 2020", "undated"."""
        return describe_when(self.event)

    @property
    def timex(self) -> str:
        """The TIMEX3 value of the event's ``when``, else its bounds as an ISO 8601 interval."""
        if self.event.when is not None:
            return self.event.when.timex
        if self.earliest is None and self.latest is None:
            return ""
        return _calendar_timex(self.earliest, self.latest) or "/".join(
            _iso(moment) for moment in (self.earliest, self.latest)
        )


def _calendar_timex(earliest: datetime | None, latest: datetime | None) -> str | None:
    """The TIMEX3 value of the day, month or year ``[earliest, latest)`` is, as the words
    beside it say ("7 Aug 1998", not an ISO interval of two midnights); else ``None``.

    >>> _calendar_timex(datetime(1998, 8, 7), datetime(1998, 8, 8))
    '1998-08-07'
    >>> _calendar_timex(datetime(1998, 8, 1), datetime(1998, 9, 1))
    '1998-08'
    >>> _calendar_timex(datetime(1998, 8, 7), datetime(1998, 8, 9)) is None
    True
    """
    unit = bounds_interval(earliest, latest)
    return unit.timex if unit is not None and (unit.start, unit.end) == (earliest, latest) else None


def _iso(moment: datetime | None) -> str:
    return ".." if moment is None else moment.isoformat(timespec="minutes")


def _mark(place: _Place, axis: Axis) -> str:
    """The marks of an event on the axis: a point for a day or less, else a span (faded
    towards an open end), hollow when presumed; on a presumed day, the span the text told
    drawn light beneath it ("presumed on 8 Jan, told after 2 Jan, 17:00")."""
    told = "".join(_span(start, end, axis, " told") for start, end in place.told)
    start, end = place.start, place.end
    presumed = " presumed" if place.event.presumed else ""  # drawn hollow: not told, presumed
    if start is not None and end is not None and end - start <= POINT:
        middle = axis.at(start + (end - start) / 2)
        return f'{told}<span class="mark point{presumed}" style="--a:{middle:.2f}%"></span>'
    return told + _span(start, end, axis, presumed)


def _span(start: datetime | None, end: datetime | None, axis: Axis, kinds: str) -> str:
    """A span's mark from ``start`` to ``end`` (``None`` where open), of the classes
    ``kinds`` besides its own."""
    opens = (" open-start" if start is None else "", " open-end" if end is None else "")
    kinds = "".join(opens) + kinds
    low = 0.0 if start is None else axis.at(start)
    high = 100.0 if end is None else axis.at(end)
    return f'<span class="mark span{kinds}" style="--a:{low:.2f}%;--b:{high:.2f}%"></span>'


def _meta(event: Event) -> str:
    """How often the event is reported, in words, after its confidence when something about
    it disagrees (:func:`~timeline.export.wording.shows_confidence`)."""
    phrases = _words()["phrases"]
    mentions = phrases["mentions"].format(
        mentions=_count("mention", len(event.mentions)),
        articles=_count("article", len(event.articles)),
    )
    if not shows_confidence(event):
        return mentions
    return f"{phrases['confidence'].format(value=f'{event.confidence:.2f}')} · {mentions}"


def _item(
    place: _Place,
    axis: Axis | None,
    targets: dict[str, tuple[str, str]],
    every: Mapping[str, Event],
    library: _Library,
) -> str:
    """One event of the list: its line (time, label, confidence when below 1, mark) and its
    details; ``every`` holds every event by id, for its parts."""
    words, event = _words(), place.event
    timex = f' <code class="timex">{_escape(place.timex)}</code>' if place.timex else ""
    track = f'<span class="track" aria-hidden="true">{_mark(place, axis)}</span>' if axis else ""
    facts = [("when", f"{_escape(place.when)}{timex}")]
    if shows_confidence(event):
        facts.append(("confidence", f"{event.confidence:.2f}"))
    names = dict.fromkeys(p.name for p in event.participants)
    if names:
        facts.append(("who", _escape(", ".join(names))))
    if event.location:
        facts.append(("where", _escape(event.location)))
    others = [
        f'<a href="#{targets[other][0]}">{_escape(targets[other][1])}</a>'
        for other in event.contradicts
        if other in targets
    ]
    if others:
        facts.append(("contradicts", ", ".join(others)))
    parts = [every[part] for part in event.parts if part in every]
    for key, told in (("parts", False), ("told_by", True)):
        shown = [_escape(headline(p)) for p in parts if _reports(p) is told]
        if shown:
            facts.append((key, "; ".join(shown)))
    facts_html = "".join(
        f"<div><dt>{_escape(words['labels'][key])}</dt><dd>{value}</dd></div>"
        for key, value in facts
    )
    return (
        f'<li class="event" id="ev-{place.index}">'
        f'<details><summary><span class="row">'
        f'<span class="when">{_escape(place.when)}{timex}</span>'
        f'<span class="what">{_escape(headline(event))}</span>'
        f'<span class="meta">{_escape(_meta(event))}</span>{track}'
        f"</span></summary>"
        f'<div class="details"><dl>{facts_html}</dl>'
        f"<h3>{_escape(words['labels']['sources'])}</h3>"
        f'<ul class="sources">{"".join(_source(s, library) for s in _sources(event, library))}</ul>'
        f"</div></details></li>"
    )


def _reports(event: Event) -> bool:
    """Whether ``event`` only says that another happened ("witnesses said"): reports that
    are no happening of their own (:func:`timeline.canonical.tells_happening`)."""
    return not event.happening and all(m.event_class == "REPORTING" for m in event.mentions)


@attrs.frozen
class _Library:
    """What the page knows of the articles: their records (title, link...), texts and
    headlines."""

    records: dict[str, ArticleRecord]
    texts: dict[str, Sentences]
    headlines: dict[str, str]

    @classmethod
    def of(cls, timeline: Timeline, articles: Iterable[Article]) -> _Library:
        records = {record.id: record for record in timeline.articles}
        texts, headlines = {}, {}
        for article in articles:
            records.setdefault(article.id, ArticleRecord.of(article))
            texts[article.id] = sentences = Sentences(article.text)
            top = layout.headline(article.text)
            headlines[article.id] = (
                _opening(sentences) if top is None else article.text[top[0] : top[1]]
            ) or article.id
        return cls(records, texts, headlines)

    def name(self, article_id: str) -> str:
        """What the article is called: its title, else the headline of its text, else the
        first words of its opening sentence (never its dateline), else its id."""
        record = self.records.get(article_id)
        if record is not None and record.title:
            return record.title
        return self.headlines.get(article_id, article_id)

    def link(self, article_id: str) -> str | None:
        """The article's address, if it is a web address."""
        record = self.records.get(article_id)
        url = None if record is None else record.url
        return url if url is not None and _WEB.match(url) else None

    def context(self, m: EventMention) -> tuple[str, str, str] | None:
        sentences = self.texts.get(m.article_id)
        return None if sentences is None else sentences.around(m.start, m.end, m.text)

    def cited_html(self, ids: set[str]) -> Iterator[str]:
        """The list items of the articles cited, in order of publication: title (linked),
        source, date, id."""
        cited = [self.records[article_id] for article_id in ids & set(self.records)]
        for record in sorted(cited, key=_publication_order):
            article_id = record.id
            details = [record.source] if record.source else []
            if record.published is not None:
                details.append(_published(record.published))
            details.append(article_id)
            yield (
                f'<li id="article-{_escape(article_id)}">{self.cite_html(article_id)} '
                f'<span class="outlet">{_escape(" · ".join(details))}</span></li>'
            )

    def cite_html(self, article_id: str) -> str:
        name, link = _escape(self.name(article_id)), self.link(article_id)
        if link is None:
            return f'<span class="article">{name}</span>'
        return f'<a class="article" href="{_escape(link)}" rel="noopener noreferrer">{name}</a>'


#: The most words of its opening sentence that name an article with no title nor headline.
_OPENING_WORDS = 12
#: A word of letters with a small one: a line with fewer than ``_LINE_WORDS`` of them is a
#: web address, a date line or a time stamp ("http://variety.com/...", "AUGUST 2, 2013 |
#: 08:06AM PT", "8/2/13 at 1:30 PM", "Friday August 2, 2013 @ 8:13am PDT").
_WORD = re.compile(r"\b[^\W\d_]*[a-z][^\W\d_]*\b")
_LINE_WORDS = 3


def _opening(sentences: Sentences) -> str:
    """The first words of the opening sentence of an article's text, for a reader to know
    the article by (a wire story or a web page may have no headline in its text): from its
    first line of words after its dateline and byline (not a web address, a date line or a
    time stamp), up to the end of that line or sentence and at most ``_OPENING_WORDS``, "…"
    where cut.

    >>> _opening(Sentences("ROME (AP) _\\n\\nFloods hit the city. More."))
    'Floods hit the city.'
    >>> _opening(Sentences("http://news.example/floods.html\\nMay 2, 2013 1:35 pm\\n"
    ...                    "Floods hit Rome\\nThe river rose."))
    'Floods hit Rome'
    """
    text = sentences.text
    aside = (layout.dateline(text), layout.byline(text))
    start = max((span[1] for span in aside if span is not None), default=0)
    for line in text[start:].split("\n"):
        if "://" not in line and len(_WORD.findall(line)) >= _LINE_WORDS:
            break
        start += len(line) + 1
    said = sentences.sentence_from(start, text.find("\n", start)).split()
    return " ".join(said[:_OPENING_WORDS]) + ("…" if len(said) > _OPENING_WORDS else "")


def _publication_order(record: ArticleRecord) -> tuple[bool, str, str]:
    """Articles in order of publication (on one clock), undated last, then by id."""
    published = record.published
    if isinstance(published, datetime):
        published = _naive(published)
    return (published is None, "" if published is None else published.isoformat(), record.id)


_WEB = re.compile(r"https?://[^\s]+\Z", re.IGNORECASE)


def _published(published: date | datetime) -> str:
    if isinstance(published, datetime):
        return describe_moment(published)
    return describe_day(published)


def _sources(event: Event, library: _Library) -> Iterator[dict[str, Any]]:
    """Each mention of the event: article (id, title, link), trigger word, sentence, time
    words and tags, all of it as one line of ``text``, and the ``context`` of the trigger
    when its article's text is known."""
    words = _words()
    phrases = words["phrases"]
    for m in event.mentions:
        tags = [words["modalities"][m.modality]] if m.modality in words["modalities"] else []
        if m.polarity == "NEG":
            tags.append(words["modalities"]["NEG"])
        notes = [phrases["sentence"].format(n=m.sentence + 1)]
        if m.time is not None:
            notes.append(phrases["dated_by"].format(text=m.time.text))
        name = library.name(m.article_id)
        yield {
            "article": m.article_id,
            "title": name,
            "url": library.link(m.article_id),
            "trigger": m.text,
            "sentence": m.sentence + 1,
            "time": None if m.time is None else m.time.text,
            "tags": tags,
            "text": f"{name}: “{m.text}”, {', '.join(notes + tags)}",
            "notes": notes,
            "context": library.context(m),
        }


def _source(source: dict[str, Any], library: _Library) -> str:
    notes = "".join(f", {_escape(note)}" for note in source["notes"])
    tags = "".join(f' <span class="tag">{_escape(tag)}</span>' for tag in source["tags"])
    quote = ""
    if source["context"] is not None:
        before, trigger, after = (_escape(part) for part in source["context"])
        quote = f'<blockquote class="context">{before}<mark>{trigger}</mark>{after}</blockquote>'
    return (
        f"<li>{library.cite_html(source['article'])} "
        f"“<b>{_escape(source['trigger'])}</b>”{notes}{tags}{quote}</li>"
    )


def _data(title: str, places: Sequence[_Place], library: _Library) -> dict[str, Any]:
    """What the page's script reads: each event's words for the tooltip, by element id."""
    return {
        "format": "timeline-html/1",
        "title": title,
        "events": [
            {
                "id": p.event.id,
                "element": f"ev-{p.index}",
                "label": headline(p.event),
                "when": p.when,
                "timex": p.timex,
                "confidence": p.event.confidence,
                "meta": _meta(p.event),
                "sources": list(_sources(p.event, library)),
            }
            for p in places
        ],
    }
