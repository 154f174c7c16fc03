"""extract_events: triggers, grammar, participants, times, bounds and order.

The seed articles are read in place from ../shared/seeds; those tests skip when it is absent.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import hypothesis
import pytest
from hypothesis import strategies as st

import timeline
from seeds import seed
from timeline import Article
from timeline.events import find_mentions
from timeline.names import name_key
from timeline.nlp import parse, parse_many
from timeline.pipeline import analyse

spacy = pytest.importorskip("spacy")


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2020, 1, day, hour)


def find(mentions, text: str, sentence: int | None = None):
    found = [m for m in mentions if m.text == text and sentence in (None, m.sentence)]
    assert found, f"no mention {text!r} in sentence {sentence}"
    return found[0]


def bounds(mention) -> tuple[datetime | None, datetime | None]:
    return (mention.earliest, mention.latest)


def names(mention) -> set[str]:
    return {p.name for p in mention.participants}


# --- seed 000: Shoygu, published 2020-01-07 ------------------------------------------------------


@pytest.fixture(scope="module")
def tass(nlp):
    return analyse(seed("000"), nlp)


def test_seed_000_talk_with_fidan_two_days_ago(tass):
    talk = find(tass.mentions, "discussed", sentence=3)
    assert talk.time.text == "Two days ago"
    assert bounds(talk) == (at(5), at(6))
    assert names(talk) == {"Sergey Shoygu", "Hakan Fidan"}
    assert talk.tense == "PAST" and talk.modality == "ASSERTED" and talk.polarity == "POS"


def test_seed_000_airstrike_attack_assassination_on_the_evening_of_january_2(tass):
    evening = (at(2, 17), at(2, 21))
    airstrike = find(tass.mentions, "airstrike", sentence=4)
    assert airstrike.time.value == "2020-01-02TEV"
    assert airstrike.location == "Baghdad"
    assert {(p.name, p.role) for p in airstrike.participants} >= {("United States", "agent")}
    assert bounds(airstrike) == evening
    for text, sentence in [("attack", 5), ("attack", 6), ("airstrike", 7), ("assassination", 1)]:
        assert bounds(find(tass.mentions, text, sentence)) == evening, (text, sentence)
    killed = find(tass.mentions, "killed", sentence=6)
    assert bounds(killed) == evening
    assert names(killed) == {"Abu Mahdi al-Muhandis"}


def test_seed_000_parliament_voted_on_sunday(tass):
    vote = find(tass.mentions, "voted")
    assert vote.time.value == "2020-01-05"
    assert bounds(vote) == (at(5), at(6))
    assert names(vote) == {"Iraq"}
    expel = find(tass.mentions, "expel")
    assert (expel.tense, expel.modality, bounds(expel)) == (
        "INFINITIVE",
        "HYPOTHETICAL",
        (None, None),
    )


def test_seed_000_call_with_bagheri_on_or_before_publication(tass):
    call = find(tass.mentions, "spoke")
    assert bounds(call) == (None, at(8))
    assert names(call) == {"Sergey Shoygu", "Mohammad Bagheri"}


def test_seed_000_tweet_and_description_after_the_strike_not_after_publication(tass):
    for text, sentence in [("said", 8), ("tweet", 8), ("described", 7)]:
        assert bounds(find(tass.mentions, text, sentence)) == (at(2, 17), at(8)), text
    said = find(tass.mentions, "said", sentence=8)
    assert said.event_class == "REPORTING"
    assert names(said) == {"Donald Trump"}


def test_seed_000_soleimani_has_one_name(tass):
    keys = {
        (p.name, p.key)
        for m in tass.mentions
        for p in m.participants
        if "Soleimani" in p.name or p.key == name_key("Soleimani")
    }
    assert keys == {("Qasem Soleimani", name_key("Soleimani"))}


def test_seed_000_is_consistent_and_ordered(tass):
    assert tass.consistent
    order = [m.text for m in tass.ordered()]
    assert order.index("airstrike") < order.index("discussed") < order.index("voted")


# --- seed 004: Putin and Erdogan, published 2020-01-08 -------------------------------------------


@pytest.fixture(scope="module")
def press(nlp):
    return analyse(seed("004"), nlp)


def test_seed_004_joint_statement_on_wednesday(press):
    wednesday = (at(8), at(9))
    assert bounds(find(press.mentions, "statement", sentence=1)) == wednesday
    appeal = find(press.mentions, "appeal")
    assert bounds(appeal) == wednesday
    assert names(appeal) == {"Vladimir Putin", "Recep Tayyip Erdogan"}
    meeting = find(press.mentions, "meeting")
    assert (meeting.time.value, meeting.location) == ("2020-01-08", "Istanbul")


def test_seed_004_missile_strike_before_the_pentagon_confirmation(press):
    confirmed = find(press.mentions, "confirmed")
    fired = find(press.mentions, "fired", sentence=4)
    assert bounds(confirmed) == (at(8), at(9))
    assert (fired.tense, fired.aspect) == ("PAST", "PERFECTIVE")
    assert bounds(fired) == (None, at(9))
    assert names(fired) == {"Iran"}
    index = press.mentions.index
    cues = {(c.before, c.after, c.cue) for c in press.constraints}
    assert (index(fired), index(confirmed), "past perfect") in cues
    bases = find(press.mentions, "fired", sentence=5)
    assert (bases.location, bounds(bases)) == ("Ain al-Asad", (None, at(9)))


def test_seed_004_assassination_before_the_strike_that_avenged_it(press):
    strike = find(press.mentions, "strike", sentence=6)
    assassinated = find(press.mentions, "assassinated", sentence=6)
    assert names(assassinated) == {"United States", "Qassem Soleimani"}
    index = press.mentions.index
    assert (index(assassinated), index(strike), "to avenge") in {
        (c.before, c.after, c.cue) for c in press.constraints
    }
    assert press.order.index(index(assassinated)) < press.order.index(index(strike))


def test_seed_004_khamenei_speech_on_wednesday(press):
    speech = find(press.mentions, "speech")
    assert speech.time.value == "2020-01-08"
    assert bounds(speech) == (at(8), at(9))
    highlighted = find(press.mentions, "highlighted")
    assert bounds(highlighted) == (at(8), at(9))
    assert names(highlighted) == {"Ali Khamenei"}


def test_seeds_share_soleimani_key(tass, press):
    keys = [
        {p.key for m in result.mentions for p in m.participants if "Soleimani" in p.name}
        for result in (tass, press)
    ]
    assert keys[0] == keys[1] == {name_key("Soleimani")}


def test_initials_stand_for_the_name_the_article_spells_out(nlp):
    text = (
        "The Organization of African Unity said on Friday it would investigate the killings. "
        "The panel will be based in Addis Ababa, the OAU said."
    )
    found = [
        (m.text, [p.name for p in m.participants])
        for m in timeline.extract_events(Article(text), nlp=nlp)
        if m.participants
    ]
    assert found == [
        ("said", ["Organization of African Unity"]),
        ("said", ["Organization of African Unity"]),
    ]


# --- grammar and cues ----------------------------------------------------------------------------


def events(nlp, text: str, published=date(2020, 1, 8)):
    return timeline.extract_events(Article(text, published=published), nlp=nlp)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Iran did not attack the base.", "attack", ("NONE", "ASSERTED", "NEG")),
        ("Iran never attacked the base.", "attacked", ("PAST", "ASSERTED", "NEG")),
        ("Iran will attack the base.", "attack", ("FUTURE", "FUTURE", "POS")),
        ("Iran could attack the base.", "attack", ("NONE", "HYPOTHETICAL", "POS")),
        ("Iran may attack the base.", "attack", ("NONE", "HYPOTHETICAL", "POS")),
        ("Iran attacked the base.", "attacked", ("PAST", "ASSERTED", "POS")),
        # an argument that is no one, nothing of the kind, negates its verb
        ("The ministry gave no reason.", "gave", ("PAST", "ASSERTED", "NEG")),
        ("No one has claimed the attack.", "claimed", ("PRESENT", "ASSERTED", "NEG")),
        ("No bodies were found.", "found", ("PAST", "ASSERTED", "NEG")),
        ("Police arrested no fewer than 20 people.", "arrested", ("PAST", "ASSERTED", "POS")),
        ("The attack caused no casualties.", "caused", ("PAST", "ASSERTED", "POS")),
        # a verb the tagger took for a noun shares the grammar of the verb it is joined to
        ("He would not elaborate, or comment on it.", "comment", ("NONE", "HYPOTHETICAL", "NEG")),
        # a conjunct in a past form of its own is not under the modal or "do" before it
        ("Police would not name him but said he fled.", "said", ("PAST", "ASSERTED", "POS")),
        ("The mayor did not comment and declined it.", "declined", ("PAST", "ASSERTED", "POS")),
        ("The mayor did not sign or veto the bill.", "veto", ("NONE", "ASSERTED", "NEG")),
    ],
)
def test_tense_modality_polarity(nlp, text, word, expected):
    mention = find(events(nlp, text), word)
    got = (mention.tense, mention.modality, mention.polarity)
    assert got[1:] == expected[1:]
    if expected[0] != "NONE":
        assert got[0] == expected[0]


def test_hypothetical_events_get_no_tense_bounds(nlp):
    assert bounds(find(events(nlp, "Iran could attack."), "attack")) == (None, None)


def test_a_negated_verb_is_bounded_and_presumed_as_a_done_one(nlp):
    """What did not happen is the state of its not happening at the time its clause tells:
    bounded by its tense as a done event would be, presumed on the story's day ("did not
    say"); one in the present perfect tells what is still so on the publication day; in the
    simple present, the day of the news. None is a happening to list."""
    text = (
        "Floods cut off the town on Tuesday. The police did not say how many died. "
        "No one has claimed responsibility. The army does not allow reporters in."
    )
    mentions = events(nlp, text)
    say, claimed, opened = find(mentions, "say"), find(mentions, "claimed"), find(mentions, "allow")
    tuesday = timeline.Interval(at(7), at(8), timeline.Granularity.DAY)
    assert (say.polarity, bounds(say), say.presumed) == ("NEG", (at(7), at(8)), tuesday)
    assert (claimed.polarity, bounds(claimed)) == ("NEG", (None, at(9)))
    assert claimed.presumed == timeline.Interval(at(8), at(9), timeline.Granularity.DAY)
    assert (opened.polarity, bounds(opened)) == ("NEG", (at(8), at(9)))
    tl = timeline.build([Article(text, published=date(2020, 1, 8))], nlp=nlp)
    assert {m.text for e in tl.listed for m in e.mentions} == {"Floods", "cut"}


def test_a_negated_modal_of_ability_or_will_tells_a_fact_of_its_tense(nlp):
    """Aides who would not comment and a mayor who could not be reached did not, then: past,
    presumed on the story's day; farmers who can't find buyers cannot today. The mention
    keeps its modal; what someone said he would not do, what could not be under a condition
    and a quotation stay open."""
    text = (
        "Floods cut off the town on Tuesday. The aides would not comment, and the mayor "
        "could not be reached. Farmers can't find buyers. The minister said he would not "
        'resign. If the dam broke, the town could not survive. "We could not stop it," '
        "a farmer said."
    )
    mentions = events(nlp, text)
    tuesday = timeline.Interval(at(7), at(8), timeline.Granularity.DAY)
    comment, reached = find(mentions, "comment"), find(mentions, "reached")
    assert (comment.modality, comment.polarity, comment.tense) == ("HYPOTHETICAL", "NEG", "NONE")
    assert comment.presumed == reached.presumed == tuesday
    assert bounds(comment)[1] is not None and bounds(reached)[1] is not None
    assert bounds(find(mentions, "find")) == (at(8), at(9))
    for word in ("resign", "survive", "stop"):
        assert bounds(find(mentions, word)) == (None, None), word
        assert find(mentions, word).presumed is None, word


def test_a_participle_that_is_the_predicate_of_a_verb_takes_its_tense(nlp):
    """A mayor who was shocked and dismayed was so before the article, presumed on the
    story's day, as the verb "was"; a minister becoming isolated is so on its day. The
    mentions keep their participle form and are not listed."""
    text = (
        "Floods cut off the town on Tuesday. The mayor was shocked and dismayed by the "
        "damage. The minister is becoming increasingly isolated."
    )
    mentions = events(nlp, text)
    tuesday = timeline.Interval(at(7), at(8), timeline.Granularity.DAY)
    shocked, dismayed = find(mentions, "shocked"), find(mentions, "dismayed")
    assert shocked.tense == dismayed.tense == "PASTPART"
    assert shocked.presumed == dismayed.presumed == tuesday
    assert bounds(shocked) == bounds(dismayed) == (at(7), at(8))
    assert bounds(find(mentions, "isolated")) == (at(8), at(9))
    tl = timeline.build([Article(text, published=date(2020, 1, 8))], nlp=nlp)
    assert not {m.text for e in tl.listed for m in e.mentions} & {"shocked", "isolated"}


def test_future_events_start_at_publication(nlp):
    assert bounds(find(events(nlp, "The army will withdraw."), "withdraw")) == (at(8), None)


def test_what_will_now_happen_is_from_now_on_not_today(nlp):
    # "now" told of the future opens its time, it does not date it on the day of the telling
    mentions = events(nlp, "The exiles will now proceed with an appeal. The vote is now over.")
    assert bounds(find(mentions, "proceed")) == (at(8), None)


def test_reported_event_is_not_after_its_report(nlp):
    result = analyse(Article("On Monday, the minister said that troops attacked the base."), nlp)
    said, attacked = find(result.mentions, "said"), find(result.mentions, "attacked")
    assert said.event_class == "REPORTING"
    index = result.mentions.index
    assert (index(attacked), index(said), "reported speech") in {
        (c.before, c.after, c.cue) for c in result.constraints
    }


def test_a_vowed_reaction_comes_after_its_cause(nlp):
    text = "Iran vowed that it would take revenge over the strike that killed the general."
    result = analyse(Article(text, published=date(2020, 1, 8)), nlp)
    index = {m.text: i for i, m in enumerate(result.mentions)}
    assert result.mentions[index["strike"]].modality == "ASSERTED"
    cues = {(c.before, c.after, c.cue) for c in result.constraints}
    assert (index["strike"], index["vowed"], "revenge") in cues
    assert (index["strike"], index["revenge"], "revenge") in cues


def test_a_reaction_on_its_target_takes_no_cause_from_it(nlp):
    result = analyse(Article("Iran vowed revenge on the US.", published=date(2020, 1, 8)), nlp)
    assert [c.cue for c in result.constraints if c.cue == "revenge"] == []


def test_after_orders_the_events(nlp):
    result = analyse(Article("He resigned after the vote.", published=date(2020, 1, 8)), nlp)
    assert [m.text for m in result.ordered()] == ["vote", "resigned"]


def test_before_a_date_bounds_the_event_from_above(nlp):
    [left] = events(nlp, "The troops left before Sunday.")
    assert bounds(left) == (None, at(5))


def test_light_verb_gives_way_to_its_event_noun(nlp):
    carried, strike = events(nlp, "On Friday, the US carried out an airstrike.")
    assert (strike.text, strike.tense, strike.time.value) == ("airstrike", "PAST", "2020-01-03")
    assert (carried.phrasal, carried.light, strike.light) == ("carried out", True, False)


def test_a_light_verb_is_a_mention_of_its_noun_s_event_never_listed_on_its_own(nlp):
    # TimeML annotates the verb too; the reader's list and label are the noun's
    text = "The board made a decision on Tuesday. The rules took effect."
    built = timeline.build([Article(text, published=date(2020, 1, 8), id="a")], nlp=nlp)
    [decision] = [e for e in built.events if "decision" in {m.text for m in e.mentions}]
    assert [(m.text, m.light, m.event_class) for m in decision.mentions] == [
        ("made", True, "OCCURRENCE"),
        ("decision", False, "I_ACTION"),
    ]
    assert (decision.label, decision.earliest, decision.latest) == ("board decision", at(7), at(8))
    assert sorted(e.label for e in built) == ["board decision", "rules took effect"]


def test_a_shortened_verb_set_apart_from_its_apostrophe_is_no_event(nlp):
    found = events(nlp, "It \u2019 s official : I \u2019 m hosting the show on Friday .")
    assert [m.text for m in found] == ["hosting"]


def test_having_an_object_is_a_state_kept_but_not_listed(nlp):
    text = "The company has 300 employees. He had to leave. Iraq had fired missiles on Friday."
    found = events(nlp, text)
    assert [(m.text, m.event_class) for m in found if m.lemma == "have"] == [("has", "STATE")]
    built = timeline.build([Article(text, published=date(2020, 1, 8), id="a")], nlp=nlp)
    assert "has" in [m.text for e in built.events for m in e.mentions]
    assert all("has" not in e.label for e in built)


def test_inconsistent_cues_are_reported_not_raised(nlp):
    text = "On Friday, he resigned after the vote on Monday."
    result = analyse(Article(text, published=date(2020, 1, 8)), nlp)
    assert not result.consistent
    assert [c.cue for c in result.conflicts] == ["after"]
    resigned, vote = find(result.mentions, "resigned"), find(result.mentions, "vote")
    assert bounds(resigned) == (at(3), at(4))
    assert bounds(vote) == (at(6), at(7))


@pytest.mark.parametrize(
    "variant", ["Qasem Soleimani", "Qassem Soleimani", "Soleimani", "Qassem Suleimani"]
)
def test_name_key_is_transliteration_tolerant(variant):
    assert name_key(variant.split()[-1]) == name_key("Soleimani")


def test_surname_and_title_join_the_full_name(nlp):
    text = (
        "The US killed Qasem Soleimani on Friday. General Soleimani had led the Quds Force. "
        "Iran mourned Soleimani."
    )
    found = events(nlp, text)
    people = {p.name for m in found for p in m.participants if p.label == "PERSON"}
    assert people == {"Qasem Soleimani"}


def test_a_generational_suffix_is_no_surname(nlp):
    """ "Arcade Joseph Comeaux Jr." is keyed by Comeaux, as "Comeaux" is, not by "Jr"."""
    text = "Arcade Joseph Comeaux Jr. escaped on Monday. Police said Comeaux had a gun."
    found = events(nlp, text)
    people = {(p.name, p.key) for m in found for p in m.participants if p.label == "PERSON"}
    assert people == {("Arcade Joseph Comeaux", name_key("Comeaux"))}


def test_document_order_and_offsets(nlp):
    article = seed("000")
    found = timeline.extract_events(article, nlp=nlp)
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(article.text[m.start : m.end] == m.text for m in found)
    assert all(m.article_id == "000" for m in found)


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \u00a0 \u3000"])
def test_blank_text_has_no_events(nlp, text):
    assert timeline.extract_events(Article(text, published=date(2020, 1, 7)), nlp=nlp) == []


def test_no_publication_date_keeps_order_and_leaves_bounds_open(nlp):
    result = analyse(Article("On Sunday, he resigned after the vote."), nlp)
    assert [m.text for m in result.ordered()] == ["vote", "resigned"]
    assert all(bounds(m) == (None, None) for m in result.mentions)
    [sunday] = {m.time.value for m in result.mentions if m.time}
    assert sunday == "XXXX-WXX-7"


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sprach am Sonntag mit seinem Kollegen über die Lage.",
        "Министр обороны обсудил ситуацию на Ближнем Востоке.",
        "qz!! 8x@@ ## ~~ )(*& zzz kkk ..,, ;; 0x0x0x",
        "\x00\x01\x02 \ufffd\ufffd \u202e reversed \u200b",
    ],
)
def test_foreign_or_garbled_text_gives_a_defined_result(nlp, text):
    found = events(nlp, text)
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2020, 1, 8),
        datetime(2020, 1, 8, tzinfo=timezone.utc),
        datetime(2020, 1, 8, 0, 0, 1),
    ],
)
def test_a_publication_at_midnight_presumes_nothing_after_it(nlp, moment):
    texts = [
        "Officials have no trip planned.",
        "According to police, the fire spread to three houses.",
        "The minister resigned, officials said.",
        "The council is still considering a request last week.",
    ]
    for text in texts:
        found = timeline.extract_events(Article(text, published=moment), nlp=nlp)
        assert found
        assert all(m.presumed is None or m.presumed.start < moment for m in found)


def test_duplicated_sentences_give_one_mention_per_copy(nlp):
    sentence = "On Sunday, Iraq's parliament voted to expel US troops. "
    found = events(nlp, sentence * 3)
    votes = [m for m in found if m.lemma == "vote"]
    assert [m.start for m in votes] == [
        sentence.index("voted") + k * len(sentence) for k in range(3)
    ]
    assert {bounds(m) for m in votes} == {(at(5), at(6))}


def test_one_megabyte_article(nlp):
    text = "x" * (1 << 20)  # one token, longer than spaCy's default max_length
    assert events(nlp, text) == []


def test_text_longer_than_max_length_is_parsed_in_pieces(nlp):
    text = "On Sunday, Iraq's parliament voted.\n" * 40
    limit = nlp.max_length
    nlp.max_length = 500
    try:
        doc = parse(nlp, text)
        found = events(nlp, text)
    finally:
        nlp.max_length = limit
    assert doc.text == text
    assert len([m for m in found if m.lemma == "vote"]) == 40


def test_parse_many_gives_each_text_its_parse_long_ones_in_pieces(nlp):
    texts = ["On Sunday, Iraq's parliament voted.\n" * 40, "", "He left.", "They met. " * 3]
    limit = nlp.max_length
    nlp.max_length = 500
    try:
        docs = list(parse_many(nlp, texts, batch_size=2))
        alone = [parse(nlp, t) for t in texts]
    finally:
        nlp.max_length = limit
    assert [d.text for d in docs] == texts
    assert [d.to_json() for d in docs] == [d.to_json() for d in alone]


def test_analyse_takes_a_parsed_doc_of_the_same_text(nlp):
    article = Article("On Sunday, Iraq's parliament voted. It did not attack.", date(2020, 1, 7))
    assert analyse(article, doc=nlp(article.text)) == analyse(article, nlp)
    with pytest.raises(ValueError, match="doc must be a spaCy Doc of the article's text"):
        analyse(article, doc=nlp("Another text."))
    with pytest.raises(ValueError, match="doc must be a spaCy Doc of the article's text"):
        find_mentions(nlp("Another text."), article, ())


def test_pipeline_without_parser_is_refused(nlp):
    with pytest.raises(ValueError, match="no dependency parser"):
        timeline.extract_events(Article("He left."), nlp=spacy.blank("en"))
    tagger_only = spacy.load(nlp.path, exclude=["parser"])
    with pytest.raises(ValueError, match=r"no dependency parser \(token.dep_\);"):
        timeline.extract_events(Article("He left."), nlp=tagger_only)


def test_not_an_article_is_refused(nlp):
    with pytest.raises(TypeError, match=r"timeline\.Article"):
        timeline.extract_events("Iran attacked.", nlp=nlp)  # type: ignore[arg-type]


# --- times of relations, appositions ------------------------------------------------------------


def mentions_of(nlp, text: str):
    return analyse(Article(text, published=date(2020, 1, 7)), nlp).mentions


def test_a_time_after_the_event_noun_a_relation_follows_is_the_noun_s(nlp):
    text = (
        "The call followed a US drone strike near the airport on the evening of January 2 "
        "that killed General Qassem Soleimani."
    )
    found = {m.text: m for m in mentions_of(nlp, text)}
    assert [found[w].time and found[w].time.value for w in ("call", "followed")] == [None, None]
    assert found["strike"].time.value == found["killed"].time.value == "2020-01-02TEV"
    assert bounds(found["strike"]) == (at(2, 17), at(2, 21))
    assert found["followed"].earliest == at(2, 17)  # after the strike, not on its evening


def test_a_week_after_the_vote_a_request_follows_is_the_vote_s(nlp):
    request, follows, vote = mentions_of(
        nlp, "The request follows the vote in parliament last week."
    )
    assert (request.text, request.time) == ("request", None)
    assert (follows.text, follows.time) == ("follows", None)
    assert (vote.text, vote.time.text, vote.time.value) == ("vote", "last week", "2020-W01")


@pytest.mark.parametrize(
    ("text", "noun", "value", "verb"),
    [
        (
            "Two men were charged in the Dec. 21, 1988, bombing of a plane.",
            "bombing",
            "1988-12-21",
            "charged",
        ),
        ("The Sept. 11, 2001, attacks changed the city.", "attacks", "2001-09-11", "changed"),
        ("Police linked him to the 1995 bombing in Oklahoma City.", "bombing", "1995", "linked"),
    ],
)
def test_a_date_before_an_event_noun_in_its_noun_phrase_is_the_noun_s(nlp, text, noun, value, verb):
    found = {m.text: m for m in mentions_of(nlp, text)}
    assert (found[noun].time.value, found[verb].time) == (value, None)


def test_a_page_s_time_stamp_is_no_event_and_dates_none(nlp):
    text = "Sixers fire coach\n\nPosted : May 24 , 2005\n\nThe 76ers fired coach Jim O'Brien."
    [fired] = mentions_of(nlp, text)
    assert (fired.text, fired.time) == ("fired", None)


@pytest.mark.parametrize(
    "stamp", ["March 3, 2016 | 7:42 pm", "on March 3, 2016 7:42 pm | Updated March 4, 2016 9:05 am"]
)
def test_a_page_s_date_line_dates_no_event(nlp, stamp):
    text = f"Ferry sinks off Crete\n{stamp}\nThe ferry sank near the island."
    assert [(m.text, m.time) for m in mentions_of(nlp, text)] == [("sinks", None), ("sank", None)]


def test_a_time_a_verb_of_its_own_takes_stays_with_it(nlp):
    said, attack = mentions_of(nlp, "The Pentagon said on Friday that the attack was over.")[:2]
    assert (said.text, said.time.value, attack.text, attack.time) == (
        "said",
        "2020-01-03",
        "attack",
        None,
    )


def test_the_person_in_apposition_is_the_partner_not_the_title(nlp):
    text = (
        "Shoigu held a telephone conversation with the chief of staff of Iran's armed forces, "
        "Mohammad Bagheri, the ministry said. Two days ago, Shoigu discussed the crisis with "
        "the head of Turkey's intelligence service, Hakan Fidan."
    )
    found = {m.text: m for m in mentions_of(nlp, text)}
    roles = {w: {(p.name, p.role) for p in found[w].participants} for w in found}
    assert roles["conversation"] == {("Shoigu", "agent"), ("Mohammad Bagheri", "other")}
    assert roles["discussed"] == {("Shoigu", "agent"), ("Hakan Fidan", "other")}


def test_a_minister_named_in_apposition_is_the_person_not_the_country(nlp):
    [met] = mentions_of(nlp, "Russia's defence minister, Sergei Shoigu, met the press.")
    assert [(p.name, p.role) for p in met.participants] == [("Sergei Shoigu", "agent")]


def test_a_second_direct_object_is_no_patient(nlp):
    text = "Iran fired missiles at two bases in Iraq, Ain al-Asad in Anbar province."
    fired = find(mentions_of(nlp, text), "fired")
    assert [(p.name, p.role) for p in fired.participants] == [("Iran", "agent")]


WORDS = [
    "Iran",
    "the",
    "US",
    "attacked",
    "said",
    "will",
    "not",
    "after",
    "before",
    "on",
    "Sunday",
    "January",
    "2",
    "strike",
    "had",
    "fired",
    "to",
    "avenge",
    "killing",
    "of",
    "Soleimani",
    "meeting",
    ".",
    ",",
    "that",
    "could",
    "vote",
    "in",
    "Baghdad",
    "two",
    "days",
    "ago",
    "\n",
]


@hypothesis.settings(max_examples=40)
@hypothesis.given(
    words=st.lists(st.sampled_from(WORDS), max_size=40),
    published=st.sampled_from([None, date(2020, 1, 7), datetime(2020, 1, 7, 15, 30)]),
)
def test_any_word_salad_gives_valid_mentions_and_order(nlp, words, published):
    text = " ".join(words)
    result = analyse(Article(text, published=published), nlp)
    assert all(text[m.start : m.end] == m.text for m in result.mentions)
    assert sorted(result.order) == list(range(len(result.mentions)))
    for c in (*result.constraints, *result.conflicts):
        assert max(c.before, c.after) < len(result.mentions)


def bounds_by_text(text: str, published: date) -> dict[str, tuple]:
    found = timeline.extract_events(Article(text, published=published, id="a"))
    return {m.text: (m.earliest, m.latest) for m in found}


def test_a_statement_in_a_sentence_naming_a_time_is_not_put_on_the_publication_day():
    found = bounds_by_text("The army said it had retaken the town on Monday.", date(2020, 1, 9))
    assert found["retaken"] == (datetime(2020, 1, 6), datetime(2020, 1, 7))
    assert found["said"] == (datetime(2020, 1, 6), datetime(2020, 1, 10))


def test_now_names_no_day_of_the_narrative():
    text = "Now the talks are stalled. The envoy left the city, and the guards closed the gates."
    found = bounds_by_text(text, date(2020, 1, 9))
    assert found["left"] == found["closed"] == (None, datetime(2020, 1, 10))


def test_a_conjunct_in_another_tense_does_not_share_the_time():
    text = (
        "NATO warplanes helped end the war in Bosnia almost four years ago and now are poised"
        " to intervene in Kosovo."
    )
    found = bounds_by_text(text, date(1999, 3, 12))
    assert found["helped"] == (datetime(1995, 1, 1), datetime(1996, 1, 1))  # helped end then
    assert found["end"] == (datetime(1995, 1, 1), datetime(1996, 1, 1))
    assert found["poised"] == (datetime(1999, 3, 12), datetime(1999, 3, 13))


def test_a_relative_speaks_not_for_whom_they_are_related_to():
    text = (
        "Kopp's stepmother said on Thursday that he should come forward. Iran's minister said so."
    )
    found = timeline.extract_events(Article(text, date(1999, 5, 7), "a"))
    said = [m for m in found if m.text == "said"]
    assert [[(p.name, p.role) for p in m.participants] for m in said] == [[], [("Iran", "agent")]]


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("The 76ers fired coach Maurice Cheeks on Saturday.", ["dismiss"]),
        ("He is the fifth coach fired this season.", ["dismiss"]),
        ("The board sacked its chief executive.", ["dismiss"]),
        ("Iran fired missiles at two bases, Ain al-Asad and a base near Erbil.", ["fire"]),
    ],
)
def test_firing_someone_from_a_post_is_a_dismissal(text, lemmas):
    found = timeline.extract_events(Article(text, date(2008, 12, 14), "a"))
    assert [m.lemma for m in found if m.text in ("fired", "sacked")] == lemmas


def test_what_a_call_asks_to_step_back_from_has_not_happened():
    text = "Russia called on Iran to step back from confrontation on Wednesday."
    found = timeline.extract_events(Article(text, date(2020, 1, 8), "a"))
    [confrontation] = [m for m in found if m.text == "confrontation"]
    assert confrontation.modality == "HYPOTHETICAL"


def test_verbs_of_coming_to_be_and_seeming_are_mentions_not_happenings(nlp):
    # TimeML annotates them; a reader's list leaves them out
    text = "On Monday, Kopp became a suspect. He appears to have fled."
    built = timeline.build([Article(text, published=date(2020, 1, 8), id="a")], nlp=nlp)
    mentions = {
        m.text: (m.event_class, m.time and m.time.value) for e in built.events for m in e.mentions
    }
    assert mentions["became"] == ("OCCURRENCE", "2020-01-06")
    assert mentions["appears"][0] == "OCCURRENCE"
    listed = {m.text for e in built.listed for m in e.mentions}
    assert not listed & {"became", "appears"}


def test_an_undated_mention_is_presumed_at_the_time_its_sentence_names(nlp):
    text = "The incidents of Aug. 7 underscore that terrorists know no borders."
    article = Article(text, published=date(1998, 8, 14), id="a")
    incidents, know = timeline.extract_events(article, nlp=nlp)
    assert (know.text, know.event_class) == ("know", "STATE")  # a state: kept, not listed
    assert (incidents.time, bounds(incidents)) == (None, (None, None))  # the text gives none
    assert (incidents.presumed.start, incidents.presumed.end) == (
        datetime(1998, 8, 7),
        datetime(1998, 8, 8),
    )
    [event] = [e for e in timeline.build([article], nlp=nlp).events if e.label == "incident"]
    assert (event.earliest, event.latest, event.presumed) == (
        datetime(1998, 8, 7),
        datetime(1998, 8, 8),
        True,
    )


def test_neither_a_statement_nor_an_infinitive_is_presumed_at_its_sentence_time(nlp):
    found = events(nlp, "On Sunday, Iraq's parliament voted to expel US troops.")
    assert find(found, "expel").presumed is None  # not yet done
    # a relative clause's statement is not presumed on the story's day either
    found = events(nlp, "The spokesman, who said the talks would resume, met them last year.")
    said = find(found, "said")
    assert (said.sentence_time.text, said.presumed) == ("last year", None)


def test_an_infinitive_is_presumed_at_a_time_after_publication_its_sentence_names(nlp):
    """A time after the publication day is the one a plan is made for: what the infinitive
    tells is presumed then, while one of a past time is not yet done by it."""
    found = events(nlp, "On Friday, the council plans to open the new bridge.")
    assert find(found, "open").presumed == timeline.Interval(
        at(10), at(11), timeline.Granularity.DAY
    )
    found = events(nlp, "Last Monday, the council decided to open the new bridge.")
    assert find(found, "open").presumed is None


def test_an_infinitive_is_presumed_at_a_time_its_sentence_names_that_goes_on(nlp):
    """A time that goes on after the publication day ("the current quarter", here of the
    sale below the verb) can still be the one a plan is made for; one that ends with the
    publication day cannot."""
    found = events(nlp, "The airline expects to sign a sale of two jets in the current quarter.")
    sign = find(found, "sign").presumed
    assert (sign.start, sign.end) == (datetime(2020, 1, 1), datetime(2020, 4, 1))
    found = events(nlp, "Today, the council decided to open the new bridge.")
    assert find(found, "open").presumed is None


def test_a_time_in_what_a_conjunct_says_does_not_date_the_verb(nlp):
    """A time inside a complement clause below the verb, here of its conjunct "said", dates
    what is said, not the verb: "would not divulge" is not presumed last month, but on the
    publication day, as if its sentence named no time."""
    text = (
        "Investigators would not divulge the evidence but said last month's discovery of a "
        "rifle was a breakthrough."
    )
    found = events(nlp, text)
    divulge = find(found, "divulge").presumed
    assert (find(found, "discovery").time.value, divulge.start, divulge.end) == (
        "2019-12",
        at(8),
        at(9),
    )


def test_what_is_said_in_a_dated_document_is_of_its_date(nlp):
    """A participle that dates a document ("the letter, dated Monday", "a communique issued
    Tuesday") dates what is said in or by it, not the publication day."""
    found = events(nlp, "``We object,'' the father said in the letter, dated Monday.")
    assert (find(found, "said").time.value, bounds(find(found, "said"))) == (
        "2020-01-06",
        (at(6), at(7)),
    )
    found = events(nlp, "The ministry said in a communique issued Tuesday that talks had failed.")
    assert find(found, "said").time.value == "2020-01-07"


def test_an_infinitive_of_a_plan_is_presumed_at_the_time_the_plan_names(nlp):
    """The time of a verb of planning is the one the plan is for ("planned on Friday to
    pay"): what its infinitive tells is presumed then, soft, and takes no bounds from it."""
    found = events(nlp, "On Friday, the ministry planned to pay the first claims.")
    pay = find(found, "pay")
    assert (pay.presumed, bounds(pay)) == (
        timeline.Interval(at(3), at(4), timeline.Granularity.DAY),
        (None, None),
    )


def test_an_infinitive_of_saying_in_a_quotation_is_done_by_the_statement(nlp):
    """What a speaker does by saying it ("would like to offer our thanks", "To quote my
    grandmother") happens with the statement that quotes it; not what a past verb asked for or
    a plan is for."""
    monday = (at(6), at(7))
    text = '"The council would like to offer its thanks to the crews," the mayor said on Monday.'
    assert bounds(find(events(nlp, text), "offer")) == monday
    text = '"To quote my grandmother, a bridge is only as good as its bolts," she said on Monday.'
    assert bounds(find(events(nlp, text), "quote")) == monday
    text = '"They asked us to announce the winner," the judge said on Monday.'
    assert bounds(find(events(nlp, text), "announce")) == (None, None)
    text = '"We plan to announce the winner," the judge said on Monday.'
    assert bounds(find(events(nlp, text), "announce")) == (None, None)


def test_an_infinitive_under_way_is_presumed_on_the_day_its_verb_names(nlp):
    """One that began or went on with its verb ("began to promote") is presumed on the day
    the verb is dated by, even when that time bounds it on one side only ("by today")."""
    found = events(nlp, "By today, the state television actually began to promote the visit.")
    assert find(found, "promote").presumed == timeline.Interval(
        at(8), at(9), timeline.Granularity.DAY
    )


def test_a_weekday_a_participle_of_scheduling_names_is_ahead(nlp):
    """ "Has scheduled a news conference Thursday": the parse's past participle looks ahead,
    as "scheduled" does in the words around a time without a parse. The day is the
    conference's: what the present perfect tells is done by the publication day; an
    infinitive of the plan is presumed on it."""
    found = events(nlp, "The prosecutor has scheduled a news conference Thursday.")
    assert find(found, "conference").time.value == "2020-01-09"
    assert find(found, "scheduled").time is None
    found = events(nlp, "The board has scheduled a hearing Thursday to consider the appeal.")
    assert find(found, "consider").presumed == timeline.Interval(
        at(9), at(10), timeline.Granularity.DAY
    )


def test_a_time_the_verb_cannot_take_is_the_event_noun_s_before_it(nlp):
    """A second time of a verb after an event noun is the noun's ("liberated the city in
    1945 in a rally Saturday": the parse hangs both on the verb), and so is a day before
    the publication day after the object of a verb told in the present ("is still reviewing
    a request last week")."""
    text = "Thousands honored the soldiers who liberated the city in 1945 in a rally Saturday."
    found = events(nlp, text)
    assert (find(found, "liberated").time.text, find(found, "rally").time.text) == (
        "1945",
        "Saturday",
    )
    found = events(nlp, "The ministry is still reviewing a request last week from the union.")
    assert find(found, "reviewing").time is None
    assert find(found, "request").time.text == "last week"


def test_a_time_the_verb_cannot_take_and_no_event_noun_has_dates_nothing(nlp):
    """A day before the publication day that a verb told in the present cannot take, with
    no event noun before it to take it ("these figures compare with net income of $2 million
    last year"), dates neither: the verb stays on the article's day."""
    found = events(nlp, "These figures compare with net income of $2 million last year.")
    compare = find(found, "compare")
    assert compare.time is None
    assert bounds(compare) == (at(8), at(9))


def test_a_statement_is_not_dated_by_a_day_long_before_publication(nlp):
    """A statement with no time of its own takes the narrative's day of the sentence before
    only when it is a recent one: the aides quoted in the article spoke near its
    publication, not on the day in 1949 the sentence before names."""
    text = (
        "On April 4, 1949, the minister signed the treaty. The treaty is his pride, his aides said."
    )
    said = find(events(nlp, text), "said")
    assert (bounds(said)[1], said.presumed.start) == (at(9), at(8))
    text = "On Monday, the minister signed the treaty. The treaty is his pride, his aides said."
    assert bounds(find(events(nlp, text), "said")) == (at(6), at(7))


def test_a_time_that_dates_an_event_of_another_clause_is_not_presumed(nlp):
    text = "After the troops arrived on Monday, residents who fled in the war returned."
    found = events(nlp, text, published=date(1998, 8, 14))
    monday = find(found, "arrived").time.interval
    assert find(found, "returned").presumed == monday  # the clause "after" hangs from
    assert (find(found, "fled").presumed, find(found, "war").presumed) == (None, None)


def test_a_time_of_a_clause_with_no_event_does_not_date_the_verb_above(nlp):
    """A time in a complement clause whose verb is no event ("have been hard") is what is
    told, not the telling; one in such an adverbial clause ("while there was no rain this
    year") yields to a time of the verb's own."""
    found = events(nlp, '"The last two weeks have been hard," says the mayor.')
    assert find(found, "says").time is None
    found = events(nlp, "While there was no rain this year, last year the river flooded.")
    assert find(found, "flooded").time.text == "last year"


def test_a_time_in_a_complement_dates_what_is_told_not_the_telling(nlp):
    """A time in a verb's clausal complement dates what the verb tells or decides, not the
    verb: "had warned the mayor that the dam broke in May" is not presumed in May; "decided
    the ferry must sail by March 4" is not presumed then but, as the time is still to come,
    on the publication day."""
    text = "The agency had warned the mayor that the old dam broke in May 2019."
    found = events(nlp, text)
    assert find(found, "broke").time.text == "May 2019"
    assert find(found, "warned").presumed is None
    text = "The court decided the ferry must sail by March 4."
    decided = find(events(nlp, text), "decided").presumed
    assert (decided.start, decided.end) == (at(8), at(9))


def test_a_time_of_a_clause_on_a_noun_dates_that_noun_not_the_sentence(nlp):
    """A relative clause or participle on a noun tells that noun's background: its time is
    not the sentence's ("who fled in 1948 ... made": the news of the publication day), but
    it dates the noun it qualifies ("a summit set for April")."""
    published = timeline.Interval(
        datetime(1999, 3, 12), datetime(1999, 3, 13), timeline.Granularity.DAY
    )
    text = "The envoy, who fled the country in 1948, made no secret of her joy."
    assert find(events(nlp, text, published=date(1999, 3, 12)), "made").presumed == published
    text = "The minister, who will visit Paris next month, signed the accord."
    signed = find(events(nlp, text, published=date(1999, 3, 12)), "signed")
    assert signed.presumed == published
    text = "The issue is expected to dominate a summit set for Washington in April."
    summit = find(events(nlp, text, published=date(1999, 3, 12)), "summit")
    assert summit.presumed.timex == "1999-04"


def test_the_one_a_passive_relative_clause_names_undergoes_it(nlp):
    text = "Tanzania expelled John Kamau, who was questioned by the FBI on Monday."
    found = timeline.extract_events(Article(text, date(2020, 1, 8), "a"), nlp=nlp)
    [questioned] = [m for m in found if m.text == "questioned"]
    assert sorted((p.role, p.name) for p in questioned.participants) == [
        ("agent", "FBI"),
        ("patient", "John Kamau"),
    ]


def test_a_passive_joined_to_an_active_verb_is_undergone_by_its_subject(nlp):
    text = "On Monday John Kamau coached the team and was promoted to manager."
    found = timeline.extract_events(Article(text, date(2020, 1, 8), "a"), nlp=nlp)
    roles = {m.text: {(p.role, p.name) for p in m.participants} for m in found}
    assert roles["coached"] == {("agent", "John Kamau")}
    assert roles["promoted"] == {("patient", "John Kamau")}


def test_what_is_scheduled_to_happen_is_a_plan_not_a_happening(nlp):
    text = "The plane was set to arrive in New York on Monday. She was scheduled to lay flowers."
    found = timeline.extract_events(Article(text, date(2020, 1, 8), "a"), nlp=nlp)
    assert {m.text: m.event_class for m in found if m.text in ("set", "scheduled")} == {
        "set": "I_STATE",
        "scheduled": "I_STATE",
    }


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("If the sale had gone through last year, the jets would be here.", {"gone"}),
        ("Unless the talks fail, the troops leave on Monday.", {"fail"}),
        ("The talks failed on Monday.", set()),
    ],
)
def test_what_a_condition_tells_only_might_happen(nlp, text, hypothetical):
    found = timeline.extract_events(Article(text, date(2020, 1, 8), "a"), nlp=nlp)
    verbs = {m.text for m in found if m.modality == "HYPOTHETICAL" and m.text[0].islower()}
    assert verbs & {"gone", "fail", "failed"} == hypothetical


