"""The ``timeline`` command: argument errors, ``times``, ``demo``, ``build``, ``python -m``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import timeline
from timeline import Article, Timeline
from timeline.cli import CRASH, main
from timeline.examples import load_examples

TWO_DAYS_AGO = "Two days ago, the minister spoke."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "published", ["someday", "2020-13-01", "2020-02-30", "07/01/2020", "yesterday", ""]
)
def test_bad_published_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], published: str
) -> None:
    code, out, err = run(capsys, "times", TWO_DAYS_AGO, "--published", published)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("timeline times: error: argument --published:")
    assert repr(published) in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], "timeline: error: the following arguments are required: COMMAND"),
        (["times"], "timeline times: error: the following arguments are required: TEXT"),
        (["nonsense"], "timeline: error: argument COMMAND: invalid choice: 'nonsense'"),
        (["times", "x", "--bogus"], "timeline: error: unrecognized arguments: --bogus"),
    ],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(expected)
    assert err.count("\n") == 1


def test_help_and_version_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "times" in out and "demo" in out and "build" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("timeline ")


def test_times_prints_one_tab_separated_line_per_expression(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "times", TWO_DAYS_AGO, "--published", "2020-01-07")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "0:12\tTwo days ago\tDATE\t2020-01-05\t-\t[2020-01-05T00:00:00, 2020-01-06T00:00:00)"
    ]


def test_times_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "times", TWO_DAYS_AGO, "--published", "2020-01-07", "--json")
    assert code == 0
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["text"] == "Two days ago"
    assert (record["start"], record["end"]) == (0, 12)
    assert (record["type"], record["value"], record["mod"]) == ("DATE", "2020-01-05", None)
    assert record["interval"] == {
        "start": "2020-01-05T00:00:00",
        "end": "2020-01-06T00:00:00",
        "granularity": "day",
        "timex": "2020-01-05",
    }
    assert record["anchor"]["kind"] == "publication"


def test_times_offsets_index_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    text = "The strike came on January 2. Two days later, thousands marched."
    code, out, _ = run(capsys, "times", text, "--published", "2020-01-07", "--json")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["value"] for r in records] == ["2020-01-02", "2020-01-04"]
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]


def test_times_without_publication_date_leaves_times_unresolved(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "times", "Parliament voted on Sunday.")
    assert code == 0
    [line] = out.splitlines()
    fields = line.split("\t")
    assert fields[2:] == ["DATE", "XXXX-WXX-7", "-", "-"]


@pytest.mark.parametrize(
    "published", ["2020-01-07T09:30", "7 January 2020", "Tue, 07 Jan 2020 10:31:00 +0330"]
)
def test_times_accepts_common_date_formats(
    capsys: pytest.CaptureFixture[str], published: str
) -> None:
    code, out, _ = run(capsys, "times", TWO_DAYS_AGO, "--published", published)
    assert code == 0
    assert "\t2020-01-05\t" in out


def test_times_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(TWO_DAYS_AGO))
    code, out, _ = run(capsys, "times", "-", "--published", "2020-01-07")
    assert code == 0
    assert out.startswith("0:12\tTwo days ago\t")


def test_times_with_no_expression_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "times", "The minister spoke.", "--published", "2020-01-07") == (0, "", "")


def test_demo_prints_the_examples_and_their_timeline_with_dates_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "demo")
    assert (code, err) == (0, "")
    assert out.startswith(
        "Articles\n"
        "  shoigu-call (Example News Service, published 7 Jan 2020)\n"
        "    Russian and Iranian military chiefs discuss regional tensions by phone\n"
    )
    for article in load_examples():
        assert article.title in out
    lines = out.splitlines()
    # "urged every side", joined to what the presidents said "would not solve", is told in a
    # past form of its own: they did urge, and it is listed
    start = lines.index("Timeline: 17 of 51 events")
    assert any(line.strip().endswith("urged side to put diplomacy") for line in lines)
    events = [line.split("  (confidence")[0].strip() for line in lines[start + 1 :: 2]]
    assert [" ".join(event.split()) for event in events][:4] == [
        "2 Jan 2020, 17:00 \N{EN DASH} 4 Jan 2020 United States strike killed Qassem Soleimani"
        " and Abu Mahdi al-Muhandis in Baghdad",
        "30 Dec 2019 \N{EN DASH} 5 Jan 2020 lawmakers backed a resolution",
        "5 Jan 2020 Sergei Shoigu discussed the crisis with Hakan Fidan",
        "5 Jan 2020 Iraq's parliament vote",
    ]
    assert " ".join(events[-1].split()) == "February 2020 European foreign ministers meet"
    vote = lines.index(
        # two articles whose reports share nothing but the word: shown, below 1
        next(line for line in lines if line.endswith("Iraq's parliament vote  (confidence 0.50)"))
    )
    assert lines[vote + 1].strip() == 'sources: iraq-withdrawal: "vote"; shoigu-call: "voted"'
    assert "TEV" not in out and "2020-01" not in out  # TIMEX3 only in JSON and TimeML


@pytest.mark.parametrize("command", ["demo", "build"])
def test_without_a_spacy_model_the_commands_say_what_to_install(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
) -> None:
    def no_model() -> None:
        raise OSError("no English spaCy model found ... or pass your own pipeline as nlp=")

    monkeypatch.setattr("timeline.cli.load_nlp", no_model)
    monkeypatch.chdir(tmp_path)
    Path("vote.txt").write_text("On Sunday, MPs voted.", encoding="utf-8")
    argv = ["demo"] if command == "demo" else ["build", "vote.txt", "--quiet"]
    assert run(capsys, *argv) == (
        2,
        "",
        "timeline: error: no English spaCy model is installed; install one with "
        "`pip install 'news-timeline[model]'` (or `python -m spacy download en_core_web_sm`)\n",
    )


def test_python_dash_m_is_the_same_command() -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "timeline", "times", "x", "--published", "soon"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.startswith("timeline times: error: argument --published: 'soon'")
    version = subprocess.run(
        [sys.executable, "-m", "timeline", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.startswith("timeline ")


# --- timeline build -------------------------------------------------------------------------

VOTE = "On Sunday, Iraq's parliament voted."
FRONT_MATTER = "---\npublished: 2020-01-07\nid: vote\nsource: Wire\ntitle: MPs vote\n---\n"
EMPTY_TEXT = "Timeline: 0 of 0 events\n"
NOT_A_DATE = (
    "expected a day with its year, e.g. 2020-01-07, 7 January 2020, Tue, 07 Jan 2020 10:31:00 +0330"
)


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Article]:
    """The articles ``timeline build`` builds from, in ``tmp_path``, with no building done.

    The stand-in for :func:`timeline.build` records its articles, reports its progress
    after each and returns an empty timeline, so that these tests check what is read
    without running spaCy.
    """
    given: list[Article] = []

    def build(
        articles: list[Article], nlp: object, *, n_process=1, cache=None, progress=None
    ) -> Timeline:
        assert n_process == 1  # few articles: one process
        assert cache is None
        given.extend(articles)
        for done in range(1, len(articles) + 1):
            if progress is not None:
                progress(done, len(articles))
        return Timeline(())

    monkeypatch.setattr(timeline, "build", build)
    monkeypatch.setattr("timeline.cli.load_nlp", lambda: None)
    monkeypatch.chdir(tmp_path)
    return given


@pytest.fixture
def building(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, nlp: object) -> None:
    """``timeline build`` run with the English model (skipped without it), in ``tmp_path``."""
    monkeypatch.chdir(tmp_path)


def errors(err: str) -> list[str]:
    return err.splitlines()


def test_build_reads_front_matter_plain_text_json_and_json_lines(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("vote.txt").write_text(
        FRONT_MATTER.replace("title:", "author: Jane Doe\ntitle:") + VOTE + "\n", encoding="utf-8"
    )
    Path("plain.txt").write_text("Two days ago, the minister spoke.\n", encoding="utf-8")
    Path("list.json").write_text(
        json.dumps(
            [
                {"text": "A.", "published": "2020-01-08", "source": "S", "url": "https://x.org"},
                {"text": "B.", "published": "Wed, 08 Jan 2020 09:30:00 +0000", "id": 42},
            ]
        ),
        encoding="utf-8",
    )
    Path("one.json").write_text('{"text": "C.", "published": null}', encoding="utf-8")
    Path("lines.jsonl").write_text(
        '{"text": "D.", "published": "9 January 2020", "title": "T"}\n'
        "\n"
        '{"text": "E.", "id": "e", "published": ""}\n',
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "build", "vote.txt", "plain.txt", "list.json", "one.json", "lines.jsonl"
    )
    assert code == 0
    assert built == [
        Article(
            VOTE,
            published=date(2020, 1, 7),
            id="vote",
            source="Wire",
            title="MPs vote",
            meta={"author": "Jane Doe"},
        ),
        Article("Two days ago, the minister spoke.", id="plain"),
        Article(
            "A.", published=date(2020, 1, 8), id="list#1", source="S", meta={"url": "https://x.org"}
        ),
        Article("B.", published=datetime(2020, 1, 8, 9, 30, tzinfo=timezone.utc), id="42"),
        Article("C.", id="one"),
        Article("D.", published=date(2020, 1, 9), id="lines#1", title="T"),
        Article("E.", id="e"),
    ]
    assert out == EMPTY_TEXT
    assert errors(err) == [
        "timeline: warning: plain.txt: no publication date; relative times stay unresolved "
        "(give --published)",
        "timeline: warning: one.json: no publication date; relative times stay unresolved "
        "(give --published)",
        "timeline: warning: lines.jsonl:3: no publication date; relative times stay unresolved "
        "(give --published)",
    ]


def test_build_reads_dates_with_the_order_reference_and_default_given(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("plain.txt").write_text("The minister spoke.", encoding="utf-8")
    Path("table.jsonl").write_text(
        '{"body": "A.", "date": "07/01/2020"}\n{"body": "B.", "date": "2 hours ago"}\n',
        encoding="utf-8",
    )
    argv = [
        "build",
        "plain.txt",
        "table.jsonl",
        "--field",
        "text=body",
        "--field",
        "published=date",
    ]
    code, _, err = run(capsys, *argv, "--quiet")
    assert (code, [a.id for a in built]) == (1, ["plain"])
    assert errors(err) == [
        "timeline: error: table.jsonl:1: published '07/01/2020' is ambiguous: 7 January 2020 "
        "(DMY) or 1 July 2020 (MDY); state the order (date_order, --date-order)",
        "timeline: error: table.jsonl:2: published '2 hours ago' is relative; give the "
        "reference time it counts from (reference=, --reference)",
    ]
    built.clear()
    more = ["--published", "6 Jan 2020", "--date-order", "MDY", "--reference", "2020-01-07T12:00Z"]
    assert run(capsys, *argv, *more) == (0, EMPTY_TEXT, "")
    assert [(a.id, a.published) for a in built] == [
        ("plain", date(2020, 1, 6)),
        ("table#1", date(2020, 7, 1)),
        ("table#2", datetime(2020, 1, 7, 10, tzinfo=timezone.utc)),
    ]
    code, _, err = run(capsys, "build", "plain.txt", "--field", "body=text")
    assert code == 2
    assert "argument --field: 'body=text' is not FIELD=KEY" in err


def test_build_dates_articles_by_their_printed_date_lines_when_asked(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("ferry.txt").write_text(
        "Ferry runs aground\nPosted: March 4, 2019\n\nThe ferry ran aground.", encoding="utf-8"
    )
    Path("note.txt").write_text("The ferry was refloated.", encoding="utf-8")
    assert run(capsys, "build", "ferry.txt", "note.txt", "--quiet")[0] == 0
    assert [a.published for a in built] == [None, None]
    built.clear()
    argv = ["build", "ferry.txt", "note.txt", "--printed-dates", "--published", "2019-03-06"]
    assert run(capsys, *argv) == (0, EMPTY_TEXT, "")
    assert [(a.id, a.published) for a in built] == [
        ("ferry", date(2019, 3, 4)),
        ("note", date(2019, 3, 6)),
    ]


def test_build_skips_bad_json_lines_and_names_them(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("feed.jsonl").write_text(
        "\n".join(
            [
                '{"text": "Good.", "published": "2020-01-07"}',
                '{"text": "Cut off',
                '{"published": "2020-01-07"}',
                '{"text": "Undated.", "published": "7 Jan"}',
                '{"text": ["a", "list"]}',
                '{"text": "  "}',
                '"just a string"',
                '{"text": "Surrogate \\udc80.", "id": "s"}',
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "build", "feed.jsonl")
    assert code == 1
    assert [a.id for a in built] == ["feed#1"]
    assert errors(err) == [
        "timeline: error: feed.jsonl:2: invalid JSON: Unterminated string starting at (column 10)",
        'timeline: error: feed.jsonl:3: missing "text"',
        f"timeline: error: feed.jsonl:4: published '7 Jan' is not a date: {NOT_A_DATE}",
        'timeline: error: feed.jsonl:5: "text" must be a string, not an array',
        "timeline: error: feed.jsonl:6: the article has no text",
        "timeline: error: feed.jsonl:7: expected an article (a JSON object), not a string",
        "timeline: error: feed.jsonl:8: Article.text holds a lone surrogate (U+DC80 at offset "
        "10), which is not Unicode text",
        "timeline: warning: skipped 7 inputs with errors; building the timeline of the other "
        "1 article",
    ]
    assert out == EMPTY_TEXT


def test_build_names_the_line_of_bad_json(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("broken.json").write_text('[\n  {"text": "A."},\n  {"text": }\n]', encoding="utf-8")
    Path("items.json").write_text(
        '[\n  {"text": "A."},\n\n  {"text": "B.", "published": "2020-02-30"}\n]', encoding="utf-8"
    )
    code, _, err = run(capsys, "build", "broken.json", "items.json", "--quiet")
    assert code == 1
    assert [a.id for a in built] == ["items#1"]
    assert errors(err) == [
        "timeline: error: broken.json:3: invalid JSON: Expecting value (column 12)",
        f"timeline: error: items.json:4: published '2020-02-30' is not a date: {NOT_A_DATE}",
    ]


def test_build_strict_stops_before_building(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("good.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    Path("bad.txt").write_text("---\npublished: 7 Jan\n---\nText.", encoding="utf-8")
    code, out, err = run(capsys, "build", "good.txt", "bad.txt", "--strict", "-o", "out.json")
    assert (code, out, built) == (2, "", [])
    assert errors(err) == [
        f"timeline: error: bad.txt:2: published '7 Jan' is not a date: {NOT_A_DATE}",
        "timeline: error: 1 input with errors; nothing built (--strict)",
    ]
    assert not Path("out.json").exists()


def test_build_without_strict_skips_the_bad_article(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("good.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    Path("bad.txt").write_text("---\ntitle: Iran: a reply\n---\nText.", encoding="utf-8")
    code, _, err = run(capsys, "build", "good.txt", "bad.txt")
    assert (code, [a.id for a in built]) == (1, ["vote"])
    assert errors(err)[0] == (
        "timeline: error: bad.txt:2: the front matter is not YAML: mapping values are not "
        "allowed here (column 12); quote a value that holds ': ' or starts with a special "
        "character"
    )


def test_build_warns_once_per_file_of_undated_articles_unless_quiet(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("undated.jsonl").write_text('{"text": "A."}\n{"text": "B."}\n', encoding="utf-8")
    Path("undated.txt").write_text("---\nid: u\n---\nC.", encoding="utf-8")
    code, _, err = run(capsys, "build", "undated.jsonl", "undated.txt")
    assert code == 0
    assert errors(err) == [
        "timeline: warning: undated.jsonl: 2 articles have no publication date; "
        "relative times stay unresolved (give --published)",
        "timeline: warning: undated.txt: no publication date; relative times stay unresolved "
        "(give --published)",
    ]
    assert [a.published for a in built] == [None, None, None]
    assert run(capsys, "build", "undated.jsonl", "undated.txt", "--quiet")[2] == ""


def test_build_reports_unreadable_and_endless_files(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("latin1.txt").write_bytes(b"\xe9t\xe9")
    code, out, err = run(capsys, "build", "no/such.jsonl", "latin1.txt", "--quiet")
    assert (code, out, built) == (2, "", [])
    assert errors(err) == [
        "timeline: error: no/such.jsonl: cannot read: No such file or directory",
        "timeline: error: latin1.txt: cannot read: not UTF-8 text (byte 0)",
        "timeline: error: no articles to build a timeline from",
    ]
    if Path("/dev/zero").exists():
        code, out, err = run(capsys, "build", "/dev/zero", "--max-bytes", "65536", "--quiet")
        assert (code, out) == (2, "")
        assert errors(err) == [
            "timeline: error: /dev/zero: larger than the limit of 65,536 bytes; raise it with "
            "--max-bytes (max_bytes=) if this input is meant to be read",
            "timeline: error: no articles to build a timeline from",
        ]
    code, _, err = run(capsys, "build", "latin1.txt", "--max-bytes", "0")
    assert code == 2
    assert "argument --max-bytes: '0' is not a positive number of bytes" in err


def test_build_refuses_duplicate_ids_naming_where_they_are(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("a").mkdir()
    Path("b").mkdir()
    Path("a", "vote.txt").write_text("---\n---\nA.", encoding="utf-8")
    Path("b", "vote.txt").write_text("---\n---\nB.", encoding="utf-8")
    Path("more.jsonl").write_text('{"text": "C.", "id": "vote"}\n', encoding="utf-8")
    code, out, err = run(capsys, "build", "a", "b", "more.jsonl", "--quiet")
    assert (code, out, built) == (2, "", [])
    a, b = Path("a", "vote.txt"), Path("b", "vote.txt")
    assert errors(err) == [
        f"timeline: error: duplicate article id 'vote' ({a}, {b}, more.jsonl:1); "
        "give each article its own id"
    ]


def test_build_reads_the_article_files_of_a_folder_in_order_of_name(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    folder = Path("articles")
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "deeper.txt").write_text("---\n---\nNot read.", encoding="utf-8")
    (folder / "b.txt").write_text("---\n---\nB.", encoding="utf-8")
    (folder / "a.JSON").write_text('{"text": "A."}', encoding="utf-8")
    (folder / "c.jsonl").write_text('{"text": "C."}', encoding="utf-8")
    (folder / "d.md").write_text("D.", encoding="utf-8")
    (folder / "notes.odt").write_text("Not an article.", encoding="utf-8")
    (folder / "._b.txt").write_bytes(b"\x00\x05")
    Path("empty").mkdir()
    code, _, err = run(capsys, "build", "articles", "empty", "--quiet")
    assert code == 1
    assert [(a.id, a.text) for a in built] == [("a", "A."), ("b", "B."), ("c#1", "C."), ("d", "D.")]
    assert errors(err) == ["timeline: error: empty: no article files in this folder"]


def test_build_reads_json_lines_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    stdin = io.StringIO('{"text": "A.", "published": "2020-01-07"}\n{"text": "B."}\n')
    stdin.name = "<stdin>"
    monkeypatch.setattr("sys.stdin", stdin)
    code, _, err = run(capsys, "build", "-")
    assert code == 0
    assert built == [
        Article("A.", published=date(2020, 1, 7), id="stdin#1"),
        Article("B.", id="stdin#2"),
    ]
    assert errors(err) == [
        "timeline: warning: <stdin>:2: no publication date; relative times stay unresolved "
        "(give --published)"
    ]


SIGNATURES = {
    "text": EMPTY_TEXT,
    "json": '{\n  "events": [],\n  "format": "timeline/1"\n}\n',
    "timelinejs": '{\n  "title": {\n    "text": {\n      "headline": "Timeline",',
    "html": "<!DOCTYPE html>",
    "ics": "BEGIN:VCALENDAR\r\n",
}


@pytest.mark.parametrize(
    ("output", "chosen", "expected"),
    [
        (None, None, "text"),
        ("-", None, "text"),
        ("-", "ics", "ics"),
        ("out.json", None, "json"),
        ("out/Timeline.JSON", None, "json"),
        ("out.timelinejs.json", None, "timelinejs"),
        ("out.timelinejs.json", "json", "json"),
        ("out.html", None, "html"),
        ("out.htm", None, "html"),
        ("out.ics", None, "ics"),
        ("out.txt", None, "text"),
        ("out.json", "text", "text"),
        ("out.xml", "html", "html"),
    ],
)
def test_output_format_is_the_chosen_one_else_the_suffix_s(
    capsys: pytest.CaptureFixture[str],
    built: list[Article],
    output: str | None,
    chosen: str | None,
    expected: str,
) -> None:
    Path("out").mkdir()
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    argv = ["build", "vote.txt"] + (["-o", output] if output else [])
    code, out, _ = run(capsys, *argv, *(["--format", chosen] if chosen else []))
    assert code == 0
    if output not in (None, "-"):
        assert out == ""
        with open(output, encoding="utf-8", newline="") as file:
            out = file.read()
    assert out.startswith(SIGNATURES[expected])


@pytest.mark.parametrize("output", ["out.xml", "out", "timelinejs"])
def test_an_output_suffix_that_names_no_format_is_an_error_before_reading(
    capsys: pytest.CaptureFixture[str], built: list[Article], output: str
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    code, out, err = run(capsys, "build", "vote.txt", "-o", output)
    assert (code, out, built) == (2, "", [])
    assert errors(err) == [
        f"timeline: error: cannot tell the format of {output!r} from its suffix; name it "
        ".json, .html, .timelinejs.json, .ics or .txt, or give --format"
    ]


def test_build_writes_the_format_asked_for_with_its_title(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    assert run(capsys, "build", "vote.txt", "-o", "out.json") == (0, "", "")
    assert Path("out.json").read_text(encoding="utf-8") == Timeline(()).to_json(indent=2) + "\n"
    assert run(capsys, "build", "vote.txt", "-o", "out.json", "--format", "text")[0] == 0
    assert Path("out.json").read_text(encoding="utf-8") == EMPTY_TEXT
    code, out, _ = run(capsys, "build", "vote.txt", "--format", "json")
    assert (code, json.loads(out)) == (0, {"events": [], "format": "timeline/1"})
    assert run(capsys, "build", "vote.txt", "-o", "-", "--title", "Iraq, January") == (
        0,
        "Iraq, January\n\n" + EMPTY_TEXT,
        "",
    )
    code, out, _ = run(capsys, "build", "vote.txt", "--format", "html", "--title", "Iraq & US")
    assert "<title>Iraq &amp; US</title>" in out
    code, out, _ = run(capsys, "build", "vote.txt", "--format", "ics", "--title", "Iraq")
    assert "\r\nNAME:Iraq\r\n" in out
    code, out, _ = run(capsys, "build", "vote.txt", "--format", "timelinejs", "--title", "Iraq")
    assert json.loads(out)["title"]["text"]["headline"] == "Iraq"


def test_build_interrupted_says_so_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    def interrupt(articles: list[Article], nlp: object, **options: object) -> Timeline:
        raise KeyboardInterrupt

    monkeypatch.setattr(timeline, "build", interrupt)
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    assert run(capsys, "build", "vote.txt") == (130, "", "\ntimeline: interrupted\n")


def test_a_crash_has_its_own_exit_code_and_one_line_traceback_only_with_debug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    def crash(articles: list[Article], nlp: object, **options: object) -> Timeline:
        raise TypeError("'<' not supported between\ninstances")

    monkeypatch.setattr(timeline, "build", crash)
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    Path("out.json").write_text("the last good output", encoding="utf-8")
    assert run(capsys, "build", "vote.txt", "-o", "out.json") == (
        CRASH,
        "",
        "timeline: error: the program failed: TypeError: '<' not supported between instances\n"
        "timeline: run again with --debug to see where\n",
    )
    assert CRASH not in (0, 1, 2)
    assert Path("out.json").read_text(encoding="utf-8") == "the last good output"
    assert sorted(os.listdir(".")) == ["out.json", "vote.txt"]
    code, _, err = run(capsys, "--debug", "build", "vote.txt")
    assert code == CRASH
    assert err.startswith("Traceback (most recent call last):\n")
    assert err.endswith(
        "timeline: error: the program failed: TypeError: '<' not supported between instances\n"
    )


def test_build_cannot_write_into_a_missing_folder_or_onto_a_folder(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    code, _, err = run(capsys, "build", "vote.txt", "-o", "missing/out.json")
    assert (code, built) == (2, [])
    assert errors(err) == ["timeline: error: cannot write missing/out.json: no folder 'missing'"]
    Path("taken.json").mkdir()
    code, _, err = run(capsys, "build", "vote.txt", "-o", "taken.json")
    assert (code, built) == (2, [])
    assert errors(err) == ["timeline: error: cannot write taken.json: Is a directory"]


def test_build_never_writes_over_an_input(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    lines = '{"text": "A.", "published": "2020-01-07"}\n'
    Path("a.jsonl").write_text(lines, encoding="utf-8")
    Path("folder").mkdir()
    Path("folder", "b.json").write_text('{"text": "B."}', encoding="utf-8")
    os.symlink("a.jsonl", "link.json")
    os.symlink(os.path.join("folder", "b.json"), "other.json")
    for argv, input_ in [
        (["a.jsonl", "-o", "a.jsonl", "--format", "json"], "a.jsonl"),
        (["a.jsonl", "-o", "link.json"], "a.jsonl"),
        (["link.json", "-o", "a.jsonl", "--format", "json"], "link.json"),
        (["folder", "-o", "other.json"], os.path.join("folder", "b.json")),
    ]:
        code, out, err = run(capsys, "build", *argv, "--quiet")
        assert (code, out) == (2, "")
        assert errors(err) == [
            f"timeline: error: refusing to write over the input {input_}; name another output"
        ]
    assert Path("a.jsonl").read_text(encoding="utf-8") == lines
    assert Path("folder", "b.json").read_text(encoding="utf-8") == '{"text": "B."}'
    assert built == []


def test_build_writes_a_whole_file_or_none_and_keeps_its_permissions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    Path("out.json").write_text("the last good output", encoding="utf-8")
    os.chmod("out.json", 0o640)
    os.symlink("out.json", "latest.json")

    real, failed = os.replace, []

    def replace_but_fail_once(source: str, target: str) -> None:
        if not failed:
            failed.append(target)
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr("os.replace", replace_but_fail_once)
    code, _, err = run(capsys, "build", "vote.txt", "-o", "latest.json")
    assert code == 2
    assert errors(err) == ["timeline: error: cannot write latest.json: No space left on device"]
    assert Path("out.json").read_text(encoding="utf-8") == "the last good output"
    assert sorted(os.listdir(".")) == ["latest.json", "out.json", "vote.txt"]
    assert run(capsys, "build", "vote.txt", "-o", "latest.json") == (0, "", "")
    assert Path("latest.json").is_symlink()  # written through the link, to its file
    assert Path("out.json").read_text(encoding="utf-8").startswith('{\n  "events": []')
    assert os.stat("out.json").st_mode & 0o777 == 0o640


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_build_shows_progress_on_a_terminal_unless_quiet(
    monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    Path("a.txt").write_text("---\npublished: 2020-01-07\n---\nA.", encoding="utf-8")
    Path("b.txt").write_text("---\npublished: 2020-01-07\n---\nB.", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["build", "a.txt", "b.txt", "-o", "out.json"]) == 0
    assert terminal.getvalue() == (
        "\rreading: 1/2 files"
        "\rreading: 2/2 files"
        "\r                  \r"
        "\rbuilding: 1/2 articles"
        "\rbuilding: 2/2 articles"
        "\r                      \r"
    )
    quiet = _Terminal()
    monkeypatch.setattr("sys.stderr", quiet)
    assert main(["build", "a.txt", "b.txt", "-o", "out.json", "--quiet"]) == 0
    assert quiet.getvalue() == ""


def test_build_prints_and_writes_the_timeline(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    building: None,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1578700800")
    Path("vote.txt").write_text(
        "---\npublished: 2020-01-07\nid: vote\nsource: Wire\ntitle: MPs vote\n"
        "url: https://wire.example.org/vote\n---\n" + VOTE,
        encoding="utf-8",
    )
    Path("more.jsonl").write_text(
        '{"text": "Two days ago, the minister resigned.", "published": "2020-01-07"}\n{"oops"\n',
        encoding="utf-8",
    )
    vote = Article(
        VOTE,
        published=date(2020, 1, 7),
        id="vote",
        source="Wire",
        title="MPs vote",
        meta={"url": "https://wire.example.org/vote"},
    )
    resigned = Article(
        "Two days ago, the minister resigned.", published=date(2020, 1, 7), id="more#1"
    )
    expected = timeline.build([vote, resigned])
    code, out, err = run(capsys, "build", "vote.txt", "more.jsonl", "-o", "out.json", "--quiet")
    assert (code, out) == (1, "")
    assert errors(err) == [
        "timeline: error: more.jsonl:2: invalid JSON: Expecting ':' delimiter (column 8)"
    ]
    written = Timeline.from_json(Path("out.json").read_text(encoding="utf-8"))
    assert written == expected
    assert [(r.id, r.title, r.url) for r in written.articles] == [
        ("more#1", None, None),
        ("vote", "MPs vote", "https://wire.example.org/vote"),
    ]
    code, out, err = run(capsys, "build", "vote.txt", "more.jsonl", "--quiet")
    assert code == 1
    assert out.splitlines() == [
        "Timeline: 2 of 2 events",
        "  5 Jan 2020  minister resigned",
        '              sources: more#1: "resigned"',
        "  5 Jan 2020  Iraq's parliament voted",
        '              sources: vote: "voted"',
    ]
    voted = timeline.build([vote])
    written_files = {
        "out.html": voted.to_html(articles=[vote]),
        "out.timelinejs.json": voted.to_timelinejs(articles=[vote], indent=2) + "\n",
        "out.ics": voted.to_ics(),
    }
    for name, expected_text in written_files.items():
        assert run(capsys, "build", "vote.txt", "-o", name) == (0, "", "")
        with open(name, encoding="utf-8", newline="") as handle:
            assert handle.read() == expected_text
    assert "\r\nSUMMARY:Iraq's parliament voted\r\n" in written_files["out.ics"]
    assert "\r\nDTSTAMP:20200111T000000Z\r\n" in written_files["out.ics"]
    assert "\r\nURL:https://wire.example.org/vote\r\n" in written_files["out.ics"]
    assert (
        '<a class="article" href="https://wire.example.org/vote" rel="noopener noreferrer">'
        "MPs vote</a>"
    ) in written_files["out.html"]
    assert "Iraq&#x27;s parliament" in written_files["out.html"]  # the source sentence, quoted
    assert "On Sunday, Iraq's parliament <b>voted</b>." in written_files["out.timelinejs.json"]
    said = "On Sunday, Iraq's parliament voted, an MP said."
    Path("said.txt").write_text(FRONT_MATTER + said, encoding="utf-8")
    said_article = Article(
        said, published=date(2020, 1, 7), id="vote", source="Wire", title="MPs vote"
    )
    reported = timeline.build([said_article])
    assert [e.label for e in reported.events] == ["Iraq's parliament voted", "MP said"]
    assert [e.label for e in reported] == [
        "Iraq's parliament voted"
    ]  # a report with no named speaker
    code, out, _ = run(capsys, "build", "said.txt", "--format", "html")
    assert (code, out) == (0, reported.to_html(articles=[said_article]))
    code, out, _ = run(capsys, "build", "said.txt", "--all-events")
    assert code == 0
    assert out.splitlines()[0] == "Timeline: 2 events"
    assert out.splitlines()[1::2] == [
        "  5 Jan 2020      Iraq's parliament voted",
        "  5 \N{EN DASH} 7 Jan 2020  MP said",
    ]


def test_python_dash_m_builds_too(tmp_path: Path) -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "timeline", "build", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.splitlines() == [
        f"timeline: error: {tmp_path / 'missing.txt'}: cannot read: No such file or directory",
        "timeline: error: no articles to build a timeline from",
    ]


def test_build_jobs_sets_the_worker_processes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    asked = []

    def build(
        articles: list[Article], nlp: object, *, n_process=1, cache=None, progress=None
    ) -> Timeline:
        asked.append(n_process)
        return Timeline(())

    monkeypatch.setattr(timeline, "build", build)
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    assert run(capsys, "build", "vote.txt", "--jobs", "2")[0] == 0
    assert asked == [2]
    code, _, err = run(capsys, "build", "vote.txt", "--jobs", "0")
    assert code == 2 and "expected a number of processes >= 1, not '0'" in err


def test_build_about_keeps_the_events_of_an_entity_and_top_the_most_salient(
    capsys: pytest.CaptureFixture[str],
    building: None,
) -> None:
    text = (
        "Airbus delayed the A380 on Monday. The superjumbo flew on Tuesday. "
        "Boeing hired engineers on Wednesday."
    )
    Path("air.txt").write_text(FRONT_MATTER + text, encoding="utf-8")
    code, out, err = run(capsys, "build", "air.txt", "--about", "Airbus A380", "--about", "Airbus")
    assert (code, err) == (0, "")
    assert [line.split("  ")[-1] for line in out.splitlines()[1::2]] == [
        "Airbus delayed",
        "superjumbo flew",
    ]
    code, out, err = run(capsys, "build", "air.txt", "--about", "Boeing", "--about", "Ryanair")
    assert code == 0
    assert errors(err) == ["timeline: warning: no event involves 'Ryanair'"]
    assert [line.split("  ")[-1] for line in out.splitlines()[1::2]] == ["Boeing hired engineers"]
    built = timeline.build(
        [Article(text, published=date(2020, 1, 7), id="vote", source="Wire", title="MPs vote")]
    )
    code, out, _ = run(capsys, "build", "air.txt", "--top", "1", "--format", "json")
    assert code == 0
    assert [e.id for e in Timeline.from_json(out).events] == [e.id for e in built.top(1).events]
    assert built.top(1).articles == built.articles  # the sources stay citable
    assert run(capsys, "build", "air.txt", "--top", "0")[0] == 2


def test_build_update_adds_new_articles_to_a_saved_timeline(
    capsys: pytest.CaptureFixture[str],
    building: None,
) -> None:
    Path("news").mkdir()
    Path("news/vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    assert run(capsys, "build", "news", "-o", "saved.json") == (0, "", "")
    Path("news/count.txt").write_text(
        "---\npublished: 2020-01-08\nid: count\n---\nThe votes were counted on Monday.",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "build", "news", "--update", "saved.json", "-o", "saved.json")
    assert (code, out) == (0, "")
    assert errors(err) == ["timeline: warning: skipped 1 article already on saved.json"]
    assert run(capsys, "build", "news", "-o", "whole.json") == (0, "", "")
    updated = Timeline.from_json(Path("saved.json").read_bytes())
    assert updated == Timeline.from_json(Path("whole.json").read_bytes())
    assert [r.id for r in updated.articles] == ["count", "vote"]


@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        (None, "timeline: error: cannot read missing.json: No such file or directory"),
        ('{"format": "other"}', "timeline: error: missing.json: not a timeline JSON document"),
    ],
)
def test_build_update_of_no_saved_timeline_stops(
    capsys: pytest.CaptureFixture[str], built: list[Article], saved: str | None, expected: str
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    if saved is not None:
        Path("missing.json").write_text(saved, encoding="utf-8")
    code, out, err = run(capsys, "build", "vote.txt", "--update", "missing.json")
    assert (code, out) == (2, "")
    assert errors(err)[0].startswith(expected)
    assert built == []


def test_build_cache_keeps_parses_for_the_next_run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    building: None,
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    code, first, err = run(capsys, "build", "vote.txt", "--cache", "parses")
    assert (code, err) == (0, "")
    assert len(list(Path("parses").rglob("*.spacy"))) == 1

    def parse_many(nlp: object, texts: list[str]) -> Iterator[object]:
        assert texts == []  # every text was parsed on the first run
        return iter(())

    monkeypatch.setattr("timeline.parses.parse_many", parse_many)
    assert run(capsys, "build", "vote.txt", "--cache", "parses") == (0, first, "")
    Path("file").write_text("", encoding="utf-8")
    code, out, err = run(capsys, "build", "vote.txt", "--cache", "file")
    assert (code, out) == (2, "")
    assert errors(err)[0].startswith("timeline: error: cannot keep parses in file:")
