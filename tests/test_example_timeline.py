"""The timeline of the bundled example articles, as a careful reader of them sees it.

These are the events ``timeline demo`` shows first; each test pins one reading of the texts
in ``src/timeline/data/examples``.
"""

from __future__ import annotations

import pytest

import timeline
from timeline.canonical import is_happening
from timeline.examples import load_examples

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def events(nlp):
    return list(timeline.build(load_examples(), nlp=nlp))


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


def test_the_us_strike_is_one_event_on_the_evening_of_january_2(events):
    strike = event_of(events, "shoigu-call", "strike")
    shoigu = [(a, t) for a, t in sources(strike) if a == "shoigu-call"]
    assert shoigu == [
        ("shoigu-call", "strike"),
        ("shoigu-call", "killed"),
        ("shoigu-call", "attack"),
    ]
    # istanbul-statement's "the attack" and "the strike" are Iran's; its anaphora links them
    # to "strikes" and "the killing" by their kind of noun
    assert ("istanbul-statement", "killing") in sources(strike)
    assert strike.when.timex == "2020-01-02TEV"
    assert strike.label == "United States strike killed Qassem Soleimani in Baghdad"
    assert is_happening(strike)


def test_the_call_that_followed_the_strike_is_not_dated_by_it(events):
    call = event_of(events, "shoigu-call", "followed")
    assert sources(call) == [("shoigu-call", "call"), ("shoigu-call", "followed")]
    assert call.when is None
    assert call.earliest == event_of(events, "shoigu-call", "strike").earliest


def test_the_talks_with_bagheri_and_with_fidan_are_two_events(events):
    bagheri = event_of(events, "shoigu-call", "conversation")
    fidan = event_of(events, "shoigu-call", "discussed")
    assert bagheri != fidan
    assert bagheri.label == "Sergei Shoigu conversation with Mohammad Bagheri"
    assert fidan.label == "Sergei Shoigu discussed with Hakan Fidan"
    assert (bagheri.when, fidan.when.timex) == (None, "2020-01-05")
    assert "Russia" not in {p.name for p in bagheri.participants}


def test_the_vote_of_last_week_is_dated_to_the_week_not_what_follows_it(events):
    [vote] = [
        m
        for e in events
        for m in e.mentions
        if (m.article_id, m.text) == ("iraq-withdrawal", "vote")
    ]
    assert vote.time.value == "2020-W01"
    assert event_of(events, "iraq-withdrawal", "follows").when is None


def test_the_vote_of_last_week_is_the_vote_of_sunday(events):
    vote = event_of(events, "iraq-withdrawal", "vote")
    assert vote == event_of(events, "shoigu-call", "voted")
    assert (vote.when.timex, vote.label) == ("2020-01-05", "Iraq vote")


def test_the_iranian_attack_is_labelled_by_its_noun_and_its_place(events):
    attack = event_of(events, "istanbul-statement", "fired")
    assert sources(attack) == [
        ("iraq-withdrawal", "attack"),
        ("iraq-withdrawal", "caused"),
        ("istanbul-statement", "fired"),
    ]
    assert (attack.when.timex, attack.label) == ("2020-01-08", "Iran attack in Iraq")


@pytest.mark.parametrize(
    ("article", "text"),
    [
        ("iraq-withdrawal", "follows"),
        ("istanbul-statement", "issued"),
        ("istanbul-statement", "described"),
        ("iraq-withdrawal", "said"),
    ],
)
def test_relating_carrying_and_telling_words_are_no_happenings(events, article, text):
    assert not is_happening(event_of(events, article, text))


@pytest.mark.parametrize(
    ("article", "text"),
    [("istanbul-statement", "speech"), ("iraq-withdrawal", "voted"), ("shoigu-call", "call")],
)
def test_speeches_votes_and_calls_are_happenings(events, article, text):
    assert is_happening(event_of(events, article, text))
