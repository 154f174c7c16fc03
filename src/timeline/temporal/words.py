"""The English word lists and data files of ``lexicon/``, and regex alternations of words.

>>> lexicon()["weekdays"]["sunday"]
7
>>> re.fullmatch(alternation(["new year's day"]), "New Year\u2019s  Day", re.I) is not None
True
"""

from __future__ import annotations

import functools
import re
import sys
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


@functools.cache
def lexicon() -> dict[str, Any]:
    """The English word lists of ``lexicon/en.toml``."""
    return load_toml("en.toml")


def load_toml(name: str) -> dict[str, Any]:
    with resources.files("timeline.temporal.lexicon").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
        for w in sorted(words, key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"
