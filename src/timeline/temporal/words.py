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
from collections.abc import Iterable
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
    """A regex alternation of ``words``, longest first, spaces matching any whitespace: a
    :func:`trie`, which reads each letter once however many words begin alike (for no
    words, a pattern that matches the empty string)."""
    words = list(words)
    return trie(words) if words else "(?:)"


def trie(words: Iterable[str]) -> str:
    """A regex for any of ``words`` (lower case), the longest where several begin alike,
    built as a trie so that it costs little however many words there are; a space matches
    any whitespace. One that never matches for no words.

    >>> print(trie(["est", "edt", "eastern time"]))
    (?:e(?:astern\\s+time|dt|st))
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return f"(?:{_branches(root)})" if root else "(?!)"


def _branches(node: dict[str, Any]) -> str:
    branches = []
    for char, child in sorted(node.items()):
        if char:
            letter = r"\s+" if char == " " else "['\u2019]" if char == "'" else re.escape(char)
            branches.append(letter + _branches(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(node) == 1 else f"(?:{'|'.join(branches)})"
    return f"{body}?" if "" in node else body
