"""Timeline.to_html: one self-contained page, escaped, deterministic, readable in a browser.

The unit tests build timelines by hand; the browser tests render the page in headless Chromium
and skip when no ``chromium`` is on PATH.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import attrs
import hypothesis
import pytest
from hypothesis import strategies as st

from timeline import (
    Article,
    ArticleRecord,
    Event,
    EventMention,
    Granularity,
    Interval,
    Participant,
    Timeline,
)
from timeline.export.html import to_html

SCRIPT = "<script>alert(1)</script>"


def at(day: int, hour: int = 0, month: int = 1, year: int = 2020) -> datetime:
    return datetime(year, month, day, hour)


def event(
    id: str,
    label: str,
    earliest: datetime | None = None,
    latest: datetime | None = None,
    when: Interval | None = None,
    article: str = "a1",
    trigger: str = "voted",
    **kwargs,
) -> Event:
    mention = EventMention(article, 0, len(trigger), trigger, trigger, 2)
    return Event(id, (mention,), earliest=earliest, latest=latest, when=when, label=label, **kwargs)


EVENING = Interval(at(2, 17), at(2, 21), Granularity.PART_OF_DAY)
WEEK = Interval(at(30, month=12, year=2019), at(6), Granularity.WEEK)
TIMELINE = Timeline(
    [
        event("e-open", "strike killed Soleimani", latest=at(2, 21)),
        event("e-evening", "call", EVENING.start, EVENING.end, EVENING),
        event("e-week", "talks", WEEK.start, WEEK.end, WEEK, article="a2"),
        event("e-day", "Iraq voted", at(5), at(6), Interval.from_timex("2020-01-05")),
        event("e-after", "withdrawal", earliest=at(9)),
        event("e-undated", SCRIPT, article='a"3&<b>', trigger="</script>"),
    ]
)


class Checker(HTMLParser):
    """Records the open elements and fails on an end tag that closes none of them."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


def embedded(page: str) -> dict:
    [data] = re.findall(
        r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S
    )
    return json.loads(data)


def section(page: str, name: str) -> tuple[bool, str]:
    """Whether the section is hidden, and its content."""
    [(attributes, content)] = re.findall(
        f'<section class="{name}"([^>]*)>(.*?)</section>', page, re.S
    )
    return " hidden" in attributes, content


# --- escaping, structure, references ------------------------------------------------------------


def test_text_from_articles_is_escaped_in_the_markup_and_the_data():
    page = TIMELINE.to_html(title="Iran & <Iraq>")
    assert SCRIPT not in page
    assert html.escape(SCRIPT) in page
    assert "<h1>Iran &amp; &lt;Iraq&gt;</h1>" in page
    assert page.count("</script>") == 2  # the data's and the script's own end tags
    assert "a&quot;3&amp;&lt;b&gt;" in page
    data = embedded(page)
    assert data["title"] == "Iran & <Iraq>"
    assert data["events"][5]["label"] == SCRIPT
    assert data["events"][5]["sources"][0]["trigger"] == "</script>"


def test_the_page_is_well_formed_with_one_list_item_per_event():
    checker = parse(TIMELINE.to_html())
    tags = [tag for tag, _ in checker.tags]
    assert tags.count("h1") == tags.count("main") == 1
    assert tags.count("ol") == 3  # dated, undated, articles cited
    items = [a["id"] for tag, a in checker.tags if tag == "li" and a.get("class") == "event"]
    assert items == [f"ev-{n}" for n in range(6)]
    assert tags.count("summary") == tags.count("details") == 6
    viewport = [a for tag, a in checker.tags if tag == "meta" and a.get("name") == "viewport"]
    assert viewport == [{"name": "viewport", "content": "width=device-width, initial-scale=1"}]


