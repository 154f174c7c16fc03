"""How alike the articles of two groups of mentions are: the cosine of the articles' tf-idf
profiles (:class:`_Articles`), each with its nearest neighbours' added: what tells the
stories of articles apart where no publication date bounds a pair.

Profiles are sparse vectors (:data:`_Sparse`), held as the rows of one matrix (:class:`_Rows`)
whose dot products are found many at a time; the cosines found are kept in sorted arrays
(:class:`_Found`), the similarities of groups only the latest (:class:`_Recent`).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import numpy as np

from timeline.lang import words
from timeline.merging.blocking import _distinct
from timeline.merging.predicates import predicate_stem
from timeline.model import EventMention
from timeline.references import spoken_for

__all__: list[str] = []

#: What an article tells of: its participant keys, places, dates, predicate stems and the names
#: its arguments stand for (each with a letter for its kind), each with how often, sorted.
_Profile = tuple[tuple[str, int], ...]

#: How many of the latest cosines and similarities found are kept in dicts (:class:`_Found`,
#: :class:`_Recent`).
_LATEST = 1 << 12

#: Fewer dot products than this are found one at a time.
_FEW = 8

#: What :meth:`_Recent.recall` gives for a key it does not hold.
_UNKNOWN: Any = object()

K = TypeVar("K")
V = TypeVar("V")


class _Articles:
    """How alike the articles of the mentions are: the cosine of their tf-idf profiles of
    participant keys, places, dates, predicate stems and the names their arguments stand
    for, over the articles merged together, each with its nearest neighbours' added.

    Articles of one story share who and where; two similar happenings (two earthquakes,
    two arrests of one player) are told with other names, places and days. Articles with
    one profile (copies) count once. The profiles are sparse arrays (:data:`_Sparse`); the
    cosines found are all kept (:class:`_Found`, 16 bytes each), the similarities of the
    groups compared only the latest (:class:`_Recent`), as their keys are larger.
    """

    def __init__(self, profiles: Mapping[str, _Profile]) -> None:
        """``profiles``: each article's (:func:`_profiles`)."""
        self.cosines = _Found(_LATEST)  # by pair, as x * profiles + y
        self.similarities: _Recent[tuple[tuple[int, ...], ...], float | None] = _Recent(_LATEST)
        distinct = {profile: Counter(dict(profile)) for profile in profiles.values()}
        numbers = {profile: n for n, profile in enumerate(sorted(distinct))}
        self.profile = {article: numbers[profile] for article, profile in profiles.items()}
        n = len(distinct)
        counts = Counter(k for f in distinct.values() for k in f)
        # each feature numbered in the order of its name, so that the numbers sort as the
        # names do and compare faster
        number = {k: i for i, k in enumerate(sorted(counts))}
        vectors: dict[int, dict[int, float]] = {}
        for profile, f in distinct.items():
            # what every article has tells none apart
            v = {
                k: (1 + math.log(c)) * math.log(1 + n / counts[k])
                for k, c in f.items()
                if counts[k] < n
            }
            vectors[numbers[profile]] = _normalized({number[k]: x for k, x in v.items()})
        # Articles of one story that share little with each other share the articles between
        # them ("Lohan checks into rehab", "Lohan's lawyer", "the Betty Ford Center"): each
        # profile is compared with its nearest neighbours' added, weighted by their cosines
        # (those of the two compared left out, or two articles would be alike through each
        # other).
        merging = words("merging")
        self.neighbours = _neighbours(vectors, merging["neighbours"], merging["neighbour_postings"])
        self.vectors = [_sparse(vectors[n]) for n in range(len(vectors))]
        self.stories = len(self.vectors) >= merging["context_minimum"]
        self.grown: list[_Sparse] = []
        for n in range(len(vectors)):
            grown = dict(vectors[n])
            for other, alike in self.neighbours[n].items():
                for k, x in vectors[other].items():
                    grown[k] = grown.get(k, 0.0) + alike * x
            self.grown.append(_sparse(grown))
        self.rows = _Rows.of(self.grown)
        self.grown = self.rows.vectors()
        self.lengths = [_dot(grown, grown) for grown in self.grown]

    def cosine(self, x: int, y: int) -> float | None:
        """``None`` when one of the two has nothing the other articles lack, or when there
        are fewer than three articles to compare."""
        if len(self.vectors) < 3 or not (self.vectors[x][0].size and self.vectors[y][0].size):
            return None
        return self._cosine(x, y)

    def _cosine(self, x: int, y: int) -> float:
        """The cosine of two profiles that both have something the other articles lack, each
        with its nearest neighbours but the other one added (:meth:`__init__`)."""
        if y < x:
            x, y = y, x
        found = self.cosines.recall(x * len(self.vectors) + y)
        if found is _UNKNOWN:
            found = self._found(x, y, _dot(self.grown[x], self.grown[y]))
        return found

    def _found(self, x: int, y: int, product: float) -> float:
        """:meth:`_cosine` of ``x < y``, found from the dot product of their grown vectors
        and kept."""
        length_a, length_b = self.lengths[x], self.lengths[y]
        # each grown vector less the other one, if it is among its neighbours
        wa, wb = self.neighbours[x].get(y, 0.0), self.neighbours[y].get(x, 0.0)
        if wa or wb:
            grown_a, grown_b = self.grown[x], self.grown[y]
            a, b = self.vectors[x], self.vectors[y]
            product += wa * wb * _dot(a, b) - wb * _dot(grown_a, a) - wa * _dot(b, grown_b)
            length_a += wa * wa - 2 * wa * _dot(grown_a, b)
            length_b += wb * wb - 2 * wb * _dot(grown_b, a)
        found = product / math.sqrt(max(length_a * length_b, 1e-12))
        self.cosines.keep(x * len(self.vectors) + y, found)
        return found

    def expect(
        self,
        ours: np.ndarray[Any, np.dtype[np.int64]],
        theirs: np.ndarray[Any, np.dtype[np.int64]],
    ) -> None:
        """Find at once the cosines of the profiles ``ours[i]`` and ``theirs[i]`` (``-1``:
        none) that :meth:`cosine` may be asked for next, so that it recalls each from a dict:
        those not found yet from the dot products of many pairs of grown vectors at a time
        (:meth:`_Rows.dots`), the same to the last bit as one pair at a time."""
        vectors = len(self.vectors)
        if vectors < 3:
            return
        some = self.rows.some
        both = (ours >= 0) & (theirs >= 0) & (ours != theirs)
        x, y = ours[both], theirs[both]
        both = some[x] & some[y]
        x, y = x[both], y[both]
        keys = _distinct([np.minimum(x, y) * vectors + np.maximum(x, y)])
        x, y = np.divmod(self.cosines.missing(keys), vectors)
        self._computed(list(zip(x.tolist(), y.tolist(), strict=True)))

    def cosines_of(
        self,
        ours: np.ndarray[Any, np.dtype[np.int64]],
        theirs: np.ndarray[Any, np.dtype[np.int64]],
    ) -> tuple[np.ndarray[Any, np.dtype[np.float64]], np.ndarray[Any, np.dtype[np.bool_]]]:
        """:meth:`cosine` of the profiles ``ours[i]`` and ``theirs[i]`` (``-1``: none), found
        already (:meth:`expect`), and where it is not ``None``."""
        vectors = len(self.vectors)
        known = (ours >= 0) & (theirs >= 0) & (ours != theirs) & (vectors >= 3)
        known[known] = self.rows.some[ours[known]] & self.rows.some[theirs[known]]
        x, y = ours[known], theirs[known]
        alike = np.zeros(len(ours), dtype=np.float64)
        alike[known] = self.cosines.recall_all(np.minimum(x, y) * vectors + np.maximum(x, y))
        return alike, known

    def _computed(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """The cosines of ``pairs`` of profiles ``x < y`` not found yet (:meth:`_cosine`),
        found and kept: the dot products of many at a time (:meth:`_Rows.dots`)."""
        if len(pairs) < _FEW:
            products = [_dot(self.grown[x], self.grown[y]) for x, y in pairs]
        else:
            first, second = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
            products = self.rows.dots(first, second)
        return [self._found(x, y, p) for (x, y), p in zip(pairs, products, strict=True)]

    def similarity(self, ours: Sequence[int], theirs: Sequence[int]) -> float | None:
        """The mean :meth:`cosine` of two different articles, one of each group (given by
        their first ``context_articles`` profiles, as :class:`_Cluster` keeps them); ``None``
        if there are none. The mean, not the highest: the more articles a group has, the
        likelier one of them is alike by chance. Only the first profiles are compared, so
        that the cost stays bounded however many articles a group has."""
        if len(ours) == len(theirs) == 1:  # most groups tell of one article: one cosine
            x, y = ours[0], theirs[0]
            return None if x == y else self.cosine(x, y)
        key = (tuple(ours), tuple(theirs)) if ours <= theirs else (tuple(theirs), tuple(ours))
        alike = self.similarities.recall(key)
        if alike is _UNKNOWN:
            vectors = self.vectors
            found = []
            if len(vectors) >= 3:
                ours = [x for x in ours if vectors[x][0].size]
                theirs = [y for y in theirs if vectors[y][0].size]
                found = [self._cosine(x, y) for x in ours for y in theirs if x != y]
            alike = math.fsum(found) / len(found) if found else None
            self.similarities.keep(key, alike)
        return alike


def _profiles(
    mentions: Sequence[EventMention], copies: Sequence[int], runs: Iterable[tuple[int, int]]
) -> dict[str, _Profile]:
    """The profile of each article of ``mentions`` (:class:`_Articles`), by id, the traits of
    each text counted once for all its copies (``copies``: the index of the first mention of
    each one's text, as :class:`~timeline.cluster.Index` finds them; ``runs``: the ``(start,
    end)`` indices of each article's mentions). Articles share one copy of each feature's
    name, of each feature with its count and of each profile (copies of a text), as an update
    keeps them all (:class:`~timeline.cluster.Index`); the features of a text are kept on
    the way only if another article copies it."""
    copied = {first for i, first in enumerate(copies) if first != i}
    features: dict[int, list[str]] = {}
    names: dict[str, str] = {}
    items: dict[tuple[str, int], tuple[str, int]] = {}
    profiles: dict[_Profile, _Profile] = {}
    # articles of the same texts (copies) have one profile, counted once
    by_texts: dict[tuple[int, ...], _Profile] = {}
    kept = {}
    for start, end in runs:
        texts = tuple(copies[start:end])
        profile = by_texts.get(texts)
        if profile is None:
            found: Counter[str] = Counter()
            for first in texts:
                told = features.get(first)
                if told is None:
                    told = [names.setdefault(f, f) for f in _features(mentions[first])]
                    if first in copied:
                        features[first] = told
                found.update(told)
            counted = tuple(sorted(items.setdefault(item, item) for item in found.items()))
            profile = by_texts[texts] = profiles.setdefault(counted, counted)
        kept[mentions[start].article_id] = profile
    return kept


def _features(mention: EventMention) -> list[str]:
    """What ``mention`` adds to its article's profile: its participant keys, place, date,
    predicate stem and the names its arguments stand for, each with a letter for its kind."""
    if mention.light:
        return []  # its noun's, told once
    found = ["p:" + p.key for p in mention.participants]
    if mention.location:
        found.append("l:" + mention.location)
    if mention.time is not None and mention.time.value:
        found.append("t:" + mention.time.value[:10])
    found.append("w:" + predicate_stem(mention.lemma))
    # a speaker's "we" repeats the organisation the speaker's phrase names, counted there
    found += ["a:" + a.name.lower() for a in mention.arguments if not spoken_for(a)]
    return found


def _normalized(vector: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
    return {k: x / norm for k, x in vector.items()}


def _neighbours(
    vectors: dict[int, dict[int, float]], kept: int, most: int
) -> dict[int, dict[int, float]]:
    """The ``kept`` nearest neighbours of each of ``vectors`` (unit length), with their
    cosines as far as the terms of at most ``most`` vectors tell them: those weigh the most,
    and the cost stays near-linear however many vectors have a common term ("said")."""
    postings: dict[int, list[int]] = defaultdict(list)
    for n, vector in vectors.items():
        for k in vector:
            postings[k].append(n)
    postings = {k: found for k, found in postings.items() if len(found) <= most}
    found = {}
    for n, vector in vectors.items():
        near: dict[int, float] = defaultdict(float)
        for k, x in vector.items():
            for other in postings.get(k, ()):
                if other != n:
                    near[other] += x * vectors[other][k]
        found[n] = dict(sorted(near.items(), key=lambda item: (-item[1], item[0]))[:kept])
    return found


#: A sparse vector: its keys, sorted, and their values.
_Sparse = tuple[np.ndarray[Any, np.dtype[np.int32]], np.ndarray[Any, np.dtype[np.float64]]]


def _sparse(vector: dict[int, float]) -> _Sparse:
    """``vector`` as a :data:`_Sparse`: 12 bytes an entry, where a dict takes about 100."""
    keys = sorted(vector)
    return (
        np.array(keys, dtype=np.int32),
        np.fromiter(map(vector.__getitem__, keys), dtype=np.float64, count=len(keys)),
    )


def _dot(first: _Sparse, second: _Sparse) -> float:
    """The dot product of two sparse vectors, the products of their common keys summed
    exactly (:func:`math.fsum`): the same to the last bit in either order.

    >>> a = _sparse({1: 0.5, 4: 2.0, 9: 1.0})
    >>> _dot(a, _sparse({4: 3.0, 7: 5.0, 9: 0.25})), _dot(_sparse({}), a)
    (6.25, 0.0)
    """
    (keys, values), (other_keys, other_values) = first, second
    if other_keys.size < keys.size:
        keys, values, other_keys, other_values = other_keys, other_values, keys, values
    if not keys.size:
        return 0.0
    at, common = _located(other_keys, keys)
    return math.fsum((values[common] * other_values[at[common]]).tolist())


def _located(
    ordered: np.ndarray[Any, np.dtype[Any]], keys: np.ndarray[Any, np.dtype[Any]]
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.bool_]]]:
    """Where each of ``keys`` is in the sorted array ``ordered`` (or near where it would be),
    and whether it is there.

    >>> at, there = _located(np.array([2, 5, 9]), np.array([5, 7, 12]))
    >>> at.tolist(), there.tolist()
    ([1, 2, 2], [True, False, False])
    """
    if not ordered.size:
        return np.zeros(len(keys), dtype=np.int64), np.zeros(len(keys), dtype=bool)
    at = np.minimum(ordered.searchsorted(keys), ordered.size - 1)
    return at, ordered[at] == keys


