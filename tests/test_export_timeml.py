"""TimeML export: read back by the project's TimeML reader with text, offsets and values."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

import timeline
from timeline import Anchor, Article, EventMention, TimeExpression
from timeline.bounds import Constraint
from timeline.evaluation.tempeval import score_document
from timeline.evaluation.timeml import read_timeml
from timeline.examples import load_examples
from timeline.export.timeml import document
from timeline.pipeline import analyse

TEXT = "On Sunday, MPs & <ministers> voted.\r\nThe next day they met — in Baghdad."


def at(word: str, occurrence: int = 0) -> int:
    position = -1
    for _ in range(occurrence + 1):
        position = TEXT.index(word, position + 1)
    return position


def timex(words: str, value: str, **kwargs) -> TimeExpression:
    start = at(words)
    return TimeExpression(words, start, start + len(words), "DATE", value, **kwargs)


def mention(word: str, **kwargs) -> EventMention:
    start = at(word)
    return EventMention("a1", start, start + len(word), word, word, 0, **kwargs)


SUNDAY = timex("Sunday", "2020-01-05", anchor=Anchor("publication", "2020-01-07"))
NEXT_DAY = timex("The next day", "2020-01-06", anchor=Anchor("narrative", "2020-01-05", 3))
VOTED = mention("voted", tense="PAST", time=SUNDAY)
MET = mention("met", tense="PAST", polarity="NEG", event_class="STATE", time=NEXT_DAY)
DAY = mention("day")  # inside "The next day": TimeML cannot nest it, it is left out
ARTICLE = Article(TEXT, date(2020, 1, 7), id="a&1")


def test_document_reads_back_with_its_text_offsets_and_values():
    xml = document(
        ARTICLE,
        [NEXT_DAY, SUNDAY],
        [VOTED, DAY, MET],
        [Constraint(0, 2, "next"), Constraint(1, 2, "dropped")],
        {VOTED.start: "VERB"},
    )
    doc = read_timeml(xml)
    assert (doc.doc_id, doc.dct, doc.dct_value, doc.text) == (
        "a&1",
        date(2020, 1, 7),
        "2020-01-07",
        TEXT,
    )
    assert [(t.tid, t.text, t.start, t.end, t.value, t.anchor_time_id) for t in doc.timexes] == [
        ("t1", "Sunday", 3, 9, "2020-01-05", "t0"),
        ("t2", "The next day", 37, 49, "2020-01-06", "t1"),
    ]
    assert [(e.eid, e.text, e.start, e.end, e.event_class) for e in doc.events] == [
        ("e1", "voted", 29, 34, "OCCURRENCE"),
        ("e2", "met", 55, 58, "STATE"),
    ]
    assert [(i.eiid, i.event_id, i.tense, i.aspect, i.polarity, i.pos) for i in doc.instances] == [
        ("ei1", "e1", "PAST", "NONE", "POS", "VERB"),
        ("ei2", "e2", "PAST", "NONE", "NEG", "OTHER"),
    ]
    assert [(link.rel_type, link.source, link.target) for link in doc.tlinks] == [
        ("IS_INCLUDED", "ei1", "t1"),
        ("IS_INCLUDED", "ei2", "t2"),
        ("BEFORE", "ei1", "ei2"),
    ]
    assert (
        'MPs &amp; &lt;ministers&gt; <EVENT eid="e1" class="OCCURRENCE">voted</EVENT>.&#13;\n'
        in xml
    )
    assert xml.startswith('<?xml version="1.0" ?>\n<TimeML ')


def test_dct_of_a_datetime_and_of_an_article_without_a_date():
    at_noon = read_timeml(document(Article("x", datetime(2020, 1, 7, 12, 30, 15)), [], []))
    assert (at_noon.dct, at_noon.dct_value) == (datetime(2020, 1, 7, 12, 30), "2020-01-07T12:30")
    undated = document(Article("x"), [], [])
    assert "<DCT>" not in undated
    assert read_timeml(undated).dct is None


def test_bad_input_gives_a_value_error():
    with pytest.raises(
        ValueError,
        match=r"article .x.: its text has a character XML cannot hold, '\\x00' at offset 1",
    ):
        document(Article("a\x00b", id="x"), [], [])
    with pytest.raises(ValueError, match=r"article '\\x1f': its id has a character XML cannot"):
        document(Article("ab", id="\x1f"), [], [])
    wrong = TimeExpression("Monday", 3, 9, "DATE", "2020-01-06")
    with pytest.raises(ValueError, match=r"'Monday' at 3..9 is not in the text of article 'a&1'"):
        document(ARTICLE, [wrong], [])


XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff").filter(
    lambda c: c >= " " or c in "\t\n\r"
)


@st.composite
def annotated(draw):
    text = draw(st.text(XML_CHARS, max_size=60))
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    times = [
        TimeExpression(text[a:b], a, b, "DATE", draw(st.text(XML_CHARS, max_size=5)))
        for a, b in draw(st.lists(spans, max_size=4))
    ]
    mentions = [
        EventMention("a", a, b, text[a:b], "x", 0) for a, b in draw(st.lists(spans, max_size=4))
    ]
    return (
        Article(text, draw(st.none() | st.dates()), id=draw(st.text(XML_CHARS, max_size=5))),
        times,
        mentions,
    )


@hypothesis.given(annotated())
def test_any_annotation_reads_back_without_overlaps(case):
    article, times, mentions = case
    doc = read_timeml(document(article, times, mentions))
    assert doc.text == article.text
    assert doc.dct == article.published
    spans = sorted((t.start, t.end) for t in (*doc.timexes, *doc.events))
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    assert {(t.start, t.end, t.value) for t in doc.timexes} <= {
        (t.start, t.end, t.value) for t in times
    }
    assert {(e.start, e.end) for e in doc.events} <= {(m.start, m.end) for m in mentions}
    assert len(doc.instances) == len(doc.events)
    # A time is left out only for an earlier time it overlaps; the first one always stays.
    if times:
        first = min(times, key=lambda t: (t.start, t.end))
        assert (first.start, first.end) in {(t.start, t.end) for t in doc.timexes}


def test_an_analysed_article_reads_back(nlp):
    article = load_examples()[0]
    xml = timeline.to_timeml(article, nlp)
    doc = read_timeml(xml)
    assert doc.text == article.text
    assert (doc.doc_id, doc.dct) == (article.id, article.published)
    times = timeline.find_times(article.text, published=article.published)
    mentions = analyse(article, nlp).mentions
    assert len(doc.timexes) == len(times) > 0
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [
        (t.start, t.end, t.value) for t in times
    ]
    inside = [m for m in mentions if any(t.start < m.end and m.start < t.end for t in times)]
    assert len(doc.events) == len(mentions) - len(inside) > 0
    assert {i.pos for i in doc.instances} <= {"VERB", "NOUN", "ADJECTIVE", "PREPOSITION", "OTHER"}
    assert "VERB" in {i.pos for i in doc.instances}
    assert any(link.rel_type == "IS_INCLUDED" for link in doc.tlinks)


TBAQ = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


def test_tempeval_scores_the_export_as_the_tagger_itself(nlp):
    path = TBAQ / "TimeBank" / "ABC19980108.1830.0711.tml"
    if not path.exists():
        pytest.skip(f"{path} not available (../shared/data is absent)")
    gold = read_timeml(path)
    article = Article(gold.text, gold.dct, id=gold.doc_id)
    exported = read_timeml(timeline.to_timeml(article, nlp))
    assert exported.text == gold.text
    direct = timeline.find_times(gold.text, published=gold.dct)
    assert score_document(gold.timexes, exported.timexes) == score_document(gold.timexes, direct)
    assert score_document(gold.timexes, exported.timexes).relaxed > 0
