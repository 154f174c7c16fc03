"""The ``timeline`` command: time expressions and timelines from the shell.

``timeline times TEXT [--published DATE] [--json]`` prints one line per time expression,
tab-separated: offsets ``start:end``, text, TIMEX3 type, value, mod and the resolved interval
``[start, end)`` (``-`` where there is none). ``--json`` prints one JSON object per line
instead. ``timeline demo`` builds the timeline of the example articles bundled with the
package and prints its events with their sources.

``timeline build ARTICLES... [-o OUT] [--format FORMAT] [--all-events] [--quiet] [--strict]``
builds the timeline of your articles. Each of ARTICLES is

- a text file that starts with a ``---`` front matter (``published``, ``id``, ``source``,
  ``title``; see :func:`timeline.examples.parse_article`), followed by the article text;
- a ``.json`` file: one article object, or a list of them; or a ``.jsonl`` file: one article
  object per line. An object has ``text`` (required) and ``published`` (``YYYY-MM-DD``, an ISO
  datetime; null or empty if unknown), ``id``, ``source``, ``title``; other keys are ignored;
- ``-``: JSON lines on standard input; or a folder: its ``.txt``, ``.json`` and ``.jsonl``
  files, in order of name.

An article without an id gets the file's name without suffix, followed by ``#N`` for the
N-th article of a JSON list or by ``#LINE`` for a JSON line. ``-o OUT`` writes the timeline to
OUT in the format its suffix names: ``.json`` (:meth:`~timeline.Timeline.to_json`), ``.html``,
``.timelinejs.json`` (TimelineJS), ``.ics`` (iCalendar) or ``.txt``; ``--format`` names the
format whatever the suffix. Without ``-o``, the timeline goes to standard output as the text
``timeline demo`` prints. The text, HTML, TimelineJS and iCalendar outputs hold the
happenings (:func:`timeline.canonical.is_happening`: not the words that only relate, report or
phase another event), the text only those dated or reported more than once; ``--all-events``
writes every event, and JSON always holds every event. For example::

    timeline build articles/ -o timeline.html
    python scrape.py | timeline build - --format json > timeline.json

A bad article (unreadable file, invalid JSON, no text, a publication date that is no date)
is reported as ``timeline: error: FILE:LINE: ...`` and skipped: the others still make the
timeline and the exit status is 1. With ``--strict`` any bad article stops the run before
building, with exit status 2. Two articles with one id, or no article at all, also stop the
run (status 2). An article without a publication date is built with its relative times
unresolved, after a warning. ``--quiet`` silences the warnings and the progress line shown
on a terminal; errors are always printed.

:func:`main` takes the arguments and returns the exit code, so it can be called directly:

>>> main(["times", "Two days ago, he spoke.", "--published", "2020-01-07"])
... # doctest: +NORMALIZE_WHITESPACE
0:12  Two days ago  DATE  2020-01-05  -  [2020-01-05T00:00:00, 2020-01-06T00:00:00)
0

A bad argument gives a one-line error on stderr and exit code 2:

>>> main(["times", "On Sunday", "--published", "7 January"])
2
>>> main(["build", "no/such/article.txt"])
2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple, NoReturn, TextIO

from attrs import evolve

import timeline
from timeline.examples import load_examples, parse_article, parse_published
from timeline.export.provenance import headline, sources
from timeline.model import Article, TimeExpression, Timeline
from timeline.nlp import load as load_nlp
from timeline.parallel import cores

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr: ``prog: error: message``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _published(value: str) -> date | datetime:
    """Parse ``--published``: ``YYYY-MM-DD``, or an ISO datetime such as ``2020-01-07T09:30``."""
    try:
        return parse_published(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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

    build = commands.add_parser(
        "build",
        help="build the timeline of articles in files",
        description="Build the merged timeline of ARTICLES and print it, or write it to OUT. "
        "Exit status: 0, or 1 when bad articles were skipped, or 2 when nothing was built.",
    )
    build.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLES",
        help="article files: text with a '---' front matter, .json (an article object or a "
        "list of them), .jsonl (one object per line), a folder of such files, or '-' for "
        "JSON lines on standard input",
    )
    build.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="file to write; its suffix (.json, .html, .timelinejs.json, .ics, .txt) names "
        "the format; default: standard output",
    )
    build.add_argument(
        "--format",
        choices=tuple(_RENDERERS),
        help="output format, whatever the suffix of OUT (default: from OUT, else text)",
    )
    build.add_argument(
        "--all-events",
        action="store_true",
        help="write every event, also words that only relate, report or phase another "
        "('followed', 'said', 'began'); by default the text, html, timelinejs and ics outputs "
        "hold the happenings (and the text only those dated or reported more than once); "
        "json always holds every event",
    )
    build.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="parse and analyse in N worker processes (default: one per core from "
        f"{JOBS_FROM:,} articles, else 1)",
    )
    build.add_argument(
        "--quiet", action="store_true", help="print no warnings and no progress, only errors"
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="stop before building if any article is bad (exit status 2), instead of skipping it",
    )

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
    code = 0
    try:
        if args.command == "times":
            text = sys.stdin.read() if args.text == "-" else args.text
            expressions = timeline.find_times(text, published=args.published)
            write = _json_line if args.json else _tab_line
            out.writelines(write(expression) for expression in expressions)
        elif args.command == "build":
            code = _build(args)
        else:
            out.writelines(_demo_lines(load_examples()))
        out.flush()
    except BrokenPipeError:  # e.g. `timeline demo | head`: stop quietly
        # Point stdout at devnull so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:  # Ctrl-C, e.g. during a long build: no traceback
        print("\ntimeline: interrupted", file=sys.stderr)
        return 130
    return code


# --- timeline build -------------------------------------------------------------------------

#: What each output format writes, from the built timeline, its articles (the HTML page
#: quotes the sentence of each source) and whether every event is asked for (``--all-events``;
#: JSON always holds every event, the others the happenings, the text its dated ones).
_RENDERERS: dict[str, Callable[[Timeline, Sequence[Article], bool], str]] = {
    "text": lambda built, _, every: "".join(_timeline_lines(built, dated_only=not every)),
    "json": lambda built, _, every: built.to_json(indent=2) + "\n",
    "html": lambda built, articles, every: _shown(built, every).to_html(articles=articles),
    "timelinejs": lambda built, _, every: _shown(built, every).to_timelinejs(indent=2) + "\n",
    "ics": lambda built, _, every: _shown(built, every).to_ics(),
}


def _shown(built: Timeline, every: bool) -> Timeline:
    return built if every else built.happenings()


#: The output format each suffix of ``-o OUT`` names (``.timelinejs.json`` before ``.json``).
#: From this many articles, ``timeline build`` uses every core unless ``--jobs`` says otherwise.
JOBS_FROM = 500

_SUFFIX_FORMATS = (
    (".timelinejs.json", "timelinejs"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".ics", "ics"),
    (".txt", "text"),
)

#: The files of a folder given as ARTICLES.
_ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")


def _output_format(output: str | None, chosen: str | None) -> str:
    """The format to write: ``chosen`` (``--format``), else the one the suffix of ``output`` names.

    Standard output (no ``output``, or ``-``) gets ``text``; ``ValueError`` for a suffix that
    names no format.

    >>> _output_format("out.timelinejs.json", None), _output_format("out.json", "html")
    ('timelinejs', 'html')
    >>> _output_format(None, None), _output_format("Out.ICS", None)
    ('text', 'ics')
    """
    if chosen:
        return chosen
    if output is None or output == "-":
        return "text"
    name = output.lower()
    for suffix, format_ in _SUFFIX_FORMATS:
        if name.endswith(suffix):
            return format_
    raise ValueError(
        f"cannot tell the format of {output!r} from its suffix; name it .json, .html, "
        ".timelinejs.json, .ics or .txt, or give --format"
    )


def _build(args: argparse.Namespace) -> int:
    """``timeline build``: read the articles, build their timeline, write it; the exit code."""
    output = None if args.output == "-" else args.output
    try:
        format_ = _output_format(output, args.format)
    except ValueError as error:
        return _fail(str(error))
    folder = os.path.dirname(output or "") or "."
    if not os.path.isdir(folder):
        return _fail(f"cannot write {output}: no folder {folder!r}")
    progress = _Progress(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    reader = _Reader(sys.stdin)
    sources = _sources(args.articles, reader.errors)
    for number, source in enumerate(sources, start=1):
        progress.show(f"reading: {number}/{len(sources)} files")
        reader.read(source)
    progress.clear()
    for error in reader.errors:
        _say("error", error)
    if not args.quiet:
        for warning in reader.warnings():
            _say("warning", warning)
    refusals = _refusals(reader, strict=args.strict)
    if refusals:
        for refusal in refusals:
            _say("error", refusal)
        return 2
    articles = [read.article for read in reader.articles]
    if reader.errors and not args.quiet:
        _say(
            "warning",
            f"skipped {_count(reader.errors, 'input')} with errors; building the timeline of "
            f"the other {_count(articles, 'article')}",
        )
    try:
        nlp = load_nlp()
    except OSError as error:
        return _fail(str(error))
    built = timeline.build(
        articles,
        nlp,
        n_process=args.jobs or (cores() if len(articles) >= JOBS_FROM else 1),
        progress=lambda done, total: progress.show(f"building: {done}/{total} articles"),
    )
    progress.clear()
    try:
        _write(_RENDERERS[format_](built, articles, args.all_events), output)
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    return 1 if reader.errors else 0


def _jobs(value: str) -> int:
    """``--jobs``: a whole number of processes, at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes >= 1, not {value!r}")
    return int(value)


