"""Presumed days: news told in the simple past with nothing dating it is put on the story's
day, as a soft default that the order cues and other reports of the event override."""

from __future__ import annotations

from datetime import date, datetime

import attrs

import timeline
from timeline import Article, EventMention, Granularity, Interval, Participant
from timeline.export.wording import describe_when

FLOOD = """Floods cut off two towns in the north on Tuesday, officials said. Roads were closed \
and schools shut. The regional council met in the evening.

The army sent boats to Ashford. Rescuers found three people on a roof. A spokesman for the \
council said the water was falling and that a dam broke. The government has promised aid.

In 2019, the river burst its banks and destroyed the old bridge. A mayor opened the new one."""

YEAR_1995 = Interval(datetime(1995, 1, 1), datetime(1996, 1, 1), Granularity.YEAR)

ARMY = Participant("army", "rmy", "ORG", "agent")


def day(d: int) -> Interval:
    return Interval(datetime(2021, 3, d), datetime(2021, 3, d + 1), Granularity.DAY)


def mentions_of(nlp, text: str) -> list[EventMention]:
    """The mentions of ``text`` published on Wednesday 10 March 2021."""
    return timeline.extract_events(Article(text, date(2021, 3, 10), id="a"), nlp)


def presumed_days(mentions: list[EventMention]) -> dict[str, Interval | None]:
    """The day presumed for each mention, by its text."""
    return {m.text: m.presumed for m in mentions}


def listing(tl: timeline.Timeline) -> dict[str, tuple[str, bool]]:
    return {e.label: (describe_when(e), e.presumed) for e in tl.events}


def test_an_article_told_in_the_simple_past_on_the_story_day(nlp):
    """Published on Wednesday, the news of Tuesday: what it goes on to tell in the simple past
    or the present perfect with no time of its own is presumed on Tuesday; what was said is
    bounded by the saying; what a paragraph tells after naming an earlier year is its
    background, not presumed."""
    tl = timeline.build([Article(FLOOD, date(2021, 3, 10), id="flood")], nlp=nlp)
    found = listing(tl)
    assert found["army sent boats to Ashford"] == ("9 Mar 2021, presumed", True)
    assert found["rescuers found three people"] == ("9 Mar 2021, presumed", True)
    assert found["regional council met"] == ("9 Mar 2021, evening", False)
    assert found["spokesman said the water was falling"] == ("9 Mar 2021", False)
    # what was going on when it was said is presumed on the saying's day (held_when_said)
    assert found["water falling"] == ("9 Mar 2021, presumed", True)
    assert found["dam broke"] == ("before 10 Mar 2021", False)  # said too: by the saying
    assert found["government promised aid"] == ("9 Mar 2021, presumed", True)
    assert found["river destroyed the old bridge"] == ("2019", False)
    # told after a year its paragraph names, in the past: presumed then (narrative_time),
    # a reader's default that the text may contradict, never shown as certain
    assert found["mayor opened"] == ("2019, presumed", True)
    sent = next(m for e in tl.events for m in e.mentions if m.text == "sent")
    assert (sent.presumed, sent.earliest, sent.latest) == (day(9), None, datetime(2021, 3, 11))


def test_a_day_another_report_names_overrides_the_presumed_one():
    told = EventMention(
        "a", 0, 4, "sent", "send", 0, (ARMY,), earliest=day(9).start, latest=day(9).end
    )
    presumed = EventMention(
        "b", 0, 4, "sent", "send", 0, (ARMY,), latest=day(13).end, presumed=day(12)
    )
    [alone] = timeline.merge([presumed], dated=["b"])
    assert (alone.earliest, alone.latest, alone.presumed) == (day(12).start, day(12).end, True)
    [event] = timeline.merge([told, presumed], dated=["a", "b"])
    assert event.articles == ("a", "b")
    assert (event.earliest, event.latest, event.presumed) == (day(9).start, day(9).end, False)


