"""The kinds of values a language file holds, and how each is checked.

Each kind's :meth:`~Kind.check` returns the value read-only (tables as mappings, lists as
tuples) or raises a ``ValueError`` naming the place.

>>> WORDS.check(["a", "b"], "x")
('a', 'b')
>>> WORDS.check(["a", "a"], "x")
Traceback (most recent call last):
...
ValueError: x: 'a' is listed twice
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

__all__ = [
    "FLAG",
    "GROUPS",
    "INT",
    "NUMBER",
    "TEXT",
    "WORDS",
    "Kind",
    "ListOf",
    "Section",
    "Table",
]


class Kind:
    """A kind of value in a language file."""

    def check(self, value: Any, where: str) -> Any:
        """``value`` read-only if it is of this kind; else a ``ValueError`` naming ``where``."""
        raise NotImplementedError


@attrs.frozen
class _Scalar(Kind):
    name: str
    types: tuple[type, ...]

    def check(self, value: Any, where: str) -> Any:
        if isinstance(value, bool) != (bool in self.types) or not isinstance(value, self.types):
            raise ValueError(f"{where}: expected {self.name}, not {value!r}")
        return value


@attrs.frozen
class _Words(Kind):
    """A list of distinct non-empty strings."""

    def check(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list of words, not {value!r}")
        seen: set[str] = set()
        for word in value:
            if not isinstance(word, str) or not word.strip():
                raise ValueError(f"{where}: expected a word, not {word!r}")
            if word in seen:
                raise ValueError(f"{where}: {word!r} is listed twice")
            seen.add(word)
        return tuple(value)


@attrs.frozen
class ListOf(Kind):
    """A list whose items are each of ``item``'s kind.

    >>> ListOf(INT).check([1, 2], "x")
    (1, 2)
    """

    item: Kind

    def check(self, value: Any, where: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list, not {value!r}")
        return tuple(self.item.check(v, f"{where}[{n}]") for n, v in enumerate(value))


@attrs.frozen
class Table(Kind):
    """A table with any keys, each value of ``value``'s kind.

    >>> dict(Table(INT).check({"sunday": 7}, "weekdays"))
    {'sunday': 7}
    """

    value: Kind

    def check(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise ValueError(f"{where}: expected a table, not {value!r}")
        return MappingProxyType({k: self.value.check(v, f"{where}.{k}") for k, v in value.items()})


@attrs.frozen
class Section(Kind):
    """A table with exactly the keys of ``fields`` (those in ``optional`` may be left out).

    With ``disjoint``, its fields are word lists no two of which share a word (a word has one
    class at most).

    >>> Section({"a": WORDS, "b": WORDS}, disjoint=True).check({"a": ["x"], "b": ["x"]}, "c")
    Traceback (most recent call last):
    ...
    ValueError: c: 'x' is in both a and b
    >>> Section({"a": WORDS}).check({"b": []}, "")
    Traceback (most recent call last):
    ...
    ValueError: b: unknown key (expected one of a)
    """

    fields: Mapping[str, Kind]
    optional: frozenset[str] = frozenset()
    disjoint: bool = False

    def check(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise ValueError(f"{where or 'the file'}: expected a table, not {value!r}")
        prefix = f"{where}." if where else ""
        unknown = sorted(set(value) - set(self.fields))
        if unknown:
            expected = ", ".join(self.fields)
            raise ValueError(f"{prefix}{unknown[0]}: unknown key (expected one of {expected})")
        missing = sorted(set(self.fields) - set(value) - self.optional)
        if missing:
            raise ValueError(f"{prefix}{missing[0]}: missing")
        checked = {
            key: kind.check(value[key], f"{prefix}{key}")
            for key, kind in self.fields.items()
            if key in value
        }
        if self.disjoint:
            owner: dict[str, str] = {}
            for key, listed in checked.items():
                for word in listed:
                    if word in owner:
                        place = f"{where}: " if where else ""
                        raise ValueError(f"{place}{word!r} is in both {owner[word]} and {key}")
                    owner[word] = key
        return MappingProxyType(checked)


#: A list of distinct words or phrases.
WORDS: Kind = _Words()
#: A list of groups of words (synonyms, aliases); a word may be in several groups.
GROUPS: Kind = ListOf(_Words())
#: Scalars.
TEXT: Kind = _Scalar("a string", (str,))
INT: Kind = _Scalar("an integer", (int,))
NUMBER: Kind = _Scalar("a number", (int, float))
FLAG: Kind = _Scalar("true or false", (bool,))