def test_signing_a_document_is_the_happening_not_the_document(nlp):
    text = "The two presidents signed a trade plan on Friday."
    built = timeline.build([Article(text, published=date(2020, 1, 13), id="a")], nlp=nlp)
    [signed] = [e for e in built.listed if e.mentions[0].text == "signed"]
    assert (signed.earliest, signed.latest) == (datetime(2020, 1, 10), datetime(2020, 1, 11))
    assert "plan" not in {e.mentions[0].text for e in built.listed}  # a plan is an intention


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("The rebels reached an agreement on Monday.", True),  # a light verb: it was made
        ("Iran made an offer to the rebels on Monday.", True),
        ("The offer to the rebels on Monday was rejected.", False),  # an intention alone
    ],
)
def test_an_intention_a_light_verb_makes_is_a_happening(nlp, text, listed):
    built = timeline.build([Article(text, published=date(2020, 1, 8), id="a")], nlp=nlp)
    nouns = [e for e in built.events if {m.text for m in e.mentions} & {"agreement", "offer"}]
    assert [e in built.listed for e in nouns] == [listed]


def test_a_clause_of_as_shares_the_bounds_another_article_gives(nlp):
    """What happens "as" another event does shares its time both ways, as an order cue, so a
    day another article gives the event reaches the clause ("was shot ... as he stood in his
    kitchen", the shooting dated on Friday night elsewhere), not the publication day."""
    articles = [
        Article("A sniper shot Dr. Ann Lee in Amherst on Friday night.", date(2020, 1, 8), "a"),
        Article(
            "Dr. Ann Lee was shot in Amherst as she stood in her kitchen, police said.",
            date(2020, 1, 8),
            "b",
        ),
    ]
    result = analyse(articles[1], nlp)
    assert sorted(c.cue for c in result.constraints if c.cue == "meanwhile") == ["meanwhile"] * 2
    built = timeline.build(articles, nlp=nlp)
    [shot] = [e for e in built.events if {m.text for m in e.mentions} == {"shot"}]
    [stood] = [e for e in built.events if {m.text for m in e.mentions} == {"stood"}]
    assert (stood.earliest, stood.latest) == (shot.earliest, shot.latest) == (at(3, 21), at(4))


