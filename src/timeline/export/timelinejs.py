"""Knight Lab TimelineJS3 JSON: one slide per dated event, citing its sources.

:func:`document` gives the dict TimelineJS3 reads (``{"title": slide, "events": [slides]}``,
as https://timeline.knightlab.com/docs/json-format.html describes it), ready for
:func:`json.dumps`. Each slide has

- ``start_date`` (and ``end_date`` when the event spans more than one unit of its precision),
  with ``year``/``month``/``day``/``hour``/``minute``/``second`` down to the event's
  granularity only (``2020-01`` gives ``{"year": 2020, "month": 1}``): from ``event.when``,
  else from its bounds (to the day when both fall at midnight, else to the minute). Dates are
  the wall-clock time the bounds are in (their own zone for aware ones);
- ``display_date`` when the dates alone would say more than we know, or name a unit
  TimelineJS has no name for: the event's time in words as every export says it
  (:func:`~timeline.export.wording.describe_when`: "before 8 Jan 2020", "5 Jan 2020 or later",
  "autumn 1998", "8 Jan 2020, evening");
- ``text``: the headline (the event's label) and one paragraph per article reporting it: the
  sentence that reports it, quoted from the article when its text is given (``articles``),
  else its trigger words, and the article's title, linked to its ``url`` when the timeline
  knows one (:attr:`Timeline.articles <timeline.Timeline.articles>`); all of it escaped for
  the HTML TimelineJS renders (a ``title`` given by the caller is left as it is: it may
  hold HTML);
- ``unique_id``: the event id, stable across runs;
- ``group``, when a ``group`` function names one (``group=lambda e: e.location``).

Events with no time at all are left out: TimelineJS requires a ``start_date``. TimelineJS
sorts slides by start date with a stable sort, so events on one date keep the timeline's
order.

>>> from datetime import datetime
>>> from timeline import Event, EventMention, Granularity, Interval, Timeline
>>> day = Interval(datetime(2020, 1, 5), datetime(2020, 1, 6), Granularity.DAY)
>>> e = Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0)], when=day,
...           earliest=day.start, latest=day.end, label="parliament voted")
>>> [slide] = document(Timeline([e]))["events"]
>>> slide["start_date"], slide["text"]["headline"]
({'year': 2020, 'month': 1, 'day': 5}, 'parliament voted')

The title slide names the timeline (``title``, else "Timeline") and counts its events and
articles.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

import attrs

from timeline.export.provenance import headline
from timeline.export.quotes import Sentences
from timeline.export.wording import describe_when
from timeline.model import Article, ArticleRecord, Event, EventMention, Granularity, Timeline
from timeline.temporal.timex3 import parse_value

__all__ = ["document", "slide"]

_PARTS = ("year", "month", "day", "hour", "minute", "second")

#: How many of the date parts a granularity names: 1 is the year, 6 down to the second.
PRECISION: dict[Granularity, int] = {
    Granularity.SECOND: 6,
    Granularity.MINUTE: 5,
    Granularity.HOUR: 4,
    Granularity.PART_OF_DAY: 4,
    Granularity.DAY: 3,
    Granularity.WEEKEND: 3,
    Granularity.WEEK: 3,
    Granularity.MONTH: 2,
    Granularity.SEASON: 2,
    Granularity.QUARTER: 2,
    Granularity.HALF_YEAR: 2,
    Granularity.YEAR: 1,
    Granularity.DECADE: 1,
    Granularity.CENTURY: 1,
}
_DAY = PRECISION[Granularity.DAY]
_MINUTE = PRECISION[Granularity.MINUTE]


def document(
    timeline: Timeline,
    title: str | None = None,
    group: Callable[[Event], str | None] | None = None,
    articles: Iterable[Article] = (),
) -> dict[str, Any]:
    """The TimelineJS3 data of ``timeline``: a title slide, and one slide per event that has
    a time, in timeline order. ``group`` names each event's group (TimelineJS shows a
    group's slides on rows of their own), ``None`` for no group; ``articles``, the articles
    the timeline was built from, give each card the sentences that report its event.

    >>> document(Timeline(()), title="Iran, January 2020")
    {'title': {'text': {'headline': 'Iran, January 2020', 'text': '<p>0 events from 0 \
articles</p>'}}, 'events': []}
    """
    texts = {article.id: Sentences(article.text) for article in articles}
    cited = _Cited({record.id: record for record in timeline.articles}, texts)
    reporting = {m.article_id for event in timeline.events for m in event.mentions}
    summary = f"{_count(len(timeline.events), 'event')} from {_count(len(reporting), 'article')}"
    data: dict[str, Any] = {
        "title": {
            "text": {
                "headline": "Timeline" if title is None else title,
                "text": f"<p>{summary}</p>",
            }
        }
    }
    slides = ((event, slide(event, cited)) for event in timeline.events)
    data["events"] = [
        _grouped(s, None if group is None else group(event)) for event, s in slides if s is not None
    ]
    return data


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _grouped(slide: dict[str, Any], group: str | None) -> dict[str, Any]:
    return slide if group is None else {**slide, "group": _html(group)}


@attrs.frozen
class _Cited:
    """What the cards cite of the articles: their records and their sentences."""

    records: dict[str, ArticleRecord] = attrs.field(factory=dict)
    texts: dict[str, Sentences] = attrs.field(factory=dict)

    def paragraph(self, article: str, mentions: list[EventMention]) -> str:
        """One article's report of an event: its sentence (else its words), and the article."""
        quotes = []
        sentences = self.texts.get(article)
        for m in mentions:
            around = None if sentences is None else sentences.around(m.start, m.end, m.text)
            if around is None:
                quotes.append(f"“{_html(m.text)}”")
            else:
                before, trigger, after = (_html(part) for part in around)
                quotes.append(f"“{before}<b>{trigger}</b>{after}”")
        record = self.records.get(article)
        name = _html(record.title if record is not None and record.title else article)
        url = None if record is None else record.url
        if url is not None and _WEB.match(url):
            name = f'<a href="{html.escape(url, quote=True)}">{name}</a>'
        return f"<p>{' '.join(dict.fromkeys(quotes))} — {name}</p>"


