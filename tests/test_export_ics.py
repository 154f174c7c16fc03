"""iCalendar: exact output, folding at 75 octets, escaping that unfolds back to the values."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import hypothesis
import pytest
from hypothesis import strategies as st

from timeline import Event, EventMention, Timeline
from timeline.export.ics import fold

VOTE = EventMention("a1", 0, 5, "voted", "vote", 0)
PLUS_ONE = timezone(timedelta(hours=1))


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
        ]
    )
    assert tl.to_ics() == (
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//news-timeline//timeline//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:e1@news-timeline\r\n"
        "DTSTAMP:19700101T000000Z\r\n"
        "DTSTART;VALUE=DATE:20200105\r\n"
        "DTEND;VALUE=DATE:20200106\r\n"
        "SUMMARY:Iraq's parliament voted\\; US troops\\, it said\\, must leave\r\n"
        'DESCRIPTION:a1: "voted"\\na2: "vote"\r\n'
        "LOCATION:Baghdad\\, Iraq\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:e2@news-timeline\r\n"
        "DTSTAMP:19700101T000000Z\r\n"
        "DTSTART:20200103T003000Z\r\n"
        "DTEND:20200103T013000Z\r\n"
        "SUMMARY:strike\r\n"
        'DESCRIPTION:a1: "voted"\r\n'
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:e3@news-timeline\r\n"
        "DTSTAMP:19700101T000000Z\r\n"
        "DTSTART:20200102T170000\r\n"
        "DTEND:20200102T210000\r\n"
        "SUMMARY:voted\r\n"
        'DESCRIPTION:a1: "voted"\r\n'
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )


def test_stamp_is_given_in_utc_and_must_be_aware():
    tl = Timeline([Event("e1", [VOTE], earliest=datetime(2020, 1, 5), latest=datetime(2020, 1, 6))])
    stamp = datetime(2020, 1, 8, 12, tzinfo=PLUS_ONE)
    assert "\r\nDTSTAMP:20200108T110000Z\r\n" in tl.to_ics(stamp=stamp)
    with pytest.raises(ValueError, match="stamp must be timezone-aware"):
        tl.to_ics(stamp=datetime(2020, 1, 8))


def test_long_lines_fold_between_characters():
    line = "SUMMARY:" + "a" * 66 + "€" + "b" * 80
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert [len(p.encode()) for p in pieces] == [74, 75, 10]
    assert pieces[1].startswith(" €")
    assert folded.replace("\r\n ", "") == line


def unfold(calendar: str) -> list[str]:
    return calendar.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


@hypothesis.given(
    label=st.text(min_size=1),
    location=st.none() | st.text(min_size=1),
    article=st.text(min_size=1, max_size=40),
)
def test_lines_fit_in_75_octets_and_unfold_to_the_values(label, location, article):
    mention = EventMention(article, 0, 5, "voted", "vote", 0)
    event = Event(
        "e1",
        [mention],
        earliest=datetime(2020, 1, 5),
        latest=datetime(2020, 1, 6),
        label=label,
        location=location,
    )
    calendar = Timeline([event]).to_ics()
    assert calendar.endswith("\r\n")
    assert "\n" not in calendar.replace("\r\n", "")
    assert "\r" not in calendar.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))
    fields = dict(line.split(":", 1) for line in unfold(calendar) if not line.startswith("BEGIN"))

    def expected(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)

    assert unescape(fields["SUMMARY"]) == expected(label)
    assert unescape(fields["DESCRIPTION"]) == expected(f'{article}: "voted"')
    if location:
        assert unescape(fields["LOCATION"]) == expected(location)
    else:
        assert "LOCATION" not in fields