def test_a_time_an_adjective_gives_a_thing_dates_no_event(nlp):
    """A time taken by an adjective that describes a thing after it ("notes due Nov. 1,
    2009", "properties, worth 130 million dollars in October") is the thing's: it dates
    neither the clause nor, as its sentence's time, what the sentence tells."""
    text = "Hertz sold $100 million of senior notes due Nov. 1, 2009, priced at par."
    found = events(nlp, text, published=date(1989, 10, 30))
    assert [(m.text, m.time) for m in found] == [("sold", None), ("priced", None)]
    assert [m.sentence_time for m in found] == [None, None]
    day = timeline.Interval(
        datetime(1989, 10, 30), datetime(1989, 10, 31), timeline.Granularity.DAY
    )
    assert find(found, "sold").presumed == day  # the story's day, as with no time at all
    text = "Pak estimates her properties, worth 130 million dollars in October, have lost half."
    found = events(nlp, text, published=date(1998, 1, 8))
    assert [(m.text, m.time, m.sentence_time) for m in found] == [
        ("estimates", None, None),
        ("lost", None, None),
    ]
    # an adjective told of its subject is the clause's: the time stays with it
    [payment] = events(nlp, "The payment was due on Nov. 1.", published=date(1989, 10, 30))
    assert payment.time.value == "1988-11-01"


