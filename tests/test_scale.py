"""Building on many cores, from a stream, from a parse cache, and updating a timeline."""

from __future__ import annotations

import itertools
import json
import pickle
import subprocess
import sys
import threading
from datetime import timedelta

import attrs
import hypothesis
import pytest
from hypothesis import strategies as st

import timeline
import timeline.parallel
import timeline.pipeline
from timeline import Article, Timeline
from timeline.examples import load_examples
from timeline.model import Link
from timeline.parses import ParseCache
from timeline.pieces import PIECE, cut
from timeline.pipeline import analyse_many, timeline_of


def corpus() -> list[Article]:
    """The bundled examples, a later copy of each, and an undated copy of one."""
    examples = load_examples()
    later = [
        attrs.evolve(a, id=f"{a.id}-later", published=a.published + timedelta(days=3))
        for a in examples
    ]
    undated = attrs.evolve(examples[0], id="undated", published=None)
    return [*examples, *later, undated]


@pytest.fixture(scope="module")
def analysed(nlp):
    return list(analyse_many(corpus(), nlp))


def test_analyses_hold_no_parse(analysed):
    def values(value):
        yield value
        if attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                yield from values(getattr(value, field.name))
        elif isinstance(value, tuple):
            for item in value:
                yield from values(item)

    kinds = {type(v).__module__.split(".")[0] for r in analysed for v in values(r)}
    assert "spacy" not in kinds
    assert len(pickle.dumps(analysed)) < 40 * sum(len(r.article.text) for r in analysed)


@pytest.fixture(params=["fork", "spawn"])
def started(request, monkeypatch):
    """Worker processes started one way, where this platform can."""
    if request.param == "fork" and timeline.parallel.start_method() != "fork":
        pytest.skip("workers are not forked here")
    for module in (timeline.parallel, timeline.pipeline):
        monkeypatch.setattr(module, "start_method", lambda: request.param)
    return request.param


def test_worker_processes_give_the_same_analyses_and_timeline(nlp, analysed, started):
    parallel = list(analyse_many(corpus(), n_process=2, batch_size=2))
    assert parallel == analysed
    built = timeline.build(corpus(), nlp)
    assert timeline.build(corpus(), nlp, n_process=2) == built
    assert timeline_of(analysed) == built


class Local:
    """A pipeline that does not pickle: it holds a function made in a function."""

    def __init__(self, nlp):
        self.hook = lambda: None
        self.nlp = nlp

    def __call__(self, text):
        return self.nlp(text)

    def pipe(self, texts, **options):
        return self.nlp.pipe(texts, **options)


def test_a_pipeline_that_cannot_reach_spawned_workers_is_refused(nlp, started):
    if started == "spawn":
        with pytest.raises(ValueError, match="cannot be sent to worker processes"):
            timeline.build(corpus(), Local(nlp), n_process=2)
    else:
        assert timeline.build(corpus(), Local(nlp), n_process=2) == timeline.build(corpus(), nlp)
    with pytest.raises(ValueError, match="n_process must be a whole number"):
        timeline.build(corpus(), nlp, n_process=0)


