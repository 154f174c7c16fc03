"""Load, validate and check the example corpora in ``tests/corpus/<family>.toml``.

Each corpus file specifies one rule family of the temporal engine by examples, grouped by
expected value (the way Duckling keeps ``Corpus.hs`` beside ``Rules.hs``)::

    # family: deictic — relative to the publication date
    published = 2020-01-07          # default reference for the file, or "none"

    [[expect]]
    value = "2020-01-05"            # expected TIMEX3 value
    type = "DATE"                   # optional; default DATE, TIME for a T-part, DURATION for P...
    mod = "START"                   # optional; absent means the expression must have no mod
    published = 2019-06-03          # optional per-group override: a date, a datetime or "none"
    interval = ["2020-01-05T00:00", "2020-01-06T00:00"]   # optional [start, end), or "none"
    only = true                     # optional: the bracketed expression must be the only one
    ranges = true                   # optional: find_times(..., ranges=True), joining ranges
    texts = ["[two days ago]", "Shoygu spoke [two days ago]."]

    [[none]]                        # texts in which nothing at all may be found
    ranges = true                   # optional, as above
    texts = ["Sales may rise."]

Square brackets mark the extent of the expected expression; offsets are into the text with
the brackets removed. A text without brackets is itself the whole expression.

Besides the checks above, an expected value that names one definite span (``2020-01-05``,
``2020-W01``, ``199``) requires the expression to carry an interval whose TIMEX3 value is
that value, unless the group says ``interval = "none"``. A duration may give the interval it
is anchored to ("the past three years", "from 4 to 22 January" with ``ranges``).

The loader refuses a corpus that could silently rot: unknown keys, missing or malformed
values, bracket mistakes, prepositions inside an extent, contradictory duplicates, and
intervals that disagree with their value all raise :class:`CorpusError` naming the file and
line.

>>> split_brackets("Iraq's parliament voted on [Sunday].")
("Iraq's parliament voted on Sunday.", (27, 33))
>>> split_brackets("two days ago")
('two days ago', (0, 12))
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from timeline.temporal.timex3 import parse_value

__all__ = [
    "CORPUS_DIR",
    "Case",
    "CorpusError",
    "check_case",
    "default_type",
    "load_corpus",
    "load_family",
    "split_brackets",
]

CORPUS_DIR = Path(__file__).parent / "corpus"

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIMEX_MODS = (
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
)  # fmt: skip
FILE_KEYS = frozenset({"published", "expect", "none"})
EXPECT_KEYS = frozenset(
    {"value", "type", "mod", "published", "interval", "only", "ranges", "texts"}
)
NONE_KEYS = frozenset({"published", "ranges", "texts"})

_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_DATE_VALUE = re.compile(
    r"""^(?:\d{2}|\d{3}|[\dX]{4})
        (?:-(?:H[12X] | Q[1-4X] | SP|SU|FA|WI
            | W[\dX]{2}(?:-(?:WE|[1-7X]))?
            | [\dX]{2}(?:-[\dX]{2})?))?
        (?:T(?:MO|MI|DT|AF|EV|NI|\d{2}(?::\d{2}(?::\d{2})?)?))?$""",
    re.VERBOSE,
)
_DURATION_VALUE = re.compile(
    r"^P(?=[\dX])(?:(?:\d+(?:\.\d+)?|X)[YMWDQEC])*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
    r"|^PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+$"
)
# TimeML/TempEval-3: a preposition is a SIGNAL, never part of a TIMEX3 extent.
_LEADING_PREPOSITION = re.compile(
    r"^(?:on|in|at(?!\s+(?:least|most)\b)|during|since|until|till|by|from)\s", re.IGNORECASE
)
# With ranges = true, a joined range runs from its opener: "[from 4 to 22 January]", and an
# open range from its word: "[since April]", "[until Friday]", "[by tomorrow]".
_RANGE_OPENER = re.compile(
    r"^from\s.*(?:\s(?:to|till|until|through|thru)\s|[-\u2013])"
    r"|^(?:since|until|till|by|on or|at or)\s",
    re.IGNORECASE,
)


class CorpusError(ValueError):
    """A corpus file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Case:
    """One example text and what the engine must find in it."""

    family: str
    path: Path
    line: int
    kind: str  # "expect" or "none"
    raw: str  # as written, brackets included
    text: str  # brackets removed
    span: tuple[int, int] | None  # expected extent (expect cases only)
    published: date | datetime | None
    value: str | None = None
    type: str | None = None
    mod: str | None = None
    interval: tuple[datetime, datetime] | None = None
    no_interval: bool = False  # interval = "none"
    only: bool = False
    ranges: bool = False  # find_times(..., ranges=True)

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"

    @property
    def extent(self) -> str:
        assert self.span is not None
        return self.text[self.span[0] : self.span[1]]

    @property
    def id(self) -> str:
        raw = self.raw if len(self.raw) <= 70 else self.raw[:67] + "..."
        return f"{self.family}: {raw}"

    def describe(self) -> str:
        published = "none" if self.published is None else self.published.isoformat()
        ranges = ", ranges" if self.ranges else ""
        return f"{self.where} {self.raw!r} (published {published}{ranges})"