def test_a_statement_after_a_dated_happening_in_its_paragraph_reacts_to_it(nlp):
    """An undated statement after a dated happening is a reaction to it when it follows in a
    later sentence; in the happening's own sentence its clause says how the two relate (the
    threat "Churchill warned about" in a speech of 1946 is no reaction to a change since
    1949)."""
    text = "The US carried out an airstrike on January 2. Trump said it was justified."
    result = analyse(Article(text, published=date(2020, 1, 7)), nlp)
    index = {m.text: i for i, m in enumerate(result.mentions)}
    assert (index["airstrike"], index["said"], "reaction") in {
        (c.before, c.after, c.cue) for c in result.constraints
    }
    text = (
        "NATO's mission has changed since its founding in 1949, a time when the West was "
        "intent on halting communism -- a threat Winston Churchill warned about in his "
        "famous speech delivered on March 5, 1946."
    )
    result = analyse(Article(text, published=date(1999, 3, 12)), nlp)
    assert [c for c in result.constraints if c.cue == "reaction"] == []
    assert find(result.mentions, "warned").earliest is None


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The extradition of the two suspects took place on Tuesday.", "extradition"),
        ("Heavy gunfire was heard near the border overnight.", "gunfire"),
        ("The jury returned its verdict on Friday.", "verdict"),
        ("In another dramatic move, the minister resigned.", "move"),
        ("Her first stop was Nairobi on Tuesday.", "stop"),
        ("Shares fell sharply before the close of trading.", "close"),
        ("The repatriation of the refugees begins next week.", "repatriation"),
        ("The inspectors resumed work in Iraq on Friday.", "work"),
        ("A restructuring of the British unit followed the takeover.", "restructuring"),
        ("He fled the capital after a coup d'etat last year.", "coup"),  # in several words
        ("He fled the capital after a coup d\u2019etat last year.", "coup"),
    ],
)
def test_nouns_of_happenings_are_events(nlp, text, noun):
    found = analyse(Article(text, published=date(2020, 1, 8)), nlp).mentions
    assert noun in [m.text for m in found]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He is a close ally of the president.", "close"),  # an adjective
        ("A stop sign was put up on Monday.", "stop"),  # a noun's modifier
        ("Trade between the neighbours grew last year.", "Trade"),  # mostly a thing
        ("The project cost millions.", "project"),
        ("The exchange was closed on Monday.", "exchange"),
    ],
)
def test_a_happening_s_word_used_otherwise_is_no_event(nlp, text, word):
    found = analyse(Article(text, published=date(2020, 1, 8)), nlp).mentions
    assert word not in [m.text for m in found]


