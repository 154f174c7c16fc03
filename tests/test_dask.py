"""timeline.dask.build on a local Dask cluster of two worker processes gives build's timeline."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest

import timeline
from timeline.examples import load_examples

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import dask.bag  # noqa: E402

import timeline.dask  # noqa: E402


def articles() -> list[timeline.Article]:
    examples = load_examples()
    later = [
        attrs.evolve(a, id=f"{a.id}-later", published=a.published + timedelta(days=2))
        for a in examples
    ]
    return [*examples, *later, attrs.evolve(examples[1], id="", published=None)]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_a_local_cluster_builds_the_same_events(nlp, client):
    expected = timeline.build(articles(), nlp)
    bag = dask.bag.from_sequence(articles(), npartitions=3)
    built = timeline.dask.build(bag)
    assert built == expected
    assert len(client.scheduler_info()["workers"]) == 2


def test_a_dataframe_of_articles_builds_the_same_events(nlp, client):
    pandas = pytest.importorskip("pandas")
    dataframe = pytest.importorskip("dask.dataframe")
    rows = pandas.DataFrame([attrs.asdict(a) for a in articles()])
    rows["id"] = rows["id"].replace("", None)
    built = timeline.dask.build(dataframe.from_pandas(rows, npartitions=2))
    assert built == timeline.build(articles(), nlp)


def test_ids_given_twice_and_other_inputs_are_refused(client):
    twice = dask.bag.from_sequence(articles()[:1] * 2, npartitions=2)
    with pytest.raises(ValueError, match="duplicate article ids: 'shoigu-call' \\(2 articles\\)"):
        timeline.dask.build(twice)
    with pytest.raises(TypeError, match=r"dask\.bag\.Bag or dask\.dataframe\.DataFrame, not list"):
        timeline.dask.build(articles())
