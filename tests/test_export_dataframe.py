"""The pandas DataFrame export: one row per event; a clear ImportError without pandas."""

from __future__ import annotations

import sys
from datetime import datetime

import pytest

from timeline import Event, EventMention, Granularity, Interval, Participant, Timeline

pandas = pytest.importorskip("pandas")

DAY = Interval(datetime(2020, 1, 5), datetime(2020, 1, 6), Granularity.DAY)
IRAQ = Participant("Iraq", "irak", "GPE", "agent")


def test_one_row_per_event_with_its_fields():
    mentions = [
        EventMention("b", 0, 5, "voted", "vote", 0),
        EventMention("a", 3, 7, "vote", "vote", 0),
        EventMention("a", 30, 34, "vote", "vote", 2),
    ]
    tl = Timeline(
        [
            Event(
                "e1",
                mentions,
                (IRAQ,),
                DAY.start,
                DAY.end,
                DAY,
                "Iraq voted",
                "Baghdad",
                0.75,
            ),
            Event("e2", mentions[:1]),
        ]
    )
    frame = tl.to_dataframe()
    columns = "id earliest latest when granularity label participants location confidence"
    assert list(frame.columns) == [*columns.split(), "articles", "mentions"]
    first, second = frame.to_dict("records")
    assert first == {
        "id": "e1",
        "earliest": pandas.Timestamp(2020, 1, 5),
        "latest": pandas.Timestamp(2020, 1, 6),
        "when": "2020-01-05",
        "granularity": "day",
        "label": "Iraq voted",
        "participants": ("Iraq",),
        "location": "Baghdad",
        "confidence": 0.75,
        "articles": ("a", "b"),
        "mentions": 3,
    }
    assert pandas.isna(second["earliest"]) and pandas.isna(second["latest"])
    assert all(pandas.isna(second[name]) for name in ("when", "granularity", "location"))
    assert str(frame["earliest"].dtype).startswith("datetime64")
    assert (second["articles"], second["mentions"], second["confidence"]) == (("b",), 1, 1.0)


def test_without_pandas_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "news-timeline\[pandas\]"'):
        Timeline(()).to_dataframe()