class _Rows:
    """Sparse vectors (:data:`_Sparse`) as the rows of one matrix: each row's entries at
    ``starts[row]:starts[row + 1]`` of ``keys`` and ``values``; ``some`` tells the rows that
    have any.

    >>> rows = _Rows.of([_sparse({1: 0.5, 4: 2.0}), _sparse({}), _sparse({4: 3.0, 9: 1.0})])
    >>> rows.dots(np.array([0, 0, 2]), np.array([2, 1, 2])), rows.some.tolist()
    ([6.0, 0.0, 10.0], [True, False, True])
    """

    #: At most about this many entries of the rows are compared at once.
    BATCH = 1 << 13

    def __init__(
        self,
        starts: np.ndarray[Any, np.dtype[np.int64]],
        keys: np.ndarray[Any, np.dtype[np.int32]],
        values: np.ndarray[Any, np.dtype[np.float64]],
    ) -> None:
        self.starts, self.keys, self.values = starts, keys, values
        self.some = starts[1:] > starts[:-1]
        self.width = int(keys.max()) + 1 if keys.size else 1

    @classmethod
    def of(cls, vectors: Sequence[_Sparse]) -> _Rows:
        starts = np.zeros(len(vectors) + 1, dtype=np.int64)
        np.cumsum([keys.size for keys, _ in vectors], out=starts[1:])
        keys = np.concatenate([np.zeros(0, np.int32), *(keys for keys, _ in vectors)])
        values = np.concatenate([np.zeros(0, np.float64), *(values for _, values in vectors)])
        return cls(starts, keys, values)

    def vectors(self) -> list[_Sparse]:
        """The rows as sparse vectors, views of the matrix."""
        bounds = self.starts.tolist()
        return [(self.keys[s:e], self.values[s:e]) for s, e in itertools.pairwise(bounds)]

    def dots(
        self,
        first: np.ndarray[Any, np.dtype[np.int64]],
        second: np.ndarray[Any, np.dtype[np.int64]],
    ) -> list[float]:
        """The dot product of rows ``first[i]`` and ``second[i]`` for each ``i``, as
        :func:`_dot` gives it: the products of the common keys summed exactly."""
        sizes = (self.starts[first + 1] - self.starts[first]) + (
            self.starts[second + 1] - self.starts[second]
        )
        ends = np.searchsorted(np.cumsum(sizes), np.arange(self.BATCH, sizes.sum(), self.BATCH))
        found: list[float] = []
        for part in np.split(np.arange(len(first)), _distinct([ends])):
            found += self._dots(first[part], second[part])
        return found

    def _dots(
        self,
        first: np.ndarray[Any, np.dtype[np.int64]],
        second: np.ndarray[Any, np.dtype[np.int64]],
    ) -> list[float]:
        # the entries of each pair's rows as one sorted key each: the pair, then the key
        at_first, pair = self._entries(first)
        at_second, other = self._entries(second)
        keys = pair * self.width + self.keys[at_first]  # 64 bits: pairs are numbers
        other_keys = other * self.width + self.keys[at_second]
        if not other_keys.size:
            return [0.0] * len(first)
        at, common = _located(other_keys, keys)
        products = (self.values[at_first[common]] * self.values[at_second[at[common]]]).tolist()
        ends = np.cumsum(np.bincount(pair[common], minlength=len(first))).tolist()
        return [math.fsum(products[s:e]) for s, e in zip([0, *ends[:-1]], ends, strict=True)]

    def _entries(
        self, rows: np.ndarray[Any, np.dtype[np.int64]]
    ) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
        """The places of the entries of ``rows`` in ``keys``, in order, and the number of
        the row (in ``rows``) each is of."""
        begin = self.starts[rows]
        sizes = self.starts[rows + 1] - begin
        which = np.repeat(np.arange(len(rows)), sizes)
        return np.arange(which.size) + np.repeat(begin - (np.cumsum(sizes) - sizes), sizes), which


