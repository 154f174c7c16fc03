"""resolve: one time expression to an Interval."""

from __future__ import annotations

from datetime import date, datetime

from timeline.model import Interval


def resolve(
    expression: str, published: date | datetime | None = None, tense: str | None = None
) -> Interval | None:
    """Placeholder until the engine lands."""
    raise NotImplementedError
