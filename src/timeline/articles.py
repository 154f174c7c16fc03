"""Reading articles: the one reader of files, folders, streams and records.

:func:`read_articles` takes a path, a folder, a stream, a record (a mapping) or an
:class:`~timeline.Article`, or a list of them, and gives the articles they hold. What a file
holds follows from its suffix:

================================  ====================================================  ==========
suffix                            holds                                                 extra
================================  ====================================================  ==========
``.txt``, ``.md`` (or none)       one article: a YAML front matter between ``---``
                                  lines, then the text; or plain text without one
``.json``                         one article object, or a list of them
``.jsonl``, ``.ndjson``           one article object per line
``.html``, ``.htm``               a news page: main text, title, date, link             ``web``
                                  (trafilatura, htmldate)
``.rss``, ``.atom``, ``.xml``     a feed: one article per entry, links kept             ``feeds``
                                  (feedparser)
``.csv``, ``.tsv``                a table: one article per row (pandas)                 ``pandas``
``.parquet``                      a table, as Parquet (pandas, pyarrow)                 ``parquet``
================================  ====================================================  ==========

A folder stands for its files with these suffixes, in order of name (not its subfolders);
a stream (an open text file such as ``sys.stdin``) holds JSON lines. An article object, a
front matter or a table row gives ``text`` and, optionally, ``published``, ``id``,
``source`` and ``title``; every other field is kept in the article's ``meta`` (``url``,
``author``...). ``fields`` names other keys or columns for these and for ``url``
(``fields={"text": "body", "url": "link"}``).

Publication dates are read by :func:`parse_published`: ISO 8601, RFC 2822 as in RSS, "Jan 7,
2020 10:31 EST", "7 January 2020", other languages' month names, through ``dateparser``;
time zones are kept. A date whose day and month could be swapped ("07/01/2020") needs
``date_order``; a relative one ("2 hours ago") needs a ``reference`` time. An article that
gives no date gets, with ``printed_dates``, the date its text prints in a date line near its
top (:func:`printed_date`, "Posted: May 24, 2005"), recorded in ``meta["published_from"]``;
else ``published`` (else none: its relative times stay unresolved).

An article without an id gets the file's name without suffix, followed by ``#N`` for the
N-th article of a JSON list or feed, or by ``#LINE`` for a JSON line or table row. Each
file is read up to ``max_bytes`` (each line of JSON lines, each line): a larger one is an
error rather than a reason to fill the memory.

A bad article is an :class:`ArticleError` that names the file and line (``items.json:4:
published '2020-02-30' is not a date...``); by default the first one is raised, and with
``on_error`` each is passed to it and the article is skipped.

>>> article = parse_article("---\\npublished: 7 January 2020\\nid: a1\\nurl: https://x.org/a1\\n"
...                         "---\\nOn Sunday, MPs voted.\\n")
>>> article.id, article.published, article.text, dict(article.meta)
('a1', datetime.date(2020, 1, 7), 'On Sunday, MPs voted.', {'url': 'https://x.org/a1'})
>>> [a.id for a in read_articles([{"text": "MPs voted.", "id": "a2"}])]
['a2']
"""

from __future__ import annotations

import html.parser
import io
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import IO, Any, Literal

import attrs
import yaml

from timeline.layout import date_lines
from timeline.model import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "ArticleError",
    "DateOrder",
    "PrintedDate",
    "Read",
    "parse_article",
    "parse_published",
    "printed_date",
    "read_articles",
    "read_each",
    "with_printed_date",
]

#: How many bytes of one file (or one line of JSON lines) are read at most, by default.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

#: The order of day, month and year in a date such as ``07/01/2020``.
DateOrder = Literal["DMY", "MDY", "YMD"]
_ORDERS = ("DMY", "MDY", "YMD")

#: The article fields an object, front matter or row gives by name (``url`` goes to ``meta``,
#: where the exports look for an article's link).
FIELDS = ("text", "published", "id", "source", "title", "url")

