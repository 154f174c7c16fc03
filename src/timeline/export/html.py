"""A timeline as one self-contained HTML page: a time axis, its events and their sources.

The page asks nothing of the network: its style and a small script are inline, its data is
embedded as JSON, and without the script it is still a readable list of events, each with its
time, confidence and sources behind a disclosure. Events are points when their bounds are a
day or less apart, spans otherwise, faded towards an open end; undated events are listed
apart. The same timeline always gives the same page, byte for byte.

>>> from timeline import Timeline
>>> page = to_html(Timeline(()), title="Nothing yet")
>>> page.startswith("<!DOCTYPE html>"), "<h1>Nothing yet</h1>" in page
(True, True)
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from timeline.export.provenance import headline
from timeline.model import Article, Event, Granularity, Timeline

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["to_html"]

_POINT = timedelta(days=1)  # bounds at most this far apart are drawn as a point
_MAX_TICKS = 8
_CONTEXT = 160  # at most this many characters of a sentence either side of a trigger
#: Where a sentence ends: its stop, closing quotes or brackets, space, and a capital next.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n")
#: Tick spacings the axis picks from, finest first: (unit, how many).
_STEPS: tuple[tuple[str, int], ...] = (
    *(("hour", n) for n in (1, 3, 6, 12)),
    *(("day", n) for n in (1, 2)),
    *(("week", n) for n in (1, 2)),
    *(("month", n) for n in (1, 3, 6)),
    *(("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)),
)
_UNIT: dict[str, timedelta | relativedelta] = {
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(days=7),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}


def to_html(
    timeline: Timeline, title: str | None = None, *, articles: Iterable[Article] = ()
) -> str:
    """The timeline as one HTML page, titled ``title`` (else "Timeline").

    Given the ``articles`` the timeline was built from, each source also shows the words
    around its trigger, up to the ends of its sentence. Every text is escaped; the page links
    to nothing outside itself.

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
    texts = {article.id: article.text for article in articles}
    places = [_Place.of(n, event) for n, event in enumerate(timeline)]
    dated = [p for p in places if p.start is not None or p.end is not None]
    undated = [p for p in places if p.start is None and p.end is None]
    targets: dict[str, tuple[str, str]] = {}  # event id -> its element's id and its label
    for n, event in enumerate(timeline):
        targets.setdefault(event.id, (f"ev-{n}", headline(event)))
    axis = _Axis.over(dated)
    reporting = {m.article_id for event in timeline for m in event.mentions}
    summary = words["phrases"]["summary"].format(
        events=_count("event", len(places)), articles=_count("article", len(reporting))
    )
    slots = {
        "title": _escape(title),
        "summary": _escape(summary),
        "extent": _escape(axis.extent) if axis else "",
        "grid": _escape(axis.grid) if axis else "none",
        "axis": "".join(axis.tick_html()) if axis else "",
        "dated": "".join(_item(p, axis, targets, texts) for p in dated),
        "undated": "".join(_item(p, None, targets, texts) for p in undated),
        "dated_hidden": "" if dated else " hidden",
        "undated_hidden": "" if undated else " hidden",
        "empty_hidden": " hidden" if places else "",
        "data": _script_json(_data(title, places, texts)),
        "css": _resource("timeline.css"),
        "js": _resource("timeline.js"),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda match: slots[match[1]], _resource("timeline.html"))


@functools.cache
def _words() -> dict[str, Any]:
    with resources.files("timeline.export").joinpath("html_en.toml").open("rb") as handle:
        return tomllib.load(handle)


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
    def when(self) -> str:
        """The time in words: "2 Jan 2020, evening", "before 6 Jan 2020", "undated"."""
        phrases = _words()["phrases"]
        earliest, latest, interval = self.earliest, self.latest, self.event.when
        if earliest is None and latest is None:
            return phrases["undated"]
        if earliest is None:
            return phrases["before"].format(moment=_moment(latest))
        if latest is None:
            return phrases["after"].format(moment=_moment(earliest))
        if (
            interval is not None
            and interval.granularity is Granularity.PART_OF_DAY
            and (interval.start, interval.end) == (earliest, latest)
        ):
            part = _words()["parts_of_day"][interval.timex[-2:]]
            return f"{_day(date.fromisoformat(interval.timex[:10]))}, {part}"
        return _range(earliest, latest)

    @property
    def timex(self) -> str:
        """The TIMEX3 value of the event's ``when``, else its bounds as an ISO 8601 interval."""
        if self.event.when is not None:
            return self.event.when.timex
        if self.earliest is None and self.latest is None:
            return ""
        return "/".join(_iso(moment) for moment in (self.earliest, self.latest))