def test_a_state_verb_of_a_clause_is_an_event_not_one_that_qualifies_a_noun(nlp):
    text = "Officials said the border would stay closed. Farmers living nearby protested."
    found = analyse(Article(text, published=date(2020, 1, 8)), nlp).mentions
    assert [(m.text, m.event_class) for m in found if m.lemma in ("stay", "live")] == [
        ("stay", "STATE")
    ]


def test_a_phrasal_state_is_no_catch(nlp):
    """A phrasal "caught up in" told by "be" is a state, and qualifying a noun no event; a
    capture and a coming about ("got caught up in nets") stay happenings."""
    text = (
        "Coast guards caught the smugglers near Malta on Monday. The island, which is caught"
        " up in a long dispute over fishing rights, has no navy. Malta, a nation caught up in a"
        " dispute with its neighbours, asked for help. Two cables got caught up in nets."
    )
    found = analyse(Article(text, published=date(2021, 3, 10)), nlp).mentions
    assert [(m.sentence, m.event_class) for m in found if m.lemma == "catch"] == [
        (0, "OCCURRENCE"),
        (1, "STATE"),
        (3, "OCCURRENCE"),
    ]


def test_a_light_verb_gives_way_only_to_its_first_object(nlp):
    """A verb has one direct object: an event noun parsed as a second one ("took effect
    Aug. 9 pending ratification") leaves the verb its own mention."""
    text = "The poison pill took effect Aug. 9 pending ratification by holders."
    found = analyse(Article(text, published=date(1989, 11, 1)), nlp).mentions
    assert [m.text for m in found] == ["took", "ratification"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Pirates carried out 100 attacks since the start of this year.", "start"),
        ("Shares fell at the end of the quarter.", "end"),
        ("The plant closed last fall.", "fall"),  # a word after a time's first
        ("The talks resume this coming Sunday.", "coming"),
        ("The merger is due by year's end.", "end"),
    ],
)
def test_a_part_of_a_time_is_no_event(nlp, text, word):
    found = analyse(Article(text, published=date(1989, 11, 1)), nlp).mentions
    assert word not in [m.text for m in found]


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        (
            "Nine people have been killed and dozens of others wounded in the blast on Friday.",
            "killed",
            "blast",
        ),
        (
            "Nine people died and four others were hurt in the explosion on Friday.",
            "died",
            "explosion",
        ),
    ],
)
def test_a_consequence_joined_to_one_told_in_a_whole_is_its_part(nlp, text, part, whole):
    """The consequences joined in one clause ("killed and ... wounded in the blast")
    happened in the whole the last of them names."""
    found = analyse(Article(text, published=date(1998, 8, 8)), nlp)
    texts = [m.text for m in found.mentions]
    assert (texts.index(part), texts.index(whole)) in found.parts


