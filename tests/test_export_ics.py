"""iCalendar through the icalendar package: exact output, zones, stamps, values read back."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import hypothesis
import icalendar
import pytest
from hypothesis import strategies as st

from timeline import Article, ArticleRecord, Event, EventMention, Timeline

VOTE = EventMention("a1", 0, 5, "voted", "vote", 0)
PLUS_ONE = timezone(timedelta(hours=1))
STAMP = datetime(2020, 1, 9, 12, tzinfo=timezone.utc)


def test_exact_calendar_of_a_small_timeline():
    tl = Timeline(
        [
            Event(
                "e1",
                [VOTE, EventMention("a2", 7, 11, "vote", "vote", 0)],
                earliest=datetime(2020, 1, 5),
                latest=datetime(2020, 1, 6),
                label="Iraq's parliament voted; US troops, it said, must leave",
                location="Baghdad, Iraq",
            ),
            Event(
                "e2",
                [VOTE],
                earliest=datetime(2020, 1, 3, 1, 30, tzinfo=PLUS_ONE),
                latest=datetime(2020, 1, 3, 2, 30, tzinfo=PLUS_ONE),
                label="strike",
            ),
            Event("e3", [VOTE], earliest=datetime(2020, 1, 2, 17), latest=datetime(2020, 1, 2, 21)),
            Event("e4", [VOTE], earliest=datetime(2020, 1, 2)),
        ],
        [ArticleRecord("a1", date(2020, 1, 7), "Wire", "MPs vote", {"url": "https://x.org/a1"})],
    )
    assert tl.to_ics(stamp=STAMP, title="Iraq") == (
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//news-timeline//timeline//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "NAME:Iraq\r\n"
        "X-WR-CALNAME:Iraq\r\n"
        "BEGIN:VEVENT\r\n"
        "SUMMARY:Iraq's parliament voted\\; US troops\\, it said\\, must leave\r\n"
        "DTSTART;VALUE=DATE:20200105\r\n"
        "DTEND;VALUE=DATE:20200106\r\n"
        "DTSTAMP:20200109T120000Z\r\n"
        "UID:e1@news-timeline\r\n"
        'DESCRIPTION:a1: "voted"\\na2: "vote"\\na1: MPs vote\r\n'
        "LOCATION:Baghdad\\, Iraq\r\n"
        "URL:https://x.org/a1\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "SUMMARY:strike\r\n"
        "DTSTART:20200103T003000Z\r\n"
        "DTEND:20200103T013000Z\r\n"
        "DTSTAMP:20200109T120000Z\r\n"
        "UID:e2@news-timeline\r\n"
        'DESCRIPTION:a1: "voted"\\na1: MPs vote\r\n'
        "URL:https://x.org/a1\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "SUMMARY:voted\r\n"
        "DTSTART:20200102T170000\r\n"
        "DTEND:20200102T210000\r\n"
        "DTSTAMP:20200109T120000Z\r\n"
        "UID:e3@news-timeline\r\n"
        'DESCRIPTION:a1: "voted"\\na1: MPs vote\r\n'
        "URL:https://x.org/a1\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )


def test_times_keep_their_zone_with_its_definition():
    baghdad = ZoneInfo("Asia/Baghdad")
    event = Event(
        "e1",
        [VOTE],
        earliest=datetime(2020, 1, 2, 17, tzinfo=baghdad),
        latest=datetime(2020, 1, 2, 21, tzinfo=baghdad),
    )
    calendar = Timeline([event]).to_ics(stamp=STAMP)
    assert "\r\nDTSTART;TZID=Asia/Baghdad:20200102T170000\r\n" in calendar
    assert "\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Baghdad\r\n" in calendar
    [entry] = icalendar.Calendar.from_ical(calendar).walk("VEVENT")
    assert entry.decoded("DTSTART") == event.earliest
    assert entry.decoded("DTEND").utcoffset() == timedelta(hours=3)


def test_stamp_is_given_in_utc_and_must_be_aware():
    tl = Timeline([Event("e1", [VOTE], earliest=datetime(2020, 1, 5), latest=datetime(2020, 1, 6))])
    stamp = datetime(2020, 1, 8, 12, tzinfo=PLUS_ONE)
    assert "\r\nDTSTAMP:20200108T110000Z\r\n" in tl.to_ics(stamp=stamp)
    with pytest.raises(ValueError, match="stamp must be timezone-aware"):
        tl.to_ics(stamp=datetime(2020, 1, 8))


def test_the_default_stamp_is_source_date_epoch_else_now(monkeypatch: pytest.MonkeyPatch):
    tl = Timeline([Event("e1", [VOTE], earliest=datetime(2020, 1, 5), latest=datetime(2020, 1, 6))])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1578484800")
    assert "\r\nDTSTAMP:20200108T120000Z\r\n" in tl.to_ics()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now(timezone.utc).replace(microsecond=0)
    [entry] = icalendar.Calendar.from_ical(tl.to_ics()).walk("VEVENT")
    assert before <= entry.decoded("DTSTAMP") <= datetime.now(timezone.utc)


@hypothesis.given(
    label=st.text(min_size=1),
    location=st.none() | st.text(min_size=1),
    article=st.text(min_size=1, max_size=40),
)
@hypothesis.example(label="\\N", location="a\\Nb", article="\\N")  # not a line break
def test_lines_fit_in_75_octets_and_read_back_as_the_values(label, location, article):
    mention = EventMention(article, 0, 5, "voted", "vote", 0)
    event = Event(
        "e1",
        [mention],
        earliest=datetime(2020, 1, 5),
        latest=datetime(2020, 1, 6),
        label=label,
        location=location,
    )
    calendar = Timeline([event]).to_ics(stamp=STAMP)
    assert calendar.endswith("\r\n")
    assert "\n" not in calendar.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))
    [entry] = icalendar.Calendar.from_ical(calendar).walk("VEVENT")

    def expected(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def same(value: str, text: str) -> bool:  # control characters iCalendar cannot hold go
        kept = "".join(c for c in expected(text) if c == "\n" or (c >= " " and c != "\x7f"))
        return str(value) in (expected(text), kept)

    assert same(entry["SUMMARY"], label)
    assert same(entry["DESCRIPTION"], f'{article}: "voted"')
    assert ("LOCATION" in entry) == bool(location)
    if location:
        assert same(entry["LOCATION"], location)


def test_articles_given_to_build_are_cited(nlp: object) -> None:
    import timeline

    article = Article(
        "On Sunday, Iraq's parliament voted.",
        date(2020, 1, 7),
        "a1",
        title="MPs vote",
        meta={"url": "https://example.org/a1"},
    )
    calendar = timeline.build([article]).to_ics(stamp=STAMP)
    assert "\r\nURL:https://example.org/a1\r\n" in calendar
    assert "a1: MPs vote" in calendar
