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
    ZoneMention,
)
from timeline.pipeline import build, extract_events, merge
from timeline.temporal.resolve import resolve
from timeline.temporal.tagger import find_times
from timeline.temporal.zone_mentions import find_zones

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
    "ZoneMention",
    "build",
    "extract_events",
    "find_times",
    "find_zones",
    "merge",
    "read_articles",
    "resolve",
    "to_timeml",
]
__version__ = "0.1.0.dev0"
