"""Coreference scores: MUC, B³, CEAF-e and the CoNLL F1 (their mean).

A clustering is a mapping ``mention -> cluster id`` or an iterable of clusters (sets of
mentions); mentions are any hashable values. The measures follow their published
definitions, in the variant of the CoNLL reference scorer (Pradhan et al., 2014), which
also scores mentions that are in one clustering only:

- **MUC** (Vilain et al., 1995) counts links: recall is
  ``sum(|K| - |p(K)|) / sum(|K| - 1)`` over key clusters ``K``, where ``p(K)`` is the
  partition of ``K`` by the response clusters (a mention missing from the response is a
  part of its own); precision swaps key and response. A singleton has no link, so MUC never
  sees singletons.
- **B³** (Bagga and Baldwin, 1998) averages over mentions: recall is
  ``sum over K, R of |K ∩ R|² / |K|`` divided by the number of key mentions; precision
  divides ``|K ∩ R|² / |R|`` by the number of response mentions.
- **CEAF-e** (Luo, 2005) aligns key and response clusters one to one so that the total
  similarity ``φ4(K, R) = 2 |K ∩ R| / (|K| + |R|)`` is maximal (the Hungarian algorithm,
  :func:`best_assignment`); recall divides that total by the number of key clusters,
  precision by the number of response clusters.
- **CoNLL F1** is the unweighted mean of the three F1 values.

**Singletons** are kept by default, as in ECB+ event coreference: a size-1 cluster counts in
B³ and CEAF-e like any other (MUC ignores it by definition). ``singletons=False`` drops the
size-1 clusters of both clusterings first, as the CoNLL-2012 shared task did (its key has
none).

The classic example of Pradhan et al. (2014), key ``{a b c} {d e f g}``, response
``{a b} {c d} {f g h i}``:

>>> key = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
>>> response = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]
>>> s = score_coref(key, response)
>>> (s.muc.recall, s.muc.precision)
(0.4, 0.4)
>>> (round(s.b_cubed.recall, 4), s.b_cubed.precision)
(0.4167, 0.5)
>>> (round(s.ceaf_e.recall, 4), round(s.ceaf_e.precision, 4))
(0.65, 0.4333)
>>> round(s.conll_f1, 4)
0.4582

Scores of several documents add up (numerators and denominators are summed, as the
reference scorer does over a corpus): ``sum(scores, CorefScore())``.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from typing import ClassVar

import attrs

__all__ = [
    "Clustering",
    "CorefScore",
    "Measure",
    "b_cubed",
    "best_assignment",
    "ceaf_e",
    "clusters",
    "muc",
    "phi4",
    "score_coref",
]

#: A clustering: ``mention -> cluster id``, or the clusters themselves.
Clustering = Mapping[Hashable, Hashable] | Iterable[Collection[Hashable]]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen
class Measure:
    """Recall and precision of one measure as numerator / denominator pairs.

    Keeping the parts lets documents add up the way the CoNLL reference scorer adds them.
    A measure with a zero denominator is 0.0.

    >>> m = Measure(recall_num=2, recall_den=3, precision_num=2, precision_den=2)
    >>> (round(m.recall, 4), m.precision, m.f1)
    (0.6667, 1.0, 0.8)
    >>> (m + m).recall_den
    6
    """

    recall_num: float = 0
    recall_den: float = 0
    precision_num: float = 0
    precision_den: float = 0

    def __add__(self, other: Measure) -> Measure:
        if not isinstance(other, Measure):
            return NotImplemented
        return Measure(
            self.recall_num + other.recall_num,
            self.recall_den + other.recall_den,
            self.precision_num + other.precision_num,
            self.precision_den + other.precision_den,
        )

    @property
    def recall(self) -> float:
        """Recall in ``[0, 1]``."""
        return self.recall_num / self.recall_den if self.recall_den else 0.0

    @property
    def precision(self) -> float:
        """Precision in ``[0, 1]``."""
        return self.precision_num / self.precision_den if self.precision_den else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)


@attrs.frozen
class CorefScore:
    """MUC, B³ and CEAF-e of one clustering against a key, and their CoNLL F1.

    >>> s = CorefScore(Measure(1, 1, 1, 1), Measure(1, 2, 1, 1), Measure(0, 1, 0, 1))
    >>> round(s.conll_f1, 4)
    0.5556
    >>> s.row()
    ('100.0', '100.0', '100.0', '50.0', '100.0', '66.7', '0.0', '0.0', '0.0', '55.6')
    """

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "MUC R",
        "MUC P",
        "MUC F1",
        "B3 R",
        "B3 P",
        "B3 F1",
        "CEAF-e R",
        "CEAF-e P",
        "CEAF-e F1",
        "CoNLL F1",
    )

    muc: Measure = Measure()
    b_cubed: Measure = Measure()
    ceaf_e: Measure = Measure()

    def __add__(self, other: CorefScore) -> CorefScore:
        if not isinstance(other, CorefScore):
            return NotImplemented
        return CorefScore(
            self.muc + other.muc, self.b_cubed + other.b_cubed, self.ceaf_e + other.ceaf_e
        )

    def __radd__(self, other: object) -> CorefScore:
        if other == 0:  # so that sum(scores) works
            return self
        return NotImplemented

    @property
    def conll_f1(self) -> float:
        """The mean of the MUC, B³ and CEAF-e F1 values."""
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def measures(self) -> tuple[float, ...]:
        """The measures in the order of :attr:`COLUMNS`, as fractions."""
        values: list[float] = []
        for m in (self.muc, self.b_cubed, self.ceaf_e):
            values += [m.recall, m.precision, m.f1]
        return (*values, self.conll_f1)

    def row(self) -> tuple[str, ...]:
        """The measures in the order of :attr:`COLUMNS`, as percentages with one decimal."""
        return tuple(f"{100 * m:.1f}" for m in self.measures())


def clusters(clustering: Clustering, *, singletons: bool = True) -> list[frozenset[Hashable]]:
    """The clusters of a clustering, as frozensets, in a stable order.

    From a mapping, clusters come in the order their ids are first met; empty clusters are
    dropped; a mention in two clusters is refused. ``singletons=False`` drops the clusters
    of one mention.

    >>> [sorted(c) for c in clusters({"m1": "A", "m2": "B", "m3": "A"})]
    [['m1', 'm3'], ['m2']]
    >>> [sorted(c) for c in clusters([{"m1", "m3"}, {"m2"}], singletons=False)]
    [['m1', 'm3']]
    >>> clusters([{"m1"}, {"m1", "m2"}])
    Traceback (most recent call last):
    ...
    ValueError: mention 'm1' is in two clusters
    """
    if isinstance(clustering, Mapping):
        grouped: dict[Hashable, list[Hashable]] = {}
        for mention, cluster in clustering.items():
            grouped.setdefault(cluster, []).append(mention)
        found = [frozenset(members) for members in grouped.values()]
    else:
        found = []
        seen: set[Hashable] = set()
        for members in clustering:
            cluster = frozenset(members)
            for mention in cluster:
                if mention in seen:
                    raise ValueError(f"mention {mention!r} is in two clusters")
                seen.add(mention)
            if cluster:
                found.append(cluster)
    return [c for c in found if singletons or len(c) > 1]


def _index(groups: Sequence[frozenset[Hashable]]) -> dict[Hashable, int]:
    return {mention: k for k, group in enumerate(groups) for mention in group}


def _muc_side(key: Sequence[frozenset[Hashable]], response: Sequence[frozenset[Hashable]]):
    where = _index(response)
    numerator = denominator = 0
    for cluster in key:
        parts = {where.get(m, ("alone", m)) for m in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Clustering, response: Clustering) -> Measure:
    """The MUC link-based measure (Vilain et al., 1995).

    Key ``{A B C D}``, response ``{A B} {C D}``: of the key's three links the response
    keeps two, and both response links are right:

    >>> m = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    >>> (m.recall_num, m.recall_den, m.precision_num, m.precision_den)
    (2, 3, 2, 2)
    """
    k, r = clusters(key), clusters(response)
    recall = _muc_side(k, r)
    precision = _muc_side(r, k)
    return Measure(recall[0], recall[1], precision[0], precision[1])


def _b_cubed_side(key: Sequence[frozenset[Hashable]], response: Sequence[frozenset[Hashable]]):
    where = _index(response)
    total = 0.0
    for cluster in key:
        overlaps: dict[int, int] = {}
        for mention in cluster:
            if mention in where:
                overlaps[where[mention]] = overlaps.get(where[mention], 0) + 1
        total += sum(n * n for n in overlaps.values()) / len(cluster)
    return total, sum(len(c) for c in key)


def b_cubed(key: Clustering, response: Clustering) -> Measure:
    """The B³ mention-based measure (Bagga and Baldwin, 1998).

    Key ``{1-5} {6 7} {8-12}``, response ``{1-5} {6-12}``: recall 1, precision
    ``(5 + 2 * 2/7 + 5 * 5/7) / 12 = 16/21``:

    >>> key = [set(range(1, 6)), {6, 7}, set(range(8, 13))]
    >>> m = b_cubed(key, [set(range(1, 6)), set(range(6, 13))])
    >>> (m.recall, round(m.precision, 6), round(16 / 21, 6))
    (1.0, 0.761905, 0.761905)
    """
    k, r = clusters(key), clusters(response)
    recall = _b_cubed_side(k, r)
    precision = _b_cubed_side(r, k)
    return Measure(recall[0], recall[1], precision[0], precision[1])


def phi4(key_cluster: Collection[Hashable], response_cluster: Collection[Hashable]) -> float:
    """Luo's entity similarity ``φ4 = 2 |K ∩ R| / (|K| + |R|)``.

    >>> phi4({"a", "b", "c"}, {"a", "b"})
    0.8
    """
    common = len(set(key_cluster) & set(response_cluster))
    return 2 * common / (len(key_cluster) + len(response_cluster))


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A one-to-one assignment of rows to columns with the largest total weight.

    The Hungarian algorithm (Kuhn-Munkres) with row and column potentials, in
    ``O(n² m)`` for ``n`` rows and ``m`` columns. The matrix may be rectangular; every row
    (or every column, whichever are fewer) is assigned. Pairs come back sorted by row;
    pairs of weight 0 are kept.

    >>> best_assignment([[0.8, 0.4, 0.0], [0.0, 1 / 3, 0.5]])
    [(0, 0), (1, 2)]
    >>> best_assignment([[1, 2], [3, 4], [5, 9]])
    [(1, 0), (2, 1)]
    >>> best_assignment([])
    []
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    transpose = rows > cols
    if transpose:
        weights = [[weights[i][j] for i in range(rows)] for j in range(cols)]
        rows, cols = cols, rows
    # Minimize cost = -weight. Rows 1..n, columns 1..m; column 0 is a virtual start.
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: the row assigned to column j (0 = free)
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        slack = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta, j1 = inf, 0
            row = weights[i0 - 1]
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                reduced = -row[j - 1] - u[i0] - v[j]
                if reduced < slack[j]:
                    slack[j], way[j] = reduced, j0
                if slack[j] < delta:
                    delta, j1 = slack[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:  # flip the augmenting path
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, cols + 1) if owner[j]]
    if transpose:
        pairs = [(j, i) for i, j in pairs]
    return sorted(pairs)


def _components(
    key: Sequence[frozenset[Hashable]], response: Sequence[frozenset[Hashable]]
) -> list[tuple[list[int], list[int]]]:
    """Groups of key and response clusters linked by shared mentions (union-find)."""
    parent = list(range(len(key) + len(response)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    where = _index(key)
    for j, cluster in enumerate(response):
        for mention in cluster:
            if mention in where:
                a, b = find(where[mention]), find(len(key) + j)
                if a != b:
                    parent[b] = a
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(key)):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(response)):
        groups.setdefault(find(len(key) + j), ([], []))[1].append(j)
    return [g for g in groups.values() if g[0] and g[1]]


def ceaf_e(key: Clustering, response: Clustering) -> Measure:
    """Entity-based CEAF (Luo, 2005) with the φ4 similarity and the optimal alignment.

    Only clusters that share mentions can score, so the alignment is solved separately on
    each group of clusters linked by shared mentions, which keeps large corpora fast.

    >>> m = ceaf_e([{"a", "b", "c"}, {"d", "e", "f", "g"}],
    ...            [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}])
    >>> (round(m.recall_num, 4), m.recall_den, m.precision_den)
    (1.3, 2, 3)
    """
    k, r = clusters(key), clusters(response)
    total = 0.0
    for key_ids, response_ids in _components(k, r):
        matrix = [[phi4(k[i], r[j]) for j in response_ids] for i in key_ids]
        total += sum(matrix[a][b] for a, b in best_assignment(matrix))
    return Measure(total, len(k), total, len(r))


def score_coref(key: Clustering, response: Clustering, *, singletons: bool = True) -> CorefScore:
    """MUC, B³ and CEAF-e of ``response`` against ``key``.

    ``singletons=False`` drops size-1 clusters from both sides first (see the module
    documentation for the conventions).

    >>> s = score_coref({"m1": 1, "m2": 1, "m3": 2}, {"m1": "x", "m2": "y", "m3": "y"})
    >>> (s.muc.recall, s.muc.precision, s.b_cubed.f1)
    (0.0, 0.0, 0.6666666666666666)
    >>> score_coref({"m1": 1, "m2": 1, "m3": 2}, {"m1": 1, "m2": 1, "m3": 2},
    ...             singletons=False).conll_f1
    1.0
    """
    k = clusters(key, singletons=singletons)
    r = clusters(response, singletons=singletons)
    return CorefScore(muc(k, r), b_cubed(k, r), ceaf_e(k, r))