def test_a_presumed_day_gives_way_to_an_order_cue_and_is_carried_by_one():
    vote = EventMention("a", 0, 5, "voted", "vote", 0, earliest=day(9).start, latest=day(9).end)
    # resigned after the vote, presumed on the day before it: the cue holds
    early = EventMention("a", 10, 18, "resigned", "resign", 0, latest=day(13).end, presumed=day(8))
    # said, presumed on the 12th; what was said happened by then
    said = EventMention("a", 20, 24, "said", "say", 1, latest=day(13).end, presumed=day(12))
    fled = EventMention("a", 30, 34, "fled", "flee", 1, latest=day(13).end)
    cues = [(vote, early, "after"), (fled, said, "reported speech")]
    events = {e.mentions[0].text: e for e in timeline.merge([vote, early, said, fled], cues)}
    assert (events["resigned"].earliest, events["resigned"].latest) == (day(9).start, day(13).end)
    assert not events["resigned"].presumed
    assert (events["said"].earliest, events["said"].presumed) == (day(12).start, True)
    assert (events["fled"].earliest, events["fled"].latest) == (None, day(12).end)
    assert events["fled"].presumed  # its bound rests on the presumed saying


def test_the_bounds_told_before_a_presumed_day_are_kept_and_said():
    """Resigned after the vote of the 9th, by the 13th, presumed on the 12th: the event keeps
    the bounds the text told, and its time in words says the lower one beside the presumed
    day (the upper one is the publication's, which the sources show)."""
    vote = EventMention("a", 0, 5, "voted", "vote", 0, earliest=day(9).start, latest=day(9).end)
    quit = EventMention("a", 10, 18, "resigned", "resign", 0, latest=day(13).end, presumed=day(12))
    events = {e.mentions[0].text: e for e in timeline.merge([vote, quit], [(vote, quit, "after")])}
    resigned = events["resigned"]
    assert (resigned.earliest, resigned.latest, resigned.presumed) == (
        day(12).start,
        day(12).end,
        True,
    )
    assert resigned.told == (day(9).start, day(13).end)
    assert describe_when(resigned) == "12 Mar 2021, presumed (after 9 Mar)"
    # told nothing: nothing to say beside the presumed day; not presumed: nothing kept
    [alone] = timeline.merge([attrs.evolve(quit, latest=None)])
    assert (alone.presumed, alone.told, describe_when(alone)) == (
        True,
        None,
        "12 Mar 2021, presumed",
    )
    assert events["voted"].told is None


SOURCES = """Prices rose sharply in 2019, according to the ministry.

The minister spoke at a news conference in the capital. In an interview, the mayor \
criticized the plan."""


def test_a_source_and_the_event_a_presumed_one_happens_at(nlp):
    """A source's "according to" is a statement the source stands by on the publication day, not at
    the time its sentence names; an event noun that a presumed event happens at or in
    ("at a news conference", "In an interview") is presumed on its day; the plan is not."""
    mentions = mentions_of(nlp, SOURCES)
    found = {m.text: (m.event_class, m.time, m.presumed) for m in mentions}
    assert found["according"] == ("REPORTING", None, day(10))
    assert found["spoke"][2] == found["conference"][2] == day(10)
    assert found["criticized"][2] == found["interview"][2] == day(10)
    assert found["plan"][2] is None
    tl = timeline.build([Article(SOURCES, date(2021, 3, 10), id="s")], nlp=nlp)
    assert [e.label for e in tl] == ["prices rose", "minister spoke", "mayor criticized the plan"]


RIFLE = """On April 8, investigators found a rifle behind the house.

A jogger spotted the car at 6 a.m. near the house. The men arrived around 7:15 p.m. on \
Tuesday and left at 9 p.m."""