#: What each suffix holds, and the extra it needs.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "page",
    ".htm": "page",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".csv": "table",
    ".tsv": "table",
    ".parquet": "parquet",
}
_EXTRAS = {
    "parquet": ("pyarrow", "parquet"),
    "page": ("trafilatura", "web"),
    "feed": ("feedparser", "feeds"),
    "table": ("pandas", "pandas"),
}


class ArticleError(ValueError):
    """An article that cannot be read: ``reason``, at ``line`` (1-based, ``None`` for the
    input as a whole) of the input called ``name``.

    >>> str(ArticleError("x.txt", 2, "published '7 Jan' is not a date"))
    "x.txt:2: published '7 Jan' is not a date"
    """

    def __init__(self, name: str, line: int | None, reason: str) -> None:
        self.name, self.line, self.reason = name, line, reason
        super().__init__(f"{name}{'' if line is None else f':{line}'}: {reason}")


@attrs.frozen
class Read:
    """An article read, the input it is in (``file``) and its line there, if any.

    >>> Read(Article("Text."), "feed.jsonl", 3).where
    'feed.jsonl:3'
    """

    article: Article
    file: str
    line: int | None = None

    @property
    def where(self) -> str:
        """``file:line``, or ``file`` for an input that holds one article."""
        return self.file if self.line is None else f"{self.file}:{self.line}"


