"""The ``timeline`` command: argument errors, ``times``, ``demo``, ``build``, ``python -m``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import Article, Timeline
from timeline.cli import _item_lines, _output_format, _Reader, _timeline_lines, main
from timeline.examples import load_examples

TWO_DAYS_AGO = "Two days ago, the minister spoke."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "published",
    ["7 January 2020", "2020-13-01", "2020-02-30", "07/01/2020", "20200107", "yesterday", ""],
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
    assert "YYYY-MM-DD" in err


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


def test_times_accepts_an_iso_datetime(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "times", TWO_DAYS_AGO, "--published", "2020-01-07T09:30")
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


def test_demo_prints_the_examples_and_their_timeline_with_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "demo")
    assert (code, err) == (0, "")
    for article in load_examples():
        assert f"{article.id} ({article.source}, published {article.published})" in out
        assert article.title in out
    lines = out.splitlines()
    events = [(k, line.split(None, 1)) for k, line in enumerate(lines) if line.startswith("  20")]
    [vote] = [
        k for k, (time, label) in events if (time, label[:10]) == ("2020-01-05", "Iraq vote ")
    ]
    assert lines[vote + 1].strip() == 'sources: iraq-withdrawal: "vote"; shoigu-call: "voted"'
    # Iran's missile strike: dated by one article, reported by two
    [missile] = [k for k, (time, label) in events if (time, label[:5]) == ("2020-01-08", "Iran ")]
    assert "iraq-withdrawal: " in lines[missile + 1]
    assert "istanbul-statement: " in lines[missile + 1]
    # the happenings, in order of time; relating and reporting words ("followed") are left out
    assert [(time, label.split("  (")[0]) for _, (time, label) in events] == [
        ("2020-01-02TEV", "United States strike killed Qassem Soleimani in Baghdad"),
        ("2020-01-05", "Sergei Shoigu discussed with Hakan Fidan"),
        ("2020-01-05", "Iraq vote"),
        ("2020-01-08", "Iran attack in Iraq"),
        ("2020-01-08", "speech in Iran"),
        ("2020-01-09", "House of Representatives voted"),
    ]


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


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Article]:
    """The articles ``timeline build`` builds from, in ``tmp_path``, with no building done.

    The stand-in for :func:`timeline.build` records its articles, reports its progress
    after each and returns an empty timeline, so that these tests check what is read
    without running spaCy.
    """
    given: list[Article] = []

    def build(articles: list[Article], nlp: object, *, n_process=1, progress=None) -> Timeline:
        assert n_process == 1  # few articles: one process
        given.extend(articles)
        for done in range(1, len(articles) + 1):
            if progress is not None:
                progress(done, len(articles))
        return Timeline(())

    monkeypatch.setattr(timeline, "build", build)
    monkeypatch.setattr("timeline.cli.load_nlp", lambda: None)
    monkeypatch.chdir(tmp_path)
    return given


def errors(err: str) -> list[str]:
    return err.splitlines()


def test_build_reads_front_matter_json_and_json_lines(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE + "\n", encoding="utf-8")
    Path("list.json").write_text(
        json.dumps(
            [
                {"text": "A.", "published": "2020-01-08", "source": "S", "url": "ignored"},
                {"text": "B.", "published": "2020-01-08T09:30", "id": 42},
            ]
        ),
        encoding="utf-8",
    )
    Path("one.json").write_text('{"text": "C.", "published": null}', encoding="utf-8")
    Path("lines.jsonl").write_text(
        '{"text": "D.", "published": "2020-01-09", "title": "T"}\n'
        "\n"
        '{"text": "E.", "id": "e", "published": ""}\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "build", "vote.txt", "list.json", "one.json", "lines.jsonl")
    assert code == 0
    assert built == [
        Article(VOTE, published=date(2020, 1, 7), id="vote", source="Wire", title="MPs vote"),
        Article("A.", published=date(2020, 1, 8), id="list#1", source="S"),
        Article("B.", published=datetime(2020, 1, 8, 9, 30), id="42"),
        Article("C.", id="one"),
        Article("D.", published=date(2020, 1, 9), id="lines#1", title="T"),
        Article("E.", id="e"),
    ]
    assert out == "Timeline: 0 of 0 events (happenings dated, or reported more than once)\n"
    assert errors(err) == [
        "timeline: warning: one.json: no publication date; relative times stay unresolved",
        "timeline: warning: lines.jsonl:3: no publication date; relative times stay unresolved",
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
        "timeline: error: feed.jsonl:4: published '7 Jan' is not a date; "
        "expected YYYY-MM-DD, e.g. 2020-01-07",
        'timeline: error: feed.jsonl:5: "text" must be a string, not an array',
        "timeline: error: feed.jsonl:6: the article has no text",
        "timeline: error: feed.jsonl:7: expected an article (a JSON object), not a string",
        "timeline: warning: skipped 6 inputs with errors; building the timeline of the other "
        "1 article",
    ]
    assert out.startswith("Timeline: 0 of 0 events")


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
        "timeline: error: items.json:4: published '2020-02-30' is not a date; "
        "expected YYYY-MM-DD, e.g. 2020-01-07",
    ]


def test_build_strict_stops_before_building(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("good.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    Path("bad.txt").write_text("---\npublished: 7 Jan\n---\nText.", encoding="utf-8")
    code, out, err = run(capsys, "build", "good.txt", "bad.txt", "--strict", "-o", "out.json")
    assert (code, out, built) == (2, "", [])
    assert errors(err) == [
        "timeline: error: bad.txt:2: published '7 Jan' is not a date; "
        "expected YYYY-MM-DD, e.g. 2020-01-07",
        "timeline: error: 1 input with errors; nothing built (--strict)",
    ]
    assert not Path("out.json").exists()


def test_build_without_strict_skips_the_bad_article(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("good.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    Path("bad.txt").write_text("---\nauthor: me\n---\nText.", encoding="utf-8")
    code, _, err = run(capsys, "build", "good.txt", "bad.txt")
    assert (code, [a.id for a in built]) == (1, ["vote"])
    assert errors(err)[0] == (
        "timeline: error: bad.txt:2: unknown front matter field 'author' "
        "(expected published, id, source, title)"
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
        "relative times stay unresolved",
        "timeline: warning: undated.txt: no publication date; relative times stay unresolved",
    ]
    assert [a.published for a in built] == [None, None, None]
    assert run(capsys, "build", "undated.jsonl", "undated.txt", "--quiet")[2] == ""


def test_build_reports_unreadable_files(
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
    (folder / "notes.md").write_text("Not an article.", encoding="utf-8")
    (folder / "._b.txt").write_bytes(b"\x00\x05")
    Path("empty").mkdir()
    code, _, err = run(capsys, "build", "articles", "empty", "--quiet")
    assert code == 1
    assert [(a.id, a.text) for a in built] == [("a", "A."), ("b", "B."), ("c#1", "C.")]
    assert errors(err) == ["timeline: error: empty: no .txt, .json or .jsonl files in this folder"]


def test_build_reads_json_lines_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO('{"text": "A.", "published": "2020-01-07"}\n{"text": "B."}\n')
    )
    code, _, err = run(capsys, "build", "-")
    assert code == 0
    assert built == [
        Article("A.", published=date(2020, 1, 7), id="stdin#1"),
        Article("B.", id="stdin#2"),
    ]
    assert errors(err) == [
        "timeline: warning: <stdin>:2: no publication date; relative times stay unresolved"
    ]


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
    output: str | None, chosen: str | None, expected: str
) -> None:
    assert _output_format(output, chosen) == expected


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


def test_build_writes_the_format_asked_for(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    assert run(capsys, "build", "vote.txt", "-o", "out.json") == (0, "", "")
    assert Path("out.json").read_text(encoding="utf-8") == Timeline(()).to_json(indent=2) + "\n"
    assert run(capsys, "build", "vote.txt", "-o", "out.json", "--format", "text")[0] == 0
    assert Path("out.json").read_text(encoding="utf-8").startswith("Timeline: 0 of 0 events")
    code, out, _ = run(capsys, "build", "vote.txt", "--format", "json")
    assert (code, json.loads(out)) == (0, {"events": [], "format": "timeline/1"})
    assert run(capsys, "build", "vote.txt", "-o", "-") == (
        0,
        "".join(_timeline_lines(Timeline(()))),
        "",
    )


def test_build_interrupted_says_so_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    def interrupt(articles: list[Article], nlp: object, **options: object) -> Timeline:
        raise KeyboardInterrupt

    monkeypatch.setattr(timeline, "build", interrupt)
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    assert run(capsys, "build", "vote.txt") == (130, "", "\ntimeline: interrupted\n")


def test_build_cannot_write_into_a_missing_folder_or_onto_a_folder(
    capsys: pytest.CaptureFixture[str], built: list[Article]
) -> None:
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    code, _, err = run(capsys, "build", "vote.txt", "-o", "missing/out.json")
    assert (code, built) == (2, [])
    assert errors(err) == ["timeline: error: cannot write missing/out.json: no folder 'missing'"]
    Path("taken.json").mkdir()
    code, _, err = run(capsys, "build", "vote.txt", "-o", "taken.json")
    assert code == 2
    assert errors(err) == ["timeline: error: cannot write taken.json: Is a directory"]


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
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, nlp: object
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    Path("more.jsonl").write_text(
        '{"text": "Two days ago, the minister resigned.", "published": "2020-01-07"}\n{"oops"\n',
        encoding="utf-8",
    )
    expected = timeline.build(
        [
            Article(VOTE, published=date(2020, 1, 7), id="vote", source="Wire", title="MPs vote"),
            Article(
                "Two days ago, the minister resigned.", published=date(2020, 1, 7), id="more#1"
            ),
        ]
    )
    code, out, err = run(capsys, "build", "vote.txt", "more.jsonl", "-o", "out.json", "--quiet")
    assert (code, out) == (1, "")
    assert errors(err) == [
        "timeline: error: more.jsonl:2: invalid JSON: Expecting ':' delimiter (column 8)"
    ]
    assert Timeline.from_json(Path("out.json").read_text(encoding="utf-8")) == expected
    code, out, err = run(capsys, "build", "vote.txt", "more.jsonl", "--quiet")
    assert code == 1
    assert out == "".join(_timeline_lines(expected))
    assert "  2020-01-05  Iraq voted  (confidence" in out
    assert 'sources: vote: "voted"' in out
    assert 'sources: more#1: "resigned"' in out
    articles = [
        Article(VOTE, published=date(2020, 1, 7), id="vote", source="Wire", title="MPs vote")
    ]
    voted = timeline.build(articles)
    written = {
        "out.html": voted.to_html(articles=articles),
        "out.timelinejs.json": voted.to_timelinejs(indent=2) + "\n",
        "out.ics": voted.to_ics(),
    }
    for name, expected_text in written.items():
        assert run(capsys, "build", "vote.txt", "-o", name) == (0, "", "")
        with open(name, encoding="utf-8", newline="") as handle:
            assert handle.read() == expected_text
    assert "\r\nSUMMARY:Iraq voted\r\n" in written["out.ics"]
    said = "On Sunday, Iraq's parliament voted, an MP said."
    Path("said.txt").write_text(FRONT_MATTER + said, encoding="utf-8")
    said_article = Article(
        said, published=date(2020, 1, 7), id="vote", source="Wire", title="MPs vote"
    )
    reported = timeline.build([said_article])
    assert [e.label for e in reported] == ["Iraq voted", "said"]
    code, out, _ = run(capsys, "build", "said.txt", "--format", "html")
    assert (code, out) == (0, Timeline(reported[:1]).to_html(articles=[said_article]))
    code, out, _ = run(capsys, "build", "said.txt", "--all-events")
    assert (code, out) == (0, "".join(_timeline_lines(reported, dated_only=False)))
    assert out.startswith("Timeline: 2 events\n")
    assert "Iraq&#x27;s parliament" in written["out.html"]  # the source sentence, quoted


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


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(items=st.lists(_JSON, max_size=6), indent=st.sampled_from([None, 0, 2]))
def test_item_lines_are_the_lines_json_dumps_puts_the_items_on(
    items: list[object], indent: int | None
) -> None:
    raw = json.dumps(items, indent=indent)
    if indent is None:
        expected = [1] * len(items)
    else:  # "[" on line 1, then each item on as many lines as it takes alone
        sizes = [json.dumps(item, indent=indent).count("\n") + 1 for item in items]
        expected = [2 + sum(sizes[:k]) for k in range(len(items))]
    assert _item_lines(raw, len(items)) == expected


_ARTICLES = st.builds(
    Article,
    text=st.text(min_size=1).filter(str.strip),
    published=st.none() | st.dates() | st.datetimes(),
    id=st.text(min_size=1),
    source=st.none() | st.text(),
    title=st.none() | st.text(),
)


@given(articles=st.lists(_ARTICLES, max_size=4))
def test_json_lines_read_back_as_the_articles_written(articles: list[Article]) -> None:
    lines = [
        json.dumps(
            {
                "text": a.text,
                "published": a.published.isoformat() if a.published else None,
                "id": a.id,
                "source": a.source,
                "title": a.title,
            }
        )
        for a in articles
    ]
    reader = _Reader(io.StringIO("\n".join(lines)))
    reader.read("-")
    assert reader.errors == []
    assert [read.article for read in reader.articles] == articles
    assert [read.where for read in reader.articles] == [
        f"<stdin>:{n}" for n in range(1, len(articles) + 1)
    ]


def test_build_jobs_sets_the_worker_processes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: list[Article]
) -> None:
    asked = []

    def build(articles: list[Article], nlp: object, *, n_process=1, progress=None) -> Timeline:
        asked.append(n_process)
        return Timeline(())

    monkeypatch.setattr(timeline, "build", build)
    Path("vote.txt").write_text(FRONT_MATTER + VOTE, encoding="utf-8")
    assert run(capsys, "build", "vote.txt", "--jobs", "2")[0] == 0
    assert asked == [2]
    code, _, err = run(capsys, "build", "vote.txt", "--jobs", "0")
    assert code == 2 and "expected a number of processes >= 1, not '0'" in err
