"""The ``.. timeline::`` Sphinx directive, in tiny Sphinx projects built with the text builder."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("sphinx")

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.console import strip_escape_sequences
from sphinx.util.docutils import docutils_namespace

from timeline.articles import parse_article
from timeline.sphinxext import split_articles

VOTE = """\
---
published: 2020-01-07
id: a1
---
On Sunday, Iraq's parliament voted to expel US troops.
"""
LAWMAKER = """\
---
published: 2020-01-08
id: a2
---
Iraq voted to expel US troops, a lawmaker said on Wednesday.
"""
HEADER = ["When", "Event", "Sources", "Confidence"]
VOTED = [
    "5 Jan 2020",
    "Iraq's parliament voted to expel US troops",
    'a1: "voted"|a2: "voted"',
    "1.00",
]


def _directive(options: str = "", content: str = VOTE + LAWMAKER) -> str:
    head = ".. timeline::\n" + "".join(f"   {option}\n" for option in options.splitlines())
    return f"{head}\n{textwrap.indent(content, '   ')}"


def _build(tmp_path: Path, page: str, files: dict[str, str] | None = None) -> tuple[Sphinx, str]:
    """Build a project whose index page is ``page``; the app and its warnings."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["timeline.sphinxext"]\n')
    (source / "index.rst").write_text(f"Timeline\n========\n\n{page}")
    for name, text in (files or {}).items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text)
    warnings = io.StringIO()
    with docutils_namespace():
        app = Sphinx(
            source,
            source,
            tmp_path / "out",
            tmp_path / "doctrees",
            "text",
            status=None,
            warning=warnings,
            freshenv=True,
        )
        app.build()
    return app, strip_escape_sequences(warnings.getvalue())


def _rows(app: Sphinx) -> list[list[str]]:
    """The timeline table's rows, each cell's paragraphs joined by "|"."""
    doctree = app.env.get_doctree("index")
    return [
        [
            "|".join(p.astext() for p in entry.findall(nodes.paragraph))
            for entry in row.findall(nodes.entry)
        ]
        for row in doctree.findall(nodes.row)
    ]


def test_inline_articles_render_their_merged_timeline(tmp_path, nlp):
    app, warnings = _build(tmp_path, _directive())
    assert warnings == ""
    assert _rows(app) == [HEADER, VOTED]  # the happenings: not the aim, nor an unnamed "said"
    text = (tmp_path / "out" / "index.txt").read_text()
    assert "| 5 Jan 2020" in text and "| Iraq's parliament voted" in text


def test_all_events_lists_every_event(tmp_path, nlp):
    app, warnings = _build(tmp_path, _directive(":all-events:"))
    assert warnings == ""
    assert _rows(app) == [
        HEADER,
        VOTED,
        ["8 Jan 2020", "lawmaker said", 'a2: "said"', "1.00"],
        ["undated", "Iraq expel US troops", 'a1: "expel"|a2: "expel"', "1.00"],
    ]


@pytest.mark.parametrize(
    "options",
    [":involving: Iraq\n:between: 2020-01-05 2020-01-06", ":dated-only:\n:involving: Iraq"],
)
def test_filters_keep_only_the_events_asked_for(tmp_path, nlp, options):
    app, warnings = _build(tmp_path, _directive(options))
    assert warnings == ""
    assert _rows(app) == [HEADER, VOTED]


def test_a_filter_that_keeps_nothing_says_so(tmp_path, nlp):
    app, warnings = _build(tmp_path, _directive(":between: 2021-01-01 2021-02-01"))
    assert warnings == ""
    assert _rows(app) == []
    assert "No events." in (tmp_path / "out" / "index.txt").read_text()


def test_path_reads_a_folder_of_articles_relative_to_the_document(tmp_path, nlp):
    lawmaker = json.dumps({"text": LAWMAKER.split("---\n")[-1], "published": "8 January 2020"})
    files = {"news/vote.txt": VOTE, "news/a2.json": lawmaker, "news/notes.odt": "not read"}
    options = ":path: news\n:dated-only:\n:all-events:"
    app, warnings = _build(tmp_path, _directive(options, ""), files)
    assert warnings == ""
    assert _rows(app) == [HEADER, VOTED, ["8 Jan 2020", "lawmaker said", 'a2: "said"', "1.00"]]


