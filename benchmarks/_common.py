"""Helpers shared by the benchmarks: finding ../shared/data and printing tables."""

from __future__ import annotations

import hashlib
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

#: The project root: the folder holding benchmarks/.
ROOT = Path(__file__).resolve().parent.parent

#: Where benchmarks keep what they can rebuild (gitignored).
CACHE = ROOT / "benchmarks" / ".cache"


def code_digest() -> str:
    """A short digest of the library's code and language data: cached analyses made by
    another version of them are not read back.

    >>> len(code_digest())
    12
    """
    digest = hashlib.sha1()
    for path in sorted((ROOT / "src" / "timeline").rglob("*")):
        if path.suffix in (".py", ".toml", ".txt"):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def shared_data(*parts: str) -> Path:
    """The path of ``../shared/data/<parts>`` beside the project; exit if it is not there.

    >>> shared_data("tempeval3").name  # doctest: +SKIP
    'tempeval3'
    """
    path = ROOT.parent.joinpath("shared", "data", *parts)
    if not path.exists():
        sys.exit(
            f"error: {path} not found. The benchmarks read the evaluation corpora from "
            "../shared/data beside the project checkout; put them there first."
        )
    return path


def format_table(
    headers: Sequence[str], rows: Iterable[Sequence[object] | None], *, left: int = 1
) -> str:
    """A plain-text table: the first ``left`` columns left-aligned, the rest right-aligned.

    A row that is ``None`` becomes a separator line.

    >>> print(format_table(["system", "F1"], [["ours", "90.0"], None, ["peer", "7.5"]]))
    system |   F1
    -------+-----
    ours   | 90.0
    -------+-----
    peer   |  7.5
    """
    body = [None if row is None else [str(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        if row is not None:
            widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return " | ".join(
            cell.ljust(w) if k < left else cell.rjust(w)
            for k, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    out = [line(headers), rule]
    out.extend(rule if row is None else line(row) for row in body)
    return "\n".join(out)


def print_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object] | None],
    *,
    title: str | None = None,
    left: int = 1,
) -> None:
    """Print :func:`format_table`, under a title if one is given."""
    if title:
        print(f"\n{title}")
    print(format_table(headers, rows, left=left))


def dateparser_spans(text: str, base: datetime | None) -> list[tuple[int, int, datetime]]:
    """dateparser's ``search_dates`` results located in the text: ``(start, end, datetime)``.

    Each found string is searched from the end of the previous one (from the start of the
    text if it is not found there); a string not found at all is dropped.
    """
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": base} if base is not None else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = search_dates(text, languages=["en"], settings=settings) or []
    spans = []
    position = 0
    for string, moment in results:
        start = text.find(string, position)
        if start < 0:
            start = text.find(string)
        if start < 0:
            continue
        position = start + len(string)
        spans.append((start, position, moment))
    return spans


Result = TypeVar("Result")


def timed(run: Callable[[], Result]) -> tuple[Result | str, float]:
    """Run one system: its result, or ``"failed: ..."`` so the table still prints, and the
    seconds it took."""
    started = time.perf_counter()
    try:
        result: Result | str = run()
    except Exception as error:
        result = f"failed: {type(error).__name__}: {error}"
    return result, time.perf_counter() - started