def split_brackets(raw: str) -> tuple[str, tuple[int, int]]:
    """The text with its ``[...]`` markers removed and the marked extent's offsets.

    A text without brackets is entirely the expression. Raises ``ValueError`` on a bracket
    mistake (unbalanced, nested, several, empty, or padded with spaces).
    """
    opens, closes = raw.count("["), raw.count("]")
    if opens == 0 and closes == 0:
        if not raw.strip():
            raise ValueError("text is empty")
        if raw != raw.strip():
            raise ValueError("an unbracketed text is the whole extent and must not be padded")
        return raw, (0, len(raw))
    if opens != 1 or closes != 1:
        raise ValueError(
            f"needs exactly one '[' and one ']' (found {opens} and {closes}); "
            "mark one expression per text"
        )
    start, close = raw.index("["), raw.index("]")
    if close < start:
        raise ValueError("']' comes before '['")
    inner = raw[start + 1 : close]
    if not inner.strip():
        raise ValueError("the bracketed extent is empty")
    if inner != inner.strip():
        raise ValueError(f"the extent [{inner}] has spaces inside its brackets")
    text = raw[:start] + inner + raw[close + 1 :]
    return text, (start, start + len(inner))


def default_type(value: str) -> str:
    """The TIMEX3 type a value implies when a group gives none.

    >>> [default_type(v) for v in ("2020-01-05", "2020-01-07TNI", "PT2H", "PAST_REF")]
    ['DATE', 'TIME', 'DURATION', 'DATE']
    """
    if _DURATION_VALUE.match(value):
        return "DURATION"
    if _DATE_VALUE.match(value) and "T" in value:
        return "TIME"
    return "DATE"


def load_corpus(directory: Path = CORPUS_DIR) -> dict[str, list[Case]]:
    """Every ``*.toml`` corpus in ``directory``, by family name. Raises on the first bad file."""
    return {path.stem: load_family(path) for path in sorted(directory.glob("*.toml"))}


def load_family(path: Path) -> list[Case]:
    """The cases of one corpus file, validated; raises :class:`CorpusError` if it is malformed."""
    source = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(f"{path.name}: not valid TOML: {error}") from None
    lines = source.splitlines()
    family = path.stem

    def fail(line: int, message: str) -> CorpusError:
        return CorpusError(f"{path.name}:{line}: {message}")

    unknown = set(data) - FILE_KEYS
    if unknown:
        raise fail(1, f"unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(FILE_KEYS)}")
    if "published" not in data:
        raise fail(1, 'a corpus file needs a top-level published = <date> (or "none")')
    file_published = _published(data["published"], lambda m: fail(1, m))

    cases: list[Case] = []
    seen: dict[tuple[str, str], Case] = {}
    for kind, allowed in (("expect", EXPECT_KEYS), ("none", NONE_KEYS)):
        groups = data.get(kind, [])
        if not isinstance(groups, list):
            raise fail(1, f"'{kind}' must be an array of tables: write [[{kind}]]")
        headers = _header_lines(lines, kind)
        for index, group in enumerate(groups):
            line = headers[index] if index < len(headers) else 1

            def group_fail(message: str, line: int = line) -> CorpusError:
                return fail(line, message)

            for case in _group_cases(
                family, path, lines, kind, group, allowed, line, file_published, group_fail
            ):
                text = case.text if case.kind == "none" else case.raw
                key = (text, _published_key(case), case.ranges)
                if key in seen:
                    raise fail(
                        case.line,
                        f"{case.raw!r} is listed twice (first at line {seen[key].line}); "
                        "a corpus must not contradict or repeat itself",
                    )
                seen[key] = case
                cases.append(case)
    if not cases:
        raise fail(1, "the corpus has no cases")
    return cases


