"""The JSON document timeline/1: lossless round trip, its JSON Schema, clear errors."""

from __future__ import annotations

import contextlib
import gc
import inspect
import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import hypothesis
import pytest
from hypothesis import strategies as st

import timeline
from timeline import (
    Anchor,
    ArticleRecord,
    Event,
    EventMention,
    Granularity,
    Interval,
    Participant,
    TimeExpression,
    Timeline,
)
from timeline.examples import load_examples
from timeline.export import json_schema, timeline_json
from timeline.model import (
    ASPECTS,
    EVENT_CLASSES,
    MODALITIES,
    ROLES,
    TENSES,
    TIMEX_MODS,
    TIMEX_TYPES,
    Link,
)

jsonschema = pytest.importorskip("jsonschema")

ZONES = st.one_of(
    st.none(),
    st.just(timezone.utc),
    st.builds(timezone, st.timedeltas(timedelta(hours=-23, minutes=-59), timedelta(hours=23))),
    st.timezones(),
)
MOMENTS = st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30))
TEXT = st.text(max_size=12)


@st.composite
def ordered_pair(draw, zone=None):
    """Two datetimes ``a < b`` with one zone (or both naive)."""
    zone = draw(ZONES) if zone is None else zone
    a, b = draw(MOMENTS), draw(MOMENTS)
    a, b = a.replace(tzinfo=zone), b.replace(tzinfo=zone)
    hypothesis.assume(a != b)
    return (a, b) if a < b else (b, a)


@st.composite
def intervals(draw):
    start, end = draw(ordered_pair())
    return Interval(start, end, draw(st.sampled_from(Granularity)))


@st.composite
def bounds(draw):
    earliest, latest = draw(ordered_pair())
    return draw(
        st.sampled_from([(earliest, latest), (earliest, None), (None, latest), (None,) * 2])
    )


@st.composite
def time_expressions(draw):
    text = draw(TEXT)
    start = draw(st.integers(0, 10**6))
    anchor = draw(
        st.none()
        | st.builds(Anchor, st.sampled_from(["publication", "narrative"]), TEXT, st.none())
        | st.builds(Anchor, st.just("narrative"), TEXT, st.integers(0, 10**6))
    )
    return TimeExpression(
        text,
        start,
        start + len(text),
        draw(st.sampled_from(TIMEX_TYPES)),
        draw(TEXT),
        draw(st.none() | intervals()),
        draw(st.none() | st.sampled_from(TIMEX_MODS)),
        anchor,
        draw(st.none() | TEXT),
    )


PARTICIPANTS = st.lists(
    st.builds(Participant, TEXT, TEXT, TEXT, st.sampled_from(ROLES)), max_size=2
)


@st.composite
def mentions(draw):
    text = draw(TEXT)
    start = draw(st.integers(0, 10**6))
    earliest, latest = draw(bounds())
    return EventMention(
        draw(TEXT),
        start,
        start + len(text),
        text,
        draw(TEXT),
        draw(st.integers(0, 1000)),
        draw(PARTICIPANTS),
        location=draw(st.none() | TEXT),
        tense=draw(st.sampled_from(TENSES)),
        aspect=draw(st.sampled_from(ASPECTS)),
        modality=draw(st.sampled_from(MODALITIES)),
        polarity=draw(st.sampled_from(["POS", "NEG"])),
        event_class=draw(st.sampled_from(EVENT_CLASSES)),
        time=draw(st.none() | time_expressions()),
        earliest=earliest,
        latest=latest,
        quoted=draw(st.booleans()),
        actor=draw(st.none() | TEXT),
        theme=draw(st.none() | TEXT),
        background=draw(st.booleans()),
        phrasal=draw(st.none() | TEXT),
        light=draw(st.booleans()),
        passive=draw(st.booleans()),
    )