def _refusals(reader: _Reader, *, strict: bool) -> list[str]:
    """Why the articles read cannot be built (``--strict`` and errors, one id twice, none)."""
    if strict and reader.errors:
        return [f"{_count(reader.errors, 'input')} with errors; nothing built (--strict)"]
    duplicates = reader.duplicates()
    if duplicates:
        return duplicates
    return [] if reader.articles else ["no articles to build a timeline from"]


def _write(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output``, or to standard output."""
    if output is None:
        sys.stdout.write(text)
    else:
        with open(output, "w", encoding="utf-8", newline="") as file:
            file.write(text)


def _sources(paths: Sequence[str], errors: list[str]) -> list[str]:
    """The files ``paths`` name: a folder stands for its article files, sorted by name.

    A folder without article files is an error, added to ``errors``.
    """
    sources: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            names = sorted(
                name
                for name in os.listdir(path)
                if name.lower().endswith(_ARTICLE_SUFFIXES)
                and not name.startswith(".")
                and os.path.isfile(os.path.join(path, name))
            )
            if not names:
                errors.append(f"{path}: no .txt, .json or .jsonl files in this folder")
            sources.extend(os.path.join(path, name) for name in names)
        else:
            sources.append(path)
    return sources


class _Reader:
    """The articles of the files read so far, where each came from, and what went wrong.

    >>> import io
    >>> reader = _Reader(io.StringIO('{"text": "MPs voted.", "published": "2020-01-05"}\\nnope'))
    >>> reader.read("-")
    >>> [(read.where, read.article.id) for read in reader.articles], reader.errors
    ([('<stdin>:1', 'stdin#1')], ['<stdin>:2: invalid JSON: Expecting value (column 1)'])
    """

    def __init__(self, stdin: TextIO) -> None:
        self.stdin = stdin
        self.articles: list[_Read] = []
        self.errors: list[str] = []

    def read(self, source: str) -> None:
        """Read the articles of ``source``, a file name or ``-`` (JSON lines on standard input)."""
        name = "<stdin>" if source == "-" else source
        try:
            raw = self.stdin.read() if source == "-" else _read_text(source)
        except (OSError, UnicodeDecodeError) as error:
            self.errors.append(f"{name}: cannot read: {_reason(error)}")
            return
        stem = "stdin" if source == "-" else os.path.splitext(os.path.basename(source))[0]
        kind = ".jsonl" if source == "-" else os.path.splitext(source)[1].lower()
        if kind == ".jsonl":
            self._read_json_lines(raw, name, stem)
        elif kind == ".json":
            self._read_json(raw, name, stem)
        else:
            try:
                article = parse_article(raw, name=name)
            except ValueError as error:
                self.errors.append(str(error))
            else:
                self._add(name, name, article, stem)

    def _read_json_lines(self, raw: str, name: str, stem: str) -> None:
        for number, line in enumerate(raw.split("\n"), start=1):
            if line.strip():
                where = f"{name}:{number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as error:
                    self.errors.append(f"{where}: invalid JSON: {error.msg} (column {error.colno})")
                else:
                    self._add_record(name, where, data, f"{stem}#{number}")

    def _read_json(self, raw: str, name: str, stem: str) -> None:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            self.errors.append(
                f"{name}:{error.lineno}: invalid JSON: {error.msg} (column {error.colno})"
            )
            return
        if not isinstance(data, list):
            self._add_record(name, name, data, stem)
            return
        lines = _item_lines(raw, len(data))
        for index, (line, item) in enumerate(zip(lines, data, strict=True), start=1):
            self._add_record(name, f"{name}:{line}", item, f"{stem}#{index}")

    def _add_record(self, name: str, where: str, data: Any, default_id: str) -> None:
        try:
            article = _record_article(data)
        except ValueError as error:
            self.errors.append(f"{where}: {error}")
        else:
            self._add(name, where, article, default_id)

    def _add(self, name: str, where: str, article: Article, default_id: str) -> None:
        if not article.text.strip():
            self.errors.append(f"{where}: the article has no text")
        else:
            article = article if article.id else evolve(article, id=default_id)
            self.articles.append(_Read(name, where, article))

    def warnings(self) -> list[str]:
        """One warning per file with articles that have no publication date."""
        undated: dict[str, list[str]] = {}
        for read in self.articles:
            if read.article.published is None:
                undated.setdefault(read.file, []).append(read.where)
        subjects = (
            f"{places[0]}: no" if len(places) == 1 else f"{name}: {len(places)} articles have no"
            for name, places in undated.items()
        )
        return [
            f"{subject} publication date; relative times stay unresolved" for subject in subjects
        ]

    def duplicates(self) -> list[str]:
        """One error per article id that more than one article has, naming where they are."""
        places: dict[str, list[str]] = {}
        for read in self.articles:
            places.setdefault(read.article.id, []).append(read.where)
        return [
            f"duplicate article id {ident!r} ({', '.join(wheres)}); give each article its own id"
            for ident, wheres in places.items()
            if len(wheres) > 1
        ]


class _Read(NamedTuple):
    """An article read, the file it is in and where in the file (``file`` or ``file:line``)."""

    file: str
    where: str
    article: Article


def _record_article(data: Any) -> Article:
    """The article a JSON object describes; ``ValueError`` naming what is wrong with it.

    >>> _record_article({"text": "MPs voted.", "published": "2020-01-05", "id": 7}).id
    '7'
    >>> _record_article({"published": None})
    Traceback (most recent call last):
    ...
    ValueError: missing "text"
    """
    if not isinstance(data, dict):
        raise ValueError(f"expected an article (a JSON object), not {_json_kind(data)}")
    if data.get("text") is None:
        raise ValueError('missing "text"')
    ident = data.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        data = {**data, "id": str(ident)}
    for key in ("text", "published", "id", "source", "title"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string, not {_json_kind(value)}')
    published = data.get("published")
    try:
        when = parse_published(published) if published else None
    except ValueError as error:
        raise ValueError(f"published {error}") from None
    return Article(
        data["text"],
        published=when,
        id=data.get("id") or "",
        source=data.get("source"),
        title=data.get("title"),
    )


def _json_kind(value: Any) -> str:
    """What JSON calls the type of ``value``: object, array, string, number, true/false, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "an object", list: "an array", str: "a string"}[type(value)]


