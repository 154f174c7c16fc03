"""The example corpora in tests/corpus/*.toml, one test per text.

Each corpus file specifies one rule family of the temporal engine (see corpus_loader for the
format). A file that does not validate fails its own ``test_corpus_file_is_valid`` test
while the other files keep running.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from corpus_loader import CORPUS_DIR, Case, CorpusError, check_case, load_family

FAMILIES = (
    "absolute",
    "anaphoric",
    "clock",
    "deictic",
    "durations_sets",
    "holidays",
    "periods",
    "ranges",
    "relative",
    "tense",
    "times",
    "traps",
    "unanchored",
    "weeks",
)


def _load_all() -> tuple[list[Case], dict[str, str]]:
    cases: list[Case] = []
    errors: dict[str, str] = {}
    for path in sorted(CORPUS_DIR.glob("*.toml")):
        try:
            cases.extend(load_family(path))
        except CorpusError as error:
            errors[path.stem] = str(error)
    return cases, errors


CASES, LOAD_ERRORS = _load_all()
EXPECT = [case for case in CASES if case.kind == "expect"]
NONE = [case for case in CASES if case.kind == "none"]


@pytest.mark.parametrize("family", sorted({p.stem for p in CORPUS_DIR.glob("*.toml")}))
def test_corpus_file_is_valid(family: str) -> None:
    assert family not in LOAD_ERRORS, LOAD_ERRORS.get(family)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_has_a_corpus(family: str) -> None:
    path = CORPUS_DIR / f"{family}.toml"
    assert path.is_file(), f"missing corpus file {path}"
    if family not in LOAD_ERRORS:
        assert len(load_family(path)) >= 20, f"{family}: a rule family needs at least 20 cases"


@pytest.mark.parametrize("case", EXPECT, ids=[case.id for case in EXPECT])
def test_expect(case: Case) -> None:
    found = timeline.find_times(case.text, published=case.published, ranges=case.ranges)
    problems = check_case(case, found)
    assert not problems, f"{case.describe()}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("case", NONE, ids=[case.id for case in NONE])
def test_none(case: Case) -> None:
    found = timeline.find_times(case.text, published=case.published, ranges=case.ranges)
    problems = check_case(case, found)
    assert not problems, f"{case.describe()}:\n  " + "\n  ".join(problems)


# --- the loader itself: a malformed corpus must fail loudly, never rot silently -------------


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sample.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """\
published = 2020-01-07

[[expect]]
value = "2020-01-05"
interval = ["2020-01-05T00:00", "2020-01-06T00:00"]
texts = ["Shoygu spoke [two days ago].", "two days ago"]

[[expect]]
value = "XXXX-WXX-7"
published = "none"
interval = "none"
texts = ["Iraq's parliament voted on [Sunday]."]

[[expect]]
value = "P1D"
type = "SET"
texts = ["[daily]"]