def test_a_clock_time_does_not_take_the_day_of_an_earlier_paragraph(nlp):
    """A clock time names no day: the tagger reads it on the last day told, April 8, but that
    day is another paragraph's event, so the spotting is not dated by it; a clock time after
    a day of its own paragraph keeps it."""
    mentions = timeline.extract_events(Article(RIFLE, date(2021, 5, 5), id="r"), nlp)
    found = {m.text: m for m in mentions}
    assert found["found"].time.value == "2021-04-08"
    assert found["spotted"].time is None
    assert found["spotted"].latest == datetime(2021, 5, 6)
    assert found["left"].time.value == "2021-05-04T21:00"


CALLED = """The company said it is calling for the redemption on Dec. 7 of all its preferred \
shares. The search is under way."""


def test_an_event_noun_is_not_of_the_day_of_the_present_it_is_named_in(nlp):
    """A verb in the present is of the publication day; the event noun it names in a sentence
    that names another time is not bounded to that day, and is presumed at that time; with
    no other time named, it is ("the search is under way")."""
    mentions = timeline.extract_events(Article(CALLED, date(2021, 11, 1), id="c"), nlp)
    found = {m.text: m for m in mentions}
    redemption, search = found["redemption"], found["search"]
    assert (redemption.earliest, redemption.latest) == (None, None)
    assert redemption.presumed.start == datetime(2021, 12, 7)
    assert (search.earliest, search.latest) == (datetime(2021, 11, 1), datetime(2021, 11, 2))


def test_a_day_takes_the_place_of_a_length_attached_before_it(nlp):
    """In "his second letter in two weeks was published on Tuesday" the length came first,
    but the day dates the publishing."""
    text = "His second letter to Reno in two weeks was published in Granma on Tuesday."
    mentions = timeline.extract_events(Article(text, date(2000, 2, 16), id="g"), nlp)
    published = next(m for m in mentions if m.text == "published")
    assert published.time.text == "Tuesday"
    assert (published.earliest, published.latest) == (datetime(2000, 2, 15), datetime(2000, 2, 16))


def test_a_participle_after_a_preposition_takes_the_presumed_day_of_its_verb(nlp):
    """In "was quoted as saying" and "In looking ahead, ... said": said on the story's day, so
    are the saying and the looking ahead; "after meeting" is not (it was before)."""
    text = """The minister was quoted as saying the talks would go on. In looking ahead, the \
mayor said the city would grow. After meeting the envoy, the king left."""
    mentions = mentions_of(nlp, text)
    found = presumed_days(mentions)
    assert found["quoted"] == found["saying"] == day(10)
    assert found["said"] == found["looking"] == day(10)
    assert found["left"] == day(10)
    assert found["meeting"] is None


def test_a_text_without_line_breaks_is_not_one_paragraph_of_background(nlp):
    """A year told before the story's day makes what its paragraph goes on to tell
    background; but a text of more sentences than a paragraph runs to, with no line breaks,
    lost them: a few sentences on, the news goes on. A real paragraph stays background."""
    news = (
        "The council voted on Tuesday to close the plant. In 1995, the company built the "
        "plant. It hired 200 workers. Its shares fell. Unions protested at the gates. The "
        "mayor resigned."
    )
    more = " Police closed the road. Traders shut their shops. The bishop prayed for calm."
    mentions = mentions_of(nlp, news + more)
    found = presumed_days(mentions)
    # the paragraph's narrative is at 1995 for what it goes on to tell (narrative_time)
    assert found["hired"] == YEAR_1995
    assert found["protested"] == found["resigned"] == found["prayed"] == day(9)
    mentions = mentions_of(nlp, news)
    found = presumed_days(mentions)
    # up to three sentences on, told in the past, the narrative is still at 1995
    assert found["hired"] == found["protested"] == YEAR_1995
    assert found["resigned"] is None