@st.composite
def events(draw):
    earliest, latest = draw(bounds())
    return Event(
        draw(TEXT),
        draw(st.lists(mentions(), min_size=1, max_size=2)),
        draw(PARTICIPANTS),
        earliest,
        latest,
        draw(st.none() | intervals()),
        draw(TEXT),
        draw(st.none() | TEXT),
        draw(st.floats(0, 1) | st.sampled_from([0, 1])),
        draw(st.lists(TEXT, max_size=2)),
        presumed=draw(st.booleans()),
        told=draw(st.none() | bounds()),
    )


META = st.dictionaries(
    TEXT,
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | TEXT,
        lambda inner: st.lists(inner, max_size=2) | st.dictionaries(TEXT, inner, max_size=2),
        max_leaves=4,
    ),
    max_size=3,
)
RECORDS = st.builds(
    ArticleRecord,
    TEXT,
    st.none() | st.dates() | MOMENTS.flatmap(lambda m: ZONES.map(lambda z: m.replace(tzinfo=z))),
    st.none() | TEXT,
    st.none() | TEXT,
    META,
)
TIMELINES = st.builds(Timeline, st.lists(events(), max_size=3), st.lists(RECORDS, max_size=2))


@hypothesis.given(TIMELINES)
@hypothesis.settings(max_examples=100)
def test_json_round_trip_is_lossless(tl):
    text = tl.to_json()
    assert Timeline.from_json(text) == tl
    assert Timeline.from_json(text.encode()) == tl
    assert Timeline.from_json(text).to_json() == text


@hypothesis.given(TIMELINES)
@hypothesis.settings(max_examples=40)
def test_every_document_is_valid_against_the_schema(tl):
    jsonschema.Draft202012Validator(json_schema()).validate(json.loads(tl.to_json()))


def test_zones_survive_the_round_trip():
    paris = ZoneInfo("Europe/Paris")
    # 02:30 on 27 October 2019 happened twice in Paris; the second time (fold=1) is UTC+1.
    repeated = datetime(2019, 10, 27, 2, 30, fold=1, tzinfo=paris)
    event = Event(
        "e1",
        (EventMention("a1", 0, 4, "vote", "vote", 0),),
        earliest=repeated,
        latest=repeated + timedelta(hours=1),
    )
    text = Timeline([event]).to_json()
    assert '"earliest": "2019-10-27T02:30:00+01:00[Europe/Paris]"' in text
    [back] = Timeline.from_json(text)
    assert back == event
    assert (back.earliest.tzinfo, back.earliest.fold) == (paris, 1)
    assert back.earliest.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    "offset",
    [timedelta(microseconds=1), -timedelta(hours=5, seconds=30, microseconds=7), timedelta(0)],
)
def test_fixed_offsets_survive_to_the_microsecond(offset):
    moment = datetime(2000, 1, 1, tzinfo=timezone(offset))
    back = timeline_json.decode_datetime(timeline_json.encode_datetime(moment))
    assert (back, back.utcoffset()) == (moment, offset)


def test_fields_match_the_model_and_the_schema():
    schema = json_schema()
    names = {
        Interval: "interval",
        Anchor: "anchor",
        TimeExpression: "time_expression",
        Participant: "participant",
        EventMention: "mention",
        Event: "event",
        Link: "link",
        ArticleRecord: "article",
    }
    for cls, name in names.items():
        fields = [f.name for f in attrs.fields(cls)]
        assert list(timeline_json.FIELDS[cls]) == fields
        definition = schema["$defs"][name]
        # an event also lists which of its mentions copy another's text, for an update
        assert list(definition["properties"]) == fields + (["copies"] if cls is Event else [])
        optional = timeline_json.DEFAULTS.get(cls, {})
        assert definition["required"] == [f for f in fields if f not in optional]
        assert all("description" in p for p in definition["properties"].values())
    mention = schema["$defs"]["mention"]["properties"]
    assert mention["tense"]["enum"] == list(TENSES)
    assert mention["aspect"]["enum"] == list(ASPECTS)
    assert mention["modality"]["enum"] == list(MODALITIES)
    assert mention["event_class"]["enum"] == list(EVENT_CLASSES)
    timex = schema["$defs"]["time_expression"]["properties"]
    assert timex["type"]["enum"] == list(TIMEX_TYPES)
    assert timex["mod"]["anyOf"][0]["enum"] == list(TIMEX_MODS)
    assert schema["$defs"]["granularity"]["enum"] == [g.value for g in Granularity]
    assert schema["$id"] == "urn:news-timeline:schema:timeline-1"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_built_timeline_is_valid_against_the_schema(nlp):
    tl = timeline.build(load_examples(), nlp)
    assert len(tl) > 10
    document = json.loads(tl.to_json())
    jsonschema.Draft202012Validator(json_schema()).validate(document)
    assert Timeline.from_json(tl.to_json()) == tl