_WEB = re.compile(r"https?://\S+\Z", re.IGNORECASE)


def slide(event: Event, cited: _Cited | None = None) -> dict[str, Any] | None:
    """The slide of ``event``, or ``None`` when it has no time.

    >>> from timeline import EventMention
    >>> e = Event("e1", [EventMention("a1", 0, 4, "vote", "vote", 0)],
    ...           latest=datetime(2020, 1, 8))
    >>> s = slide(e)
    >>> s["start_date"], s["display_date"], s["text"]["text"]
    ({'year': 2020, 'month': 1, 'day': 7}, 'before 8 Jan 2020', '<p>“vote” — a1</p>')
    >>> slide(Event("e2", [EventMention("a1", 0, 4, "vote", "vote", 0)])) is None
    True
    """
    dates = _dates(event)
    if dates is None:
        return None
    start, last, precision, display = dates
    result: dict[str, Any] = {"start_date": _parts(start, precision)}
    end = _parts(last, precision)
    if end != result["start_date"]:
        result["end_date"] = end
    if display:
        result["display_date"] = describe_when(event)
    by_article: dict[str, list[EventMention]] = {}
    for m in event.mentions:
        by_article.setdefault(m.article_id, []).append(m)
    cited = cited or _Cited()
    text = "".join(cited.paragraph(article, found) for article, found in by_article.items())
    result["text"] = {"headline": _html(headline(event)), "text": text}
    result["unique_id"] = event.id
    return result


#: The units TimelineJS names by itself from a slide's dates; for others it is told in words.
_NAMED = frozenset(
    {Granularity.SECOND, Granularity.MINUTE, Granularity.HOUR, Granularity.DAY}
    | {Granularity.MONTH, Granularity.YEAR}
)


def _dates(event: Event) -> tuple[datetime, datetime, int, bool] | None:
    """First moment, last moment and precision of the slide of ``event``, and whether its
    time must be told in words (:func:`~timeline.export.wording.describe_when`)."""
    if event.when is not None:
        when = event.when
        last = _before(when.end)
        if _whole(when.start, when.end, when.timex):
            return when.start, last, PRECISION[when.granularity], when.granularity not in _NAMED
        precision = max(PRECISION[when.granularity], _precision(when.start, when.end))
        return when.start, last, precision, True
    low, high = event.earliest, event.latest
    if low is not None and high is not None:
        return low, _before(high), _precision(low, high), True
    if low is not None:
        return low, low, _precision(low, low), True
    if high is not None:
        return _before(high), _before(high), _precision(high, high), True
    return None


def _html(text: str) -> str:
    """``text`` escaped for the HTML TimelineJS renders headlines and texts as."""
    return html.escape(text, quote=False)


def _whole(start: datetime, end: datetime, timex: str) -> bool:
    """Whether ``[start, end)`` is the whole unit its TIMEX3 value names."""
    parsed = parse_value(timex)
    wall = (start.replace(tzinfo=None), end.replace(tzinfo=None))
    return parsed is not None and parsed[:2] == wall


def _precision(*moments: datetime) -> int:
    """To the day when every moment is at midnight, else to the minute."""
    midnight = all(m.hour == m.minute == m.second == m.microsecond == 0 for m in moments)
    return _DAY if midnight else _MINUTE


def _before(moment: datetime) -> datetime:
    """The last moment before the exclusive bound ``moment``."""
    return (
        moment - timedelta(microseconds=1) if moment.replace(tzinfo=None) > datetime.min else moment
    )


def _parts(moment: datetime, precision: int) -> dict[str, int]:
    return {name: getattr(moment, name) for name in _PARTS[:precision]}
