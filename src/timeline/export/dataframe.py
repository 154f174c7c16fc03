"""A pandas ``DataFrame`` of a timeline: one row per event, in timeline order.

Needs the ``pandas`` extra (``pip install "news-timeline[pandas]"``). Missing values
(``None`` on the event) are pandas' missing values (``NaT``, ``NaN``...). The columns:

- ``id``: the event id;
- ``earliest``, ``latest``: its bounds (``earliest`` included, ``latest`` excluded), missing
  where unbounded;
- ``when``, ``granularity``: the TIMEX3 value of the interval it is known to lie in, and that
  interval's granularity (``"day"``...);
- ``label``: who did what to whom, where;
- ``participants``: the participants' names, a tuple;
- ``location``: its place;
- ``confidence``: in ``[0, 1]``;
- ``articles``: the ids of the articles that report it, a sorted tuple;
- ``mentions``: how many mentions report it.

>>> from timeline import Timeline
>>> list(dataframe(Timeline(())).columns)[:4]
['id', 'earliest', 'latest', 'when']
"""

from __future__ import annotations

from typing import Any

from timeline.model import Timeline

__all__ = ["COLUMNS", "dataframe"]

#: The columns of :func:`dataframe`, in order.
COLUMNS: tuple[str, ...] = (
    "id",
    "earliest",
    "latest",
    "when",
    "granularity",
    "label",
    "participants",
    "location",
    "confidence",
    "articles",
    "mentions",
)


def dataframe(timeline: Timeline) -> Any:
    """The events of ``timeline`` as a ``pandas.DataFrame``; ``ImportError`` without pandas.

    >>> from datetime import datetime
    >>> from timeline import Event, EventMention
    >>> e = Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0)], label="MPs voted",
    ...           earliest=datetime(2020, 1, 5), latest=datetime(2020, 1, 6))
    >>> row = dataframe(Timeline([e])).iloc[0]
    >>> (row.label, row.articles, int(row.mentions), row.earliest.isoformat())
    ('MPs voted', ('a1',), 1, '2020-01-05T00:00:00')
    """
    try:
        import pandas
    except ImportError:
        raise ImportError(
            'Timeline.to_dataframe needs pandas: pip install "news-timeline[pandas]"'
        ) from None
    rows = [
        (
            e.id,
            e.earliest,
            e.latest,
            None if e.when is None else e.when.timex,
            None if e.when is None else e.when.granularity.value,
            e.label,
            tuple(p.name for p in e.participants),
            e.location,
            e.confidence,
            e.articles,
            len(e.mentions),
        )
        for e in timeline.events
    ]
    return pandas.DataFrame.from_records(rows, columns=list(COLUMNS))