def test_bad_front_matter_is_an_error_at_its_line(tmp_path):
    bad = "---\npublished: 2020-01-07\ntitle: Iran: a reply\n---\nText.\n"
    # index.rst: title (lines 1-2), blank, directive (4), blank (5), VOTE (6-10), bad from 11
    app, warnings = _build(tmp_path, _directive(content=VOTE + bad))
    assert (
        "index.rst:13: ERROR: timeline: the front matter is not YAML: mapping values are not "
        "allowed here (column 12)"
    ) in warnings
    assert _rows(app) == []


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("---\npublished: 7 January\n---\nText.\n", 7, "published '7 January' is not a date"),
        ("---\nid: a1\n", 6, "the front matter has no closing '---' line"),
    ],
)
def test_other_article_errors_are_reported_at_their_line(tmp_path, content, line, message):
    _, warnings = _build(tmp_path, _directive(content=content))
    assert f"index.rst:{line}: ERROR: timeline: {message}" in warnings


def test_a_missing_path_is_an_error_at_the_directive(tmp_path):
    _, warnings = _build(tmp_path, _directive(":path: missing", ""))
    assert "index.rst:4: ERROR: timeline: no article file or folder missing" in warnings


def test_a_bad_article_file_is_reported_with_its_name_and_line(tmp_path):
    files = {"news/bad.txt": "---\nid: [a\n---\nText.\n"}
    _, warnings = _build(tmp_path, _directive(":path: news", ""), files)
    assert "index.rst:4: ERROR: timeline: news/bad.txt:3: the front matter is not YAML" in warnings


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (".. timeline::\n", "timeline: no articles"),
        (".. timeline::\n   :between: 2020-01\n", "expected two dates, YYYY-MM-DD YYYY-MM-DD"),
        (
            ".. timeline::\n   :between: 2020-01-31 2020-01-01\n",
            "the end 2020-01-01 must be after the start 2020-01-31",
        ),
        (_directive(content=VOTE + VOTE), "timeline: duplicate article ids: 'a1'"),
    ],
)
def test_directive_misuse_is_an_error_at_the_directive(tmp_path, page, message):
    _, warnings = _build(tmp_path, page)
    assert "index.rst:4: ERROR: " in warnings
    assert message in warnings


def test_one_build_serves_every_directive_with_the_same_articles(tmp_path, nlp, monkeypatch):
    import timeline
    from timeline import sphinxext

    calls = []

    def counting_build(articles):
        calls.append(len(articles))
        return build(articles)

    build = timeline.build
    sphinxext._build.cache_clear()
    monkeypatch.setattr(timeline, "build", counting_build)
    page = _directive(":all-events:") + "\n" + _directive(":dated-only:\n:all-events:")
    app, warnings = _build(tmp_path, page)
    assert warnings == ""
    assert calls == [2]
    assert len(_rows(app)) == 4 + 3


_lines = st.lists(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20).filter(
        lambda line: line.strip() != "---"
    ),
    max_size=4,
)


@given(
    st.lists(
        st.tuples(st.from_regex(r"[a-z0-9][a-z0-9-]{0,7}", fullmatch=True), _lines), max_size=4
    )
)
def test_split_articles_gives_back_each_article_written_with_its_front_matter(written):
    lines = []
    for article_id, text in written:
        lines += ["---", f"id: {article_id}", "---", *text, "Body."]
    found = split_articles(lines)
    assert [lines[start] for start, _ in found] == ["---"] * len(written)
    articles = [parse_article(raw) for _, raw in found]
    assert [(a.id, a.text) for a in articles] == [
        (article_id, "\n".join([*text, "Body."]).strip("\n")) for article_id, text in written
    ]