@attrs.frozen
class _Options:
    published: date | datetime | None = None
    date_order: DateOrder | None = None
    reference: datetime | None = None
    fields: Mapping[str, str] = attrs.field(factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    printed_dates: bool = False

    def date(self, value: str) -> date | datetime:
        return parse_published(value, date_order=self.date_order, reference=self.reference)

    def printed(self, article: Article) -> Article:
        """``article`` dated by its printed date line, when asked for and it has no date."""
        if not self.printed_dates:
            return article
        return with_printed_date(article, date_order=self.date_order, reference=self.reference)

    def undated(self, article: Article) -> Article:
        """``article``, which gives no date, dated by its printed date line when asked for,
        else on ``published``."""
        article = self.printed(article)
        if article.published is None and self.published is not None:
            return attrs.evolve(article, published=self.published)
        return article

    def key(self, field: str) -> str:
        return self.fields.get(field, field)


def read_articles(sources: Any, **options: Any) -> list[Article]:
    """The articles of ``sources``: paths, folders, streams, records or articles (see the
    module). The ``options`` are those of :func:`read_each`: ``printed_dates`` dates each
    article that gives no date (an :class:`~timeline.Article` given too) by the date line
    its text prints, if any (:func:`with_printed_date`); ``published`` (a date, or text
    :func:`parse_published` reads) dates the articles still without one; ``date_order``
    (``"DMY"``, ``"MDY"``, ``"YMD"``) reads dates whose day and month could be swapped;
    ``reference`` is the time relative dates count from; ``fields`` names the keys or
    columns of the article's fields; ``max_bytes`` bounds what is read of one input. Raises
    the first :class:`ArticleError`, unless ``on_error`` takes each.

    >>> [a] = read_articles({"text": "MPs voted.", "published": "Tue, 07 Jan 2020 10:31 +0330"})
    >>> a.published.isoformat()
    '2020-01-07T10:31:00+03:30'
    >>> read_articles([{"text": "A.", "published": "07/01/2020"}])
    Traceback (most recent call last):
    ...
    timeline.articles.ArticleError: <records>:1: published '07/01/2020' is ambiguous: 7 January \
2020 (DMY) or 1 July 2020 (MDY); state the order (date_order, --date-order)
    """
    return [read.article for read in read_each(sources, **options)]


def read_each(
    sources: Any,
    *,
    published: date | datetime | str | None = None,
    date_order: DateOrder | None = None,
    reference: datetime | None = None,
    fields: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    printed_dates: bool = False,
    on_error: Callable[[ArticleError], object] | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> Iterator[Read]:
    """Each article of ``sources`` with where it was read (:class:`Read`), as
    :func:`read_articles` describes; ``progress``, if given, is called with ``(inputs
    read, inputs)`` after each input (a folder counts its files).

    >>> [read.where for read in read_each([{"text": "A."}, {"text": "B."}])]
    ['<records>:1', '<records>:2']
    """
    if date_order is not None and date_order not in _ORDERS:
        raise ValueError(f"date_order must be one of {', '.join(_ORDERS)}, not {date_order!r}")
    unknown = sorted(set(fields or {}) - set(FIELDS))
    if unknown:
        raise ValueError(f"fields names no article field {unknown[0]!r} ({', '.join(FIELDS)})")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive integer, not {max_bytes!r}")
    if isinstance(published, str):
        published = parse_published(published, date_order=date_order, reference=reference)
    options = _Options(
        published, date_order, reference, dict(fields or {}), max_bytes, printed_dates
    )
    inputs = _inputs(sources)
    for number, item in enumerate(inputs, start=1):
        for found in _read(item, number, options):
            if isinstance(found, Read):
                yield found
            elif on_error is None:
                raise found
            else:
                on_error(found)
        if progress is not None:
            progress(number, len(inputs))


def _inputs(sources: Any) -> list[Any]:
    """``sources`` as a list of inputs, folders replaced by their files (or an error)."""
    if isinstance(sources, (str, os.PathLike, Mapping, Article)) or hasattr(sources, "read"):
        sources = [sources]
    inputs: list[Any] = []
    for source in sources:
        if isinstance(source, (str, os.PathLike)) and os.path.isdir(source):
            path = os.fspath(source)
            names = sorted(
                name
                for name in os.listdir(path)
                if os.path.splitext(name)[1].lower() in SUFFIXES
                and not name.startswith(".")
                and os.path.isfile(os.path.join(path, name))
            )
            if not names:
                inputs.append(ArticleError(path, None, "no article files in this folder"))
            inputs.extend(os.path.join(path, name) for name in names)
        else:
            inputs.append(source)
    return inputs


def _read(item: Any, number: int, options: _Options) -> Iterator[Read | ArticleError]:
    if isinstance(item, ArticleError):
        yield item
    elif isinstance(item, Article):
        yield Read(options.printed(item), "<articles>", number)
    elif isinstance(item, Mapping):
        yield _found(_record(item, options, ""), "<records>", number)
    elif hasattr(item, "read"):
        name = getattr(item, "name", None)
        name = name if isinstance(name, str) else "<stream>"
        yield from _json_lines(item, name, name.strip("<>"), options)
    elif isinstance(item, (str, os.PathLike)):
        yield from _read_file(os.fspath(item), options)
    else:
        raise TypeError(
            "articles are read from paths, streams, mappings or Articles, "
            f"not {type(item).__name__}"
        )


def _found(
    result: Article | str, file: str, line: int | None, field_lines: Mapping[str, int] = {}
) -> Read | ArticleError:
    """A :class:`Read` of an article, or the error an article's problem is at that place."""
    if isinstance(result, Article):
        return Read(result, file, line)
    field, _, reason = result.partition("\0")
    return ArticleError(file, field_lines.get(field, line), reason)


def _read_file(path: str, options: _Options) -> Iterator[Read | ArticleError]:
    stem, suffix = os.path.splitext(os.path.basename(path))
    kind = SUFFIXES.get(suffix.lower(), "text")
    if kind == "jsonl":
        try:
            with open(path, "rb") as stream:
                yield from _json_lines(stream, path, stem, options)
        except OSError as error:
            yield ArticleError(path, None, f"cannot read: {error.strerror or error}")
        return
    if kind in _EXTRAS:
        module, extra = _EXTRAS[kind]
        try:
            __import__(module)
        except ImportError:
            yield ArticleError(
                path, None, f"reading {suffix} files needs `pip install 'news-timeline[{extra}]'`"
            )
            return
    try:
        with open(path, "rb") as stream:
            raw = stream.read(options.max_bytes + 1)
    except OSError as error:
        yield ArticleError(path, None, f"cannot read: {error.strerror or error}")
        return
    if len(raw) > options.max_bytes:
        yield ArticleError(path, None, _too_big(options.max_bytes))
        return
    if kind == "page":
        yield _found(_page(raw, options, stem), path, None)
    elif kind == "feed":
        yield from _feed(raw, path, stem, options)
    elif kind in ("table", "parquet"):
        yield from _table(raw, path, stem, suffix.lower(), options)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            yield ArticleError(path, None, f"cannot read: not UTF-8 text (byte {error.start})")
            return
        if kind == "json":
            yield from _json(text, path, stem, options)
        else:
            try:
                yield Read(_article(text, path, options, stem), path)
            except ArticleError as error:
                yield error


def _too_big(limit: int) -> str:
    return (
        f"larger than the limit of {limit:,} bytes; raise it with --max-bytes "
        "(max_bytes=) if this input is meant to be read"
    )


# --- text with a front matter ----------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text, for :func:`parse_published` to read."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_article(
    raw: str,
    *,
    name: str = "<article>",
    published: date | datetime | None = None,
    date_order: DateOrder | None = None,
    reference: datetime | None = None,
    printed_dates: bool = False,
) -> Article:
    """The article of a text: a YAML front matter between two ``---`` lines, then the text;
    or, without a front matter, plain text (published on ``published``, if given). With
    ``printed_dates``, an article that gives no date is dated by the date line its text
    prints, if any (:func:`with_printed_date`), before ``published``.

    The front matter's ``published``, ``id``, ``source``, ``title`` (and ``url``) are the
    article's, as written (``id: 007`` is ``"007"``, ``title: 1984`` is ``"1984"``); every
    other field goes to its ``meta``, as YAML reads it. The text is everything after the closing
    ``---`` line, without surrounding blank lines. :class:`ArticleError` names the line of
    what is wrong.

    >>> a = parse_article("---\\npublished: 2020-01-07\\nid: a1\\nauthor: Jane Doe\\n---\\n"
    ...                   "On Sunday, MPs voted.\\n")
    >>> (a.id, a.published, a.text, a.meta["author"])
    ('a1', datetime.date(2020, 1, 7), 'On Sunday, MPs voted.', 'Jane Doe')
    >>> parse_article("On Sunday, MPs voted.", published=date(2020, 1, 7)).published
    datetime.date(2020, 1, 7)
    >>> parse_article("---\\ntitle: Iran: a reply\\n---\\nText", name="x.txt")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    timeline.articles.ArticleError: x.txt:2: the front matter is not YAML: mapping values are not \
allowed here (column 12); quote a value that holds ': ' or starts with a special character
    """
    options = _Options(published, date_order, reference, printed_dates=printed_dates)
    return _article(raw, name, options, "")


def _article(raw: str, name: str, options: _Options, default_id: str) -> Article:
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        text = raw.strip("\n")
        if not text.strip():
            raise ArticleError(name, None, "the article has no text")
        result = _record({options.key("text"): text}, options, default_id)
        if isinstance(result, str):
            raise ArticleError(name, None, result.partition("\0")[2])
        return result
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            head, text = "".join(lines[1 : number - 1]), "".join(lines[number:]).strip("\n")
            break
    else:
        raise ArticleError(name, None, "the front matter has no closing '---' line")
    data, field_lines = _front_matter(head, name)
    if options.key("text") in data:
        raise ArticleError(
            name, field_lines[options.key("text")], "the text goes after the front matter"
        )
    found = _found(
        _record({**data, options.key("text"): text}, options, default_id), name, None, field_lines
    )
    if isinstance(found, ArticleError):
        raise found
    return found.article


def _front_matter(head: str, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The fields of a front matter and the line (in the file) of each."""
    loader = _Loader(head)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = None if mark is None else mark.line + 2
        problem = getattr(error, "problem", None) or str(error)
        column = "" if mark is None else f" (column {mark.column + 1})"
        raise ArticleError(
            name,
            line,
            f"the front matter is not YAML: {problem}{column}; quote a value that holds "
            "': ' or starts with a special character",
        ) from None
    finally:
        loader.dispose()
    if node is None or data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ArticleError(name, 2, "the front matter must be 'field: value' lines")
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value}
    for key, value in node.value:  # the article's fields as written: "id: 007" is "007"
        if key.value in FIELDS and isinstance(value, yaml.ScalarNode) and not value.style:
            data[key.value] = None if value.value in _NULLS else value.value
    return data, lines


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


# --- records: JSON objects, front matters, table rows ------------------------------------------


def _record(data: Mapping[str, Any], options: _Options, default_id: str) -> Article | str:
    """The article a record describes, or ``"field\\0what is wrong"``."""
    text_key = options.key("text")
    text = data.get(text_key)
    if text is None:
        return f'text\0missing "{text_key}"'
    values: dict[str, Any] = {}
    for field in ("text", "id", "source", "title"):
        value = data.get(options.key(field))
        if field == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            return f'{field}\0"{options.key(field)}" must be a string, not {_json_kind(value)}'
        values[field] = value
    if not values["text"].strip():
        return "text\0the article has no text"
    when = data.get(options.key("published"))
    if isinstance(when, str) and when.strip():
        try:
            values["published"] = options.date(when)
        except ValueError as error:
            return f"published\0published {error}"
    elif isinstance(when, (date, datetime)):
        values["published"] = when
    elif when is None or when == "":
        values["published"] = None
    else:
        return f'published\0"{options.key("published")}" must be a date, not {_json_kind(when)}'
    keys = {options.key(field) for field in FIELDS}
    meta = {key: value for key, value in data.items() if key not in keys}
    if options.key("url") in data:
        meta["url"] = data[options.key("url")]
    try:
        article = Article(
            values["text"],
            published=values["published"],
            id=values["id"] or default_id,
            source=values["source"],
            title=values["title"],
            meta=meta,
        )
    except (TypeError, ValueError) as error:
        return f"\0{error}"
    return article if article.published is not None else options.undated(article)


def _json_kind(value: Any) -> str:
    """What JSON calls the type of ``value``: an object, an array, a string, a number..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    kinds = {dict: "an object", list: "an array", str: "a string"}
    return kinds.get(type(value), type(value).__name__)


def _json_lines(
    stream: IO[Any], name: str, stem: str, options: _Options
) -> Iterator[Read | ArticleError]:
    number = 0
    while True:
        line = stream.readline(options.max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > options.max_bytes:
            yield ArticleError(name, number, f"this line is {_too_big(options.max_bytes)}")
            return
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield ArticleError(name, number, f"not UTF-8 text (byte {error.start})")
                continue
        if line.strip():
            yield _json_record(line.rstrip("\r\n"), name, number, f"{stem}#{number}", options)


def _json_record(
    raw: str, name: str, line: int, default_id: str, options: _Options
) -> Read | ArticleError:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        return ArticleError(name, line, f"invalid JSON: {error.msg} (column {error.colno})")
    return _object(data, name, line, default_id, options)


def _object(
    data: Any, name: str, line: int | None, default_id: str, options: _Options
) -> Read | ArticleError:
    if not isinstance(data, dict):
        return ArticleError(
            name, line, f"expected an article (a JSON object), not {_json_kind(data)}"
        )
    return _found(_record(data, options, default_id), name, line)


def _json(raw: str, name: str, stem: str, options: _Options) -> Iterator[Read | ArticleError]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        yield ArticleError(name, error.lineno, f"invalid JSON: {error.msg} (column {error.colno})")
        return
    except RecursionError:
        yield ArticleError(name, None, "invalid JSON: nested too deeply")
        return
    if not isinstance(data, list):
        yield _object(data, name, None, stem, options)
        return
    lines = _item_lines(raw, len(data))
    for index, (line, item) in enumerate(zip(lines, data, strict=True), start=1):
        yield _object(item, name, line, f"{stem}#{index}", options)


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


# --- pages, feeds and tables (extras) ----------------------------------------------------------


def _page(raw: bytes, options: _Options, stem: str) -> Article | str:
    """The article of a saved news page: trafilatura's main text, title, link and author,
    and htmldate's publication date (with its time and zone when the page gives them)."""
    import htmldate
    import trafilatura

    found = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        return "text\0no article text found in this page"
    title = found.title or None
    paragraphs = [p.strip() for p in found.text.splitlines() if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    moment = htmldate.find_date(
        raw, outputformat="%Y-%m-%dT%H:%M:%S%z", original_date=True, extensive_search=False
    )
    if moment is not None and moment.endswith("T00:00:00"):
        moment = moment[:10]
    record = {
        "text": "\n\n".join(paragraphs),
        "published": moment,
        "title": title,
        "source": found.sitename or None,
        "url": found.url,
        "author": found.author,
        "description": found.description,
        "language": found.language,
    }
    cleaned = {key: value for key, value in record.items() if value}
    return _record(cleaned, attrs.evolve(options, fields={}), stem)


def _feed(raw: bytes, name: str, stem: str, options: _Options) -> Iterator[Read | ArticleError]:
    """One article per entry of an RSS or Atom feed (feedparser): its text from its content
    or summary, its date as the feed wrote it (with its zone), its link as ``url``."""
    import feedparser

    parsed = feedparser.parse(raw)
    if parsed.bozo and not parsed.entries:
        yield ArticleError(name, None, f"not a feed: {parsed.get('bozo_exception')}")
        return
    source = parsed.feed.get("title") or None
    plain = attrs.evolve(options, fields={})
    for index, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content") or [{}]
        body = content[0].get("value") or entry.get("summary") or ""
        record = {
            "text": _html_text(body),
            "published": entry.get("published") or entry.get("updated"),
            "id": entry.get("id") or entry.get("link"),
            "title": entry.get("title"),
            "source": source,
            "url": entry.get("link"),
            "author": entry.get("author"),
            "tags": [tag["term"] for tag in entry.get("tags", []) if tag.get("term")],
        }
        cleaned = {key: value for key, value in record.items() if value}
        yield _found(_record(cleaned, plain, f"{stem}#{index}"), name, index)


class _Text(html.parser.HTMLParser):
    """The text of an HTML fragment, a blank line between blocks."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attributes: Any) -> None:
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(fragment: str) -> str:
    """The text of an HTML fragment, paragraphs apart, white space tidied.

    >>> _html_text("<p>MPs <b>voted</b>.</p><p>Then  they left.</p>")
    'MPs voted.\\n\\nThen they left.'
    """
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    blocks = re.split(r"\n\s*\n", "".join(parser.parts))
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


def _table(
    raw: bytes, name: str, stem: str, suffix: str, options: _Options
) -> Iterator[Read | ArticleError]:
    """One article per row of a CSV, TSV or Parquet table (pandas); its columns as fields."""
    import pandas

    try:
        if suffix == ".parquet":
            frame = pandas.read_parquet(io.BytesIO(raw))
        else:
            frame = pandas.read_csv(
                io.BytesIO(raw),
                sep="\t" if suffix == ".tsv" else ",",
                dtype=str,
                keep_default_na=False,
                encoding="utf-8-sig",
            )
    except (ValueError, ImportError, UnicodeDecodeError, OSError) as error:
        yield ArticleError(name, None, f"cannot read this table: {error}")
        return
    header = 0 if suffix == ".parquet" else 1
    for index, row in enumerate(frame.to_dict("records"), start=1):
        line = index + header
        record = {str(key): _plain(value) for key, value in row.items()}
        yield _found(_record(record, options, f"{stem}#{line}"), name, line)


def _plain(value: Any) -> Any:
    """A table cell as a plain Python value: ``None`` for a missing one, numbers and times
    as Python's own."""
    import pandas

    if value is None or (not isinstance(value, (list, tuple, dict)) and pandas.isna(value)):
        return None
    if isinstance(value, pandas.Timestamp):
        moment = value.to_pydatetime()
        return (
            moment.date()
            if moment == datetime.combine(moment.date(), datetime.min.time())
            and moment.tzinfo is None
            else moment
        )
    if hasattr(value, "item"):
        return value.item()
    return value


# --- publication dates -------------------------------------------------------------------------

_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_published(
    value: str, *, date_order: DateOrder | None = None, reference: datetime | None = None
) -> date | datetime:
    """A publication date or time in any common format; ``ValueError`` if it names no day.

    A day gives a ``date``; a time, a ``datetime``, aware when the text gives a zone or an
    offset. When day and month could be swapped, ``date_order`` says which comes first;
    without it such a date is refused, never guessed. A relative date ("2 hours ago") is
    read against ``reference`` only.

    >>> parse_published("2020-01-07"), parse_published("7 January 2020")
    (datetime.date(2020, 1, 7), datetime.date(2020, 1, 7))
    >>> parse_published("Jan 7, 2020 10:31 EST").isoformat()
    '2020-01-07T10:31:00-05:00'
    >>> parse_published("07/01/2020", date_order="MDY"), parse_published("7 janvier 2020")
    (datetime.date(2020, 7, 1), datetime.date(2020, 1, 7))
    >>> parse_published("2 hours ago", reference=datetime(2020, 1, 7, 12, tzinfo=timezone.utc))
    datetime.datetime(2020, 1, 7, 10, 0, tzinfo=datetime.timezone.utc)
    >>> parse_published("2 hours ago")
    Traceback (most recent call last):
    ...
    ValueError: '2 hours ago' is relative; give the reference time it counts from \
(reference=, --reference)
    """
    if not isinstance(value, str):
        raise TypeError(f"a publication date to parse must be a string, not {type(value).__name__}")
    text = value.strip()
    if _ISO.fullmatch(text):
        try:
            return date.fromisoformat(text) if len(text) == 10 else _iso_datetime(text)
        except ValueError:
            raise ValueError(f"{value!r} is not a date: {_EXPECTED}") from None
    if date_order is not None:
        found = _dateparser(text, date_order, None)
    else:
        readings = {order: _dateparser(text, order, None) for order in ("DMY", "MDY")}
        found = readings["DMY"] or readings["MDY"]
        if readings["DMY"] and readings["MDY"] and readings["DMY"] != readings["MDY"]:
            one, other = (_spoken(readings[order]) for order in ("DMY", "MDY"))
            raise ValueError(
                f"{value!r} is ambiguous: {one} (DMY) or {other} (MDY); "
                "state the order (date_order, --date-order)"
            )
    if found is None:
        relative = _dateparser(text, date_order or "DMY", reference or datetime(2000, 1, 1))
        if relative is not None and reference is None:
            raise ValueError(
                f"{value!r} is relative; give the reference time it counts from "
                "(reference=, --reference)"
            )
        found = relative
    if found is None:
        raise ValueError(f"{value!r} is not a date: {_EXPECTED}")
    if isinstance(found, datetime) and found.tzinfo is None and reference is not None:
        return found.replace(tzinfo=reference.tzinfo) if reference.tzinfo else found
    return found


_EXPECTED = (
    "expected a day with its year, e.g. 2020-01-07, 7 January 2020, Tue, 07 Jan 2020 10:31:00 +0330"
)


def _iso_datetime(text: str) -> datetime:
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    offset = re.search(r"([+-]\d{2})(\d{2})$", text)
    if offset and text[-5] != ":" and len(text) > 16:
        text = f"{text[:-5]}{offset[1]}:{offset[2]}"
    return datetime.fromisoformat(text)


def _spoken(day: date | datetime) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _dateparser(text: str, order: str, relative_to: datetime | None) -> date | datetime | None:
    """What dateparser reads in ``text``: a date for a day, a datetime for a time; ``None``
    when it names no single day (or, with ``relative_to``, is not relative to it)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"DATE_ORDER": order, "RETURN_TIME_AS_PERIOD": True}
    if relative_to is None:
        settings.update(PARSERS=["custom-formats", "absolute-time"], STRICT_PARSING=True)
    else:
        settings.update(PARSERS=["relative-time"], RELATIVE_BASE=relative_to.replace(tzinfo=None))
    found = DateDataParser(settings=settings).get_date_data(text)
    moment, period = found.date_obj, found.period
    if moment is None or period not in ("day", "time"):
        return None
    if period == "day":
        return moment.date()
    offset = moment.utcoffset()
    if offset is None:
        return moment
    return moment.replace(tzinfo=timezone.utc if offset == timedelta(0) else timezone(offset))


# --- dates printed in the text ------------------------------------------------------------------


@attrs.frozen
class PrintedDate:
    """The publication date a text prints in its date line: the date or time read
    (``published``), the ``line`` it is on (1-based) and its ``text`` as printed.

    >>> PrintedDate(date(2005, 5, 24), 2, "May 24, 2005").provenance()
    {'line': 2, 'text': 'May 24, 2005'}
    """

    published: date | datetime
    line: int
    text: str

    def provenance(self) -> dict[str, Any]:
        """What ``meta["published_from"]`` records of it: its line and text."""
        return {"line": self.line, "text": self.text}


#: A zone written as an offset or as UTC: kept; a zone named otherwise ("EDT", "IST", "ET")
#: may stand for several offsets, and the time is kept as printed, without it.
_WRITTEN_OFFSET = re.compile(
    r"(?:(?<=GMT)|(?<=UTC)|(?<=\s)|(?<=\d:\d\d))[+-]\d{2}:?\d{2}\b|\b(?:UTC|GMT)\b|(?<=\d)Z\b"
)


def printed_date(
    text: str, *, date_order: DateOrder | None = None, reference: datetime | None = None
) -> PrintedDate | None:
    """The publication date that ``text`` prints in a date line near its top, or ``None``.

    A date line is a line of its own among the first lines of the text (before the body) that
    is only one day, maybe with a time, as :func:`parse_published` reads it: "May 2, 2013
    1:35 pm", "Posted on Thu Jun 12, 2008" (:func:`timeline.layout.date_lines` finds them). A
    date in a sentence is not one; nor is a date that is not a day (February 30, a day without
    its year, a day whose day and month could be swapped unless ``date_order`` says how).
    Of two stamps ("Published ... Updated ..."), the first is taken, on the same line or on
    lines of their own; an update stamp only when the page prints no other date line. A time
    keeps its zone when written as an offset or as UTC/GMT ("GMT+05:00"); a zone named by an
    abbreviation ("EDT", "IST", "ET"), which may stand for several offsets, is left out and
    the time stays the wall clock printed (naive).

    >>> found = printed_date("Coach fired\\nUpdated: May 25, 2005\\nPosted: May 24, 2005 "
    ...                      "6:10 pm EDT\\nThe team fired him on May 23, 2005.")
    >>> found.published, found.line, found.text
    (datetime.datetime(2005, 5, 24, 18, 10), 3, 'May 24, 2005 6:10 pm EDT')
    >>> printed_date("Coach fired\\nThe team fired him on May 23, 2005.") is None
    True
    """
    found: list[PrintedDate] = []
    for start, end, line, updated in date_lines(text):
        printed = text[start:end]
        try:
            published = parse_published(printed, date_order=date_order, reference=reference)
        except ValueError:
            continue
        if isinstance(published, datetime) and _WRITTEN_OFFSET.search(printed) is None:
            published = published.replace(tzinfo=None)
        if not updated:
            return PrintedDate(published, line, printed)
        found.append(PrintedDate(published, line, printed))
    return found[0] if found else None


def with_printed_date(
    article: Article, *, date_order: DateOrder | None = None, reference: datetime | None = None
) -> Article:
    """``article`` published on the date its text prints (:func:`printed_date`) when it has
    no publication date, with ``meta["published_from"]`` naming the line it was read from;
    ``article`` itself when it has a date or its text prints none.

    >>> a = with_printed_date(Article("Coach fired\\nMay 24, 2005\\nThe team fired him."))
    >>> a.published, dict(a.meta["published_from"])
    (datetime.date(2005, 5, 24), {'line': 2, 'text': 'May 24, 2005'})
    >>> with_printed_date(Article("May 24, 2005\\nText.", date(2005, 5, 25))).published
    datetime.date(2005, 5, 25)
    """
    if article.published is not None:
        return article
    found = printed_date(article.text, date_order=date_order, reference=reference)
    if found is None:
        return article
    meta = {**article.meta, "published_from": found.provenance()}
    return attrs.evolve(article, published=found.published, meta=meta)
