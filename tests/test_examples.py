"""The example articles bundled with the package, and the script that uses them."""

from __future__ import annotations

import runpy
from datetime import date
from pathlib import Path

import pytest

from timeline import Article
from timeline.examples import load_examples

ROOT = Path(__file__).resolve().parents[1]


def test_examples_load_as_articles() -> None:
    articles = load_examples()
    assert len(articles) >= 3
    for article in articles:
        assert isinstance(article, Article)
        assert article.text.strip() and article.title and article.source
        assert not article.text.startswith("---")


def test_each_example_has_a_publication_date() -> None:
    for article in load_examples():
        assert isinstance(article.published, date), article.id


def test_example_ids_are_unique_and_set() -> None:
    ids = [article.id for article in load_examples()]
    assert all(ids)
    assert len(ids) == len(set(ids))


def test_examples_are_in_order_of_publication() -> None:
    published = [a.published for a in load_examples()]
    assert published == sorted(published)


def test_examples_carry_the_times_the_docs_talk_about() -> None:
    first = load_examples()[0]
    assert first.published == date(2020, 1, 7)
    for phrase in ("on the evening of January 2", "Two days ago", "On Sunday"):
        assert phrase in first.text


def test_first_timeline_script_prints_resolved_times(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(ROOT / "examples" / "first_timeline.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert load_examples()[0].title in out
    assert "2020-01-05" in out  # "Two days ago" and "On Sunday", published 2020-01-07
