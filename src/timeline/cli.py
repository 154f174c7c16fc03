"""The ``timeline`` command: find and resolve time expressions from the shell.

``timeline times TEXT [--published DATE] [--json]`` prints one line per time expression,
tab-separated: offsets ``start:end``, text, TIMEX3 type, value, mod and the resolved interval
``[start, end)`` (``-`` where there is none). ``--json`` prints one JSON object per line
instead. ``timeline demo`` builds the timeline of the example articles bundled with the
package and prints its events with their sources.

:func:`main` takes the arguments and returns the exit code, so it can be called directly:

>>> main(["times", "Two days ago, he spoke.", "--published", "2020-01-07"])
... # doctest: +NORMALIZE_WHITESPACE
0:12  Two days ago  DATE  2020-01-05  -  [2020-01-05T00:00:00, 2020-01-06T00:00:00)
0

A bad argument gives a one-line error on stderr and exit code 2:

>>> main(["times", "On Sunday", "--published", "7 January"])
2
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, NoReturn

import timeline
from timeline.examples import load_examples
from timeline.model import Article, TimeExpression

__all__ = ["main"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\S+)?")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr: ``prog: error: message``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _published(value: str) -> date | datetime:
    """Parse ``--published``: ``YYYY-MM-DD``, or an ISO datetime such as ``2020-01-07T09:30``."""
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(
        f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2020-01-07"
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="timeline",
        description="Find and resolve time expressions in news text.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {timeline.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    times = commands.add_parser(
        "times",
        help="list the time expressions in a text",
        description="List the time expressions in TEXT, resolved against the publication date.",
    )
    times.add_argument("text", metavar="TEXT", help="the text to read; '-' reads standard input")
    times.add_argument(
        "--published",
        type=_published,
        metavar="YYYY-MM-DD",
        help="publication date (or ISO datetime) to resolve relative times against; "
        "without it, relative times stay unresolved",
    )
    times.add_argument("--json", action="store_true", help="print one JSON object per line")

    commands.add_parser(
        "demo",
        help="run over the example articles bundled with the package",
        description="Print the merged timeline of the bundled example articles, with the "
        "sources of each event.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``timeline`` command with ``argv`` (default: ``sys.argv[1:]``); return its exit code.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    timeline ...
    0
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version and argument errors
        return int(stop.code or 0)
    out = sys.stdout
    try:
        if args.command == "times":
            text = sys.stdin.read() if args.text == "-" else args.text
            expressions = timeline.find_times(text, published=args.published)
            write = _json_line if args.json else _tab_line
            out.writelines(write(expression) for expression in expressions)
        else:
            out.writelines(_demo_lines(load_examples()))
        out.flush()
    except BrokenPipeError:  # e.g. `timeline demo | head`: stop quietly
        # Point stdout at devnull so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _demo_lines(articles: Iterable[Article]) -> Iterator[str]:
    """What ``timeline demo`` prints: the articles, then their merged timeline.

    The timeline shows the events that happened (asserted, not negated) and that some
    article dates or that more than one article reports, each with its time, label,
    confidence and sources (article and trigger words).
    """
    articles = list(articles)
    yield "Articles\n"
    for article in articles:
        published = article.published.isoformat() if article.published else "date unknown"
        yield f"  {article.id} ({article.source or 'unknown source'}, published {published})\n"
        if article.title:
            yield f"    {article.title}\n"
    built = timeline.build(articles)
    shown = [
        e
        for e in built
        if (e.when is not None or len(e.articles) > 1)
        and any(m.modality == "ASSERTED" and m.polarity == "POS" for m in e.mentions)
    ]
    yield f"\nTimeline: {len(shown)} of {len(built)} events (dated, or reported more than once)\n"
    times = [_event_time(e) for e in shown]
    width = max((len(t) for t in times), default=0)
    for event, time in zip(shown, times, strict=True):
        label = event.label or event.mentions[0].text
        yield f"  {time:<{width}}  {label}  (confidence {event.confidence:.2f})\n"
        sources = "; ".join(
            f"{article}: "
            + ", ".join(f'"{_one_line(m.text)}"' for m in event.mentions if m.article_id == article)
            for article in event.articles
        )
        yield f"  {'':<{width}}  sources: {sources}\n"


def _event_time(event: timeline.Event) -> str:
    """The event's time: its TIMEX3 value, else its bounds."""
    if event.when is not None:
        return event.when.timex
    low = event.earliest.isoformat(timespec="minutes") if event.earliest else ""
    high = event.latest.isoformat(timespec="minutes") if event.latest else ""
    return f"{low or '...'} .. {high or '...'}"


def _tab_line(e: TimeExpression) -> str:
    interval = "-"
    if e.interval is not None:
        interval = f"[{e.interval.start.isoformat()}, {e.interval.end.isoformat()})"
    fields = (f"{e.start}:{e.end}", _one_line(e.text), e.type, e.value, e.mod or "-", interval)
    return "\t".join(fields) + "\n"


def _json_line(e: TimeExpression) -> str:
    return json.dumps(_as_dict(e), ensure_ascii=False) + "\n"


def _as_dict(e: TimeExpression) -> dict[str, Any]:
    interval, anchor = e.interval, e.anchor
    return {
        "text": e.text,
        "start": e.start,
        "end": e.end,
        "type": e.type,
        "value": e.value,
        "mod": e.mod,
        "quant": e.quant,
        "interval": None
        if interval is None
        else {
            "start": interval.start.isoformat(),
            "end": interval.end.isoformat(),
            "granularity": interval.granularity.value,
            "timex": interval.timex,
        },
        "anchor": None
        if anchor is None
        else {"kind": anchor.kind, "value": anchor.value, "start": anchor.start},
    }


def _one_line(text: str) -> str:
    """``text`` with each run of whitespace (newlines, tabs) shown as one space."""
    return " ".join(text.split())