[[none]]
texts = ["Sales may rise."]
"""


def test_loader_reads_a_well_formed_corpus(tmp_path: Path) -> None:
    cases = load_family(_write(tmp_path, GOOD))
    assert [(c.kind, c.text, c.span) for c in cases] == [
        ("expect", "Shoygu spoke two days ago.", (13, 25)),
        ("expect", "two days ago", (0, 12)),
        ("expect", "Iraq's parliament voted on Sunday.", (27, 33)),
        ("expect", "daily", (0, 5)),
        ("none", "Sales may rise.", None),
    ]
    first, _, sunday, daily, _ = cases
    assert first.type == "DATE" and first.mod is None and first.line == 6
    assert str(first.published) == "2020-01-07"
    assert sunday.published is None and sunday.no_interval
    assert daily.type == "SET"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('published = 2020-01-07\nfamily = "x"\n[[none]]\ntexts = ["a"]\n', "unknown top-level"),
        ('[[none]]\ntexts = ["a"]\n', "needs a top-level published"),
        ('published = "2020-01-07"\n[[none]]\ntexts = ["a"]\n', "published must be"),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\nvalu = "x"\ntexts = ["2020"]\n',
            "unknown key",
        ),
        ('published = 2020-01-07\n[[expect]]\ntexts = ["2020"]\n', "needs value"),
        ('published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = []\n', "at least one text"),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "yesterday"\ntexts = ["a"]\n',
            "not a TIMEX3 value",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020-02-30"\ntexts = ["a"]\n',
            "impossible date",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntype = "date"\ntexts = ["a"]\n',
            "type",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\nmod = "EARLY"\ntexts = ["a"]\n',
            "mod",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "P3D"\ntexts = ["a"]\ntype = "DATE"\n',
            "duration",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = ["[a] [b]"]\n',
            "exactly one",
        ),
        ('published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = ["[a"]\n', "exactly one"),
        ('published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = ["a] b ["]\n', "before"),
        ('published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = ["a [] b"]\n', "empty"),
        ('published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = ["a [ 2020] b"]\n', "spaces"),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = ["voted [in 2020]"]\n',
            "preposition",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\ntexts = ["2020", "2020"]\n',
            "listed twice",
        ),
        ('published = 2020-01-07\n[[none]]\ntexts = ["a [b] c"]\n', "must not mark"),
        ('published = 2020-01-07\n[[none]]\nonly = true\ntexts = ["a"]\n', "unknown key"),
        ('published = 2020-01-07\n[[none]]\nranges = "yes"\ntexts = ["a"]\n', "ranges must be"),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\nranges = true\n'
            'texts = ["[from 2020]"]\n',
            "preposition",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "PXD"\n'
            'interval = ["2020-01-01T00:00", "2019-01-01T00:00"]\ntexts = ["days"]\n',
            "not after",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\n'
            'interval = ["2020-01-01T00:00", "2020-02-01T00:00"]\ntexts = ["2020"]\n',
            "disagrees",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\ninterval = "none"\n'
            'texts = ["2020"]\n',
            "contradicts",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "XXXX-03"\n'
            'interval = ["2020-03-01T00:00", "2020-04-01T00:00"]\ntexts = ["March"]\n',
            "no definite span",
        ),
        (
            'published = 2020-01-07\n[[expect]]\nvalue = "2020"\n'
            'interval = ["2021-01-01T00:00", "2020-01-01T00:00"]\ntexts = ["2020"]\n',
            "not after",
        ),
        ("published = 2020-01-07\n[[expect]\n", "not valid TOML"),
        ("published = 2020-01-07\n", "no cases"),
    ],
)
def test_loader_rejects_a_malformed_corpus(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message) as raised:
        load_family(_write(tmp_path, body))
    assert str(raised.value).startswith("sample.toml:")


def test_loader_reads_ranges_and_anchored_durations(tmp_path: Path) -> None:
    body = (
        "published = 2020-01-07\n[[expect]]\n"
        'value = "P3D"\nranges = true\ninterval = ["2020-01-04T00:00", "2020-01-07T00:00"]\n'
        'texts = ["[from Jan. 4 to Jan. 6]"]\n'
        '[[expect]]\nvalue = "2020-01-04"\ntexts = ["from [Jan. 4] to Jan. 6"]\n'
        '[[none]]\nranges = true\ntexts = ["from Jan. 4 to Jan. 6"]\n'
    )
    ranged, single, none = load_family(_write(tmp_path, body))
    assert ranged.ranges and ranged.interval is not None and ranged.type == "DURATION"
    assert not single.ranges and none.ranges
    assert "ranges" in ranged.describe()


def test_loader_error_names_the_line(tmp_path: Path) -> None:
    body = GOOD + '\n[[expect]]\nvalue = "2020"\ntexts = [\n  "fine 2020",\n  "[bad",\n]\n'
    with pytest.raises(CorpusError, match=r"^sample\.toml:26: '\[bad'"):
        load_family(_write(tmp_path, body))


class _Found:
    """A stand-in for TimeExpression, to test check_case without the engine."""

    def __init__(self, text, start, value, type="DATE", mod=None, interval=None):
        self.text, self.start, self.end = text, start, start + len(text)
        self.value, self.type, self.mod, self.interval = value, type, mod, interval


def test_check_case_reports_every_mismatch(tmp_path: Path) -> None:
    from timeline import Interval

    first, _, sunday, daily, none = load_family(_write(tmp_path, GOOD))
    right = Interval.from_timex("2020-01-05")
    assert check_case(first, [_Found("two days ago", 13, "2020-01-05", interval=right)]) == []
    assert check_case(first, []) == [
        "no expression with extent 'two days ago' at 13..25; found nothing"
    ]
    wrong = check_case(first, [_Found("two days ago", 13, "2020-01-04", "TIME", "START", right)])
    assert [p.split(" ")[0] for p in wrong] == ["value", "type", "mod"]
    assert check_case(first, [_Found("two days", 13, "P2D", "DURATION")])[0].startswith("no ")
    assert "interval None" in check_case(first, [_Found("two days ago", 13, "2020-01-05")])[0]
    assert check_case(sunday, [_Found("Sunday", 27, "XXXX-WXX-7")]) == []
    assert (
        "expected none"
        in check_case(sunday, [_Found("Sunday", 27, "XXXX-WXX-7", interval=right)])[0]
    )
    assert check_case(daily, [_Found("daily", 0, "P1D", "SET")]) == []
    assert check_case(none, []) == []
    assert "expected no time" in check_case(none, [_Found("may", 6, "XXXX-05")])[0]
    assert "do not match" in check_case(none, [_Found("may", 0, "XXXX-05")])[0]
