"""Example news articles bundled with the package, written for the project.

Each file in ``timeline/data/examples/`` starts with a small front matter between two
``---`` lines (``published``, ``id``, ``source``, ``title``), followed by the article text:

>>> articles = load_examples()
>>> [(a.id, a.published.isoformat()) for a in articles]  # doctest: +NORMALIZE_WHITESPACE
[('shoigu-call', '2020-01-07'), ('istanbul-statement', '2020-01-08'),
 ('iraq-withdrawal', '2020-01-11')]
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources

from timeline.model import Article

__all__ = ["load_examples", "parse_article"]

_FIELDS = ("published", "id", "source", "title")


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
    ValueError: x.txt, line 2: unknown front matter field 'author' (expected published, id, ...)
    """
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ValueError(f"{name}: expected a front matter starting with a '---' line")
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            text = "".join(lines[number:]).strip("\n")
            break
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in _FIELDS:
            raise ValueError(
                f"{name}, line {number}: unknown front matter field {key!r} "
                f"(expected {', '.join(_FIELDS)})"
            )
        fields[key] = value.strip()
    else:
        raise ValueError(f"{name}: the front matter has no closing '---' line")
    published = _published(fields.pop("published", ""), name)
    return Article(text=text, published=published, **fields)


def _published(value: str, name: str) -> date | datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{name}: published {value!r} is not a date (YYYY-MM-DD) or ISO datetime"
        ) from None
