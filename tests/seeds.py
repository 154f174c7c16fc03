"""The seed articles, read in place from ../shared/seeds; tests using them skip without it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import Article

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed(identifier: str, *, id: str | None = None) -> Article:
    """Seed article ``identifier`` with its publication date, under ``id`` if given."""
    if not (SEEDS / "manifest.json").exists():
        pytest.skip(f"{SEEDS} not found")
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    [entry] = [a for a in manifest["articles"] if a["id"] == identifier]
    return Article(
        (SEEDS / entry["file"]).read_text(encoding="utf-8"),
        published=date.fromisoformat(entry["published"]),
        id=id or identifier,
        source=entry["source"],
    )