def test_a_definite_event_noun_names_one_of_its_kind_earlier_in_its_sentence(nlp):
    """The attack a surgeon survived is the 1995 shooting of its sentence, not one of the
    other shootings told before it."""
    text = (
        "The gunman is also sought in two other shootings of doctors. Police charged him on "
        "Monday in the 1995 shooting of a surgeon, who survived the attack at his home."
    )
    article = Article(text, published=date(2000, 1, 25), id="a")
    tl = timeline.build([article], nlp=nlp)
    [attack] = [e for e in tl.events if any(m.text == "attack" for m in e.mentions)]
    assert sorted(m.text for m in attack.mentions) == ["attack", "shooting"]
    assert (attack.earliest, attack.latest) == (datetime(1995, 1, 1), datetime(1996, 1, 1))


def test_a_definite_event_noun_names_one_of_its_own_group_before_one_of_its_union(nlp):
    """The slaying rivals exploit, paragraphs later, is the killing of 23 October, not the
    bombing told after it: both may be named as an attack, but a slaying repeats a killing."""
    text = (
        "A sniper killed a doctor at his home on Oct. 23.\n\n"
        "His clinic was the target of a bombing in 1994. It has since moved to a new building. "
        "Its staff now number twelve.\n\n"
        "Rivals accused each other of exploiting the slaying."
    )
    found = analyse(Article(text, published=date(1998, 10, 26)), nlp).mentions
    assert bounds(find(found, "slaying")) == (datetime(1998, 10, 23), datetime(1998, 10, 24))


