"""The timeline of the bundled example articles, as a careful reader of them sees it.

These are the events ``timeline demo`` lists; each test pins one reading of the texts in
``src/timeline/data/examples``.
"""

from __future__ import annotations

from datetime import datetime

import pytest

import timeline
from timeline.canonical import is_happening
from timeline.examples import load_examples

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def built(nlp):
    return timeline.build(load_examples(), nlp=nlp)


@pytest.fixture(scope="module")
def events(built):
    return list(built.events)


def event_of(events, article: str, text: str):
    """The event of the first mention ``text`` of ``article``."""
    found = [
        (m.start, e)
        for e in events
        for m in e.mentions
        if (m.article_id, m.text) == (article, text)
    ]
    return min(found, key=lambda pair: pair[0])[1]


def sources(event) -> list[tuple[str, str]]:
    return [(m.article_id, m.text) for m in event.mentions]


def test_the_listing_is_what_a_reader_would_put_on_the_timeline(built):
    assert [(e.when and e.when.timex, e.label) for e in built] == [
        (None, "United States strike killed Qassem Soleimani and Abu Mahdi al-Muhandis in Baghdad"),
        (None, "lawmakers backed a resolution"),  # in the vote of last week
        ("2020-01-05", "Sergei Shoigu discussed the crisis with Hakan Fidan"),
        ("2020-01-05", "Iraq's parliament vote"),
        (None, "Sergei Shoigu conversation with Mohammad Bagheri"),
        (None, "Russian Defence Ministry statement"),
        (None, "meeting in Istanbul"),
        ("2020-01-08", "Russia and Turkey statement on Iran and United States"),
        ("2020-01-08", "Ali Khamenei speech in Iran"),
        ("2020-01-08", "Iran attack in Iraq"),
        # the presidents' call ("and urged every side", joined to what they said "would not
        # solve") was made: listed, and with their statement after the attack it answers;
        # "Recep Tayyip Erdogan and Vladimir Putin said", which words nothing of what was
        # said, is its part
        (None, "urged side to put diplomacy"),
        (None, "Pentagon confirmed the attack"),
        (None, "Iran described the strike"),
        ("2020-01-09", "House of Representatives voted to limit the president's power"),
        (None, "Adel Abdul Mahdi asked United States to send a delegation"),
        (None, "State Department answered"),
        ("2020-02", "European foreign ministers meet"),
    ]
    assert len(built.events) > len(built)  # the rest stays reachable


def test_the_us_strike_is_one_event_of_two_readings_of_its_day(events):
    strike = event_of(events, "shoigu-call", "strike")
    assert [(a, t) for a, t in sources(strike) if a == "shoigu-call"] == [
        ("shoigu-call", "strike"),
        ("shoigu-call", "killed"),
        ("shoigu-call", "died"),
        ("shoigu-call", "attack"),
        ("shoigu-call", "strike"),
        ("shoigu-call", "broken"),
    ]
    # istanbul-statement dates "the killing ... in Baghdad" to Friday (Baghdad's day), the
    # other to the evening of January 2 (Washington's): both readings are kept, and the
    # reports' disagreement lowers the confidence
    assert ("istanbul-statement", "killing") in sources(strike)
    assert (strike.earliest, strike.latest) == (datetime(2020, 1, 2, 17), datetime(2020, 1, 4))
    assert (strike.when, strike.confidence) == (None, 0.6)  # reports that agree, times 0.6
    assert is_happening(strike)


def test_iranian_fire_and_the_attack_confirmed_are_one_event_after_it(events):
    attack = event_of(events, "istanbul-statement", "fired")
    assert sources(attack) == [
        ("iraq-withdrawal", "attack"),
        ("iraq-withdrawal", "caused"),
        ("istanbul-statement", "fired"),
        ("istanbul-statement", "attack"),
        ("istanbul-statement", "strike"),
    ]
    assert (attack.when.timex, attack.label) == ("2020-01-08", "Iran attack in Iraq")
    assert event_of(events, "istanbul-statement", "killing") != attack


