"""The example articles bundled with the package, and the script that uses them."""

from __future__ import annotations

import runpy
from datetime import date
from pathlib import Path

import pytest

from timeline import Article
from timeline.examples import load_examples, parse_article

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


def test_examples_are_loaded_in_a_stable_order() -> None:
    assert [a.id for a in load_examples()] == [a.id for a in load_examples()]
    published = [a.published for a in load_examples()]
    assert published == sorted(published)


def test_examples_carry_the_times_the_docs_talk_about() -> None:
    first = load_examples()[0]
    assert first.published == date(2020, 1, 7)
    for phrase in ("on the evening of January 2", "Two days ago", "On Sunday"):
        assert phrase in first.text


def test_parse_article_reads_front_matter_and_text() -> None:
    raw = "---\npublished: 2020-01-08\nid: x\ntitle: A: B\n---\n\nOn Wednesday, they met.\n\n"
    article = parse_article(raw)
    assert article == Article(
        "On Wednesday, they met.", published=date(2020, 1, 8), id="x", title="A: B"
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("On Sunday.", "expected a front matter"),
        ("---\npublished: 2020-01-08\n", "no closing '---'"),
        ("---\nauthor: me\n---\nText", "unknown front matter field 'author'"),
        ("---\nno colon here\n---\nText", "bad.txt:2: unknown front matter field"),
        ("---\npublished: 8 January 2020\n---\nText", "published '8 January 2020' is not a date"),
    ],
)
def test_parse_article_refuses_malformed_input(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        parse_article(raw, name="bad.txt")
    assert str(error.value).startswith("bad.txt")


def test_first_timeline_script_prints_resolved_times(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(ROOT / "examples" / "first_timeline.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert load_examples()[0].title in out
    assert "2020-01-05" in out  # "Two days ago" and "On Sunday", published 2020-01-07