class _Found:
    """The numbers found for number keys, all of them: in sorted arrays, 16 bytes each where
    a dict takes about 100, but for the latest found (at least ``latest``, and an eighth as
    many as the others) and the last ``latest`` met again, in dicts.

    >>> found = _Found(2)
    >>> for key in (7, 3, 5): found.keep(key, key / 2)
    >>> found.recall(3), found.recall(5), found.recall(4) is _UNKNOWN, found.keys.tolist()
    (1.5, 2.5, True, [3, 7])
    """

    def __init__(self, latest: int) -> None:
        self.latest = latest
        self.newer: dict[int, float] = {}
        self.met: dict[int, float] = {}
        self.keys = np.zeros(0, dtype=np.int64)
        self.values = np.zeros(0, dtype=np.float64)

    def recall(self, key: int) -> float:
        """The number kept for ``key``, or ``_UNKNOWN``."""
        found = self.met.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self.newer.get(key, _UNKNOWN)
        if found is _UNKNOWN and self.keys.size:
            at = int(self.keys.searchsorted(key))
            if at < self.keys.size and self.keys[at] == key:
                found = float(self.values[at])
                if len(self.met) >= self.latest:
                    self.met = {}
                self.met[key] = found
        return found

    def missing(
        self, keys: np.ndarray[Any, np.dtype[np.int64]]
    ) -> np.ndarray[Any, np.dtype[np.int64]]:
        """Of ``keys``, those not kept."""
        _, known = _located(self.keys, keys)
        newer = self.newer
        return keys[
            [
                not k and key not in newer
                for k, key in zip(known.tolist(), keys.tolist(), strict=True)
            ]
        ]

    def recall_all(
        self, keys: np.ndarray[Any, np.dtype[np.int64]]
    ) -> np.ndarray[Any, np.dtype[np.float64]]:
        """The numbers kept for ``keys``, all kept."""
        at, known = _located(self.keys, keys)
        found = np.zeros(len(keys), dtype=np.float64)
        found[known] = self.values[at[known]]
        for i in np.flatnonzero(~known).tolist():
            found[i] = self.recall(int(keys[i]))
        return found

    def keep(self, key: int, value: float) -> None:
        """Keep ``value`` for ``key``, a key not kept yet."""
        self.newer[key] = value
        if len(self.newer) >= max(self.latest, self.keys.size // 8):
            count = len(self.newer)
            keys = np.fromiter(self.newer, dtype=np.int64, count=count)
            values = np.fromiter(self.newer.values(), dtype=np.float64, count=count)
            order = np.argsort(keys)
            keys, values = keys[order], values[order]
            at = self.keys.searchsorted(keys)
            self.keys = np.insert(self.keys, at, keys)
            self.values = np.insert(self.values, at, values)
            self.newer = {}


class _Recent(Generic[K, V]):
    """The values last found for keys that may be met again: at most ``kept`` of the latest
    and as many before them (two generations, the older let go when the newer is full), so
    that memory stays bounded however many are found.

    >>> recent = _Recent(1)
    >>> recent.keep("a", 1); recent.keep("b", 2); recent.keep("c", 3)
    >>> recent.recall("a") is _UNKNOWN, recent.recall("b"), recent.recall("c")
    (True, 2, 3)
    """

    def __init__(self, kept: int) -> None:
        self.kept = kept
        self.newer: dict[K, V] = {}
        self.older: dict[K, V] = {}

    def recall(self, key: K) -> V:
        """The value kept for ``key`` (kept again as one of the latest), or ``_UNKNOWN``."""
        if key in self.newer:
            return self.newer[key]
        if key not in self.older:
            return _UNKNOWN
        found = self.older[key]
        self.keep(key, found)
        return found

    def keep(self, key: K, value: V) -> None:
        if len(self.newer) >= self.kept:
            self.older, self.newer = self.newer, {}
        self.newer[key] = value