def _group_cases(
    family: str,
    path: Path,
    lines: Sequence[str],
    kind: str,
    group: Any,
    allowed: frozenset[str],
    line: int,
    file_published: date | datetime | None,
    fail: Any,
) -> Iterable[Case]:
    if not isinstance(group, dict):
        raise fail(f"[[{kind}]] must be a table")
    unknown = set(group) - allowed
    if unknown:
        raise fail(f"unknown key(s) {sorted(unknown)} in [[{kind}]]; allowed: {sorted(allowed)}")
    texts = group.get("texts")
    if not isinstance(texts, list) or not texts:
        raise fail(f"[[{kind}]] needs texts = [...] with at least one text")
    published = _published(group["published"], fail) if "published" in group else file_published
    ranges = group.get("ranges", False)
    if not isinstance(ranges, bool):
        raise fail("ranges must be true or false")

    value = type_ = mod = None
    interval: tuple[datetime, datetime] | None = None
    no_interval = only = False
    if kind == "expect":
        value = group.get("value")
        if not isinstance(value, str) or not value:
            raise fail('[[expect]] needs value = "<TIMEX3 value>"')
        if not (value in _REFS or _DATE_VALUE.match(value) or _DURATION_VALUE.match(value)):
            raise fail(f"value {value!r} is not a TIMEX3 value")
        definite = _definite(value, fail)
        type_ = group.get("type", default_type(value))
        if type_ not in TIMEX_TYPES:
            raise fail(f"type {type_!r} is not one of {TIMEX_TYPES}")
        if type_ == "DURATION" and not _DURATION_VALUE.match(value):
            raise fail(f"a DURATION needs a P... value, not {value!r}")
        if type_ in ("DATE", "TIME") and _DURATION_VALUE.match(value):
            raise fail(f'{value!r} is a duration; give type = "DURATION" or "SET"')
        mod = group.get("mod")
        if mod is not None and mod not in TIMEX_MODS:
            raise fail(f"mod {mod!r} is not one of {TIMEX_MODS}")
        only = group.get("only", False)
        if not isinstance(only, bool):
            raise fail("only must be true or false")
        if "interval" in group:
            raw_interval = group["interval"]
            if raw_interval == "none":
                if definite is not None:
                    raise fail(f'{value!r} names a definite span; interval = "none" contradicts it')
                no_interval = True
            else:
                interval = _interval(raw_interval, fail)
                if definite is not None:
                    _agrees(value, mod, interval, definite, fail)
                elif not _DURATION_VALUE.match(value):
                    raise fail(f"{value!r} names no definite span, yet an interval is given")

    for raw in texts:
        if not isinstance(raw, str):
            raise fail(f"texts must be strings, not {raw!r}")
        text_line = _line_of(lines, raw, line)
        if kind == "none":
            if "[" in raw or "]" in raw:
                raise fail(f"{raw!r}: [[none]] texts must not mark an extent", text_line)
            if not raw.strip():
                raise fail("a [[none]] text is empty", text_line)
            text, span = raw, None
        else:
            try:
                text, span = split_brackets(raw)
            except ValueError as error:
                raise fail(f"{raw!r}: {error}", text_line) from None
            extent = text[span[0] : span[1]]
            if _LEADING_PREPOSITION.match(extent) and not (ranges and _RANGE_OPENER.match(extent)):
                raise fail(
                    f"{raw!r}: the extent {extent!r} starts with a preposition; TimeML leaves "
                    "prepositions out (write on [Sunday], not [on Sunday])",
                    text_line,
                )
        yield Case(
            family=family,
            path=path,
            line=text_line,
            kind=kind,
            raw=raw,
            text=text,
            span=span,
            published=published,
            value=value,
            type=type_,
            mod=mod,
            interval=interval,
            no_interval=no_interval,
            only=only,
            ranges=ranges,
        )


def _published(raw: Any, fail: Any) -> date | datetime | None:
    if raw == "none":
        return None
    if isinstance(raw, (datetime, date)) and not isinstance(raw, time):
        return raw
    raise fail(f'published must be a TOML date or datetime, or "none"; not {raw!r}')


def _published_key(case: Case) -> str:
    return "none" if case.published is None else case.published.isoformat()


def _definite(value: str, fail: Any) -> tuple[datetime, datetime] | None:
    if "X" in value or value in _REFS or _DURATION_VALUE.match(value):
        return None
    try:
        parsed = parse_value(value)
    except ValueError as error:
        raise fail(f"value {value!r} names an impossible date: {error}") from None
    return None if parsed is None else parsed[:2]