def test_fields_are_in_the_order_each_class_takes_them():
    for cls, fields in timeline_json.FIELDS.items():
        assert list(inspect.signature(cls).parameters) == list(fields)


def test_json_schema_is_a_fresh_copy():
    json_schema()["title"] = "changed"
    assert json_schema()["title"] == "news-timeline timeline, format timeline/1"


VALID_MENTION = json.loads(Timeline([Event("e", [EventMention("a", 0, 1, "x", "x", 0)])]).to_json())


def with_mention(**changes):
    document = json.loads(json.dumps(VALID_MENTION))
    document["events"][0]["mentions"][0].update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not JSON: Expecting value"),
        ("[]", "not a timeline JSON document"),
        ('{"format": "timeline/2", "events": []}', "not a timeline JSON document"),
        ('{"format": "timeline/1"}', "'events' must be a list"),
        ('{"format": "timeline/1", "events": {}}', "'events' must be a list"),
        ('{"format": "timeline/1", "events": [1]}', "event 0: Event must be a JSON object"),
        ('{"format": "timeline/1", "events": [{"id": "x"}]}', "missing field 'mentions'"),
        ("[" * 100_000, "nested too deeply"),
        (with_mention(start="0"), "EventMention.start: expected an integer, not str"),
        (with_mention(start=True), "EventMention.start: expected an integer, not bool"),
        (with_mention(text=None), "EventMention.text: expected a string, not null"),
        (with_mention(end=5), "offsets 0..5 do not span"),
        (with_mention(tense="SOON"), "'tense' must be in"),
        (with_mention(earliest="soon"), "not an ISO 8601 datetime: 'soon'"),
        (with_mention(earliest=5), "not an ISO 8601 datetime: 5"),
        (with_mention(earliest="2020-01-01T00:00:00[Europe/Paris]"), "needs its UTC offset"),
        (with_mention(earliest="2020-01-01T00:00:00+01:00[Mars/Olympus]"), "unknown time zone"),
        (with_mention(earliest="2020-01-01T00:00:00+05:00[Europe/Paris]"), "not one Europe/Paris"),
        (
            with_mention(earliest="2020-01-02T00:00:00", latest="2020-01-01T00:00:00"),
            "must be after earliest",
        ),
        (
            # a naive moment meets an aware one as UTC (timeline.moments.instant)
            with_mention(earliest="2020-01-01T12:00:00+00:00", latest="2020-01-01T06:00:00"),
            "must be after earliest",
        ),
        (with_mention(participants=[{"name": "x"}]), "Participant is missing field 'key'"),
        (with_mention(colour="red"), "EventMention has no field 'colour'"),
        (with_mention(earliest="2020-01-01T00:00:00+00:00[America]"), "unknown time zone"),
        (with_mention(earliest="2020-01-01T00:00:00+00:00[../zoneinfo]"), "unknown time zone"),
        (with_mention(text="\udc80"), "holds a lone surrogate, which is not Unicode text"),
        (with_mention(article_id="a\ud800"), "holds a lone surrogate"),
        ('{"format": "timeline/1", "events": [], "colour": 1}', "no field 'colour'"),
        ('{"format": "timeline/1", "events": [], "articles": {}}', "'articles' must be a list"),
        (
            '{"format": "timeline/1", "events": [], "articles": [{"id": "a"}]}',
            "article 0: ArticleRecord is missing field 'published'",
        ),
        (
            '{"format": "timeline/1", "events": [], "articles": [{"id": 5, "published": null, '
            '"source": null, "title": null, "meta": {}}]}',
            "article 0: ArticleRecord.id: expected a string, not int",
        ),
        (
            '{"format": "timeline/1", "events": [], "articles": [{"id": "a", '
            '"published": "2020-13-01", "source": null, "title": null, "meta": {}}]}',
            "not an ISO 8601 date: '2020-13-01'",
        ),
    ],
)
def test_malformed_documents_give_a_value_error(text, message):
    with pytest.raises(ValueError, match=r"^(not|malformed)") as error:
        Timeline.from_json(text)
    assert message in str(error.value)


