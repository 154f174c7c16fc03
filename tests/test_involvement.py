"""Which event mentions have an entity as an argument: names, pronouns, descriptions."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import Article, EventMention
from timeline.involvement import involving, is_person, mentions_involving, name_variants

TARGETS = ["Airbus", "Airbus A380", "Boeing", "Boeing 787 Dreamliner", "United States Air Force"]


def _triggers(doc, *words):
    """Hand-made mentions of the first occurrence of each word of ``doc``."""
    found = []
    for word in words:
        start = doc.text.index(word)
        found.append(EventMention("a", start, start + len(word), word, word, 0))
    return found


def _texts(mentions):
    return [m.text for m in mentions]


def test_name_variants_single_out_the_entity():
    assert name_variants("Boeing 787 Dreamliner", TARGETS) == {
        "Boeing 787 Dreamliner",
        "787 Dreamliner",
        "787",
    }
    assert name_variants("United States Air Force", TARGETS) == {
        "United States Air Force",
        "States Air Force",
        "Air Force",
    }
    assert name_variants("Airbus", TARGETS) == {"Airbus"}
    assert name_variants("Beatles Apple Corps", ["iPod"]) == {
        "Beatles Apple Corps",
        "Apple Corps",
    }
    assert name_variants("  EADS  ") == {"EADS"}
    assert name_variants("Steve  Jobs", ["Steve Jobs"]) == {"Steve Jobs", "Steve", "Jobs"}


@pytest.mark.parametrize(("name", "error"), [("", ValueError), ("  ", ValueError), (3, TypeError)])
def test_name_variants_refuse_a_blank_or_non_string_name(name, error):
    with pytest.raises(error):
        name_variants(name)


_WORD = st.text(st.sampled_from("aAbB1 9xX"), min_size=1, max_size=6).filter(str.strip)


@given(st.lists(_WORD, min_size=1, max_size=4), st.lists(_WORD, max_size=3))
def test_variants_are_runs_of_the_name_and_others_only_remove_some(words, others):
    name = " ".join(words)
    alone = name_variants(name)
    assert " ".join(name.split()) in alone
    assert all(f" {v} " in f" {' '.join(name.split())} " for v in alone)
    assert name_variants(name, others) <= alone


def test_entity_arguments_by_name_apposition_and_pronoun(nlp):
    doc = nlp(
        "The Irish airline , Ryanair , announced that it is exercising options . Prices rose ."
    )
    mentions = _triggers(doc, "announced", "exercising", "rose")
    assert _texts(mentions_involving(doc, mentions, "Ryanair")) == ["announced", "exercising"]
    assert mentions_involving(doc, mentions, "Boeing") == []


def test_the_company_stands_for_the_organisation_named_before(nlp):
    doc = nlp("Boeing lost the contract to Airbus . The company expanded .")
    mentions = _triggers(doc, "lost", "expanded")
    assert _texts(mentions_involving(doc, mentions, "Airbus")) == ["lost", "expanded"]
    assert _texts(mentions_involving(doc, mentions, "Boeing")) == ["lost"]


def test_it_stands_for_a_thing_at_most_60_tokens_back(nlp):
    near = nlp("Ryanair grew . It announced profits .")
    filler = "Prices went up and then down again . " * 8  # 64 tokens
    far = nlp(f"Ryanair grew . {filler}It announced profits .")
    assert _texts(mentions_involving(near, _triggers(near, "announced"), "Ryanair")) == [
        "announced"
    ]
    assert mentions_involving(far, _triggers(far, "announced"), "Ryanair") == []


def test_he_stands_for_the_nearest_person(nlp):
    doc = nlp("Steve Jobs met Tim Cook in Cupertino . He smiled .")
    smiled = _triggers(doc, "smiled")
    assert is_person("Tim Cook", [doc])
    assert mentions_involving(doc, smiled, "Tim Cook") == smiled
    assert mentions_involving(doc, smiled, "Steve Jobs") == []
    # as a thing, the entity is not what "he" stands for
    assert mentions_involving(doc, smiled, "Tim Cook", person=False) == []


def test_mentions_of_another_text_are_refused(nlp):
    doc = nlp("Airbus grew .")
    other = nlp("Boeing shrank .")
    with pytest.raises(ValueError, match="'shrank' at 7:13 is not in the doc's text"):
        mentions_involving(doc, _triggers(other, "shrank"), "Airbus")


def test_involving_parses_the_article(nlp):
    article = Article("Airbus said it would build the A380 . Boeing waited .", date(2007, 1, 2))
    assert _texts(involving(article, "Airbus A380", nlp, others=["Airbus"])) == ["build"]
    assert _texts(involving(article, "Airbus", nlp, others=["Airbus A380"])) == ["said", "build"]
    assert involving(Article("   "), "Airbus", nlp) == []


def test_involving_wants_an_article(nlp):
    with pytest.raises(TypeError, match=r"timeline\.Article"):
        involving("Airbus grew.", "Airbus", nlp)