UNGUARDED = """
import timeline
from timeline.examples import load_examples
from timeline.parallel import start_method

articles = load_examples()
print(start_method(), timeline.build(articles, n_process=2) == timeline.build(articles))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_a_script_without_a_main_guard_builds_on_forked_workers(tmp_path):
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED)
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=600, check=True
    )
    assert done.stdout.split() == ["fork", "True"]


def test_workers_are_spawned_while_other_threads_run():
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert timeline.parallel.start_method() == "spawn"
    finally:
        release.set()
        other.join()


def test_the_timeline_keeps_what_a_rebuild_needs(analysed):
    built = timeline_of(analysed)
    dated = sorted(r.article.id for r in analysed if r.article.published is not None)
    assert built.dated == tuple(dated) and "undated" not in built.dated
    cues = [
        Link(r.article.id, (a.start, a.end), (b.start, b.end), cue)
        for r in analysed
        for a, b, cue in r.links()
    ]
    assert built.links == tuple(sorted(cues, key=lambda k: k.article_id)) and cues
    assert Timeline.from_json(built.to_json()) == built
    mentions = sorted((m.article_id, m.start) for e in built.events for m in e.mentions)
    assert mentions == sorted((m.article_id, m.start) for r in analysed for m in r.mentions)


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@hypothesis.settings(max_examples=15)
@hypothesis.given(st.data())
def test_updating_equals_rebuilding_over_any_split(analysed, data):
    order = data.draw(st.permutations(range(len(analysed))))
    cut = data.draw(st.integers(0, len(analysed)))
    first = [analysed[i] for i in order[:cut]]
    later = [analysed[i] for i in order[cut:]]
    saved = Timeline.from_json(timeline_of(first).to_json())
    assert timeline_of(later, base=saved) == timeline_of(analysed)


@hypothesis.settings(max_examples=15)
@hypothesis.given(st.data())
def test_updating_in_steps_in_memory_equals_rebuilding(analysed, data):
    # a timeline kept in memory is updated from how its mentions were indexed, not from its
    # JSON: copies of one text may come in any order, an earlier one after a later one
    order = data.draw(st.permutations(range(len(analysed))))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(analysed)), max_size=3)))
    built = None
    for start, end in itertools.pairwise([0, *cuts, len(analysed)]):
        built = timeline_of([analysed[i] for i in order[start:end]], base=built)
    assert built == timeline_of(analysed)


def test_an_update_keeps_what_the_mentions_of_an_unchanged_event_alone_make(analysed):
    # in memory and read back from JSON: an event whose mentions the new articles leave as
    # they were keeps them (the same tuple), and its label, participants, place and id
    first = timeline_of(analysed[:3])
    for base in (first, Timeline.from_json(first.to_json())):
        updated = timeline_of(analysed[3:], base=base)
        assert updated == timeline_of(analysed)
        before = {e.id: e for e in base.events}
        kept = [e for e in updated.events if e.id in before and e.mentions == before[e.id].mentions]
        assert kept and len(kept) < len(updated.events)
        assert all(e.mentions is before[e.id].mentions for e in kept)


def test_update_analyses_only_the_new_articles_and_refuses_known_ids(nlp):
    articles = corpus()
    old = timeline.build(articles[:4], nlp)
    parsed = []
    counting = lambda text: parsed.append(text) or nlp(text)  # noqa: E731
    counting.pipe = lambda texts, **_: (counting(t) for t in texts)
    updated = Timeline.from_json(old.to_json()).update(articles[4:], counting)
    assert updated == timeline.build(articles, nlp)
    assert sorted(parsed[1:]) == sorted(a.text for a in articles[4:])  # after check()'s test
    with pytest.raises(ValueError, match="duplicate article ids: 'undated'"):
        updated.update([articles[-1]])


def test_a_parse_cache_serves_the_second_build(nlp, tmp_path, monkeypatch):
    built = timeline.build(corpus(), nlp, cache=tmp_path)
    assert len(list(tmp_path.rglob("*.spacy"))) == len({a.text for a in corpus()})

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(
        "timeline.parses.parse_many", lambda nlp, texts: iter(()) if not texts else no_parsing()
    )
    assert timeline.build(corpus(), nlp, cache=tmp_path) == built
    cache = ParseCache(tmp_path, nlp)
    assert cache.get("never parsed") is None
    with pytest.raises(NotADirectoryError):
        ParseCache(next(tmp_path.rglob("*.spacy")), nlp)


def test_a_long_article_is_analysed_in_pieces_at_their_places(nlp):
    examples = load_examples()
    paragraphs = [examples[n % 3].text for n in range(30)]
    text = "\n\n".join(paragraphs)
    assert len(text) > PIECE
    [whole] = analyse_many([Article(text, examples[0].published, "long")], nlp)
    assert all(text[m.start : m.end] == m.text for m in whole.mentions)
    assert all(text[t.start : t.end] == t.text for t in whole.times)
    pieces = list(analyse_many([Article(text[a:b], examples[0].published) for a, b in cut(text)]))
    assert [m.text for m in whole.mentions] == [m.text for r in pieces for m in r.mentions]
    assert len(whole.constraints) == sum(len(r.constraints) for r in pieces)
    sentences = [m.sentence for m in whole.mentions]
    assert sentences == sorted(sentences) and sentences[-1] > 100


def _copied(result, article_id):
    """An analysis as that of a copy of its article under another id."""
    article = attrs.evolve(result.article, id=article_id)
    mentions = tuple(attrs.evolve(m, article_id=article_id) for m in result.mentions)
    return attrs.evolve(result, article=article, mentions=mentions)


def test_a_saved_timeline_says_which_mentions_copy_another_for_its_update(analysed):
    """The JSON of a timeline gives, for each event, which of its mentions copy another's
    text (every field but the article); read back, only the others' texts are compared
    when it is updated. Documents without them, or with pairs edited since, update equal
    to rebuilding too: a pair is taken only where the two mentions are the same."""
    copies = [_copied(r, r.article.id + "-copy") for r in analysed]
    rebuilt = timeline_of(analysed + copies)
    document = json.loads(timeline_of(analysed + copies[:3]).to_json())
    pairs = [(e, k, j) for e in document["events"] for k, j in e.get("copies", [])]
    assert pairs and all(
        {**e["mentions"][k], "article_id": ""} == {**e["mentions"][j], "article_id": ""}
        for e, k, j in pairs
    )
    saved = Timeline.from_json(json.dumps(document))
    assert len(saved._copies) == len(pairs)
    assert timeline_of(copies[3:], base=saved) == rebuilt
    old = json.loads(json.dumps(document))
    for event in old["events"]:
        event.pop("copies", None)
    assert Timeline.from_json(json.dumps(old)) == saved
    assert timeline_of(copies[3:], base=Timeline.from_json(json.dumps(old))) == rebuilt
    # a copy edited since: its pair is left, and the update is that of the edited timeline
    changed, k, _ = pairs[0]
    changed["mentions"][k]["sentence"] += 1
    edited = Timeline.from_json(json.dumps(document))
    assert len(edited._copies) == len(pairs) - 1
    for event in document["events"]:
        event.pop("copies", None)
    unknown = Timeline.from_json(json.dumps(document))
    assert timeline_of(copies[3:], base=edited) == timeline_of(copies[3:], base=unknown)
    changed["copies"] = [[0, 0]]
    with pytest.raises(ValueError, match=r"event \d+: copies must be pairs"):
        Timeline.from_json(json.dumps(document))