FULL = json.loads(
    Timeline(
        [
            Event(
                "e",
                [
                    EventMention(
                        "a",
                        0,
                        1,
                        "x",
                        "x",
                        0,
                        [Participant("Iraq", "irak", "GPE")],
                        time=TimeExpression(
                            "x",
                            0,
                            1,
                            "DATE",
                            "2020",
                            Interval.from_timex("2020"),
                            anchor=Anchor("publication", "2020"),
                        ),
                    )
                ],
                when=Interval.from_timex("2020"),
            )
        ]
    ).to_json()
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    max_leaves=6,
)
PLACES = (
    [("events", 0, name) for name in timeline_json.FIELDS[Event]]
    + [("events", 0, "mentions", 0, name) for name in timeline_json.FIELDS[EventMention]]
    + [("events", 0, "mentions", 0, "time", name) for name in timeline_json.FIELDS[TimeExpression]]
    + [("events", 0, "when", name) for name in timeline_json.FIELDS[Interval]]
    + [("events", 0, "mentions", 0, "time", "anchor", name) for name in ("kind", "start")]
    + [("events", 0, "mentions", 0, "participants", 0, name) for name in ("name", "role")]
)


@hypothesis.given(st.sampled_from(PLACES), JSON_VALUES)
@hypothesis.settings(max_examples=200)
def test_any_json_value_anywhere_gives_a_value_error_or_a_timeline(place, value):
    document = json.loads(json.dumps(FULL))
    *path, name = place
    node = document
    for step in path:
        node = node[step]
    node[name] = value
    with contextlib.suppress(ValueError):
        assert isinstance(Timeline.from_json(json.dumps(document)), Timeline)


def test_documents_written_before_articles_were_kept_still_load():
    old = '{"events": [], "format": "timeline/1"}'
    assert Timeline.from_json(old) == Timeline(())
    assert Timeline(()).to_json() == old


def test_told_bounds_are_written_only_where_an_event_has_them():
    """An event's told bounds (those a presumed day narrowed) are an optional member: absent
    where it has none, so documents written before them still read."""
    mention = EventMention("a1", 0, 4, "vote", "vote", 0)
    day = (datetime(2020, 1, 8), datetime(2020, 1, 9))
    told = Event("e1", (mention,), (), *day, presumed=True, told=(datetime(2020, 1, 2, 17), None))
    plain = Event("e2", (mention,), (), *day)
    document = json.loads(Timeline([told, plain]).to_json())
    assert [e.get("told") for e in document["events"]] == [["2020-01-02T17:00:00", None], None]
    assert "told" not in document["events"][1]
    assert list(Timeline.from_json(json.dumps(document))) == [told, plain]
    jsonschema.Draft202012Validator(json_schema()).validate(document)


def test_a_mention_is_written_passive_only_where_it_is():
    """Few mentions are passive: the member is written only where true, absent it is
    false, and the document reads back equal."""
    returned = EventMention("a1", 2, 10, "returned", "return", 0, passive=True)
    said = EventMention("a1", 20, 24, "said", "say", 1)
    tl = Timeline([Event("e1", (returned,)), Event("e2", (said,))])
    document = json.loads(tl.to_json())
    written = [m.get("passive") for e in document["events"] for m in e["mentions"]]
    assert written == [True, None]
    assert Timeline.from_json(tl.to_json()) == tl
    jsonschema.Draft202012Validator(json_schema()).validate(document)