def test_a_definite_event_noun_that_names_a_dated_happening_takes_its_time(nlp):
    """The attack detectives are investigating is the shooting of 23 October, not a
    happening of the investigation's day."""
    text = (
        "A gunman shot a surgeon in his kitchen on Oct. 23. Detectives are investigating "
        "the attack on the surgeon."
    )
    found = analyse(Article(text, published=date(1998, 11, 20)), nlp).mentions
    assert bounds(find(found, "attack")) == (datetime(1998, 10, 23), datetime(1998, 10, 24))


def test_a_participle_with_a_subject_and_no_auxiliary_is_a_simple_past(nlp):
    """The tagger reads "followed" as a participle after a long subject; with a subject of
    its own and no auxiliary it is told in the simple past."""
    text = "Her cousin Pablo, who was jailed as a dissident in the 1970s, followed in 1985."
    found = analyse(Article(text, published=date(2000, 2, 24)), nlp).mentions
    assert find(found, "followed").tense == "PAST"


def test_a_present_participle_of_a_verb_happens_while_it_does(nlp):
    """Striking back is what the army did in shelling the camps on Tuesday: a present
    participle of a verb, with no word to order them, shares its day."""
    text = "Striking back two weeks after the raid, the army on Tuesday shelled the rebel camps."
    found = analyse(Article(text, published=date(2001, 3, 12)), nlp).mentions
    assert bounds(find(found, "Striking")) == (datetime(2001, 3, 6), datetime(2001, 3, 7))


