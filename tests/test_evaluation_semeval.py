"""SemEval-2015 Task 4 timelines: reading, writing, graphs and the scorer, by hand."""

from pathlib import Path

import pytest

from timeline.evaluation.semeval import (
    SIMULTANEOUS,
    Closure,
    EntityTimeline,
    TimelineEntry,
    TimelineScore,
    TimelinesScore,
    format_timeline,
    read_cat,
    read_timeline,
    read_timelines,
    reduce_relations,
    score_timeline,
    score_timelines,
    timeline_relations,
    write_timeline,
)

TASK = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "semeval2015-task4"

GOLD = "E\n1\t2008\td-1-a\n2\t2009\td-2-b\n3\tXXXX-XX-XX\td-3-c\n"
SYSTEM = "E\n1\t2008\td-1-a\n2\tXXXX-XX-XX\td-3-c\n3\t2009\td-2-b\n"


def test_read_and_write_round_trip(tmp_path):
    text = "iPhone 3G\n1\t2008-06-09\t12315-2-launched\t12315-3-launching\n0\tXXXX-XX-XX\t1-2-x\n"
    tl = read_timeline(text)
    assert tl == EntityTimeline(
        "iPhone 3G",
        (
            TimelineEntry(1, "2008-06-09", ("12315-2-launched", "12315-3-launching")),
            TimelineEntry(0, "XXXX-XX-XX", ("1-2-x",)),
        ),
    )
    assert format_timeline(tl) == text
    write_timeline(tl, tmp_path / "iphone_3g.txt")
    assert read_timelines(tmp_path) == {"iphone_3g": tl}
    assert read_timeline(tmp_path / "iphone_3g.txt") == tl


def test_read_refuses_a_line_without_mentions():
    with pytest.raises(ValueError, match="line 2"):
        read_timeline("E\n1\t2008\n")


def test_timeline_graph():
    tl = read_timeline(
        "E\n0\tXXXX-XX-XX\tz-0-q\tz-0-r\n2\t2008\ta-1-x\n2\t2008\tb-1-y\t"
        "b-2-y\n5\tXXXX-XX-XX\tc-1-z\n"
    )
    assert timeline_relations(tl) == [
        ("z-0-q", "SIMULTANEOUS", "z-0-r"),
        ("a-1-x", "IS_INCLUDED", "@2008-XX-XX"),
        ("b-1-y", "SIMULTANEOUS", "b-2-y"),
        ("b-1-y", "IS_INCLUDED", "@2008-XX-XX"),
        ("a-1-x", "BEFORE", "c-1-z"),
        ("b-1-y", "BEFORE", "c-1-z"),
    ]
    assert ("a-1-x", "SIMULTANEOUS", "@2008-XX-XX") in timeline_relations(tl, anchor=SIMULTANEOUS)


def test_one_date_in_either_spelling_is_one_time_node():
    gold = read_timeline("E\n1\t2006-03\td-1-a\n2\t2007\td-2-b\n")
    system = read_timeline("E\n1\t2006-03-XX\td-1-a\n2\t2007-XX-XX\td-2-b\n")
    assert score_timeline(gold, system).f1 == 1.0
    assert score_timeline(gold, read_timeline("E\n1\t2006-03-01\td-1-a\n")).system_verified == 0


def test_closure_and_reduction():
    relations = [
        ("a", "BEFORE", "b"),
        ("b", "SIMULTANEOUS", "c"),
        ("c", "BEFORE", "d"),
        ("a", "BEFORE", "d"),
        ("d", "IS_INCLUDED", "@2009"),
    ]
    closure = Closure(relations)
    assert closure.relations() == {
        ("a", "BEFORE", "b"),
        ("a", "BEFORE", "c"),
        ("a", "BEFORE", "d"),
        ("b", "SIMULTANEOUS", "c"),
        ("b", "BEFORE", "d"),
        ("c", "BEFORE", "d"),
        ("d", "IS_INCLUDED", "@2009"),
    }
    assert reduce_relations(relations) == [
        ("b", "SIMULTANEOUS", "c"),
        ("a", "BEFORE", "b"),
        ("b", "BEFORE", "d"),
        ("d", "IS_INCLUDED", "@2009"),
    ]
    assert closure.entails(("d", "AFTER", "c"))
    assert not closure.entails(("a", "BEFORE", "unknown"))
    assert closure.consistent
    assert not Closure([("a", "BEFORE", "b"), ("b", "BEFORE", "a")]).consistent


def test_score_of_a_swapped_pair():
    # gold reduced: a<b, b<c, a in 2008, b in 2009; system reduced: a<c, c<b, a in 2008,
    # b in 2009. Gold closure verifies a<c and both dates (3 of 4); the system closure
    # (a<c<b) verifies a<b and both dates (3 of 4).
    s = score_timeline(read_timeline(GOLD), read_timeline(SYSTEM))
    assert (s.system_verified, s.system_relations, s.gold_verified, s.gold_relations) == (
        3,
        4,
        3,
        4,
    )
    assert (s.precision, s.recall, s.f1, s.gold_lines) == (0.75, 0.75, 0.75, 3)
    task = score_timeline(read_timeline(GOLD), read_timeline(SYSTEM), anchor=SIMULTANEOUS)
    assert (task.system_verified, task.system_relations) == (3, 4)