def _iso(moment: datetime | None) -> str:
    return ".." if moment is None else moment.isoformat(timespec="minutes")


def _day(day: date, *, year: bool = True, month: bool = True) -> str:
    text = str(day.day)
    if month:
        text += " " + _words()["months"][day.month - 1]
    return f"{text} {day.year}" if year else text


def _midnight(moment: datetime) -> bool:
    return moment.time() == datetime.min.time()


def _clock(moment: datetime) -> str:
    text = moment.strftime("%H:%M:%S" if moment.second else "%H:%M")
    if moment.tzinfo is None:
        return text
    offset = moment.isoformat()[-6:]
    return f"{text} UTC" if offset == "+00:00" else f"{text} UTC{offset}"


def _moment(moment: datetime) -> str:
    return _day(moment) if _midnight(moment) else f"{_day(moment)}, {_clock(moment)}"


def _between(start: str, end: str) -> str:
    return _words()["phrases"]["range"].format(start=start, end=end)


def _range(start: datetime, end: datetime) -> str:
    """``[start, end)`` in words: "5 Jan 2020", "February 2020", "2010s"."""
    if not (_midnight(start) and _midnight(end)):
        if start.date() == end.date():
            return _between(f"{_day(start)}, {_clock(start)}", _clock(end))
        return _between(_moment(start), _moment(end))
    last = end - timedelta(days=1)
    if start.day == end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        if start.month == 1 and months % 12 == 0:
            if months == 12:
                return str(start.year)
            if months == 120 and start.year % 10 == 0:
                return _words()["phrases"]["decade"].format(year=start.year)
            return _between(str(start.year), str(last.year))
        names = _words()["full_months"]
        if months == 1:
            return f"{names[start.month - 1]} {start.year}"
        if start.year == last.year:
            return _between(names[start.month - 1], f"{names[last.month - 1]} {start.year}")
        return _between(
            f"{names[start.month - 1]} {start.year}", f"{names[last.month - 1]} {last.year}"
        )
    if last.date() == start.date():
        return _day(start)
    same_year = start.year == last.year
    same_month = same_year and start.month == last.month
    return _between(_day(start, year=not same_year, month=not same_month), _day(last))


@attrs.frozen
class _Axis:
    """The time axis: the span it shows, its ticks, and where a moment falls on it."""

    start: datetime
    end: datetime
    first: datetime  # the earliest and latest bound of any event
    last: datetime
    ticks: tuple[tuple[datetime, str], ...]

    @classmethod
    def over(cls, places: Sequence[_Place]) -> _Axis | None:
        moments = [m for p in places for m in (p.start, p.end) if m is not None]
        if not moments:
            return None
        first, last = min(moments), max(moments)
        low, high = first, last
        if high - low < _POINT:
            extra = (_POINT - (high - low)) / 2
            low, high = _shifted(low, -extra), _shifted(high, extra)
        # A margin either side, wider where an event is open-ended so that its fade shows.
        before = 8 if any(p.start is None for p in places) else 25
        after = 8 if any(p.end is None for p in places) else 25
        start, end = _shifted(low, (low - high) / before), _shifted(high, (high - low) / after)
        return cls(start, end, first, last, _ticks(start, end))

    def at(self, moment: datetime) -> float:
        """Where ``moment`` falls, in percent of the axis from its start."""
        return 100 * ((moment - self.start) / (self.end - self.start))

    @property
    def extent(self) -> str:
        """The days from the first to the last bound, in words."""
        if self.first.date() == self.last.date():
            return _day(self.first)
        return _between(_day(self.first), _day(self.last))

    @property
    def grid(self) -> str:
        """A CSS gradient drawing a hairline at each tick."""
        if not self.ticks:
            return "none"
        stops = []
        for moment, _ in self.ticks:
            at = f"{self.at(moment):.2f}%"
            line = f"calc({at} + 1px)"
            stops += [f"transparent {at}", f"var(--rule) {at}", f"var(--rule) {line}"]
            stops.append(f"transparent {line}")
        return f"linear-gradient(90deg, {', '.join(stops)})"

    def tick_html(self) -> Iterator[str]:
        for n, (moment, label) in enumerate(self.ticks):
            at = self.at(moment)
            if at > 92:  # no room left for a label; the tick's line is drawn by the grid
                return
            odd = " odd" if n % 2 else ""  # odd ticks give way on a phone
            yield f'<span class="tick{odd}" style="--a:{at:.2f}%">{_escape(label)}</span>'


