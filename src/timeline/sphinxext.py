"""A Sphinx directive that renders a timeline into a page: ``.. timeline::``.

Add ``"timeline.sphinxext"`` to ``extensions`` in ``conf.py``; then a page can show the
merged timeline of articles written in the directive itself, each starting with its own
front matter as :func:`timeline.articles.parse_article` reads it:

.. code-block:: rst

   .. timeline::
      :involving: Iraq

      ---
      published: 2020-01-07
      id: a1
      ---
      On Sunday, Iraq's parliament voted to expel US troops.
      ---
      published: 2020-01-08
      id: a2
      ---
      Iraq voted to expel US troops, a lawmaker said on Wednesday.

``:path:`` reads an article file, or the article files of a folder, as
:func:`timeline.read_articles` does (so JSON, JSON lines and, with extras, pages, feeds and
tables too), relative to the document (or to the source folder when it starts with ``/``);
``:examples:`` adds the articles bundled with the package. ``:involving: NAME``,
``:between: START END`` (two ISO dates, the end excluded) and ``:dated-only:`` (only events
with a ``when``) filter the events. The table lists the happenings
(:attr:`timeline.Timeline.listed`), or with ``:all-events:`` every event. The table has
the columns When (in words, as every output says it:
:func:`timeline.export.wording.describe_when`), Event, Sources (one line per article, as
:func:`timeline.export.provenance.sources` gives them) and Confidence, and is made of plain
docutils nodes, so every builder renders it. A bad article or a missing file
is reported as an error at its line of the document, and the directive then renders
nothing.

>>> split_articles(["---", "id: a1", "---", "Text.", "", "---", "id: a2", "---", "More."])
[(0, '---\\nid: a1\\n---\\nText.\\n'), (5, '---\\nid: a2\\n---\\nMore.')]
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

import timeline
from timeline.articles import ArticleError, parse_article, read_articles
from timeline.examples import load_examples
from timeline.export.provenance import headline, sources
from timeline.export.wording import describe_when
from timeline.model import Article, Event, Timeline

__all__ = ["TimelineDirective", "setup", "split_articles"]

COLUMNS = ("When", "Event", "Sources", "Confidence")
_WIDTHS = (20, 40, 30, 10)
_INLINE = "inline article"


def split_articles(lines: Sequence[str]) -> list[tuple[int, str]]:
    """The inline articles of a directive's content: ``(index of first line, raw text)``.

    An article starts with a ``---`` line that does not close a front matter (text before
    the first one is an article too, a plain text without a front matter).

    >>> split_articles(["", "---", "id: a", "---", "Text."])
    [(1, '---\\nid: a\\n---\\nText.')]
    """
    articles: list[tuple[int, list[str]]] = []
    in_front_matter = False
    for index, line in enumerate(lines):
        opens = line.strip() == "---" and not in_front_matter
        if opens or (not articles and line.strip()):
            articles.append((index, []))
        if line.strip() == "---":
            in_front_matter = opens
        if articles:
            articles[-1][1].append(line)
    return [(start, "\n".join(body)) for start, body in articles]


def _between(argument: str | None) -> tuple[date, date]:
    """The ``:between:`` option: two ISO dates, separated by white space."""
    parts = (argument or "").split()
    try:
        start, end = (date.fromisoformat(part) for part in parts)
    except ValueError:
        raise ValueError("expected two dates, YYYY-MM-DD YYYY-MM-DD") from None
    if end <= start:
        raise ValueError(f"the end {end} must be after the start {start}")
    return start, end


@functools.lru_cache(maxsize=32)
def _build(articles: tuple[Article, ...]) -> Timeline:
    """One build per set of articles, however many directives and builders show it."""
    return timeline.build(articles)


class _ArticleError(ValueError):
    """An article the directive cannot read, with the document line to report it at."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class TimelineDirective(SphinxDirective):
    """The ``timeline`` directive: the timeline of inline articles, ``:path:`` or ``:examples:``.

    >>> sorted(TimelineDirective.option_spec)
    ['all-events', 'between', 'dated-only', 'examples', 'involving', 'path']
    """

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "path": directives.path,
        "examples": directives.flag,
        "involving": directives.unchanged_required,
        "between": _between,
        "dated-only": directives.flag,
        "all-events": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        try:
            articles = self._inline() + self._files()
        except _ArticleError as error:
            return [self.state.document.reporter.error(f"timeline: {error}", line=error.line)]
        if "examples" in self.options:
            articles += load_examples()
        if not articles:
            return [
                self._error(
                    "no articles: write them in the directive, or give :path: or :examples:"
                )
            ]
        try:
            events = _build(tuple(articles))
        except (ValueError, OSError) as error:
            return [self._error(str(error))]
        shown = self._filtered(events)
        return [_table(shown.events if "all-events" in self.options else shown.listed)]

    def _error(self, message: str) -> nodes.system_message:
        return self.state.document.reporter.error(f"timeline: {message}", line=self.lineno)

    def _inline(self) -> list[Article]:
        """The articles of the content; an error names its line of the document."""
        articles = []
        for start, raw in split_articles(self.content):
            try:
                articles.append(parse_article(raw, name=_INLINE))
            except ArticleError as error:
                offset = 0 if error.line is None else error.line - 1
                raise _ArticleError(
                    error.reason, self.content_offset + start + offset + 1
                ) from None
        return articles

    def _files(self) -> list[Article]:
        """The articles of ``:path:``: one file, or the article files of a folder."""
        if "path" not in self.options:
            return []
        shown, absolute = self.env.relfn2path(self.options["path"])
        path = Path(absolute)
        if not path.exists():
            raise _ArticleError(f"no article file or folder {shown}", self.lineno)
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            self.env.note_dependency(str(file))
        try:
            return read_articles(path)
        except ArticleError as error:
            name = os.path.relpath(error.name, self.env.srcdir)
            reason = str(ArticleError(name, error.line, error.reason))
            raise _ArticleError(reason, self.lineno) from None

    def _filtered(self, events: Timeline) -> Timeline:
        if "involving" in self.options:
            events = events.involving(self.options["involving"])
        if "between" in self.options:
            events = events.between(*self.options["between"])
        if "dated-only" in self.options:
            events = Timeline(
                (e for e in events.events if e.when is not None), articles=events.articles
            )
        return events


def _table(events: Sequence[Event]) -> nodes.Element:
    if not len(events):
        return nodes.paragraph(text="No events.", classes=["timeline"])
    table = nodes.table(classes=["timeline"])
    group = nodes.tgroup(cols=len(COLUMNS))
    table += group
    for width in _WIDTHS:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row([[name] for name in COLUMNS])
    body = nodes.tbody()
    for event in events:
        body += _row(
            [
                [describe_when(event)],
                [headline(event)],
                list(sources(event)),
                [f"{event.confidence:.2f}"],
            ]
        )
    group += head
    group += body
    return table


def _row(cells: Sequence[Sequence[str]]) -> nodes.row:
    """A table row; each cell is a list of lines, one paragraph each."""
    row = nodes.row()
    for lines in cells:
        entry = nodes.entry()
        entry.extend(nodes.paragraph(text=line) for line in lines)
        row += entry
    return row


def setup(app: Any) -> dict[str, Any]:
    """Register the ``timeline`` directive (Sphinx calls this for ``extensions``).

    >>> class App:
    ...     def add_directive(self, name, directive):
    ...         print(name, directive.__name__)
    >>> setup(App())["parallel_read_safe"]
    timeline TimelineDirective
    True
    """
    app.add_directive("timeline", TimelineDirective)
    return {
        "version": timeline.__version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