def test_the_page_refers_to_nothing_outside_itself():
    page = TIMELINE.to_html()
    assert "http://" not in page and "https://" not in page and "//" not in page
    references = [
        value
        for _, attributes in parse(page).tags
        for name, value in attributes.items()
        if name in ("src", "href", "action", "srcset")
    ]
    assert all(value is not None and value.startswith("#") for value in references)
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_undated_events_are_listed_apart():
    page = TIMELINE.to_html()
    (_, dated), (hidden, undated) = section(page, "dated"), section(page, "undated")
    assert re.findall(r'<li class="event" id="(ev-\d+)"', dated) == [f"ev-{n}" for n in range(5)]
    assert re.findall(r'<li class="event" id="(ev-\d+)"', undated) == ["ev-5"]
    assert 'class="track"' not in undated
    assert not hidden
    assert section(Timeline(TIMELINE.events[:5]).to_html(), "undated")[0]


def test_an_empty_timeline_says_so():
    page = Timeline(()).to_html()
    assert '<p class="empty">No events.</p>' in page
    assert section(page, "dated")[0]
    assert embedded(page)["events"] == []
    parse(page)


def test_same_timeline_same_bytes_in_any_process():
    page = TIMELINE.to_html(title="t")
    assert TIMELINE.to_html(title="t") == page
    assert Timeline.from_json(TIMELINE.to_json()).to_html(title="t") == page
    script = (
        "import sys, timeline; print(timeline.Timeline.from_json(sys.stdin.read()).to_html('t'))"
    )
    other = subprocess.run(
        [sys.executable, "-c", script],
        input=TIMELINE.to_json(),
        capture_output=True,
        encoding="utf-8",
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345", "PYTHONIOENCODING": "utf-8"},
    )
    assert other.stdout == page + "\n"


def test_the_method_delegates_to_the_exporter():
    assert TIMELINE.to_html("x") == to_html(TIMELINE, "x")
    assert "<title>Timeline</title>" in to_html(TIMELINE)


# --- time, marks, sources -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earliest", "latest", "when", "words", "timex"),
    [
        (EVENING.start, EVENING.end, EVENING, "2 Jan 2020, evening", "2020-01-02TEV"),
        (None, at(2, 21), None, "before 2 Jan 2020, 21:00", "../2020-01-02T21:00"),
        (at(9), None, None, "9 Jan 2020 or later", "2020-01-09T00:00/.."),
        (WEEK.start, WEEK.end, WEEK, "week of 30 Dec 2019", "2020-W01"),
        (at(5), at(8), None, "5 -- 7 Jan 2020", "2020-01-05T00:00/2020-01-08T00:00"),
        (at(30), at(2, month=2), None, "30 Jan -- 1 Feb 2020", "2020-01-30T00:00/2020-02-02T00:00"),
        (
            at(2, 17),
            at(2, 18),
            None,
            "2 Jan 2020, 17:00 -- 18:00",
            "2020-01-02T17:00/2020-01-02T18:00",
        ),
        (
            at(1, month=2),
            at(1, month=3),
            None,
            "February 2020",
            "2020-02",  # the unit the words name, not an interval of two midnights
        ),
        (
            at(1, month=1),
            at(1, month=4),
            None,
            "January -- March 2020",
            "2020-01-01T00:00/2020-04-01T00:00",
        ),
        (at(1), at(1, year=2021), None, "2020", "2020"),
        (at(7), at(8), None, "7 Jan 2020", "2020-01-07"),
        (at(1, year=2010), at(1, year=2020), None, "2010s", "2010-01-01T00:00/2020-01-01T00:00"),
    ],
)
def test_times_in_words_and_timex(earliest, latest, when, words, timex):
    words = words.replace("--", "\N{EN DASH}")
    page = Timeline([event("e", "it", earliest, latest, when)]).to_html()
    assert f'<span class="when">{words} <code class="timex">{timex}</code></span>' in page
    [data] = embedded(page)["events"]
    assert (data["when"], data["timex"]) == (words, timex)


