"""Which event mentions have an entity as an argument: names, pronouns, descriptions."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import Argument, Article, extract_events
from timeline.involvement import involving, mentions_involving, name_variants, names, patterns

TARGETS = ["Airbus", "Airbus A380", "Boeing", "Boeing 787 Dreamliner", "United States Air Force"]


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
    # a two-word name ending in a kind of organisation is no person's: not "Singapore"
    assert name_variants("Singapore Airlines", TARGETS) == {"Singapore Airlines"}
    assert name_variants("Louis Gallois", TARGETS) == {"Louis Gallois", "Louis", "Gallois"}
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


def _mentions(text, *words):
    """The mentions extract_events finds for each word of ``text`` (first occurrence)."""
    found = {m.text: m for m in extract_events(Article(text, date(2008, 6, 9), "a"))}
    return [found[w] for w in words]


def test_entity_arguments_by_name_apposition_and_pronoun(nlp):
    text = "The Irish airline, Ryanair, announced that it is exercising options. Prices rose."
    mentions = _mentions(text, "announced", "exercising", "rose")
    assert _texts(mentions_involving(mentions, "Ryanair")) == ["announced", "exercising"]
    assert mentions_involving(mentions, "Boeing") == []


def test_the_company_stands_for_the_organisation_named_before(nlp):
    mentions = _mentions(
        "Boeing lost the contract to Airbus. The company expanded.", "lost", "expanded"
    )
    assert _texts(mentions_involving(mentions, "Airbus")) == ["lost", "expanded"]
    assert _texts(mentions_involving(mentions, "Boeing")) == ["lost"]


def test_the_superjumbo_stands_for_the_product_named_before(nlp):
    text = "Airbus delayed the A380 again. The superjumbo finally flew."
    mentions = _mentions(text, "delayed", "flew")
    assert _texts(mentions_involving(mentions, "Airbus A380", others=["Airbus"])) == [
        "delayed",
        "flew",
    ]
    assert _texts(mentions_involving(mentions, "Airbus", others=["Airbus A380"])) == ["delayed"]


def test_it_stands_for_a_thing_at_most_60_tokens_back(nlp):
    near = _mentions("Ryanair grew. It announced profits.", "announced")
    filler = "Prices went up and then down again. " * 8  # 64 tokens
    far = _mentions(f"Ryanair grew. {filler}It announced profits.", "announced")
    assert _texts(mentions_involving(near, "Ryanair")) == ["announced"]
    assert mentions_involving(far, "Ryanair") == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the organisation in the speaker's phrase
        ('Boeing grew. "We will hire pilots," said an Airbus spokesman.', "hire"),
        # in the phrase the article first names the speaker in, for the sentence after too
        (
            'Airbus chief Tom Enders met Boeing. Enders said: "We lost money." "We will cut jobs."',
            "cut",
        ),
        # a speaker holding an office, named with no organisation, speaks for the one named most
        (
            'Airbus lost money. Spokeswoman Jane Roe spoke. "We have cut our effort," said Roe.',
            "cut",
        ),
    ],
)
def test_we_in_a_quotation_stands_for_the_speakers_organisation(nlp, text, trigger):
    mentions = _mentions(text, trigger)
    assert _texts(mentions_involving(mentions, "Airbus", others=["Boeing"])) == [trigger]
    assert mentions_involving(mentions, "Boeing", others=["Airbus"]) == []


def test_we_of_a_speaker_of_no_organisation_stands_for_none(nlp):
    mentions = _mentions('Airbus grew. "We will win," said the fans.', "win")
    assert mentions_involving(mentions, "Airbus") == []


@pytest.mark.parametrize(
    "text",
    [
        "Boeing built the 787 for the CEO. The plane landed.",
        "Airbus built the A380. It was shown to the Vice President. The aircraft landed.",
    ],
)
def test_an_office_is_no_name_a_description_stands_for(nlp, text):
    [landed] = _mentions(text, "landed")
    assert [a.name for a in landed.arguments] == [_mentions(text, "built")[0].arguments[1].name]


def test_the_agent_of_a_passive_is_its_argument(nlp):
    text = "The A380 superjumbo, made by Airbus, was delivered to Qantas. Pixar, which was "
    text += "founded by Steve Jobs, grew."
    mentions = _mentions(text, "made", "delivered", "founded", "grew")
    assert _texts(mentions_involving(mentions, "Airbus", others=["Airbus A380"])) == ["made"]
    assert _texts(mentions_involving(mentions, "Steve Jobs")) == ["founded"]


def test_a_gerund_after_by_takes_the_subject_of_its_verb(nlp):
    text = "Tim Cook unveiled the phone by walking onto the stage. Prices rose."
    mentions = _mentions(text, "unveiled", "walking", "rose")
    assert _texts(mentions_involving(mentions, "Tim Cook")) == ["unveiled", "walking"]


def test_a_description_stands_for_the_name_ending_in_its_noun(nlp):
    text = "Apple opened the iTunes Music Store in April. Sony grew. The store sold songs."
    [sold] = _mentions(text, "sold")
    assert [a.name for a in sold.arguments][:1] == ["iTunes Music Store"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # in apposition, though another product is named between
        (
            "Airbus unveiled the A380, a twin-deck aircraft. Boeing's 747 is smaller. "
            "The new aircraft will fly.",
            "fly",
        ),
        # the noun the name modifies, and a noun alike ("plane" for "airliner")
        (
            "Airbus showed its A380 airliner in Toulouse. Sales must pass the 250 needed "
            "to break even. The plane landed in Paris.",
            "landed",
        ),
    ],
)
def test_a_description_stands_for_the_name_described_alike(nlp, text, trigger):
    [mention] = _mentions(text, trigger)
    assert [a.name for a in mention.arguments][:1] == ["A380"]


def _actor(text: str, trigger: str) -> tuple[str | None, list[str]]:
    [mention] = _mentions(text, trigger)
    return mention.actor, [a.name for a in mention.arguments]


@pytest.mark.parametrize(
    ("text", "trigger", "who"),
    [
        # the subject of the sentence before, not the nearer person named in passing
        ("Steve Jobs met Tim Cook in Cupertino. He smiled.", "smiled", "Steve Jobs"),
        (
            "Madeleine Albright toured the site with Kenneth Piernick. She laid a wreath.",
            "laid",
            "Madeleine Albright",
        ),
        # of the pronoun's gender, where a first name or a title tells it
        (
            "Madeleine Albright met Daniel arap Moi in Nairobi. He thanked the envoy.",
            "thanked",
            "Daniel arap Moi",
        ),
        ("Mrs. Clark greeted Mr. Smith. He smiled.", "smiled", "Smith"),
        ("Mr. Smith greeted Mrs. Clark. She smiled.", "smiled", "Clark"),
        # the subject of its own sentence before it
        ("Tony Blair told Jacques Chirac that he would resign.", "resign", "Tony Blair"),
    ],
)
def test_a_person_pronoun_stands_for_the_subject_of_its_gender_near_it(nlp, text, trigger, who):
    assert _actor(text, trigger) == (who, [who])


def test_a_person_pronoun_far_from_any_name_involves_but_does_not_label(nlp):
    filler = "Prices went up and then down again. " * 3
    actor, arguments = _actor(f"Steve Jobs met analysts. {filler}He smiled.", "smiled")
    assert (actor, arguments) == (None, ["Steve Jobs"])


def test_a_number_of_the_name_joins_it(nlp):
    text = "Apple unveiled the iPhone 4 in June. Later the iPhone 5 sold well."
    mentions = _mentions(text, "unveiled", "sold")
    assert _texts(mentions_involving(mentions, "iPhone 4", others=["iPhone 5"])) == ["unveiled"]
    assert _texts(mentions_involving(mentions, "iPhone 5", others=["iPhone 4"])) == ["sold"]


def test_involving_reads_the_article(nlp):
    article = Article("Airbus said it would build the A380. Boeing waited.", date(2007, 1, 2))
    assert _texts(involving(article, "Airbus A380", nlp, others=["Airbus"])) == ["build"]
    assert _texts(involving(article, "Airbus", nlp, others=["Airbus A380"])) == ["said", "build"]
    assert involving(Article("   "), "Airbus", nlp) == []


def test_involving_wants_an_article(nlp):
    with pytest.raises(TypeError, match=r"timeline\.Article"):
        involving("Airbus grew.", "Airbus", nlp)


def test_a_part_of_the_name_counts_unless_a_product_is_left_out():
    store = Argument("iTunes Music Store", "iTunes Music Store", 13)
    jet = Argument("A380", "Airbus A380", 7)
    assert names(store, patterns("iTunes"))
    assert not names(jet, patterns("Airbus"))
    assert names(jet, patterns("Airbus A380"))


def test_the_carmaker_and_it_after_it_stand_for_the_organisation(nlp):
    text = "Toyota recalled cars. The carmaker apologised and said it would pay."
    apologised, pay = _mentions(text, "apologised", "pay")
    assert [(a.text, a.name) for a in apologised.arguments] == [("The carmaker", "Toyota")]
    assert [(a.text, a.name) for a in pay.arguments] == [("it", "Toyota")]


def test_mentions_keep_their_particle_and_their_sentence_date(nlp):
    text = "In 2007, Boeing rolled out the 787. It flew."
    rolled, flew = _mentions(text, "rolled", "flew")
    assert text[slice(*rolled.particle)] == "out"
    assert (rolled.sentence_time.text, flew.sentence_time, flew.particle) == ("2007", None, None)


def test_a_list_of_names_after_dashes_reads_without_error(nlp):
    # ECB+ 6: a cast list whose names spaCy runs into the dashes before them
    text = (
        "The studio named the cast ;\n- Jennifer Lawrence\n- Liam Hemsworth\n"
        "- Josh Hutcherson\nFilming starts in May."
    )
    assert _texts(extract_events(Article(text), nlp)) == ["named", "starts"]


def test_an_article_defined_short_name_involves_under_either_name(nlp):
    text = (
        "Singapore Airlines (SIA) took the first A380 on Monday. SIA flew it to Sydney. "
        "The Government Accountability Office (GAO) upheld the protest. The GAO said the "
        "office would decide. NAIROBI, Kenya (AP) -- Police said AP reporters left."
    )
    mentions = extract_events(Article(text, date(2007, 10, 15), "a"), nlp)
    assert _texts(mentions_involving(mentions, "Singapore Airlines")) == ["took", "flew"]
    # "Kenya (AP)" defines nothing: AP does not abbreviate Kenya
    assert _texts(mentions_involving(mentions, "Kenya")) == []
    # "GAO" is read as the name it abbreviates, and the entity is asked by either name
    gao = mentions_involving(mentions, "GAO")
    assert [(m.text, {a.name for a in m.arguments}) for m in gao] == [
        ("upheld", {"Government Accountability Office"}),
        ("protest", {"Government Accountability Office"}),
        ("said", {"Government Accountability Office"}),
    ]
    assert mentions_involving(mentions, "Government Accountability Office") == gao


def test_a_short_name_one_article_defines_names_the_entity_in_the_others(nlp):
    first = Article("Singapore Airlines (SIA) ordered jets on Monday.", date(2007, 10, 15), "a")
    second = Article("SIA cancelled flights. Qantas grew.", date(2007, 10, 16), "b")
    built = timeline.build([first, second])
    found = built.involving("Singapore Airlines")
    texts = {m.text for e in found.events for m in e.mentions}
    assert {"ordered", "cancelled"} <= texts
    assert "grew" not in texts
    # an article alone knows only the short names it defines
    alone = extract_events(second, nlp)
    assert mentions_involving(alone, "Singapore Airlines") == []


def test_a_product_number_names_it_in_the_plural_too():
    assert [bool(p.search("two a380s and 787s")) for p in patterns("Airbus A380", ["Airbus"])] == [
        True,
        False,
    ]
    assert not any(p.search("new airbuses") for p in patterns("Airbus"))
