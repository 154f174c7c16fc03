"""TimelineJS3 JSON: slide dates down to each event's granularity, sources, order."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from timeline import Article, ArticleRecord, Event, EventMention, Granularity, Interval, Timeline
from timeline.export.timelinejs import document


def event(eid, *, when=None, earliest=None, latest=None, label="", mentions=None):
    if when is not None and earliest is None and latest is None:
        earliest, latest = when.start, when.end
    mentions = mentions or [EventMention("a1", 0, 5, "voted", "vote", 0)]
    return Event(eid, mentions, when=when, earliest=earliest, latest=latest, label=label)


def interval(start, end, granularity):
    return Interval(start, end, granularity)


DAY = interval(datetime(2020, 1, 5), datetime(2020, 1, 6), Granularity.DAY)
WEEK = interval(datetime(2019, 12, 23), datetime(2019, 12, 30), Granularity.WEEK)
MONTH = interval(datetime(2020, 1, 1), datetime(2020, 2, 1), Granularity.MONTH)
EARLY_JANUARY = interval(datetime(2020, 1, 1), datetime(2020, 1, 11), Granularity.MONTH)
EVENING = interval(datetime(2020, 1, 2, 17), datetime(2020, 1, 2, 21), Granularity.PART_OF_DAY)
DECADE = interval(datetime(2010, 1, 1), datetime(2020, 1, 1), Granularity.DECADE)
MINUTE = interval(
    datetime(2020, 1, 3, 1, 2, tzinfo=timezone(timedelta(hours=3))),
    datetime(2020, 1, 3, 1, 3, tzinfo=timezone(timedelta(hours=3))),
    Granularity.MINUTE,
)


def dates(tl):
    return [
        (s["start_date"], s.get("end_date"), s.get("display_date")) for s in document(tl)["events"]
    ]


def test_dates_go_down_to_the_granularity_only():
    tl = Timeline(event(f"e{n}", when=w) for n, w in enumerate([DAY, WEEK, MONTH, DECADE]))
    assert dates(tl) == [
        ({"year": 2020, "month": 1, "day": 5}, None, None),
        (
            {"year": 2019, "month": 12, "day": 23},
            {"year": 2019, "month": 12, "day": 29},
            "week of 23 Dec 2019",
        ),
        ({"year": 2020, "month": 1}, None, None),
        ({"year": 2010}, {"year": 2019}, "2010s"),
    ]


def test_times_of_day_keep_their_hours_and_minutes_in_their_own_zone():
    tl = Timeline([event("e1", when=EVENING), event("e2", when=MINUTE)])
    assert dates(tl) == [
        (
            {"year": 2020, "month": 1, "day": 2, "hour": 17},
            {"year": 2020, "month": 1, "day": 2, "hour": 20},
            "2 Jan 2020, evening",
        ),
        ({"year": 2020, "month": 1, "day": 3, "hour": 1, "minute": 2}, None, None),
    ]


def test_fuzzy_and_bounded_events_say_what_is_known():
    tl = Timeline(
        [
            event("e1", when=EARLY_JANUARY),
            event("e2", earliest=datetime(2020, 1, 5), latest=datetime(2020, 1, 8)),
            event("e3", earliest=datetime(2020, 1, 5, 9, 30), latest=datetime(2020, 1, 5, 11)),
            event("e4", earliest=datetime(2020, 1, 5)),
            event("e5", latest=datetime(2020, 1, 8)),
        ]
    )
    assert dates(tl) == [
        (
            {"year": 2020, "month": 1, "day": 1},
            {"year": 2020, "month": 1, "day": 10},
            "1 \N{EN DASH} 10 Jan 2020",
        ),
        (
            {"year": 2020, "month": 1, "day": 5},
            {"year": 2020, "month": 1, "day": 7},
            "5 \N{EN DASH} 7 Jan 2020",
        ),
        (
            {"year": 2020, "month": 1, "day": 5, "hour": 9, "minute": 30},
            {"year": 2020, "month": 1, "day": 5, "hour": 10, "minute": 59},
            "5 Jan 2020, 09:30 \N{EN DASH} 11:00",
        ),
        ({"year": 2020, "month": 1, "day": 5}, None, "5 Jan 2020 or later"),
        ({"year": 2020, "month": 1, "day": 7}, None, "before 8 Jan 2020"),
    ]


def test_slides_cite_their_sources_and_keep_the_timeline_order():
    mentions = [
        EventMention("a1", 0, 5, "voted", "vote", 0),
        EventMention("a1", 30, 34, "vote", "vote", 1),
        EventMention("b<2>", 3, 8, "poll&", "poll", 0),
    ]
    tl = Timeline(
        [
            event("e2", when=DAY, label="MPs <b>voted</b>", mentions=mentions),
            event("e0"),
            event("e1", when=DAY),
        ]
    )
    data = document(tl, title="Iraq")
    assert data == {
        "title": {"text": {"headline": "Iraq", "text": "<p>3 events from 2 articles</p>"}},
        "events": [
            {
                "start_date": {"year": 2020, "month": 1, "day": 5},
                "text": {
                    "headline": "MPs &lt;b&gt;voted&lt;/b&gt;",
                    "text": "<p>“voted” “vote” — a1</p><p>“poll&amp;” — b&lt;2&gt;</p>",
                },
                "unique_id": "e2",
            },
            {
                "start_date": {"year": 2020, "month": 1, "day": 5},
                "text": {"headline": "voted", "text": "<p>“voted” — a1</p>"},
                "unique_id": "e1",
            },
        ],
    }
    assert tl.to_timelinejs(title="Iraq") == json.dumps(data, ensure_ascii=False)
    assert json.loads(tl.to_timelinejs(indent=2)) == document(tl)


def test_groups_are_named_by_the_function_given():
    tl = Timeline([event("e1", when=DAY), event("e2", when=DAY), event("e3")])
    groups = {"e1": "Baghdad & co", "e2": None, "e3": "never asked"}
    data = json.loads(tl.to_timelinejs(group=lambda e: groups[e.id]))
    assert [s.get("group") for s in data["events"]] == ["Baghdad &amp; co", None]


def test_cards_quote_the_sentences_and_link_the_articles_titles():
    text = "MPs met on Monday. On Jan. 5, the U.S. troops were told to go. Then they left."
    start = text.index("told")
    article = Article(
        text, date(2020, 1, 7), "a1", title="Iraq & the US", meta={"url": "https://x.org/?a=1&b"}
    )
    told = EventMention("a1", start, start + 4, "told", "tell", 1)
    tl = Timeline([event("e1", when=DAY, mentions=[told])], [ArticleRecord.of(article)])
    [card] = document(tl, articles=[article])["events"]
    assert card["text"]["text"] == (
        "<p>“On Jan. 5, the U.S. troops were <b>told</b> to go.” — "
        '<a href="https://x.org/?a=1&amp;b">Iraq &amp; the US</a></p>'
    )
    assert json.loads(tl.to_timelinejs(articles=[article]))["events"] == [card]
    javascript = ArticleRecord("a1", meta={"url": "javascript:alert(1)"})
    [card] = document(Timeline(tl.events, [javascript]))["events"]
    assert card["text"]["text"] == "<p>“told” — a1</p>"
