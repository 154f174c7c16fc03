"""find_times: every time expression in a text, resolved against its publication date."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from timeline.model import TimeExpression


def find_times(
    text: str, published: date | datetime | None = None, *, doc: Any = None
) -> list[TimeExpression]:
    """Placeholder until the engine lands."""
    raise NotImplementedError