def test_a_day_or_less_is_a_point_wider_is_a_span_open_ends_are_open():
    marks = re.findall(r'<span class="mark ([a-z -]+)" style="([^"]*)"', TIMELINE.to_html())
    kinds = [kind for kind, _ in marks]
    assert kinds == ["span open-start", "point", "span", "point", "span open-end"]
    assert marks[0][1].startswith("--a:0.00%;")
    assert marks[4][1].endswith(";--b:100.00%")


def test_the_details_give_time_confidence_who_where_and_each_source():
    mention = EventMention("tass", 10, 16, "killed", "kill", 3, modality="HYPOTHETICAL")
    denial = EventMention("afp", 0, 4, "kill", "kill", 0, polarity="NEG")
    soleimani = Participant("Qasem Soleimani", "soleimani", "PERSON", "patient")
    killed = Event(
        "k",
        (denial, mention),
        (soleimani,),
        at(3),
        at(4),
        label="killed",
        location="Baghdad",
        confidence=0.75,
        contradicts=("other", "missing"),
    )
    other = event("other", "killed <earlier>", at(1), at(2))
    page = Timeline([other, killed]).to_html()
    assert "<div><dt>Confidence</dt><dd>0.75</dd></div>" in page
    assert "<div><dt>Who</dt><dd>Qasem Soleimani</dd></div>" in page
    assert "<div><dt>Where</dt><dd>Baghdad</dd></div>" in page
    assert '<dd><a href="#ev-0">killed &lt;earlier&gt;</a></dd>' in page
    assert (
        '<li><span class="article">tass</span> “<b>killed</b>”, sentence 4 '
        '<span class="tag">hypothetical</span></li>'
    ) in page
    assert '<span class="tag">negated</span>' in page
    assert "confidence 0.75 · 2 mentions in 2 articles" in page
    texts = [s["text"] for s in embedded(page)["events"][1]["sources"]]
    assert texts == ["afp: “kill”, sentence 1, negated", "tass: “killed”, sentence 4, hypothetical"]


def test_a_confidence_of_one_is_not_shown_as_nothing_disagrees():
    page = Timeline([event("v", "parliament voted", at(5), at(6))]).to_html()
    assert "<dt>Confidence</dt>" not in page and "confidence 1.00" not in page
    assert '<span class="meta">1 mention in 1 article</span>' in page


def test_events_sharing_an_id_keep_their_own_rows_and_links_go_to_the_first():
    first, second = event("same", "first", at(1), at(2)), event("same", "second", at(3), at(4))
    third = event("c", "third", at(5), at(6), contradicts=("same",))
    page = Timeline([first, second, third]).to_html()
    assert re.findall(r'<span class="what">(\w+)</span>', page) == ["first", "second", "third"]
    assert '<dd><a href="#ev-0">first</a></dd>' in page


def test_given_the_articles_each_source_quotes_its_sentence():
    text = "Iraq's MPs met. On Sunday, they <voted> to expel U.S. troops. Then they left."
    voted = EventMention("a1", text.index("<voted>"), text.index(" to"), "<voted>", "vote", 1)
    stray = EventMention("a2", 0, 4, "gone", "go", 0)
    page = Timeline([Event("v", (voted, stray), label="vote")]).to_html(
        articles=[Article(text, id="a1"), Article("It is not here.", id="a2")]
    )
    assert (
        '<blockquote class="context">On Sunday, they <mark>&lt;voted&gt;</mark> '
        "to expel U.S. troops.</blockquote>"
    ) in page
    assert page.count('<blockquote class="context">') == 1
    contexts = [s["context"] for s in embedded(page)["events"][0]["sources"]]
    assert contexts == [["On Sunday, they ", "<voted>", " to expel U.S. troops."], None]
    assert "<blockquote" not in Timeline([Event("v", (voted,))]).to_html()