def test_score_with_merged_events():
    # the system says a and b are one event of 2008: a=b (wrong), a in 2008 (right)
    gold = read_timeline("E\n1\t2008\td-1-a\n2\t2009\td-2-b\n")
    system = read_timeline("E\n1\t2008\td-1-a\td-2-b\n")
    s = score_timeline(gold, system)
    assert (s.system_verified, s.system_relations, s.gold_verified, s.gold_relations) == (
        1,
        2,
        1,
        3,
    )
    assert s.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))  # 0.4


def test_corpus_score_weights_timelines_by_gold_lines():
    gold = {"e": read_timeline(GOLD), "f": read_timeline("F\n1\t2008\tx-1-a\n")}
    system = {"e": read_timeline(SYSTEM), "other": read_timeline(SYSTEM)}
    total = score_timelines(gold, system)
    assert [t.f1 for t in total.timelines] == [0.75, 0.0]
    assert total.gold_lines == 4
    assert total.f1 == pytest.approx(0.75 * 3 / 4)
    assert total.row() == ("56.2", "56.2", "56.2")
    assert TimelinesScore().f1 == 0.0
    assert TimelineScore("E", 1).f1 == 0.0


def test_cat_reader_and_mention_ids():
    doc = read_cat(
        '<Document doc_id="3307" doc_name="a.txt"><token number="0" sentence="0" t_id="1">'
        'Airbus</token><token number="1" sentence="3" t_id="2">take</token>'
        '<token number="2" sentence="3" t_id="3">away</token><Markables><TIMEX3 '
        'functionInDocument="CREATION_TIME" m_id="1" value="2007-01-02"></TIMEX3>'
        "</Markables></Document>"
    )
    assert (doc.doc_id, doc.dct, doc.text) == ("3307", "2007-01-02", "Airbus\ntake away")
    assert doc.mention_id(7, 16) == "3307-3-take_away"
    assert doc.mention_id(0, 6) == "3307-0-Airbus"
    assert doc.mention_id(6, 7) is None  # the line break


@pytest.mark.parametrize(("part", "timelines", "lines"), [("trial", 6, 176), ("corpus_1", 13, 275)])
def test_gold_timelines_score_one_against_themselves(part, timelines, lines):
    folder = TASK / part / "TimeLines_Gold_Standard"
    if not folder.exists():
        pytest.skip(f"{folder} not available (../shared/data is absent)")
    gold = read_timelines(folder)
    score = score_timelines(gold, gold)
    assert (len(gold), score.gold_lines, score.f1) == (timelines, lines, 1.0)


def _benchmark(name):
    """A module of benchmarks/ (the SemEval system's dating and ranking rules live there)."""
    import importlib.util
    import sys

    folder = Path(__file__).resolve().parents[1] / "benchmarks"
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chronologies_are_written_one_rank_per_date_undated_rank_0():
    from datetime import datetime

    from timeline import Event, EventMention, Granularity, Interval
    from timeline.chronology import Chronology, Entry

    bench = _benchmark("semeval2015")
    doc = read_cat(
        '<Document doc_id="d"><token number="0" sentence="0" t_id="1">Boeing</token>'
        '<token number="1" sentence="0" t_id="2">rolled</token>'
        '<token number="2" sentence="0" t_id="3">out</token>'
        '<token number="3" sentence="1" t_id="4">sold</token>'
        '<token number="4" sentence="2" t_id="5">flew</token>'
        '<Markables><EVENT_MENTION m_id="1"><token_anchor t_id="2"/><token_anchor t_id="3"/>'
        "</EVENT_MENTION></Markables></Document>"
    )
    assert doc.events == ((7, 17),)
    rolled = EventMention("d", 7, 13, "rolled", "roll", 0, particle=(14, 17))
    sold = EventMention("d", 18, 22, "sold", "sell", 1)
    flew = EventMention("d", 23, 27, "flew", "fly", 2)
    day = Interval(datetime(2008, 6, 9), datetime(2008, 6, 10), Granularity.DAY)
    year = Interval(datetime(2008, 1, 1), datetime(2009, 1, 1), Granularity.YEAR)
    chronology = Chronology(
        "Boeing",
        [
            Entry(Event("a", [sold]), [sold], year, "sentence"),
            Entry(Event("b", [rolled]), [rolled], day, "time"),
            Entry(Event("c", [flew]), [flew], day, "published"),
        ],
        [Entry(Event("e", [flew]), [flew])],
    )
    written = bench.entity_timeline(chronology, {"d": doc})
    assert [e.line() for e in written.entries] == [
        "0\tXXXX-XX-XX\td-2-flew",
        "1\t2008-XX-XX\td-1-sold",
        "2\t2008-06-09\td-0-rolled_out",
        "2\t2008-06-09\td-2-flew",
    ]
