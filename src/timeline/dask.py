"""Building a timeline with Dask: articles analysed on a cluster's workers, merged once.

Needs ``pip install "news-timeline[dask]"``. :func:`build` takes the articles as a
``dask.bag`` of :class:`~timeline.Article` (or a ``dask.dataframe`` with a ``text`` column and
optional ``published`` (datetimes, dates or ISO 8601 text), ``id``, ``source``, ``title``)
and returns what :func:`timeline.build` returns for the same articles, event for event:

- **on the workers, per partition**: ids (:func:`timeline.pipeline.prepare`'s content ids),
  parsing and analysis (:func:`timeline.pipeline.analyse_many`; each worker process loads
  spaCy once and keeps it), which is nearly all of the time of a build;
- **global, where** ``build`` **is called**: the check that no id is given twice, and the
  merge (:func:`timeline.pipeline.timeline_of`), fed with each article's mentions, order cues
  and whether it is dated, never its text.

The merge stays in one place because its result is global: pairs of mentions join best
first across the whole corpus, and how alike two articles are is weighed against every
article; split by blocking keys, the connected components of candidate pairs on real news
hold most mentions in one component (45% of the mentions of the TempEval-3 and ECB+
articles), so merging per block would not spread the work.

A cluster is named by its scheduler's address::

    from dask.distributed import Client
    import dask.bag
    client = Client("tcp://scheduler:8786")
    tl = timeline.dask.build(dask.bag.from_sequence(articles, npartitions=64))

>>> import dask.bag
>>> from datetime import date
>>> from timeline import Article
>>> bag = dask.bag.from_sequence(
...     [Article("Iraq's parliament voted on Sunday.", date(2020, 1, 7), "a")], npartitions=1)
>>> [e.label for e in build(bag, scheduler="sync")]
["Iraq's parliament voted"]
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

import attrs

from timeline.model import Article, Timeline
from timeline.pipeline import ArticleEvents, analyse_many, timeline_of

__all__ = ["build"]


def build(articles: Any, nlp: Any = None, *, scheduler: str | None = None) -> Timeline:
    """The timeline of ``articles``, a ``dask.bag`` of Articles or a ``dask.dataframe`` of
    their fields, equal to :func:`timeline.build` on them. ``nlp`` is sent to every worker
    (default: each loads the installed English model); ``scheduler`` is passed to
    ``compute`` (default: the current client's cluster, else Dask's own default)."""
    import dask.bag
    import dask.dataframe

    if isinstance(articles, dask.dataframe.DataFrame):
        articles = articles.to_bag(format="dict").map(_article)
    if not isinstance(articles, dask.bag.Bag):
        raise TypeError(
            f"articles must be a dask.bag.Bag or dask.dataframe.DataFrame, not "
            f"{type(articles).__name__}"
        )
    analysed = articles.map_partitions(_analyse, nlp).compute(scheduler=scheduler)
    counts = Counter(result.article.id for result in analysed)
    repeated = sorted(i for i, n in counts.items() if n > 1)
    if repeated:
        listed = ", ".join(f"{i!r} ({counts[i]} articles)" for i in repeated)
        raise ValueError(f"duplicate article ids: {listed}; give each article its own id")
    return timeline_of(analysed)


def _article(row: dict[str, Any]) -> Article:
    """The article of a dataframe row; missing values (``None``, ``NaN``, ``NaT``) left out,
    a publication time as a datetime, or as ISO 8601 text (a date alone stays a date)."""
    fields = {}
    for name in ("published", "id", "source", "title"):
        value = row.get(name)
        if value is not None and value == value:  # NaN and NaT are not equal to themselves
            fields[name] = value
    published = fields.get("published")
    if isinstance(published, str):
        fields["published"] = (
            date.fromisoformat(published)
            if len(published) == 10
            else datetime.fromisoformat(published)
        )
    elif hasattr(published, "to_pydatetime"):
        fields["published"] = published.to_pydatetime()
    return Article(row["text"], **fields)


def _analyse(partition: Any, nlp: Any) -> list[ArticleEvents]:
    """The analyses of a partition's articles, without their text and times (the merge
    needs neither)."""
    return [
        attrs.evolve(result, article=attrs.evolve(result.article, text=""), times=())
        for result in analyse_many(partition, nlp)
    ]