def test_the_articles_records_round_trip_and_cite_the_articles(nlp):
    article = timeline.Article(
        "On Sunday, Iraq's parliament voted.",
        datetime(2020, 1, 7, 10, 31, tzinfo=ZoneInfo("Asia/Baghdad")),
        "a1",
        "Wire",
        "MPs vote",
        meta={"url": "https://x.org/a1", "tags": ["iraq"], "words": 5},
    )
    tl = timeline.build([article], nlp)
    assert tl.articles == (ArticleRecord.of(article),)
    document = json.loads(tl.to_json())
    assert document["articles"] == [
        {
            "id": "a1",
            "published": "2020-01-07T10:31:00+03:00[Asia/Baghdad]",
            "source": "Wire",
            "title": "MPs vote",
            "meta": {"tags": ["iraq"], "url": "https://x.org/a1", "words": 5},
        }
    ]
    assert Timeline.from_json(tl.to_json()) == tl
    assert tl.happenings().articles == tl.involving("Iraq").articles == tl.articles


def test_wrong_argument_type_is_a_type_error():
    with pytest.raises(TypeError, match="timeline JSON must be str or bytes, not dict"):
        Timeline.from_json({"format": "timeline/1"})


def test_a_value_repeated_in_a_document_is_read_as_one_object():
    us = Participant("United States", "untd stts", "GPE", "agent")
    said = [EventMention(a, 0, 4, "said", "say", 0, (us,)) for a in ("a", "b")]
    first, second = Timeline.from_json(Timeline([Event("e", said)]).to_json())[0].mentions
    assert first.participants[0] == us
    assert first.participants[0] is second.participants[0]


def test_a_repeated_value_is_checked_as_written_each_time():
    argument = {"text": "Iraq", "name": "Iraq", "head": 1}
    document = json.loads(with_mention(arguments=[argument]))
    mention = document["events"][0]["mentions"][0]
    document["events"][0]["mentions"].append(
        {**mention, "article_id": "b", "arguments": [{**argument, "head": True}]}
    )
    with pytest.raises(ValueError, match=r"Argument\.head: expected an integer, not bool"):
        Timeline.from_json(json.dumps(document))


def test_reading_leaves_the_cycle_collector_as_it_was():
    with pytest.raises(ValueError, match="not a timeline JSON document"):
        Timeline.from_json("[]")
    assert gc.isenabled()
    gc.disable()
    try:
        assert Timeline.from_json(Timeline(()).to_json()) == Timeline(())
        assert not gc.isenabled()
    finally:
        gc.enable()


def written_raw(text):
    """``text`` with each non-ASCII character, a lone surrogate too, written as it is."""
    return json.dumps(json.loads(text), ensure_ascii=False)


LONE = with_mention(text="\udc80")


@pytest.mark.parametrize(
    "text",
    [
        LONE,
        LONE.replace("\\udc80", "\\uDC80"),
        written_raw(LONE),
        LONE.encode(),
        written_raw(LONE).encode("utf-8", "surrogatepass"),
        written_raw(LONE).encode("utf-16", "surrogatepass"),
    ],
    ids=["escaped", "escaped-upper-case", "raw", "escaped-utf-8", "raw-utf-8", "raw-utf-16"],
)
def test_a_lone_surrogate_is_refused_however_written(text):
    with pytest.raises(ValueError) as error:
        Timeline.from_json(text)
    assert str(error.value) == (
        "malformed timeline JSON: event 0: '\\udc80' holds a lone surrogate, which is not "
        "Unicode text"
    )


@pytest.mark.parametrize("lemma", ["\U0001f600", "\\ud800", "\\\U0001f600", "\xe9t\xe9"])
@pytest.mark.parametrize("raw", [False, True])
def test_surrogate_pairs_and_backslashes_are_read(lemma, raw):
    text = with_mention(lemma=lemma)
    text = written_raw(text) if raw else text
    for document in (text, text.encode()):
        assert Timeline.from_json(document).events[0].mentions[0].lemma == lemma