def _shifted(moment: datetime, by: timedelta) -> datetime:
    """``moment + by``, kept within the calendar."""
    later = _later(moment, by)
    if later is None:
        return datetime.max if by > timedelta(0) else datetime.min
    return later


def _ticks(start: datetime, end: datetime) -> tuple[tuple[datetime, str], ...]:
    """Ticks at round moments in ``[start, end]``, at most ``_MAX_TICKS`` of them."""
    ticks: list[datetime] = []
    for unit, n in _STEPS:
        ticks = list(itertools.islice(_round_moments(start, end, unit, n), _MAX_TICKS + 1))
        if len(ticks) <= _MAX_TICKS:
            break
    return tuple((moment, _tick_label(moment, unit)) for moment in ticks)


def _round_moments(start: datetime, end: datetime, unit: str, n: int) -> Iterator[datetime]:
    """The moments in ``[start, end]`` that begin a unit whose number ``n`` divides."""
    moment = _floor(start, unit)
    step = _UNIT[unit] * n
    while moment < start or not _aligned(moment, unit, n):
        moment = _later(moment, _UNIT[unit])
        if moment is None:
            return
    while moment <= end:
        yield moment
        moment = _later(moment, step)
        if moment is None:
            return


def _later(moment: datetime, by: timedelta | relativedelta) -> datetime | None:
    """``moment + by``, or ``None`` past the end of the calendar."""
    try:
        return moment + by
    except (OverflowError, ValueError):
        return None


def _floor(moment: datetime, unit: str) -> datetime:
    hour = moment.replace(minute=0, second=0, microsecond=0)
    if unit == "hour":
        return hour
    day = hour.replace(hour=0)
    if unit in ("day", "week"):
        return day - timedelta(days=day.weekday()) if unit == "week" else day
    return day.replace(day=1) if unit == "month" else day.replace(month=1, day=1)


def _aligned(moment: datetime, unit: str, n: int) -> bool:
    number = {
        "hour": moment.hour,
        "day": moment.toordinal(),
        "week": moment.toordinal() // 7,
        "month": moment.month - 1,
        "year": moment.year,
    }[unit]
    return number % n == 0


def _tick_label(moment: datetime, unit: str) -> str:
    if unit == "hour" and moment.hour:
        return moment.strftime("%H:%M")
    if unit == "year" or (moment.month == 1 and moment.day == 1):
        return str(moment.year)
    if unit == "month":
        return _words()["months"][moment.month - 1]
    return _day(moment, year=False)


def _mark(place: _Place, axis: _Axis) -> str:
    start, end = place.start, place.end
    if start is not None and end is not None and end - start <= _POINT:
        middle = axis.at(start + (end - start) / 2)
        return f'<span class="mark point" style="--a:{middle:.2f}%"></span>'
    kinds = "".join((" open-start" if start is None else "", " open-end" if end is None else ""))
    low = 0.0 if start is None else axis.at(start)
    high = 100.0 if end is None else axis.at(end)
    return f'<span class="mark span{kinds}" style="--a:{low:.2f}%;--b:{high:.2f}%"></span>'


