"""Example news articles bundled with the package, written for the project.

Each file in ``timeline/data/examples/`` starts with a small front matter between two
``---`` lines (``published``, ``id``, ``source``, ``title``), followed by the article text:

>>> articles = load_examples()
>>> [(a.id, a.published.isoformat()) for a in articles]  # doctest: +NORMALIZE_WHITESPACE
[('shoigu-call', '2020-01-07'), ('istanbul-statement', '2020-01-08'),
 ('iraq-withdrawal', '2020-01-11')]
"""

from __future__ import annotations

import re
from datetime import date, datetime
from importlib import resources

from timeline.model import Article

__all__ = ["FrontMatterError", "load_examples", "parse_article", "parse_published"]

_FIELDS = ("published", "id", "source", "title")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\S+)?")


def load_examples() -> list[Article]:
    """The bundled example articles, in file-name order.

    >>> load_examples()[0].title
    'Russian and Iranian military chiefs discuss regional tensions by phone'
    """
    folder = resources.files("timeline") / "data" / "examples"
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".txt")),
        key=lambda entry: entry.name,
    )
    return [parse_article(entry.read_text(encoding="utf-8"), name=entry.name) for entry in files]


class FrontMatterError(ValueError):
    """An article text whose front matter :func:`parse_article` cannot read: ``reason``, at
    ``line`` (1-based, ``None`` for the text as a whole) of the text called ``name``.

    >>> str(FrontMatterError("x.txt", 2, "unknown front matter field 'author'"))
    "x.txt:2: unknown front matter field 'author'"
    """

    def __init__(self, name: str, line: int | None, reason: str) -> None:
        self.name, self.line, self.reason = name, line, reason
        super().__init__(f"{name}{'' if line is None else f':{line}'}: {reason}")


def parse_article(raw: str, *, name: str = "<article>") -> Article:
    """An :class:`~timeline.Article` from text that starts with a ``---`` front matter.

    ``published`` is a ``YYYY-MM-DD`` date or an ISO datetime; every field is optional, and
    the text is everything after the closing ``---`` line, without surrounding blank lines.

    >>> a = parse_article("---\\npublished: 2020-01-07\\nid: a1\\n---\\nOn Sunday, MPs voted.\\n")
    >>> (a.id, a.published, a.text)
    ('a1', datetime.date(2020, 1, 7), 'On Sunday, MPs voted.')
    >>> parse_article("---\\nauthor: me\\n---\\nText", name="x.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    timeline.examples.FrontMatterError: x.txt:2: unknown front matter field 'author' (expected ...)
    """
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(name, None, "expected a front matter starting with a '---' line")
    fields: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            text = "".join(lines[number:]).strip("\n")
            break
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in _FIELDS:
            raise FrontMatterError(
                name, number, f"unknown front matter field {key!r} (expected {', '.join(_FIELDS)})"
            )
        fields[key], numbers[key] = value.strip(), number
    else:
        raise FrontMatterError(name, None, "the front matter has no closing '---' line")
    published = fields.pop("published", "")
    try:
        when = parse_published(published) if published else None
    except ValueError as error:
        raise FrontMatterError(name, numbers["published"], f"published {error}") from None
    return Article(text=text, published=when, **fields)


def parse_published(value: str) -> date | datetime:
    """A publication date: ``YYYY-MM-DD``, or an ISO datetime such as ``2020-01-07T09:30``.

    >>> parse_published("2020-01-07"), parse_published("2020-01-07T09:30")
    (datetime.date(2020, 1, 7), datetime.datetime(2020, 1, 7, 9, 30))
    >>> parse_published("7 January")
    Traceback (most recent call last):
    ...
    ValueError: '7 January' is not a date; expected YYYY-MM-DD, e.g. 2020-01-07
    """
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2020-01-07")
