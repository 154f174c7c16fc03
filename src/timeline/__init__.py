"""timeline: reconstruct what happened, and when, from news articles.

>>> import timeline
>>> from datetime import date
>>> timeline.resolve("two days ago", published=date(2020, 1, 7)).timex
'2020-01-05'
"""

from timeline.articles import read_articles
from timeline.export.timeml import to_timeml
from timeline.model import (
    Anchor,
    Argument,
    Article,
    ArticleRecord,
    Event,
    EventMention,
    Granularity,
    Interval,
    Participant,
    TimeExpression,
    Timeline,
)
from timeline.pipeline import build, extract_events, merge
from timeline.temporal.resolve import resolve
from timeline.temporal.tagger import find_times

__all__ = [
    "Anchor",
    "Argument",
    "Article",
    "ArticleRecord",
    "Event",
    "EventMention",
    "Granularity",
    "Interval",
    "Participant",
    "TimeExpression",
    "Timeline",
    "build",
    "extract_events",
    "find_times",
    "merge",
    "read_articles",
    "resolve",
    "to_timeml",
]
__version__ = "0.1.0.dev0"