def _meta(event: Event) -> str:
    """The event's confidence and how often it is reported, in words."""
    phrases = _words()["phrases"]
    mentions = phrases["mentions"].format(
        mentions=_count("mention", len(event.mentions)),
        articles=_count("article", len(event.articles)),
    )
    return f"{phrases['confidence'].format(value=f'{event.confidence:.2f}')} · {mentions}"


def _item(
    place: _Place,
    axis: _Axis | None,
    targets: dict[str, tuple[str, str]],
    texts: dict[str, str],
) -> str:
    """One event of the list: its line (time, label, confidence, mark) and its details."""
    words, event = _words(), place.event
    confidence = f"{event.confidence:.2f}"
    timex = f' <code class="timex">{_escape(place.timex)}</code>' if place.timex else ""
    track = f'<span class="track" aria-hidden="true">{_mark(place, axis)}</span>' if axis else ""
    facts = [("when", f"{_escape(place.when)}{timex}"), ("confidence", confidence)]
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
        f'<ul class="sources">{"".join(_source(s) for s in _sources(event, texts))}</ul>'
        f"</div></details></li>"
    )


def _sources(event: Event, texts: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Each mention of the event: article, trigger word, sentence, time words and tags, all
    of it as one line of ``text``, and the ``context`` of the trigger when its article's text
    is in ``texts``."""
    words = _words()
    phrases = words["phrases"]
    for m in event.mentions:
        tags = [words["modalities"][m.modality]] if m.modality in words["modalities"] else []
        if m.polarity == "NEG":
            tags.append(words["modalities"]["NEG"])
        notes = [phrases["sentence"].format(n=m.sentence + 1)]
        if m.time is not None:
            notes.append(phrases["dated_by"].format(text=m.time.text))
        yield {
            "article": m.article_id,
            "trigger": m.text,
            "sentence": m.sentence + 1,
            "time": None if m.time is None else m.time.text,
            "tags": tags,
            "text": f"{m.article_id}: “{m.text}”, {', '.join(notes + tags)}",
            "notes": notes,
            "context": _context(texts.get(m.article_id), m.start, m.end, m.text),
        }


def _source(source: dict[str, Any]) -> str:
    notes = "".join(f", {_escape(note)}" for note in source["notes"])
    tags = "".join(f' <span class="tag">{_escape(tag)}</span>' for tag in source["tags"])
    quote = ""
    if source["context"] is not None:
        before, trigger, after = (_escape(part) for part in source["context"])
        quote = f'<blockquote class="context">{before}<mark>{trigger}</mark>{after}</blockquote>'
    return (
        f'<li><span class="article">{_escape(source["article"])}</span> '
        f"“<b>{_escape(source['trigger'])}</b>”{notes}{tags}{quote}</li>"
    )


def _context(text: str | None, start: int, end: int, trigger: str) -> tuple[str, str, str] | None:
    """The trigger's sentence in ``text`` as (before, trigger, after), each side at most
    ``_CONTEXT`` characters, on one line; ``None`` without a text the trigger is found in.

    >>> _context("MPs met. On Sunday, they voted. Then", 20, 24, "they")
    ('On Sunday, ', 'they', ' voted.')
    >>> _context('He said: "No." They left.\\n', 15, 19, "They")
    ('', 'They', ' left.')
    """
    if text is None or text[start:end] != trigger:
        return None
    stops = _SENTENCE_END.finditer(text, 0, end)
    begin = max((stop.end() for stop in stops if stop.end() <= start), default=0)
    stop = _SENTENCE_END.search(text, end)
    before = " ".join(text[begin:start].split())
    if before and text[start - 1].isspace():
        before += " "
    after = " ".join(text[end : stop.end() if stop else len(text)].split())
    if after and text[end : end + 1].isspace():
        after = " " + after
    if len(before) > _CONTEXT:
        before = "…" + before[-_CONTEXT:].partition(" ")[2]
    if len(after) > _CONTEXT:
        after = after[:_CONTEXT].rpartition(" ")[0] + "…"
    return before, trigger, after


def _data(title: str, places: Sequence[_Place], texts: dict[str, str]) -> dict[str, Any]:
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
                "sources": list(_sources(p.event, texts)),
            }
            for p in places
        ],
    }
