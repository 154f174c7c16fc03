"""The TimeML reader and the TempEval-3 timex scorer."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.evaluation import (
    TempEvalScore,
    Timex,
    match_timexes,
    read_timeml,
    score_corpus,
    score_document,
)

TBAQ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"

DOC = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>APW0001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-02-27T08:17:00" temporalFunction="false"
 functionInDocument="CREATION_TIME">02/27/1998 08:17:00</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE"
 value="1998-02-27" temporalFunction="true" functionInDocument="NONE"
 anchorTimeID="t0">Friday</TIMEX3> it &lt;would&gt; <EVENT eid="e2"
 class="OCCURRENCE">grow</EVENT> <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2"
 type="DURATION" value="P20Y" mod="EQUAL_OR_MORE">at least 20 more years</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="FUTURE" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="BEFORE" timeID="t1" relatedToEventInstance="ei2"/>
</TimeML>
"""


# ---------------------------------------------------------------------------- reader


def test_reader_text_offsets_and_entities() -> None:
    doc = read_timeml(DOC)
    assert doc.doc_id == "APW0001"
    assert doc.text == ("\nAT&T said Friday it <would> grow for at least 20 more years.\n")
    assert [(t.tid, t.text, t.start, t.end) for t in doc.timexes] == [
        ("t1", "Friday", 11, 17),
        ("t2", "at least 20 more years", 38, 60),
    ]
    for annotation in doc.timexes + doc.events:
        assert doc.text[annotation.start : annotation.end] == annotation.text


def test_reader_attributes() -> None:
    doc = read_timeml(DOC)
    friday, years = doc.timexes
    assert (friday.type, friday.value, friday.mod, friday.anchor_time_id) == (
        "DATE",
        "1998-02-27",
        None,
        "t0",
    )
    assert (years.type, years.value, years.mod) == ("DURATION", "P20Y", "EQUAL_OR_MORE")
    assert [(e.eid, e.event_class, e.text, e.start) for e in doc.events] == [
        ("e1", "REPORTING", "said", 6),
        ("e2", "OCCURRENCE", "grow", 29),
    ]


def test_reader_dct_never_among_the_text_timexes() -> None:
    doc = read_timeml(DOC)
    assert doc.dct == datetime(1998, 2, 27, 8, 17)
    assert doc.dct_value == "1998-02-27T08:17:00"
    assert "t0" not in {t.tid for t in doc.timexes}


def test_reader_instances_and_tlinks() -> None:
    doc = read_timeml(DOC)
    assert [(i.eiid, i.event_id, i.tense) for i in doc.instances] == [
        ("ei1", "e1", "PAST"),
        ("ei2", "e2", "FUTURE"),
    ]
    assert [(t.lid, t.rel_type, t.source, t.target) for t in doc.tlinks] == [
        ("l1", "IS_INCLUDED", "ei1", "t1"),
        ("l2", "BEFORE", "t1", "ei2"),
    ]


def test_reader_nested_tags_keep_exact_offsets() -> None:
    doc = read_timeml(
        '<TimeML><TEXT>In <TIMEX3 tid="t1" type="DATE" value="1991">the <EVENT eid="e1" '
        'class="OCCURRENCE">war</EVENT> year</TIMEX3>, no.</TEXT></TimeML>'
    )
    assert doc.text == "In the war year, no."
    assert [(t.text, t.start, t.end) for t in doc.timexes] == [("the war year", 3, 15)]
    assert [(e.text, e.start, e.end) for e in doc.events] == [("war", 7, 10)]


def test_reader_from_a_path_takes_the_file_name_as_id(tmp_path: Path) -> None:
    path = tmp_path / "wsj_0001.tml"
    path.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" '
        'functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>'
        '<TEXT>Sales rose <TIMEX3 tid="t1" type="DATE" value="1989-Q3">in the third '
        "quarter</TIMEX3>.</TEXT></TimeML>",
        encoding="utf-8",
    )
    for source in (path, str(path)):
        doc = read_timeml(source)
        assert (doc.doc_id, doc.dct) == ("wsj_0001", date(1989, 10, 26))
        assert doc.text == "Sales rose in the third quarter."
        assert doc.timexes[0].text == "in the third quarter"


def test_reader_without_text_or_dct() -> None:
    doc = read_timeml(
        '<TimeML>Rain <TIMEX3 tid="t1" type="DATE" value="XXXX-WXX-7">Sunday</TIMEX3></TimeML>'
    )
    assert (doc.doc_id, doc.dct, doc.dct_value) == ("", None, None)
    assert doc.text == "Rain Sunday"
    assert [(t.start, t.end) for t in doc.timexes] == [(5, 11)]


# ---------------------------------------------------------------------------- scorer


def _t(start: int, text: str, type_: str = "DATE", value: str = "X") -> Timex:
    return Timex("t", type_, value, start, start + len(text), text)


GOLD = [
    _t(0, "Friday", "DATE", "1998-08-07"),
    _t(10, "two days", "DURATION", "P2D"),
    _t(20, "March", "DATE", "1998-03"),
    _t(26, "1998", "DATE", "1998"),
    _t(40, "the past", "DATE", "PAST_REF"),
]
SYSTEM = [
    _t(0, "Friday", "DATE", "1998-08-07"),  # strict, type and value right
    _t(6, "for two days", "DATE", "P3D"),  # overlaps gold 1: type and value wrong
    _t(20, "March 1998", "DATE", "1998-03"),  # spans gold 2 and 3: pairs with gold 2 only
    _t(50, "noon", "TIME", "1998-08-07T12:00"),  # spurious
]


