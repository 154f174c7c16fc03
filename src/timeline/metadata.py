"""Read-only, hashable metadata of an article: what its source says beside its text.

:class:`Metadata` is a mapping of names to JSON values (strings, numbers, true/false, null,
arrays and objects), frozen all the way down: arrays become tuples, objects
:class:`Metadata`, so that an :class:`~timeline.Article` that carries it stays a hashable
value.

>>> meta = Metadata({"url": "https://example.org/a1", "tags": ["iraq", "vote"]})
>>> meta["url"], meta["tags"], hash(meta) == hash(Metadata(dict(meta)))
('https://example.org/a1', ('iraq', 'vote'), True)
>>> meta.to_json()
{'tags': ['iraq', 'vote'], 'url': 'https://example.org/a1'}
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["Metadata", "lone_surrogate"]


class Metadata(Mapping[str, Any]):
    """A frozen mapping of names to JSON values; ``TypeError`` for anything else.

    >>> Metadata({"when": object()})
    Traceback (most recent call last):
    ...
    TypeError: metadata 'when' must be a JSON value (text, number, true/false, null, list, \
mapping), not object
    """

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[str, Any] | None = None) -> None:
        if items is None:
            items = {}
        if not isinstance(items, Mapping):
            raise TypeError(f"metadata must be a mapping, not {type(items).__name__}")
        frozen = {}
        for key in sorted(items, key=lambda k: (not isinstance(k, str), str(k))):
            if not isinstance(key, str):
                raise TypeError(f"metadata names must be strings, not {type(key).__name__}")
            frozen[key] = _frozen(items[key], key)
        self._items: dict[str, Any] = frozen
        self._hash: int | None = None

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Metadata):
            return self._items == other._items
        return isinstance(other, Mapping) and self._items == dict(other.items())

    def __repr__(self) -> str:
        return f"Metadata({self._items!r})"

    def to_json(self) -> dict[str, Any]:
        """A plain dict of plain lists and dicts, ready for :func:`json.dumps`."""
        return {key: _thawed(value) for key, value in self._items.items()}


def _frozen(value: Any, name: str) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        if isinstance(value, str) and lone_surrogate(value) is not None:
            raise ValueError(f"metadata {name!r} holds a lone surrogate (not Unicode text)")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"metadata {name!r} must be a finite number, not {value}")
        return value
    if isinstance(value, Mapping):
        return Metadata(value)
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item, name) for item in value)
    raise TypeError(
        f"metadata {name!r} must be a JSON value (text, number, true/false, null, list, "
        f"mapping), not {type(value).__name__}"
    )


def _thawed(value: Any) -> Any:
    if isinstance(value, Metadata):
        return value.to_json()
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value


def lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in ``text`` (a code point that UTF-8 cannot
    encode, as ``"\\ud800"`` in JSON gives), or ``None`` when there is none.

    >>> lone_surrogate("ok"), lone_surrogate("a\\ud800b")
    (None, 1)
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None