def test_a_whole_with_no_time_happened_when_its_dated_part_did(nlp):
    """Guards killed on Tuesday morning, told after a bomb exploded, date the explosion: it
    happened then, not at any time before publication."""
    text = "A bomb exploded near the consulate. Three guards were killed on Tuesday morning."
    found = analyse(Article(text, published=date(2003, 5, 15)), nlp).mentions
    assert bounds(find(found, "exploded")) == (datetime(2003, 5, 13, 5), datetime(2003, 5, 13, 12))


def test_an_event_noun_a_verb_happens_at_takes_the_day_of_its_part_of_day(nlp):
    """The minister spoke on Tuesday night at a rally: the rally was on Tuesday (its day,
    not only the night)."""
    text = "The minister spoke Tuesday night at a rally in the capital."
    found = analyse(Article(text, published=date(2001, 3, 15)), nlp).mentions
    assert bounds(find(found, "rally")) == (datetime(2001, 3, 13), datetime(2001, 3, 14))


def test_an_undated_past_is_presumed_at_the_time_the_narrative_is_at(nlp):
    """A sentence told in the past that names no time goes on at the date the sentence
    before it named for a happening ("In March, ... approved. The mayor resigned"): a
    presumed time, not a bound; not across a sentence that leaves the past, nor for a
    change from an earlier amount, nor after a date that only qualifies a noun."""
    article = Article(
        "In March 1997, the council approved the plan. The mayor resigned.",
        published=date(1998, 6, 10),
        id="a",
    )
    resigned = find(timeline.extract_events(article, nlp=nlp), "resigned")
    assert bounds(resigned) == (None, datetime(1998, 6, 11))
    assert resigned.presumed == timeline.Interval(
        datetime(1997, 3, 1), datetime(1997, 4, 1), timeline.Granularity.MONTH
    )
    for text, word in (
        (
            "In March 1997, the council approved the plan. It has said so. The mayor resigned.",
            "resigned",
        ),
        (
            "It had sales of $5 million a year ago. Revenue rose to $9 million from $5 million.",
            "rose",
        ),
        ("He praised last year's vote. The mayor resigned.", "resigned"),
    ):
        found = timeline.extract_events(Article(text, published=date(1998, 6, 10)), nlp=nlp)
        assert find(found, word).presumed in (
            None,
            timeline.Interval(
                datetime(1998, 6, 10), datetime(1998, 6, 11), timeline.Granularity.DAY
            ),
        ), text


def test_a_plural_noun_that_heads_its_sentence_with_a_subject_is_a_present_verb(nlp):
    """The tagger takes a verb in the present for a plural noun ("Hill ... talks about"):
    one that heads its sentence and has a subject is told in the present, on the
    publication day."""
    found = events(nlp, "Mark Hill, CEO of Blue Data, talks about the company's new search tool.")
    talks = find(found, "talks")
    assert (talks.tense, bounds(talks)) == ("PRESENT", (at(8), at(9)))


def test_a_state_or_progressive_a_statement_reports_holds_when_it_was_said(nlp):
    """The past of a state or a progressive in the clause after a verb of saying in the
    past is the speaker's present shifted back: presumed on the statement's day. Not a
    happening it reports (done before), nor a clause named before its speaker."""
    day = timeline.Interval(at(8), at(9), timeline.Granularity.DAY)
    for text, word, presumed in (
        ("The mayor said that the city was working with the police.", "working", day),
        ("The mayor said that the plan meant higher taxes.", "meant", day),
        ("The mayor said that the police arrested him.", "arrested", None),
        ("The city was working with the police, the mayor said.", "working", None),
    ):
        assert find(events(nlp, text), word).presumed == presumed, text


def test_a_statement_set_in_the_clause_it_reports_is_presumed_on_the_story_day(nlp):
    """A verb of saying set in the clause it reports ("The talks, the minister said,
    would resume") is the statement, not part of what was said: presumed as statements
    are."""
    day = timeline.Interval(at(8), at(9), timeline.Granularity.DAY)
    for text in (
        "The talks, the minister said, would resume soon.",
        "But the mayor never expected, he said, that the city would win the bid.",
    ):
        assert find(events(nlp, text), "said").presumed == day, text


def test_a_time_of_a_reason_does_not_keep_the_clause_it_hangs_from_undated(nlp):
    """A time that dates only a clause giving a reason ("because ... in each of the last
    two years") is the reason's: the clause it hangs from is presumed as if its sentence
    named no time."""
    text = (
        "Guards scanned the crowd, because the man had been a guest at or arrested at the "
        "fair in each of the last two years."
    )
    found = events(nlp, text)
    assert find(found, "arrested").time.text == "the last two years"
    scanned = find(found, "scanned")
    assert (scanned.time, scanned.presumed) == (
        None,
        timeline.Interval(at(8), at(9), timeline.Granularity.DAY),
    )
