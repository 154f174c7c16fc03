"""Blocking: the pairs of groups worth scoring. Groups that share a participant key and a
predicate class, or a predicate class and a day they are dated to, or, for groups no
publication date bounds, a predicate stem or class (which groups of dated articles of that
predicate join), or, for reports that may be near
(:attr:`~timeline.merging.groups._Cluster.reported`), a predicate stem or class and a few
days of publication, are in one block (:func:`_block_keys`);
within a block each group meets only the next ``window`` (``lang/en/merging.toml``) in time,
so the number of pairs grows near-linearly. Pairs are made a batch of blocks at a time and
held only as distinct numbers in arrays (:func:`_pairs`).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from timeline.lang import words
from timeline.merging.groups import _Cluster

__all__: list[str] = []

_BUCKETED = 8  # clusters dated to at most this many days are blocked by day too
_SPAN = 4  # the days of publication of reports blocked together (:func:`_block_keys`)

#: Pairs are scored this many at a time (:meth:`timeline.merging.clustering._Clustering._scores`).
_SCORED = 1 << 11

#: Pairs are made from blocks of about this many clusters in all at a time.
_BATCH = 1 << 12


def _pairs(clusters: Iterable[_Cluster | None], size: int) -> list[np.ndarray[Any, Any]]:
    """The distinct pairs of today's ``clusters`` (``None`` for the mentions that have joined
    another) that meet in a block, each cluster with the next ``window`` of each of its
    blocks in time, as sorted numbers ``a * size + b`` (``a < b``; ``size``: how many
    mentions there are) of the type :func:`_held`, in parts (:func:`_parts`: the last part
    first); found a batch of blocks at a time, so that only the distinct pairs are held."""
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    hosted: set[tuple[Any, ...]] = set()  # the blocks of predicates with an undated group
    live = sorted((c for c in clusters if c is not None), key=_when)
    for cluster in live:  # so each block lists its clusters in time
        for key in _block_keys(cluster):
            blocks[key].append(cluster.root)
        if cluster.issued is not None:  # met by undated groups of its predicates, if any
            for key in _predicate_keys(cluster):
                blocks[key].append(cluster.root)
        elif cluster.named:
            hosted.update(_predicate_keys(cluster))
    del live
    for key in {k for k in blocks if k[0] in ("lemma", "class")} - hosted:
        del blocks[key]
    window = words("merging")["window"]
    # the distinct pairs so far, then the pairs of the batches since
    held = _held(size)
    found: list[np.ndarray[Any, Any]] = [np.zeros(0, dtype=held)]
    batch: list[list[int]] = []
    count = 0
    while blocks:
        members = blocks.popitem()[1]
        if len(members) > 1:
            batch.append(members)
            count += len(members)
        if count >= _BATCH or not blocks:
            found.append(_near(batch, window, size).astype(held))
            batch, count = [], 0
            if 2 * sum(map(len, found[1:])) >= len(found[0]) or not blocks:
                found = [_distinct(found)]
    return _parts(found[0])


def _held(size: int) -> type[np.unsignedinteger[Any]] | type[np.signedinteger[Any]]:
    """The type the numbers of the pairs of ``size`` mentions are held in (:func:`_pairs`)
    until they are taken: 32 bits where those hold them (up to 65,536 mentions), half the
    memory, else 64.

    >>> _held(65_536), _held(65_537)
    (<class 'numpy.uint32'>, <class 'numpy.int64'>)
    """
    return np.uint32 if size * size <= 1 << 32 else np.int64


def _block_keys(cluster: _Cluster) -> set[tuple[Any, ...]]:
    keys: set[tuple[Any, ...]] = set()
    if cluster.named:
        keys.update(_predicate_keys(cluster))
    elif cluster.issued is not None and cluster.reported:
        # a few days of publication at a time: reports further apart are never near; any
        # two days at most two apart share one of the spans [4n, 4n + 4) or [4n + 2, 4n + 6)
        spans = {
            (day.toordinal() + shift) // _SPAN * 2 + bool(shift)
            for day in cluster.issued
            for shift in (0, _SPAN // 2)
        }
        keys.update(("lemma near", lemma, span) for lemma in cluster.lemmas for span in spans)
        keys.update(("class near", kind, span) for kind in cluster.classes for span in spans)
    for kind in cluster.classes:
        keys.update(("who", key, kind) for key in cluster.roles)
        if cluster.low is not None and cluster.high is not None:
            days = (cluster.high - cluster.low).days + 1
            if days <= _BUCKETED:
                first = cluster.low.date()
                keys.update(("day", first + timedelta(days=d), kind) for d in range(days))
    return keys


def _predicate_keys(cluster: _Cluster) -> set[tuple[Any, ...]]:
    """The blocks of ``cluster``'s predicate stems and classes."""
    return {("lemma", stem) for stem in cluster.lemmas} | {
        ("class", kind) for kind in cluster.classes
    }