def test_match_is_one_to_one_and_prefers_identical_extents() -> None:
    assert match_timexes(GOLD, SYSTEM) == [(0, 0), (1, 1), (2, 2)]
    # A system timex identical to gold 3 takes gold 3 in the first pass; the wide
    # "March 1998" still goes to gold 2, which it overlaps most.
    with_year = [*SYSTEM, _t(26, "1998", "DATE", "1998")]
    assert match_timexes(GOLD, with_year) == [(0, 0), (1, 1), (2, 2), (3, 4)]


def test_score_document_exact_counts() -> None:
    score = score_document(GOLD, SYSTEM, doc_id="d1", dct="1998-08-08")
    assert score == TempEvalScore(
        docs=1, gold=5, system=4, strict=1, relaxed=3, type_correct=2, value_correct=2
    )
    assert score.strict_precision == pytest.approx(1 / 4)
    assert score.strict_recall == pytest.approx(1 / 5)
    assert score.strict_f1 == pytest.approx(2 / 9)
    assert score.relaxed_precision == pytest.approx(3 / 4)
    assert score.relaxed_recall == pytest.approx(3 / 5)
    assert score.relaxed_f1 == pytest.approx(2 / 3)
    assert score.type_accuracy == pytest.approx(2 / 3)
    assert score.value_accuracy == pytest.approx(2 / 3)
    assert score.value_f1 == pytest.approx(4 / 9)
    assert score.type_f1 == pytest.approx(4 / 9)
    assert score.row() == ("25.0", "20.0", "22.2", "75.0", "60.0", "66.7", "66.7", "66.7", "44.4")


def test_score_document_errors() -> None:
    score = score_document(GOLD, SYSTEM, doc_id="d1", dct=date(1998, 8, 8))
    assert [(e.kind, e.gold_text, e.system_text) for e in score.errors] == [
        ("extent+type+value", "two days", "for two days"),
        ("extent", "March", "March 1998"),
        ("missed", "1998", None),
        ("missed", "the past", None),
        ("spurious", None, "noon"),
    ]
    assert {(e.doc_id, e.dct) for e in score.errors} == {("d1", "1998-08-08")}
    assert score.errors[0].gold_value == "P2D"
    assert score.errors[0].system_value == "P3D"


def test_scores_are_micro_averaged() -> None:
    first = score_document(GOLD, SYSTEM)
    perfect = score_document(GOLD[:2], GOLD[:2])
    total = score_corpus([first, perfect])
    assert total == TempEvalScore(
        docs=2, gold=7, system=6, strict=3, relaxed=5, type_correct=4, value_correct=4
    )
    assert total.relaxed_f1 == pytest.approx(10 / 13)
    assert total.value_f1 == pytest.approx(10 / 13 * 4 / 5)
    assert len(total.errors) == 5
    assert sum([first, perfect]) == total


def test_empty_scores_are_zero() -> None:
    score = score_document([], [])
    assert score.measures() == (0.0,) * 9
    assert score_corpus([]) == TempEvalScore()


spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda s: _t(s[0], "x" * s[1])),
    max_size=8,
)


@given(spans, spans)
def test_matching_invariants(gold: list[Timex], system: list[Timex]) -> None:
    pairs = match_timexes(gold, system)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    for i, j in pairs:
        assert gold[i].start < system[j].end and system[j].start < gold[i].end
    score = score_document(gold, system)
    assert score.strict <= score.relaxed <= min(len(gold), len(system))
    assert score_document(gold, gold).relaxed == len(gold)


# ---------------------------------------------------------------------------- corpus


def _tbaq(*parts: str) -> Path:
    path = TBAQ.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared/data is absent)")
    return path


def test_real_tbaq_document() -> None:
    doc = read_timeml(_tbaq("TimeBank", "APW19980227.0494.tml"))
    assert doc.doc_id == "APW19980227.0494"
    assert doc.dct == datetime(1998, 2, 27, 8, 17)
    assert (len(doc.timexes), len(doc.events), len(doc.instances), len(doc.tlinks)) == (
        11,
        70,
        70,
        40,
    )
    assert len(doc.text) == 3501
    assert [(t.text, t.value) for t in doc.timexes[:4]] == [
        ("Friday", "1998-02-27"),
        ("centuries", "PXE"),
        ("last May", "1997-05"),
        ("at least 20 more years", "P20Y"),
    ]
    assert doc.timexes[3].mod == "EQUAL_OR_MORE"
    for annotation in doc.timexes + doc.events:
        assert doc.text[annotation.start : annotation.end] == annotation.text
    assert score_document(doc.timexes, doc.timexes).value_f1 == 1.0


def test_real_tbaq_corpus_counts() -> None:
    counts = {}
    for part in ("TimeBank", "AQUAINT"):
        docs = [read_timeml(p) for p in sorted(_tbaq(part).glob("*.tml"))]
        assert all(d.dct is not None for d in docs)
        counts[part] = (len(docs), sum(len(d.timexes) for d in docs))
    # The data README: TimeBank 183 + AQUAINT 73 documents, 1,822 TIMEX3 besides the DCTs.
    assert counts == {"TimeBank": (183, 1243), "AQUAINT": (73, 579)}
