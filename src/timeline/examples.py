"""Example news articles bundled with the package, written for the project.

Each file in ``timeline/data/examples/`` is an article file as :func:`timeline.read_articles`
reads it: a front matter between two ``---`` lines (``published``, ``id``, ``source``,
``title``), then the article text:

>>> articles = load_examples()
>>> [(a.id, a.published.isoformat()) for a in articles]  # doctest: +NORMALIZE_WHITESPACE
[('shoigu-call', '2020-01-07'), ('istanbul-statement', '2020-01-08'),
 ('iraq-withdrawal', '2020-01-11')]
"""

from __future__ import annotations

from importlib import resources

from timeline.articles import parse_article
from timeline.model import Article

__all__ = ["load_examples"]


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
