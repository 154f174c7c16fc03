"""Language data: the words and patterns of each stage, as TOML files in ``lang/<code>/``.

:func:`words` reads one file, checks it against its schema (:mod:`timeline.lang.schemas`) and
returns it read-only: sections are mappings, word lists tuples (the kinds of values and their
checks are in :mod:`timeline.lang.kinds`). A file that does not fit its schema is refused when
it is first read, naming the place: an unknown or missing key (a misspelt section is never
silently ignored), a value of the wrong type, a word listed twice, or a word in two classes
that must not share words.

>>> words("events")["verbs"]["light"][:3]
('carry', 'make', 'hold')
>>> from timeline.lang.kinds import WORDS
>>> check({"light": ["make", "make"]}, Section({"light": WORDS}), "events")
Traceback (most recent call last):
...
ValueError: events: light: 'make' is listed twice
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from timeline.lang.kinds import Section
from timeline.lang.schemas import SCHEMAS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["check", "words"]


def check(data: Mapping[str, Any], schema: Section, where: str) -> Mapping[str, Any]:
    """``data`` read-only if it fits ``schema``; else a ``ValueError`` naming the file
    ``where`` and the place in it."""
    try:
        return schema.check(dict(data), "")
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from None


@functools.cache
def words(name: str, language: str = "en") -> Mapping[str, Any]:
    """The language file ``lang/<language>/<name>.toml``, checked against its schema.

    >>> words("merging")["weights"]["threshold"]
    0.5
    """
    path = resources.files("timeline.lang").joinpath(language).joinpath(f"{name}.toml")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return check(data, SCHEMAS[name], f"lang/{language}/{name}.toml")