def _interval(raw: Any, fail: Any) -> tuple[datetime, datetime]:
    if not isinstance(raw, list) or len(raw) != 2:
        raise fail('interval must be ["<start>", "<end>"] or "none"')
    bounds = []
    for bound in raw:
        if isinstance(bound, datetime):
            bounds.append(bound)
            continue
        if not isinstance(bound, str):
            raise fail(f"interval bound {bound!r} must be an ISO datetime string")
        try:
            bounds.append(datetime.fromisoformat(bound))
        except ValueError:
            raise fail(f"interval bound {bound!r} is not an ISO datetime") from None
    start, end = bounds
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise fail("interval bounds must both be naive or both carry an offset")
    if end <= start:
        raise fail(f"interval end {end} is not after its start {start}")
    return start, end


def _agrees(
    value: str,
    mod: str | None,
    interval: tuple[datetime, datetime],
    unit: tuple[datetime, datetime],
    fail: Any,
) -> None:
    """An interval must be the unit its value names, or lie inside it for START/MID/END."""
    naive = tuple(bound.replace(tzinfo=None) for bound in interval)
    if mod is None and naive != unit:
        raise fail(f"interval {naive} disagrees with value {value!r}, which names {unit}")
    if mod in ("START", "MID", "END") and not (unit[0] <= naive[0] < naive[1] <= unit[1]):
        raise fail(f"interval {naive} lies outside {value!r} ({unit}) despite mod {mod}")


def _header_lines(lines: Sequence[str], kind: str) -> list[int]:
    header = re.compile(rf"^\s*\[\[\s*{kind}\s*\]\]")
    return [number for number, line in enumerate(lines, 1) if header.match(line)]


def _line_of(lines: Sequence[str], raw: str, after: int) -> int:
    probe = raw[:40]
    for number in range(after, len(lines) + 1):
        if probe in lines[number - 1]:
            return number
    return after


def check_case(case: Case, found: Sequence[Any]) -> list[str]:
    """What is wrong with ``found`` (``find_times`` output) for ``case``; empty when it passes."""
    problems: list[str] = []
    for expression in found:
        if case.text[expression.start : expression.end] != expression.text:
            problems.append(
                f"offsets {expression.start}..{expression.end} of {expression.text!r} do not "
                f"match the text there ({case.text[expression.start : expression.end]!r})"
            )
    if case.kind == "none":
        if found:
            problems.append(f"expected no time expression, found {describe(found)}")
        return problems

    assert case.span is not None
    matches = [e for e in found if (e.start, e.end) == case.span]
    if not matches:
        problems.append(
            f"no expression with extent {case.extent!r} at {case.span[0]}..{case.span[1]}; "
            f"found {describe(found) or 'nothing'}"
        )
        return problems
    expression = matches[0]
    if expression.value != case.value:
        problems.append(f"value {expression.value!r}, expected {case.value!r}")
    if expression.type != case.type:
        problems.append(f"type {expression.type!r}, expected {case.type!r}")
    if expression.mod != case.mod:
        problems.append(f"mod {expression.mod!r}, expected {case.mod!r}")
    actual = expression.interval
    if case.no_interval:
        if actual is not None:
            problems.append(f"interval {actual}, expected none")
    elif case.interval is not None:
        if actual is None or (actual.start, actual.end) != case.interval:
            expected = f"[{case.interval[0].isoformat()}, {case.interval[1].isoformat()})"
            problems.append(f"interval {actual}, expected {expected}")
    elif case.value is not None and _names_definite_span(case.value):
        if actual is None:
            problems.append(f"no interval, though {case.value!r} names a definite span")
        elif actual.timex != case.value:
            problems.append(f"interval {actual} does not carry the value {case.value!r}")
    if case.only and len(found) != 1:
        problems.append(f"expected only this expression, found {describe(found)}")
    return problems


def _names_definite_span(value: str) -> bool:
    if "X" in value or value in _REFS or _DURATION_VALUE.match(value):
        return False
    return parse_value(value) is not None


def describe(found: Sequence[Any]) -> str:
    """A one-line summary of ``find_times`` output for failure messages."""
    return ", ".join(
        f"{e.text!r}@{e.start}..{e.end}={e.value}"
        + (f"/{e.mod}" if getattr(e, "mod", None) else "")
        + ("" if e.type == default_type(e.value) else f" ({e.type})")
        for e in found
    )
