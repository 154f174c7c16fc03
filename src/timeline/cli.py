"""The ``timeline`` command: time expressions and timelines from the shell.

``timeline times TEXT [--published DATE] [--json]`` prints one line per time expression,
tab-separated: offsets ``start:end``, text, TIMEX3 type, value, mod and the resolved interval
``[start, end)`` (``-`` where there is none). ``--json`` prints one JSON object per line
instead. ``timeline demo`` builds the timeline of the example articles bundled with the
package and prints its events with their sources.

``timeline build ARTICLES... [-o OUT] [--format FORMAT] [--title TITLE] [--all-events]
[--about NAME] [--top K]``
builds the timeline of your articles. Each of ARTICLES is a file or a folder as
:func:`timeline.read_articles` reads it (text with or without a YAML front matter, JSON, JSON
lines; with extras, news pages, feeds and tables), or ``-``: JSON lines on standard input.
``--published DATE`` dates the articles that give no date; ``--printed-dates`` dates them,
before that, by the date line their text prints near its top ("Posted: May 24, 2005",
:func:`timeline.articles.printed_date`); ``--date-order DMY|MDY|YMD``
says how to read dates such as ``07/01/2020`` (refused without it); ``--reference TIME``
is what relative publication dates ("2 hours ago") count from; ``--field FIELD=KEY``
names the key or column that holds a field (``--field text=body``); ``--max-bytes N``
bounds what is read of one input (default 32 MiB).

``-o OUT`` writes the timeline to OUT in the format its suffix names: ``.json``
(:meth:`~timeline.Timeline.to_json`), ``.html``, ``.timelinejs.json`` (TimelineJS),
``.ics`` (iCalendar) or ``.txt``; ``--format`` names the format whatever the suffix.
OUT is written whole or not at all (a temporary file beside it, renamed), and never
when it is one of the inputs. Without ``-o``, the timeline goes to standard output as the
text ``timeline demo`` prints, with dates in words. The text, HTML, TimelineJS and
iCalendar outputs list what a reader would put on a timeline (:attr:`timeline.Timeline.listed`:
happenings, not attitudes, generic, negated or hypothetical mentions, nor the words that
only relate, report or phase another event, and not the parts of another event);
``--all-events`` writes every event, and JSON always holds every event.
``--jobs N`` parses and analyses in N worker processes (by default one per core from 500
articles). ``--cache FOLDER`` keeps the parses there (:class:`timeline.parses.ParseCache`),
so that a run parses only texts it has not parsed with this model before. ``--update SAVED``
adds the articles to the timeline a run saved as JSON (:meth:`timeline.Timeline.update`):
the result is the timeline of all the articles, and the old ones are not read again;
articles already on it are skipped with a warning, so a folder that grows day by day can be
given whole (its HTML and TimelineJS quote the sentences of the new articles only).
``--about NAME`` keeps the events that involve NAME (:meth:`timeline.Timeline.involving`;
repeat it for several names: the events that involve any), and ``--top K`` the K most
salient listed events (:meth:`timeline.Timeline.top`), in every format.
For example::

    timeline build articles/ -o timeline.html --title "Iraq, January 2020"
    python scrape.py | timeline build - --format json > timeline.json
    timeline build articles/ --update timeline.json -o timeline.json --cache parses/

A bad article (unreadable file, invalid JSON, no text, a publication date that is no date)
is reported as ``timeline: error: FILE:LINE: ...`` and skipped: the others still make the
timeline and the exit status is 1. With ``--strict`` any bad article stops the run before
building, with exit status 2. Two articles with one id, no article at all, or an output
that cannot be written also stop the run (status 2). An article without a publication
date is built with its relative times unresolved, after a warning. ``--quiet`` silences
the warnings and the progress line shown on a terminal; errors are always printed. A
failure of the program itself exits with status 70 and one line naming it; ``--debug``
shows its traceback.

:func:`main` takes the arguments and returns the exit code, so it can be called directly:

>>> main(["times", "Two days ago, he spoke.", "--published", "2020-01-07"])
... # doctest: +NORMALIZE_WHITESPACE
0:12  Two days ago  DATE  2020-01-05  -  [2020-01-05T00:00:00, 2020-01-06T00:00:00)
0

A bad argument gives a one-line error on stderr and exit code 2:

>>> main(["times", "On Sunday", "--published", "someday"])
2
>>> main(["build", "no/such/article.txt"])
2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, NoReturn, TextIO

import timeline
from timeline.articles import (
    DEFAULT_MAX_BYTES,
    FIELDS,
    SUFFIXES,
    ArticleError,
    Read,
    parse_published,
    read_each,
)
from timeline.examples import load_examples
from timeline.export.text import lines, one_line, to_text
from timeline.export.wording import describe_day, describe_moment
from timeline.model import Article, TimeExpression, Timeline
from timeline.nlp import load as load_nlp
from timeline.parallel import cores

__all__ = ["CRASH", "main"]

#: The exit status of a failure of the program itself (``EX_SOFTWARE`` of sysexits.h).
CRASH = 70

_NO_MODEL = (
    "no English spaCy model is installed; install one with "
    "`pip install 'news-timeline[model]'` (or `python -m spacy download en_core_web_sm`)"
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr: ``prog: error: message``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


class _Stop(Exception):
    """A run that cannot go on, with the one line that says why (exit status 2)."""


def _published(value: str) -> date | datetime:
    """Parse ``--published`` (or ``--reference``): a date or time in any common format."""
    try:
        return parse_published(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _reference(value: str) -> datetime:
    moment = _published(value)
    return moment if isinstance(moment, datetime) else datetime.combine(moment, datetime.min.time())


def _field(value: str) -> tuple[str, str]:
    field, sep, key = value.partition("=")
    if not sep or field not in FIELDS or not key:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not FIELD=KEY with FIELD one of {', '.join(FIELDS)}"
        )
    return field, key


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of bytes")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="timeline",
        description="Find and resolve time expressions in news text; build timelines.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {timeline.__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of a failure of the program"
    )
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
        metavar="DATE",
        help="publication date or time to resolve relative times against (2020-01-07, "
        "'7 January 2020', 'Tue, 07 Jan 2020 10:31 +0330'); without it, relative times stay "
        "unresolved",
    )
    times.add_argument("--json", action="store_true", help="print one JSON object per line")

    build = commands.add_parser(
        "build",
        help="build the timeline of articles in files",
        description="Build the merged timeline of ARTICLES and print it, or write it to OUT. "
        "Exit status: 0, or 1 when bad articles were skipped, or 2 when nothing was built, "
        f"or {CRASH} when the program failed.",
    )
    build.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLES",
        help="article files: text with or without a '---' YAML front matter, .json (an "
        "article object or a list of them), .jsonl (one object per line); with extras .html "
        "pages, .rss/.atom/.xml feeds, .csv/.tsv/.parquet tables; a folder of such files; "
        "or '-' for JSON lines on standard input",
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
    build.add_argument("--title", help="the title of the HTML page, TimelineJS or calendar")
    build.add_argument(
        "--published",
        type=_published,
        metavar="DATE",
        help="publication date of the articles that give none (e.g. plain .txt files)",
    )
    build.add_argument(
        "--printed-dates",
        action="store_true",
        help="date the articles that give no date by the date line their text prints near "
        "its top ('Posted: May 24, 2005'), before --published",
    )
    build.add_argument(
        "--date-order",
        choices=("DMY", "MDY", "YMD"),
        help="how to read publication dates such as 07/01/2020 (refused without it)",
    )
    build.add_argument(
        "--reference",
        type=_reference,
        metavar="TIME",
        help="the time relative publication dates ('2 hours ago') count from",
    )
    build.add_argument(
        "--field",
        type=_field,
        action="append",
        default=[],
        metavar="FIELD=KEY",
        help="the key or column that holds an article field, e.g. text=body, published=date "
        "(repeat for several)",
    )
    build.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"read at most N bytes of one input (default {DEFAULT_MAX_BYTES})",
    )
    build.add_argument(
        "--all-events",
        action="store_true",
        help="write every event, also attitudes, parts of another event and words that only "
        "relate, report or phase another ('followed', 'said', 'began'); by default the text, "
        "html, timelinejs and ics outputs list the happenings; json always holds every event",
    )
    build.add_argument(
        "--about",
        action="append",
        default=[],
        metavar="NAME",
        help="keep only the events that involve NAME, a person, organisation, place or "
        "product, named or referred to (repeat for several: the events that involve any; a "
        "part one name shares with another names neither, as 'Airbus' in 'Airbus A380')",
    )
    build.add_argument(
        "--top",
        type=_at_least_one("events"),
        metavar="K",
        help="keep only the K most salient of the listed events, with their parts",
    )
    build.add_argument(
        "--jobs",
        type=_at_least_one("processes"),
        metavar="N",
        help="parse and analyse in N worker processes (default: one per core from "
        f"{JOBS_FROM:,} articles, else 1)",
    )
    build.add_argument(
        "--update",
        metavar="SAVED",
        help="add ARTICLES to the timeline saved in SAVED (the JSON '-o timeline.json' "
        "wrote) without reading its articles again: the timeline of all of them; articles "
        "already on it are skipped (SAVED may also be OUT)",
    )
    build.add_argument(
        "--cache",
        metavar="FOLDER",
        help="keep the parses of the articles in FOLDER and reuse them, so that a run "
        "parses only texts it has not parsed before with this model",
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
    try:
        code = _run(args)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `timeline demo | head`: stop quietly
        # Point stdout at devnull so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:  # Ctrl-C, e.g. during a long build: no traceback
        print("\ntimeline: interrupted", file=sys.stderr)
        return 130
    except _Stop as stop:
        _say("error", str(stop))
        return 2
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        _say("error", f"the program failed: {type(error).__name__}: {one_line(str(error))}")
        if not args.debug:
            print("timeline: run again with --debug to see where", file=sys.stderr)
        return CRASH
    return code


def _run(args: argparse.Namespace) -> int:
    if args.command == "times":
        text = sys.stdin.read() if args.text == "-" else args.text
        expressions = timeline.find_times(text, published=args.published)
        write = _json_line if args.json else _tab_line
        sys.stdout.writelines(write(expression) for expression in expressions)
        return 0
    if args.command == "build":
        return _build(args)
    articles = load_examples()
    built = timeline.build(articles, _model())
    sys.stdout.writelines(_demo_lines(articles, built))
    return 0


def _model() -> Any:
    """The spaCy pipeline, or a stop that tells a command-line user what to install."""
    try:
        return load_nlp()
    except OSError:
        raise _Stop(_NO_MODEL) from None


# --- timeline build -------------------------------------------------------------------------

#: What each output format writes, from the built timeline, its articles (the HTML page
#: quotes the sentence of each source), whether every event is asked for (``--all-events``;
#: JSON always holds every event, the others the listed ones) and the title.
_RENDERERS: dict[str, Callable[[Timeline, Sequence[Article], bool, str | None], str]] = {
    "text": lambda built, _, every, title: to_text(built, all_events=every, title=title),
    "json": lambda built, _, every, title: built.to_json(indent=2) + "\n",
    "html": lambda built, articles, every, title: built.to_html(
        title, articles=articles, all_events=every
    ),
    "timelinejs": lambda built, articles, every, title: (
        built.to_timelinejs(title, articles=articles, all_events=every, indent=2) + "\n"
    ),
    "ics": lambda built, _, every, title: built.to_ics(title=title, all_events=every),
}


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


def _at_least_one(things: str) -> Callable[[str], int]:
    """The argument type of a whole number of ``things``, at least 1 (``--jobs``, ``--top``)."""

    def number(value: str) -> int:
        if not value.isdigit() or int(value) < 1:
            raise argparse.ArgumentTypeError(f"expected a number of {things} >= 1, not {value!r}")
        return int(value)

    return number


def _output_format(output: str | None, chosen: str | None) -> str:
    """The format to write: ``chosen`` (``--format``), else the one the suffix of ``output`` names.

    Standard output (no ``output``) gets ``text``; :class:`_Stop` for a suffix that names no
    format.
    """
    if chosen:
        return chosen
    if output is None:
        return "text"
    name = output.lower()
    for suffix, format_ in _SUFFIX_FORMATS:
        if name.endswith(suffix):
            return format_
    raise _Stop(
        f"cannot tell the format of {output!r} from its suffix; name it .json, .html, "
        ".timelinejs.json, .ics or .txt, or give --format"
    )


def _build(args: argparse.Namespace) -> int:
    """``timeline build``: read the articles, build their timeline, write it; the exit code."""
    output = None if args.output == "-" else args.output
    format_ = _output_format(output, args.format)
    target = _target(output)
    progress = _Progress(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    errors: list[ArticleError] = []
    reads = list(
        read_each(
            [sys.stdin if path == "-" else path for path in args.articles],
            published=args.published,
            date_order=args.date_order,
            reference=args.reference,
            fields=dict(args.field),
            max_bytes=args.max_bytes,
            printed_dates=args.printed_dates,
            on_error=errors.append,
            progress=lambda done, total: progress.show(f"reading: {done}/{total} files"),
        )
    )
    progress.clear()
    for error in errors:
        _say("error", str(error))
    if not args.quiet:
        for warning in _undated(reads):
            _say("warning", warning)
    _refuse(reads, errors, strict=args.strict)
    if target is not None:
        _not_an_input(target, args.articles)
    saved = None if args.update is None else _saved(args.update)
    if saved is not None:
        reads = _unsaved(reads, saved, args.update, quiet=args.quiet)
    articles = [read.article for read in reads]
    if errors and not args.quiet:
        _say(
            "warning",
            f"skipped {_count(errors, 'input')} with errors; building the timeline of "
            f"the other {_count(articles, 'article')}",
        )
    options = {
        "n_process": args.jobs or (cores() if len(articles) >= JOBS_FROM else 1),
        "cache": None if args.cache is None else _cache(args.cache),
        "progress": lambda done, total: progress.show(f"building: {done}/{total} articles"),
    }
    if saved is None:
        built = timeline.build(articles, _model(), **options)
    else:
        built = saved.update(articles, _model(), **options)
    progress.clear()
    if args.about:
        built = _about(built, args.about, quiet=args.quiet)
    if args.top is not None:
        built = built.top(args.top)
    text = _RENDERERS[format_](built, articles, args.all_events, args.title)
    if target is None:
        sys.stdout.write(text)
    else:
        _write(text, target, output)
    return 1 if errors else 0


def _cache(folder: str) -> str:
    """The folder ``--cache`` names, made if missing; :class:`_Stop` if it cannot be."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise _Stop(f"cannot keep parses in {folder}: {error.strerror or error}") from None
    return folder