def test_aware_and_naive_times_share_one_axis():
    moscow = timezone(timedelta(hours=3))
    aware = event(
        "a",
        "aware",
        datetime(2020, 1, 2, 17, tzinfo=moscow),
        datetime(2020, 1, 2, 18, tzinfo=moscow),
    )
    page = Timeline([aware, event("n", "naive", at(5), at(6))]).to_html()
    assert "2 Jan 2020, 17:00 UTC+03:00 \N{EN DASH} 18:00 UTC+03:00" in page
    assert len(re.findall(r'class="mark point"', page)) == 3  # two events and the legend


def test_an_event_on_a_presumed_day_is_drawn_hollow_and_said_presumed():
    told = event("t", "told", at(5), at(6))
    presumed = attrs.evolve(event("p", "presumed", at(7), at(8)), presumed=True)
    page = Timeline([told, presumed]).to_html()
    assert len(re.findall(r'class="mark point presumed" style', page)) == 1
    assert len(re.findall(r'class="mark point" style', page)) == 1
    assert "7 Jan 2020, presumed" in page
    # the lower bound the text told, which the presumed day narrowed, is said beside it
    after = attrs.evolve(presumed, id="a", told=(at(2, 17), at(8)))
    assert "7 Jan 2020, presumed (after 2 Jan, 17:00)" in Timeline([after]).to_html()
    # hollow on the timeline itself, not only in the legend (".key .mark.point.presumed")
    assert re.search(r"^\.mark\.point\.presumed \{", page, re.MULTILINE)


def test_a_presumed_day_is_drawn_on_the_span_the_text_told():
    """A day presumed after 2 Jan, 17:00: the told span drawn light, the hollow day on it."""
    presumed = attrs.evolve(event("p", "presumed", at(8), at(9)), presumed=True)
    after = attrs.evolve(presumed, told=(at(2, 17), at(9)))
    page = Timeline([event("t", "told", at(2), at(3)), after]).to_html()
    told = re.findall(r'class="mark span told" style="--a:([\d.]+)%;--b:([\d.]+)%"', page)
    day = re.findall(r'class="mark point presumed" style="--a:([\d.]+)%"', page)
    assert len(told) == 1 and len(day) == 1
    (low, high), middle = (float(a) for a in told[0]), float(day[0])
    assert low < middle < high
    # before it, the day told by the other event; the told span ends the axis with it
    [other] = re.findall(r'class="mark point" style="--a:([\d.]+)%"', page)
    assert float(other) < low
    # an open bound is drawn open; no told span where the text told the day itself
    before = attrs.evolve(presumed, told=(None, at(9)))
    assert 'class="mark span open-start told"' in Timeline([before]).to_html()
    same = attrs.evolve(presumed, told=(at(8), at(9)))
    assert not re.search(r'class="mark span[a-z -]* told" style', Timeline([same]).to_html())


def test_the_ends_of_the_calendar_do_not_break_the_axis():
    first = event("first", "first", datetime(1, 1, 1), datetime(1, 1, 2))
    last = event("last", "last", datetime(9999, 12, 30), datetime(9999, 12, 31))
    page = Timeline([first, last]).to_html()
    ticks = re.findall(r'<span class="tick[^"]*" style="--a:([\d.]+)%">(\d+)</span>', page)
    assert 2 <= len(ticks) <= 8
    assert all(0 <= float(a) <= 100 for a, _ in ticks)


MOMENTS = st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1))


@st.composite
def events(draw) -> Event:
    low = draw(st.none() | MOMENTS)
    high = draw(st.none() | MOMENTS.filter(lambda m: low is None or m > low))
    label = draw(st.text(max_size=20))
    return event(draw(st.text(max_size=4)), label, low, high)


@hypothesis.given(st.lists(events(), max_size=8))
@hypothesis.settings(max_examples=60)
def test_any_timeline_gives_a_well_formed_page_with_every_label(drawn):
    page = Timeline(drawn).to_html()
    parse(page)
    assert [e["label"] for e in embedded(page)["events"]] == [_label(e) for e in drawn]
    for position in re.findall(r"--[ab]:(-?[\d.]+)%", page):
        assert 0 <= float(position) <= 100
    assert page.count("</script>") == 2