def test_the_event_a_verb_of_taking_part_has_as_object_is_on_its_day(nlp):
    """Mourners who attended the funeral on Sunday attended it then, and the conference a
    minister told happened when he told it; a decision is not taken part in."""

    def found(text: str) -> dict[str, EventMention]:
        mentions = mentions_of(nlp, text)
        return {m.text: m for m in mentions}

    assert found("The mourners attended the funeral on Sunday.")["funeral"].time.text == "Sunday"
    told = found("The minister told a news conference.")
    assert told["conference"].presumed == told["told"].presumed == day(10)
    assert found("The minister announced the decision.")["decision"].presumed is None


def test_what_a_verb_of_beginning_or_going_on_takes_on_happened_on_its_day(nlp):
    """Crowds that began to arrive did arrive, on the story's day as the beginning; what
    the council voted to do is not done yet."""
    text = "Crowds began to arrive in the square. The council voted to close the road."
    mentions = mentions_of(nlp, text)
    found = presumed_days(mentions)
    assert found["began"] == found["arrive"] == day(10)
    assert (found["voted"], found["close"]) == (day(10), None)


def test_an_infinitive_done_or_let_go_when_its_verb_is_takes_its_day(nlp):
    """What a bishop went on to defend on Tuesday, a minister used a speech to set out (and
    to defend) and aides declined to discuss was done, or not done, then: on the day of the
    verb, the story's day Tuesday (presumed where the verb is); what
    the council voted to do is not done yet; "used to" tells a habit, not a use."""
    text = (
        "On Tuesday the bishop went on to defend the plan. The minister used her speech to "
        "set out a vision and to defend the treaty. The aides declined to discuss the charges. The "
        "council voted to close the road. The farmers used to grow wheat."
    )
    mentions = mentions_of(nlp, text)
    found = {(m.text, m.sentence): m for m in mentions}
    assert (found["defend", 0].earliest, found["defend", 0].latest) == (day(9).start, day(9).end)
    for word, sentence in [("set", 1), ("defend", 1), ("discuss", 2)]:
        assert found[word, sentence].presumed == day(9), word
    assert found["close", 3].presumed is None
    assert ("grow", 4) not in found or found["grow", 4].presumed is None
    tl = timeline.build([Article(text, date(2021, 3, 10), id="d")], nlp=nlp)
    listed = {m.text for e in tl.listed for m in e.mentions}
    assert not listed & {"defend", "set", "discuss", "close"}


def test_a_verb_whose_infinitive_is_done_with_it_takes_the_infinitive_s_time(nlp):
    """What an infinitive done when its verb is tells at a time of its own dates the verb too:
    the governor failed to repair the bridge, and the army helped end the siege, in 2019;
    shares that began trading in 2019 began then;
    the mayor who voted to close the market in 2019 has not done so yet, and the vote is not
    dated by that year."""
    text = (
        "The governor failed to repair the bridge in 2019. The army helped end the siege "
        "in 2019. The mayor voted to close the market in 2019. Acme Corp., whose shares began "
        "trading on the exchange in 2019, closed yesterday at $12."
    )
    found = {m.text: m for m in mentions_of(nlp, text)}
    year = (datetime(2019, 1, 1), datetime(2020, 1, 1))
    assert (found["failed"].earliest, found["failed"].latest) == year
    assert (found["helped"].earliest, found["helped"].latest) == year
    assert (found["began"].earliest, found["began"].latest) == year  # a gerund too
    assert found["voted"].time is None


def test_what_is_scheduled_comes_after_the_scheduling(nlp):
    """A hearing the council has scheduled for Friday is still to come: it is on the coming
    Friday (the day the present perfect cannot take is the hearing's own), not bounded to
    before publication as the scheduling is."""
    [hearing] = [
        m
        for m in mentions_of(nlp, "The council has scheduled a hearing Friday on the plan.")
        if m.text == "hearing"
    ]
    assert (hearing.earliest, hearing.latest) == (day(12).start, day(12).end)


