"""Timeline.chronology: an entity's events dated as a reader needs them, the rest apart."""

from datetime import date, datetime

import pytest

import timeline
from timeline import Article, EventMention, Granularity, Interval
from timeline.chronology import Chronology, bounds_interval, date_of, reader_interval

TEXT = (
    "Airbus delayed the A380 in June 2006. The superjumbo flew on Monday. "
    "Airbus had promised the jet to Qantas. It will land in Sydney."
)


@pytest.fixture(scope="module")
def built(nlp):
    return timeline.build([Article(TEXT, date(2007, 1, 10), "a")], nlp)


def test_chronology_dates_by_own_time_and_lists_the_undated_apart(built):
    chronology = built.chronology("Airbus A380", others=["Airbus"])
    assert [(e.mentions[0].text, e.when.timex, e.by) for e in chronology.dated] == [
        ("delayed", "2006-06", "time"),
        ("flew", "2007-01-08", "time"),
    ]
    assert [[m.text for m in e.mentions] for e in chronology.undated] == [["promised"]]
    qantas = built.chronology("Qantas")  # "It" stands for the nearest thing named before
    assert sorted(m.text for e in qantas.undated for m in e.mentions) == ["land", "promised"]
    assert all(e.when is None and e.by is None for e in qantas.undated)


def test_chronology_survives_the_json_round_trip(built):
    again = timeline.Timeline.from_json(built.to_json())
    assert again == built
    assert again.chronology("A380") == built.chronology("A380")
    assert [e.label for e in again.involving("A380")] == [e.label for e in built.involving("A380")]


def test_documents_without_arguments_still_load(built):
    import json

    data = json.loads(built.to_json())
    for event in data["events"]:
        for mention in event["mentions"]:
            del mention["arguments"], mention["sentence_time"]
    old = timeline.Timeline.from_json(json.dumps(data))
    assert all(m.arguments == () for e in old.events for m in e.mentions)
    # without arguments, a mention answers by its participants
    assert [e.label for e in old.involving("Qantas")] == ["Airbus promised the jet to Qantas"]


def test_a_mention_is_dated_by_its_sentence_then_its_publication_day():
    sentence = timeline.find_times("In 2008, it grew.", published=date(2008, 6, 9))[0]
    grew = EventMention("a", 12, 16, "grew", "grow", 0, tense="PAST", sentence_time=sentence)
    assert (date_of(grew)[0].timex, date_of(grew)[1]) == ("2008", "sentence")
    said = EventMention("a", 0, 4, "said", "say", 0, tense="PAST")
    assert (date_of(said, date(2008, 6, 9))[0].timex, date_of(said)) == ("2008-06-09", None)
    had = EventMention("a", 4, 8, "said", "say", 0, tense="PAST", aspect="PERFECTIVE")
    assert date_of(had, date(2008, 6, 9)) is None


def test_reader_intervals():
    week = Interval(datetime(2008, 6, 30), datetime(2008, 7, 7), Granularity.WEEK)
    decade = Interval(datetime(2000, 1, 1), datetime(2010, 1, 1), Granularity.DECADE)
    assert reader_interval(week).timex == "2008-06"
    assert reader_interval(decade) is None
    assert bounds_interval(datetime(2008, 1, 1), datetime(2009, 1, 1)).timex == "2008"
    assert bounds_interval(datetime(2008, 6, 9, 10), datetime(2008, 6, 9, 11)).timex == "2008-06-09"
    assert bounds_interval(None, datetime(2008, 1, 1)) is None


def test_an_empty_timeline_has_an_empty_chronology():
    assert timeline.Timeline(()).chronology("Airbus") == Chronology("Airbus", (), ())


def test_verbs_of_coming_to_be_date_no_happening_of_the_entity(nlp):
    text = "Airbus became the largest maker in 2006. Airbus delayed the A380 in June 2006."
    built = timeline.build([Article(text, date(2007, 1, 10), "a")], nlp)
    assert "became" in {m.text for e in built.events for m in e.mentions}
    entries = built.chronology("Airbus").dated + built.chronology("Airbus").undated
    assert [m.text for e in entries for m in e.event.mentions] == ["delayed"]


def test_a_date_written_before_another_event_s_noun_does_not_date_the_sentence(nlp):
    """ "the May 3 floods" names the floods' day; she arrived on the day of the news."""
    text = (
        "Officials in Kenya, where Anna Berg arrived next, hoped for aid for towns where the "
        "May 3 floods destroyed roads."
    )
    tl = timeline.build([Article(text, date(2021, 5, 20), id="a")], nlp=nlp)
    [entry] = tl.chronology("Anna Berg").dated
    assert (entry.event.mentions[0].text, entry.when.timex, entry.by) == (
        "arrived",
        "2021-05-20",
        "published",
    )