def _label(e: Event) -> str:
    return e.label or e.mentions[0].text


# --- in a browser -------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
browser = pytest.mark.skipif(CHROMIUM is None, reason="no chromium or chromium-browser on PATH")
ACCENT = (29, 95, 168)  # the colour of the marks (timeline.css, --accent)


def chromium(tmp_path: Path, *args: str) -> str:
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", *args,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def pixels(png: bytes) -> tuple[int, int, set[tuple[int, ...]]]:
    """Width, height and the distinct colours of an 8-bit RGB or RGBA PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset : offset + 8])
        chunks.setdefault(kind, []).append(png[offset + 8 : offset + 8 + length])
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour in (2, 6)
    step = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks[b"IDAT"])), width * step
    previous, colours = bytearray(stride), set()
    for y in range(height):
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        unfilter(raw[y * (stride + 1)], line, previous, step)
        colours.update(zip(line[0::step], line[1::step], line[2::step], strict=True))
        previous = line
    return width, height, colours


def unfilter(kind: int, line: bytearray, previous: bytearray, step: int) -> None:
    """Undo the PNG filter ``kind`` of one scanline, in place."""
    if kind == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, previous, strict=True))
        return
    for x in range(len(line)):
        left = line[x - step] if x >= step else 0
        if kind == 1:
            line[x] = (line[x] + left) & 255
        elif kind == 3:
            line[x] = (line[x] + (left + previous[x]) // 2) & 255
        elif kind == 4:
            up, corner = previous[x], previous[x - step] if x >= step else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[x] = (line[x] + guess) & 255


@browser
@pytest.mark.parametrize("size", [(375, 800), (1024, 640)])
def test_chromium_draws_the_timeline(tmp_path, size):
    page = tmp_path / "timeline.html"
    page.write_text(TIMELINE.to_html(title="Soleimani"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}", page.as_uri())
    width, height, colours = pixels(shot.read_bytes())
    assert (width, height) == size
    assert len(colours) > 30
    assert ACCENT in colours


PROBE = """<!DOCTYPE html><html><body><iframe id="f" style="width:{width}px;height:800px;border:0"
srcdoc="{page}"></iframe><script>
var frame = document.getElementById("f");
frame.addEventListener("load", function () {{
  var d = frame.contentDocument, root = d.documentElement;
  document.body.setAttribute("data-result", JSON.stringify({{
    ready: d.getElementById("timeline").getAttribute("data-ready"),
    overflow: root.scrollWidth - root.clientWidth,
    marks: d.querySelectorAll(".events .mark").length,
    chips: Array.prototype.filter.call(d.querySelectorAll(".events .when"), function (when) {{
      var box = when.getBoundingClientRect(), chip = when.querySelector(".timex");
      return chip && chip.getBoundingClientRect().right > box.right + 0.5;
    }}).length
  }}));
}});
</script></body></html>"""


@browser
@pytest.mark.parametrize("width", [375, 1280])
def test_the_script_runs_and_nothing_scrolls_sideways(tmp_path, width):
    long_label = event("long", "W" * 120 + " https://example.org/" + "x" * 80, at(3), at(4))
    zone = timezone(timedelta(hours=-3, minutes=-30))
    long_chip = event(  # the longest words and TIMEX3 a time gets: two days, times and zones
        "chip",
        "talks",
        datetime(2020, 1, 2, 17, 5, 9, tzinfo=zone),
        datetime(2020, 1, 3, 4, 7, 1, tzinfo=zone),
    )
    page = Timeline([*TIMELINE.events, long_label, long_chip]).to_html()
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE.format(width=width, page=html.escape(page)), encoding="utf-8")
    dom = chromium(tmp_path, f"--window-size={width + 100},900", "--dump-dom", probe.as_uri())
    [result] = re.findall(r'data-result="([^"]*)"', dom)
    assert json.loads(html.unescape(result)) == {
        "ready": "8",
        "overflow": 0,
        "marks": 7,
        "chips": 0,
    }


# --- articles: titles, links, quotes ------------------------------------------------------------

VOTE_TEXT = "MPs met. On Aug. 5, the U.S. Senate and Gen. Smith said Iraq's parliament voted. Then"


def vote_article(**meta: object) -> Article:
    return Article(VOTE_TEXT, datetime(2020, 1, 7), "a1", "Wire", "MPs vote <today>", meta=meta)


def voted_timeline(article: Article) -> Timeline:
    start = VOTE_TEXT.index("voted")
    mention = EventMention("a1", start, start + 5, "voted", "vote", 1)
    return Timeline(
        [Event("e1", (mention,), earliest=at(5), latest=at(6), label="Iraq voted")],
        [ArticleRecord.of(article)],
    )


def test_sources_name_their_article_by_title_linked_to_its_url():
    article = vote_article(url="https://example.org/vote?a=1&b=2")
    page = voted_timeline(article).to_html()
    link = (
        '<a class="article" href="https://example.org/vote?a=1&amp;b=2" '
        'rel="noopener noreferrer">MPs vote &lt;today&gt;</a>'
    )
    assert f"<li>{link} “<b>voted</b>”" in page
    hidden, cited = section(page, "articles")
    assert not hidden
    assert cited == (
        '\n<h2 id="articles-heading">Articles</h2>\n<ol class="cited">'
        f'<li id="article-a1">{link} <span class="outlet">Wire · 7 Jan 2020 · a1</span></li>'
        "</ol>\n"
    )
    [source] = embedded(page)["events"][0]["sources"]
    assert (source["title"], source["url"]) == (
        "MPs vote <today>",
        "https://example.org/vote?a=1&b=2",
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org", 7])
def test_only_web_addresses_become_links(url):
    page = voted_timeline(vote_article(url=url)).to_html()
    assert '<span class="article">MPs vote &lt;today&gt;</span>' in page
    assert "href=" not in page.replace('href="#', "")


def test_without_records_the_articles_section_is_hidden():
    assert section(TIMELINE.to_html(), "articles")[0] is True


def test_quotes_end_at_sentences_of_tokenized_text():
    text = "her rep told People .\n`` We appreciate your respect , '' the rep said .\nThen"
    start = text.index("appreciate")
    mention = EventMention("a1", start, start + 10, "appreciate", "appreciate", 1)
    page = Timeline([Event("e", (mention,))]).to_html(articles=[Article(text, id="a1")])
    assert (
        '<blockquote class="context">`` We <mark>appreciate</mark> your respect , &#x27;&#x27; '
        "the rep said .</blockquote>"
    ) in page


def test_quotes_run_past_abbreviations_and_initials():
    article = vote_article()
    page = voted_timeline(article).to_html(articles=[article])
    assert (
        '<blockquote class="context">On Aug. 5, the U.S. Senate and Gen. Smith said '
        "Iraq&#x27;s parliament <mark>voted</mark>.</blockquote>"
    ) in page


def test_each_article_s_sentences_are_found_once_whatever_its_mentions(monkeypatch):
    import timeline.export.html as page_module

    made: list[str] = []
    real = page_module.Sentences

    def counted(text: str):
        made.append(text)
        return real(text)

    monkeypatch.setattr(page_module, "Sentences", counted)
    text = "They voted. " * 500
    mentions = [EventMention("a1", 12 * k + 5, 12 * k + 10, "voted", "vote", k) for k in range(500)]
    events = [Event(f"e{k}", (m,), label="voted") for k, m in enumerate(mentions)]
    page = Timeline(events).to_html(articles=[Article(text, id="a1")])
    assert made == [text]
    assert page.count("<blockquote") == 500


# --- the axis -----------------------------------------------------------------------------------


def marks(page: str) -> list[float]:
    return [float(a) for a in re.findall(r'class="mark point" style="--a:([\d.]+)%"', page)]


def test_a_far_outlier_breaks_the_axis_instead_of_squashing_it():
    days = [event(f"d{d}", "talks", at(d), at(d + 1)) for d in (2, 5, 8)]
    squashed = Timeline(days).to_html()
    assert 'class="break"' not in squashed
    outlier = event("old", "revolution", at(1, year=1979), at(1, year=1980))
    page = Timeline([outlier, *days]).to_html()
    assert page.count('class="break"') == 1
    january = marks(page)
    assert january == sorted(january)
    assert january[-1] - january[0] > 40  # the week still spreads over the axis
    assert ">2020</span>" in page or ">2 Jan 2020</span>" in page  # the segment says its year


def test_the_summary_gives_the_extent_of_the_dated_events_only_when_there_are_some():
    assert (
        '<p class="summary">1 event from 1 article</p>'
        in Timeline([event("u", "undated")]).to_html()
    )
    assert (
        '<p class="summary">1 event from 1 article<span class="extent"> · 5 Jan 2020</span></p>'
    ) in Timeline([event("d", "dated", at(5), at(6))]).to_html()


def test_events_a_few_days_apart_share_one_axis():
    page = Timeline([event("a", "x", at(2), at(3)), event("b", "y", at(30), at(31))]).to_html()
    assert 'class="break"' not in page


def test_an_article_without_a_title_is_named_by_its_headline_else_its_opening_words():
    text = "MPs vote to expel troops\n\nIraq's parliament voted on Sunday."
    start = text.index("voted")
    mention = EventMention("a1", start, start + 5, "voted", "vote", 1)
    page = Timeline([Event("e1", (mention,))]).to_html(articles=[Article(text, id="a1")])
    assert '<span class="article">MPs vote to expel troops</span>' in page
    # with no headline, by the first words of its opening sentence, never by its dateline
    wire = (
        "OSLO (AP) _\n\nIceland's ferry crews struck on Monday over pay and hours, their union"
        " said on Tuesday."
    )
    start = wire.index("struck")
    mention = EventMention("a1", start, start + 6, "struck", "strike", 1)
    page = Timeline([Event("e1", (mention,))]).to_html(articles=[Article(wire, id="a1")])
    assert "OSLO" not in page.split('id="articles-heading"')[1]
    assert (
        '<span class="article">Iceland&#x27;s ferry crews struck on Monday over pay and hours, '
        "their union…</span>"
    ) in page
    # a web page's address, date line and time stamp are no words of its opening
    page_text = "http://news.example/ferries.html\nMAY 2, 2013 | 08:06AM PT\nFerry crews strike\n"
    text = page_text + wire.split("\n\n")[1]
    start = text.index("struck")
    mention = EventMention("a1", start, start + 6, "struck", "strike", 3)
    page = Timeline([Event("e1", (mention,))]).to_html(articles=[Article(text, id="a1")])
    assert '<span class="article">Ferry crews strike</span>' in page


def test_an_event_s_details_say_what_it_consisted_of_and_who_told_it():
    """A statement's parts are not listed, but its details name them; a report that only
    says it happened ("Ina Holm said") tells who told it."""
    whole = event("w", "Estelle Roy condemned the attack", at(7), at(8), parts=("p", "r"))
    part = event("p", "Estelle Roy offered <b>condolences</b>", at(7), at(8))
    said = EventMention("a1", 40, 44, "said", "say", 3, event_class="REPORTING")
    told = Event("r", (said,), label="Ina Holm said", happening=False)
    page = Timeline([whole, part, told]).to_html()
    assert page.count('class="event"') == 1
    assert (
        "<dt>Consisted of</dt><dd>Estelle Roy offered &lt;b&gt;condolences&lt;/b&gt;</dd>" in page
    )
    assert "<dt>Told by</dt><dd>Ina Holm said</dd>" in page