def test_a_participle_on_the_subject_of_an_event_tells_what_it_did_then(nlp):
    """Men smoking and drinking as they spoke: on the day of the event whose subject the
    noun is. A fax explaining, a resolution calling for, tell a thing's content, not an
    act of that day; agents charged in a case were charged before, not then."""
    text = (
        "The town was quiet. Men smoking cigars and drinking beer at the club said they were "
        "angry. The family sent a fax to the police explaining the threat. Agents charged in "
        "the case met the judge. The council voted for a resolution calling for calm."
    )
    mentions = mentions_of(nlp, text)
    found = presumed_days(mentions)
    assert found["smoking"] == found["drinking"] == found["said"] == day(10)
    smoking = next(m for m in mentions if m.text == "smoking")
    assert (smoking.earliest, smoking.latest) == (day(10).start, day(10).end)  # as "said"
    assert found["sent"] == day(10) and found["explaining"] is None
    assert found.get("charged") is None
    assert found["voted"] == day(10) and found.get("calling") is None


def test_a_clause_told_as_happening_meanwhile_takes_the_time_even_a_clock_time(nlp):
    """A clause "as he stood" is at the moment of the shooting, so on Friday night too (a
    night is finer than the day that other links spread); "before he left" is not."""
    text = "Slepian was shot on Friday night as he stood in his kitchen, before he left."
    mentions = timeline.extract_events(Article(text, date(1998, 10, 26), id="n"), nlp)
    found = {m.text: m.time and m.time.value for m in mentions}
    assert found == {"shot": "1998-10-23TNI", "stood": "1998-10-23TNI", "left": None}


def test_a_time_of_a_relative_clause_sets_no_background_for_the_paragraph(nlp):
    """A year that dates what a relative clause tells of the subject is that subject's
    background: the news of the sentence and of the next one is still presumed on the
    publication day."""
    text = "The mayor, who left the city in 2015, opened the new bridge. She thanked the builders."
    found = presumed_days(mentions_of(nlp, text))
    assert found == {"left": None, "opened": day(10), "thanked": day(10)}


def test_a_length_names_no_time_that_keeps_the_sentence_from_its_day(nlp):
    """A sentence whose only time is a length ("a three-year delay") names no other time
    than the story's: what it tells is presumed on the publication day."""
    found = presumed_days(
        mentions_of(nlp, "The council opened the bridge after a three-year delay.")
    )
    assert found == {"opened": day(10), "delay": None}


def test_a_statement_day_of_the_sentence_before_is_the_next_statement_day(nlp):
    """A day named for a statement is the day of a statement the next sentence tells in the
    simple past with nothing dating it, as a happening's day would be."""
    text = "On Monday, the police said they had found the car. The mayor said the town was safe."
    second = [m for m in mentions_of(nlp, text) if m.text == "said"][1]
    assert (second.earliest, second.latest) == (day(8).start, day(8).end)


def test_the_night_of_a_named_day_ends_at_its_midnight(nlp):
    """News names what happens after midnight by the next day ("early Thursday"), so the
    march of "Tuesday night" is bounded within Tuesday, as TimeML dates it."""
    text = "Students marched to the ministry on Tuesday night. The police watched."
    mentions = timeline.extract_events(Article(text, date(2021, 3, 11), id="n"), nlp)
    marched = next(m for m in mentions if m.text == "marched")
    assert (marched.earliest, marched.latest) == (datetime(2021, 3, 9, 21), day(10).start)


def test_a_statement_in_a_paragraph_of_background_is_presumed_on_the_story_day(nlp):
    """A paragraph that tells what happened in 1995 is background: its happenings are not
    presumed on the story's day, but a statement about them was still made for the story;
    one about a happening of a few days before may be a reaction to it, made then."""
    text = """The council voted on Tuesday to close the plant.

The army struck a base on March 5. The ministry described the strike as an attack.

In 1995, the company built the plant and hired 200 workers, a spokesman said."""
    mentions = mentions_of(nlp, text)
    found = presumed_days(mentions)
    assert found["said"] == day(9)
    assert found["hired"] is None
    assert found["described"] is None