def _saved(path: str) -> Timeline:
    """The timeline ``--update`` names, read from its JSON; :class:`_Stop` if it is none."""
    try:
        with open(path, "rb") as file:
            return Timeline.from_json(file.read())
    except OSError as error:
        raise _Stop(f"cannot read {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise _Stop(f"{path}: {one_line(str(error))}") from None


def _unsaved(reads: Sequence[Read], saved: Timeline, path: str, *, quiet: bool) -> list[Read]:
    """The ``reads`` whose articles are not on ``saved`` yet, with a warning that counts
    the others (``--update`` over a folder that grows)."""
    known = {record.id for record in saved.articles}
    on_it = [read for read in reads if read.article.id in known]
    if on_it and not quiet:
        _say("warning", f"skipped {_count(on_it, 'article')} already on {path}")
    return [read for read in reads if read.article.id not in known]


def _about(built: timeline.Timeline, names: Sequence[str], *, quiet: bool) -> timeline.Timeline:
    """The events of ``built`` that involve any of ``names`` (``--about``), each name asked
    with the others as :meth:`~timeline.Timeline.involving`'s ``others``; a warning for a
    name no event involves, unless ``quiet``."""
    involved: set[str] = set()
    for n, name in enumerate(names):
        found = built.involving(name, others=[*names[:n], *names[n + 1 :]]).events
        if not found and not quiet:
            _say("warning", f"no event involves {name!r}")
        involved.update(event.id for event in found)
    return Timeline((e for e in built.events if e.id in involved), articles=built.articles)


def _target(output: str | None) -> str | None:
    """The file ``-o`` names, through any symbolic link; :class:`_Stop` if it cannot be one."""
    if output is None:
        return None
    target = os.path.realpath(output)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise _Stop(f"cannot write {output}: no folder {os.path.dirname(output) or '.'!r}")
    if os.path.isdir(target):
        raise _Stop(f"cannot write {output}: Is a directory")
    return target


def _not_an_input(target: str, paths: Sequence[str]) -> None:
    """:class:`_Stop` when the output file is one of the inputs (or a file of an input folder)."""
    if not os.path.exists(target):
        return
    for path in paths:
        if path == "-":
            continue
        files = [path]
        if os.path.isdir(path):
            files = [
                os.path.join(path, name)
                for name in os.listdir(path)
                if os.path.splitext(name)[1].lower() in SUFFIXES
            ]
        for file in files:
            if os.path.exists(file) and os.path.samefile(file, target):
                raise _Stop(f"refusing to write over the input {file}; name another output")


def _write(text: str, target: str, output: str) -> None:
    """Write ``text`` to ``target`` whole or not at all: a temporary file beside it, renamed."""
    folder = os.path.dirname(target)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
    except OSError as error:
        raise _Stop(f"cannot write {output}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except BaseException as error:
        os.unlink(temporary)
        if isinstance(error, OSError):
            raise _Stop(f"cannot write {output}: {error.strerror or error}") from None
        raise


def _mode(target: str) -> int:
    """The permissions to give the written file: those of the file it replaces, else the
    ones a new file gets."""
    try:
        return os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _undated(reads: Sequence[Read]) -> list[str]:
    """One warning per file with articles that have no publication date."""
    undated: dict[str, list[str]] = {}
    for read in reads:
        if read.article.published is None:
            undated.setdefault(read.file, []).append(read.where)
    subjects = (
        f"{places[0]}: no" if len(places) == 1 else f"{name}: {len(places)} articles have no"
        for name, places in undated.items()
    )
    return [
        f"{subject} publication date; relative times stay unresolved (give --published)"
        for subject in subjects
    ]


def _refuse(reads: Sequence[Read], errors: Sequence[ArticleError], *, strict: bool) -> None:
    """:class:`_Stop` when the articles read cannot be built: ``--strict`` and errors, one
    id twice (each named with where it is), or none at all."""
    if strict and errors:
        raise _Stop(f"{_count(errors, 'input')} with errors; nothing built (--strict)")
    places: dict[str, list[str]] = {}
    for read in reads:
        places.setdefault(read.article.id, []).append(read.where)
    duplicates = [
        f"duplicate article id {ident!r} ({', '.join(wheres)}); give each article its own id"
        for ident, wheres in places.items()
        if len(wheres) > 1
    ]
    if duplicates:
        for duplicate in duplicates[:-1]:
            _say("error", duplicate)
        raise _Stop(duplicates[-1])
    if not reads:
        raise _Stop("no articles to build a timeline from")


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


def _count(items: Sequence[Any], noun: str) -> str:
    """``"1 article"``, ``"3 articles"``."""
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _demo_lines(articles: Sequence[Article], built: Timeline) -> Iterator[str]:
    """What ``timeline demo`` prints: the articles, then their merged timeline ``built``.

    The timeline shows the happenings (:func:`timeline.canonical.is_happening`: asserted, not
    negated, not a mere relating or reporting word) that some article dates or that more
    than one article reports, each with its time, label, confidence and sources (article and
    trigger words).
    """
    yield "Articles\n"
    for article in articles:
        published = _published_words(article.published)
        yield f"  {article.id} ({article.source or 'unknown source'}, published {published})\n"
        if article.title:
            yield f"    {article.title}\n"
    yield "\n"
    yield from lines(built)


def _published_words(published: date | datetime | None) -> str:
    """A publication date in words: "7 Jan 2020", "7 Jan 2020, 10:31 UTC+03:30"."""
    if published is None:
        return "date unknown"
    if not isinstance(published, datetime):
        return describe_day(published)
    return describe_moment(published)


def _tab_line(e: TimeExpression) -> str:
    interval = "-"
    if e.interval is not None:
        interval = f"[{e.interval.start.isoformat()}, {e.interval.end.isoformat()})"
    fields = (f"{e.start}:{e.end}", one_line(e.text), e.type, e.value, e.mod or "-", interval)
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