def _item_lines(raw: str, count: int) -> list[int]:
    """The line on which each of the ``count`` items of the valid JSON array ``raw`` starts.

    >>> _item_lines('[{"a": 1},\\n {"b": [2,\\n 3]},\\n\\n 4]', 3)
    [1, 2, 5]
    """
    decoder = json.JSONDecoder()
    lines: list[int] = []
    line, counted, position = 1, 0, raw.index("[") + 1
    for _ in range(count):
        while raw[position] in " \t\r\n,":
            position += 1
        line += raw.count("\n", counted, position)
        counted = position
        lines.append(line)
        _, position = decoder.raw_decode(raw, position)
    return lines


def _read_text(path: str) -> str:
    """The text of the file ``path``, UTF-8 with or without a byte order mark."""
    with open(path, encoding="utf-8-sig") as file:
        return file.read()


def _reason(error: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read, in a few words."""
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text (byte {error.start})"
    return error.strerror or str(error)


class _Progress:
    """One line of progress on a terminal, each message overwriting the last; or nothing."""

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self.stream, self.enabled, self.width = stream, enabled, 0

    def show(self, message: str) -> None:
        if self.enabled:
            self.stream.write("\r" + message.ljust(self.width))
            self.stream.flush()
            self.width = len(message)

    def clear(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _say(level: str, message: str) -> None:
    print(f"timeline: {level}: {message}", file=sys.stderr)


def _fail(message: str) -> int:
    """Print the error ``message``; the exit code for a run that built nothing (2)."""
    _say("error", message)
    return 2


def _count(items: Sequence[Any], noun: str) -> str:
    """``"1 article"``, ``"3 articles"``."""
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _demo_lines(articles: Iterable[Article]) -> Iterator[str]:
    """What ``timeline demo`` prints: the articles, then their merged timeline.

    The timeline shows the happenings (:func:`timeline.canonical.is_happening`: asserted, not
    negated, not a mere relating or reporting word) that some article dates or that more
    than one article reports, each with its time, label, confidence and sources (article and
    trigger words).
    """
    articles = list(articles)
    yield "Articles\n"
    for article in articles:
        published = article.published.isoformat() if article.published else "date unknown"
        yield f"  {article.id} ({article.source or 'unknown source'}, published {published})\n"
        if article.title:
            yield f"    {article.title}\n"
    yield "\n"
    yield from _timeline_lines(timeline.build(articles))


def _timeline_lines(built: Timeline, *, dated_only: bool = True) -> Iterator[str]:
    """The readable listing of ``built`` with sources: its happenings that are dated or
    corroborated, or with ``dated_only=False`` every event."""
    if dated_only:
        shown = [e for e in built.happenings() if e.when is not None or len(e.articles) > 1]
        yield (
            f"Timeline: {len(shown)} of {len(built)} events "
            "(happenings dated, or reported more than once)\n"
        )
    else:
        shown = list(built)
        yield f"Timeline: {len(shown)} events\n"
    times = [_event_time(e) for e in shown]
    width = max((len(t) for t in times), default=0)
    for event, time in zip(shown, times, strict=True):
        yield f"  {time:<{width}}  {headline(event)}  (confidence {event.confidence:.2f})\n"
        yield f"  {'':<{width}}  sources: {_one_line('; '.join(sources(event)))}\n"


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