DAWN = """Bombs blew apart the embassies in two capitals, trapping people under slabs of \
concrete.

At least 82 were killed, officials said as dawn broke Saturday."""


def test_a_day_named_only_for_a_statement_is_not_the_story_day(nlp):
    """The opening names Saturday, the publication day, only as the time officials spoke:
    the bombing it tells in the past is not certain to be of that day (it is presumed there,
    a soft default); the statement keeps its day."""
    mentions = timeline.extract_events(Article(DAWN, date(1998, 8, 8), id="d"), nlp)
    found = {m.text: m for m in mentions}
    blew, said = found["blew"], found["said"]
    assert (blew.earliest, blew.latest) == (None, datetime(1998, 8, 9))
    assert blew.presumed == Interval(datetime(1998, 8, 8), datetime(1998, 8, 9), Granularity.DAY)
    assert (said.earliest, said.latest) == (datetime(1998, 8, 8), datetime(1998, 8, 9))


def test_how_a_statement_was_made_is_on_the_statement_day(nlp):
    """A relative clause on the one who makes a statement that tells how it was made ("who
    spoke on condition of anonymity", "who requested anonymity") is presumed on the day of
    the statement; one that tells something else of the speaker is not ("the man who found
    it")."""
    text = (
        "Officials who spoke on condition of anonymity said the plant closed. "
        "A police officer, who requested anonymity, said two men were held.\n\n"
        "The man who found the boat said it was empty."
    )
    mentions = mentions_of(nlp, text)
    found = presumed_days(mentions)
    assert {m.presumed for m in mentions if m.text == "said"} == {day(10)}
    assert found["spoke"] == found["requested"] == day(10)
    assert found["found"] is None


def test_a_speaker_goes_on_telling_what_was_said_on_the_day_named(nlp):
    """A statement dated by its day goes on in the statements of its speaker in its paragraph
    and the next ("told reporters", "She said"): they are presumed on that day, not the
    publication day, and so on while the speaker goes on in the paragraphs after ("added").
    Not the statements of someone else. What the speaker did on a day dates the speaker's
    statements after it in its paragraph ("toured the port on Tuesday night. She said"), not
    in the next ("announced on Monday to open")."""
    text = """The council closed the market on Wednesday.

On Monday, Mayor Ruth Okafor said the market was unsafe.

"We cannot wait," Okafor told reporters. She said the roof had cracked. A trader said \
the roof was sound.

Okafor added that the stalls were empty.

Okafor announced on Monday to open a new hall.

She told traders that the hall would be ready. Okafor toured the port on Tuesday night. She \
said the docks were safe."""
    mentions = mentions_of(nlp, text)
    told = [m for m in mentions if m.text == "told"]
    said = [m for m in mentions if m.text == "said"]
    assert [m.presumed for m in told] == [day(8), day(10)]
    assert [m.presumed for m in said[1:]] == [day(8), day(10), day(9)]
    assert next(m for m in mentions if m.text == "added").presumed == day(8)
    assert (told[0].earliest, told[0].latest) == (day(8).start, day(8).end)


def test_a_participle_nothing_dates_is_presumed_on_the_day_of_its_clause(nlp):
    """A gerund or participle with no time nor bounds of its own is presumed on the day of the
    event it hangs from ("wisdom in freeing ... was praised"), or, in a clause told in the
    present, on the publication day; not in a clause of the future, nor when it qualifies a
    thing of a clause told in the past, nor when a word of order sets it apart."""
    text = (
        "The court's wisdom in freeing the prisoners was praised by the minister. Naming her "
        "to the panel shows the party's resolve. The firm is close to completing the sale. The "
        "envoy has no visit planned. The mayor will tour the port, hoping to calm the town. The "
        "family sent a fax to the police explaining the threat. After meeting the envoy, the "
        "king left."
    )
    found = presumed_days(mentions_of(nlp, text))
    assert found["freeing"] == found["praised"] == day(10)
    assert found["Naming"] == found["completing"] == found["planned"] == day(10)
    assert found["hoping"] is None
    assert found["explaining"] is None and found["meeting"] is None