def test_the_call_is_the_conversation_and_follows_the_strike(events):
    call = event_of(events, "shoigu-call", "call")
    assert sources(call) == [
        ("shoigu-call", "held"),  # the light verb of "held a telephone conversation"
        ("shoigu-call", "conversation"),
        ("shoigu-call", "talked"),
        ("shoigu-call", "call"),
        ("shoigu-call", "followed"),
    ]
    # told in the simple past in an article of 7 January with nothing dating it, after the
    # strike of 2 January: presumed on 7 January
    assert (call.when, call.presumed) == (None, True)
    assert (call.earliest, call.latest) == (datetime(2020, 1, 7), datetime(2020, 1, 8))


def test_the_talks_with_bagheri_and_with_fidan_are_two_events(events):
    bagheri = event_of(events, "shoigu-call", "conversation")
    fidan = event_of(events, "shoigu-call", "discussed")
    assert bagheri != fidan
    assert bagheri.label == "Sergei Shoigu conversation with Mohammad Bagheri"
    assert fidan.label == "Sergei Shoigu discussed the crisis with Hakan Fidan"
    assert (bagheri.when, fidan.when.timex) == (None, "2020-01-05")
    assert "Russia" not in {p.name for p in bagheri.participants}


def test_the_vote_of_last_week_is_the_vote_of_sunday(events):
    [vote] = [
        m
        for e in events
        for m in e.mentions
        if (m.article_id, m.text) == ("iraq-withdrawal", "vote")
    ]
    assert vote.time.value == "2020-W01"
    event = event_of(events, "iraq-withdrawal", "vote")
    assert event == event_of(events, "shoigu-call", "voted")
    assert (event.when.timex, event.label) == ("2020-01-05", "Iraq's parliament vote")
    assert event_of(events, "iraq-withdrawal", "follows").when is None


def test_statements_are_dated_by_their_reports(events):
    # a statement told in the past with nothing dating it: on the day of the article's
    # news, else on its publication day; the opening's "on Friday" is only the day the
    # office spoke ("his office said on Friday"), not one it tells a happening on, so the
    # answer told after it in the past is only before publication
    answered = event_of(events, "iraq-withdrawal", "answered")
    assert (answered.earliest, answered.latest) == (None, datetime(2020, 1, 12))
    ministry = event_of(events, "shoigu-call", "statement")
    assert (ministry.earliest, ministry.latest) == (datetime(2020, 1, 7), datetime(2020, 1, 8))


@pytest.mark.parametrize(
    ("article", "text"),
    [
        ("iraq-withdrawal", "follows"),  # relates
        ("istanbul-statement", "issued"),  # carries
        ("iraq-withdrawal", "said"),  # a report with no named speaker
        ("istanbul-statement", "strikes"),  # generic: "strikes ... would not solve"
        ("istanbul-statement", "host"),  # simple present: a state
        ("iraq-withdrawal", "agreement"),  # an intention
        ("shoigu-call", "crisis"),  # a state
    ],
)
def test_what_is_no_happening_is_kept_but_not_listed(built, events, article, text):
    event = event_of(events, article, text)
    assert not is_happening(event)
    assert event in built.events and event not in built


@pytest.mark.parametrize(
    ("article", "text"),
    [
        ("istanbul-statement", "speech"),
        ("iraq-withdrawal", "voted"),
        ("shoigu-call", "call"),
        ("istanbul-statement", "described"),  # a statement by someone named
        ("iraq-withdrawal", "meet"),  # scheduled: "next month"
    ],
)
def test_speeches_votes_calls_statements_and_plans_with_a_date_are_happenings(
    built, events, article, text
):
    assert is_happening(event_of(events, article, text))
    assert event_of(events, article, text) in built


def test_salience_ranks_the_news_first(built):
    top = [e.label for e in built.top(3)]
    assert top == [
        "United States strike killed Qassem Soleimani and Abu Mahdi al-Muhandis in Baghdad",
        "Iraq's parliament vote",
        "Iran attack in Iraq",
    ]


def test_printing_a_timeline_shows_its_listing_and_its_repr_only_counts(built):
    lines = str(built).splitlines()
    assert lines[0] == "Timeline: 17 of 51 events"
    assert len(lines) == 1 + 2 * len(built)
    assert lines[1].split("  (confidence")[0].endswith(built[0].label)
    assert lines[2].strip().startswith("sources: ")
    assert repr(built) == f"<Timeline: 17 listed of 51 events from {len(built.articles)} articles>"
    every = built.to_text("Iraq", all_events=True).splitlines()
    assert every[:3] == ["Iraq", "", "Timeline: 51 events"]
    assert len(every) == 3 + 2 * 51