def _when(cluster: _Cluster) -> tuple[Any, ...]:
    point = cluster.high or cluster.low
    return (point is None, point or datetime.min, cluster.low or datetime.min, cluster.root)


def _near(
    blocks: Sequence[Sequence[int]], window: int, size: int
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The distinct pairs of ``blocks`` (clusters in time order) as sorted numbers
    ``a * size + b`` (``a < b``): each cluster with the next ``window`` of its block."""
    members = np.fromiter(itertools.chain.from_iterable(blocks), dtype=np.int64)
    block = np.repeat(np.arange(len(blocks)), [len(b) for b in blocks])
    found = []
    for step in range(1, window + 1):
        both = block[:-step] == block[step:]
        if not both.any():
            break
        first, second = members[:-step][both], members[step:][both]
        found.append(np.minimum(first, second) * size + np.maximum(first, second))
    return _distinct(found) if found else np.zeros(0, dtype=np.int64)


def _distinct(arrays: list[np.ndarray[Any, Any]]) -> np.ndarray[Any, Any]:
    """The distinct numbers of ``arrays`` (each its own, not a view), sorted, in the first of
    them (grown in place, then cut to them); ``arrays`` is emptied. What :func:`numpy.unique`
    does with three copies of the numbers, with one and a byte a number (and without the
    import of ``numpy.ma``, 1 MB, that it makes in NumPy 2 on its first call).

    >>> _distinct([np.array([3, 1]), np.array([1, 2])]).tolist()
    [1, 2, 3]
    """
    numbers = arrays[0]
    at = numbers.size
    numbers.resize(sum(map(len, arrays)), refcheck=False)
    for more in arrays[1:]:
        numbers[at : at + more.size] = more
        at += more.size
    arrays.clear()
    numbers.sort()
    first = np.ones(len(numbers), dtype=bool)
    np.not_equal(numbers[1:], numbers[:-1], out=first[1:])
    # each number moved to its place among the distinct ones, a part at a time
    at = 0
    for start in range(0, len(numbers), _SCORED):
        distinct = numbers[start : start + _SCORED][first[start : start + _SCORED]]
        numbers[at : at + distinct.size] = distinct
        at += distinct.size
    numbers.resize(at, refcheck=False)
    return numbers


def _parts(numbers: np.ndarray[Any, Any]) -> list[np.ndarray[Any, Any]]:
    """``numbers`` in parts of at most :data:`_SCORED`, the last part first; each is copied
    off the end of ``numbers`` and ``numbers`` cut short, so that none is held twice.

    >>> [len(part) for part in _parts(np.arange(_SCORED + 1))]
    [2048, 1]
    """
    parts = []
    while numbers.size:
        cut = max(0, numbers.size - _SCORED)
        parts.append(numbers[cut:].copy())
        numbers.resize(cut, refcheck=False)
    return parts