def test_a_participle_in_a_clause_of_the_present_perfect_is_on_the_publication_day(nlp):
    """What is still so when the article appeared: a participle of a clause told in the
    present perfect, with no event above it to take a day from."""
    text = "With the inquiry just getting under way, officials have been careful."
    assert presumed_days(mentions_of(nlp, text))["getting"] == day(10)


def test_a_time_still_to_come_does_not_keep_news_told_as_done_from_its_day(nlp):
    """A day after the publication day dates what is still to come ("to a summit on March
    20"), not the news told in the past or the present perfect around it, which is presumed
    as if the sentence named no time."""
    text = (
        "The minister has invited the leaders to a summit on March 20. The council approved "
        "a plan for a referendum on March 28."
    )
    found = presumed_days(mentions_of(nlp, text))
    assert found["invited"] == found["approved"] == day(10)


def test_a_time_in_what_a_statement_says_does_not_keep_the_rest_from_its_day(nlp):
    """A time inside the clause a verb of saying reports dates what is said there, not the
    clauses of the sentence outside it, which are presumed as if it named no time."""
    text = (
        "The mayor thanked the rescuers and said the bridge collapsed on Monday.\n\nThe "
        "police would not name the man but said last week's search found a rifle."
    )
    found = presumed_days(mentions_of(nlp, text))
    assert found["thanked"] == found["name"] == day(10)
    assert found["collapsed"] is None


def test_the_present_a_statement_of_an_earlier_day_quotes_is_of_that_day(nlp):
    """What a statement quotes in the simple present holds when it is said: on the day a
    letter is dated, or presumed on the day the statement is presumed on, not on the
    publication day. Reported speech keeps it: a present not shifted back tells what still
    holds when the article appeared."""
    text = (
        '"We object to the ruling," the mayor said in a letter dated Monday.\n\nThe minister '
        "said on Monday that the talks are going well.\n\nFloods cut off two towns on "
        'Tuesday, officials said.\n\n"The army helps us more than in the floods of 2019," a '
        "doctor said."
    )
    found = {m.text: (m.earliest, m.latest, m.presumed) for m in mentions_of(nlp, text)}
    assert found["object"] == (day(8).start, day(8).end, day(8))
    assert found["going"][:2] == (day(10).start, day(10).end)
    assert found["helps"] == (None, day(10).end, day(9))


def test_a_statement_in_the_present_perfect_is_no_reaction_of_an_earlier_day(nlp):
    """A statement told in the simple past after a happening of a few days before may be a
    reaction made then, and is not presumed; one in the present perfect tells what is still
    so when the article appeared, and is presumed on the publication day."""
    text = "On Monday, the army shelled the port. Officials have said that the port was closed."
    assert presumed_days(mentions_of(nlp, text))["said"] == day(10)
    text = "On Monday, the army shelled the port. Officials said that the port was closed."
    assert presumed_days(mentions_of(nlp, text))["said"] is None


def test_a_paragraph_that_goes_on_from_a_long_past_happening_is_not_on_the_story_s_day(nlp):
    """A deed in the simple past with no time, opening the paragraph after one that told a
    happening years before the story's day, goes on telling of that past: it is not
    presumed on the story's day. The paragraph after that one is again the story's."""
    text = (
        "On Tuesday, the council approved the budget. The vote was close. Members argued "
        "for hours.\n\nThe old bridge opened in 1995 after a long dispute.\n\nEngineers "
        "designed it in Paris.\n\nThe mayor thanked the council."
    )
    presumed = presumed_days(mentions_of(nlp, text))
    assert presumed["designed"] is None
    assert presumed["thanked"] == day(9)
