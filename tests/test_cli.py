"""The ``timeline`` command: argument errors, ``times`` output, ``demo``, ``python -m``."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest

from timeline.cli import main
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
    assert "times" in out and "demo" in out
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
        k for k, (time, label) in events if (time, label[:11]) == ("2020-01-05", "Iraq voted ")
    ]
    assert lines[vote + 1].strip() == 'sources: shoigu-call: "voted"'
    # Iran's missile strike: dated by one article, reported by two
    [missile] = [k for k, (time, label) in events if (time, label[:5]) == ("2020-01-08", "Iran ")]
    assert "iraq-withdrawal: " in lines[missile + 1]
    assert "istanbul-statement: " in lines[missile + 1]
    # the timeline is in order of time
    days = [time[:10] for _, (time, _) in events if re.fullmatch(r"\d{4}-\d\d-\d\d", time[:10])]
    assert days == sorted(days) and len(days) >= 8


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
