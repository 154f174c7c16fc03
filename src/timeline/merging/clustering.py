"""The clustering loop: union-find over mentions (:class:`_Clustering`). Mentions start as
one group per text (copies of a text join at once), the groups their articles say are one
happening join if nothing vetoes it, then the pairs of the blocks (:mod:`timeline.merging.blocking`)
are scored (:mod:`timeline.merging.scoring`), those of single mentions once for each pair of
their kinds (:class:`_Traits`), and joined best first, each only if the whole groups still
pass; pairs kept apart only by their dates are kept as contradictions.
"""

from __future__ import annotations

import itertools
import operator
from array import array
from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from timeline.lang import words
from timeline.merging.blocking import _distinct, _held, _pairs
from timeline.merging.groups import _NONE, _Cluster, _Shared
from timeline.merging.likeness import _Articles, _located, _Recent
from timeline.merging.scoring import (
    _ADDED,
    _compatible,
    _context_term,
    _score,
    _scored,
    _unlike,
    _vetoed,
)

if TYPE_CHECKING:
    from timeline.cluster import Index

__all__: list[str] = []

#: Pairs are taken this many at a time.
_CHUNK = 1 << 12
#: Scores are put in order a range at a time: those whose 64 bits agree but for the last
#: ``_RANGE`` (the sign, the exponent and the first 8 bits of the fraction: 256 ranges from
#: one power of two to the next).
_RANGE = 44
#: How many of the pairs of groups scored below the threshold are remembered, and as many before.
_FAILED = 1 << 12


class _Clustering:
    """Union-find over mentions, joined first by their articles' links, then best pair first."""

    def __init__(self, indexed: Index, dated: Mapping[str, date | None]) -> None:
        """``dated``: the publication day of each dated article, ``None`` where not known."""
        self.mentions = mentions = indexed.mentions
        self.context = _Articles(indexed.profiles)
        self.parent = list(range(len(mentions)))
        forbidden: dict[int, set[int]] = {}
        for a, b, _ in indexed.ordered:
            forbidden.setdefault(a, set()).add(b)
            forbidden.setdefault(b, set()).add(a)
        copies = indexed.copies.tolist()
        shared = _Shared()
        profiles = {article: (n,) for article, n in self.context.profile.items()}
        days = {article: None if day is None else (day, day) for article, day in dated.items()}
        taken: dict[int, list[int]] = defaultdict(list)  # the copies of each first mention
        # each cluster's root is the number object of ``parent``: one number per mention
        self.clusters: list[_Cluster | None] = []
        for i, m in zip(self.parent, mentions, strict=True):
            copy = copies[i]
            if copy < i:  # a copy of a text joins the first mention of it, at once
                self.parent[i] = copy
                self.clusters.append(None)
                taken[copy].append(i)
                continue
            self.clusters.append(
                _Cluster.of(
                    i,
                    m,
                    forbidden=forbidden.get(i, _NONE),
                    published=m.article_id in days,
                    issued=days.get(m.article_id),
                    profile=profiles[m.article_id],
                    shared=shared,
                )
            )
        for first, others in taken.items():
            self._at(first).copied(
                others,
                [mentions[i] for i in others],
                forbidden=[forbidden[i] for i in others if i in forbidden],
                dated=days,
                profiles=profiles,
            )
        self.links = indexed.ordered
        self.threshold = words("merging")["weights"]["threshold"]
        self.contested = array("q")  # pairs kept apart only by their dates, as numbers
        self.grew: set[int] = set()  # the roots that have taken in another group
        # the pairs of roots last scored below the threshold, with the sizes they had then
        self.failed: _Recent[int, int] = _Recent(_FAILED)
        for a, b, cue in indexed.same:
            self.join(a, b, cue)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, how: str) -> None:
        """Join the groups of ``a`` and ``b`` if ``how`` allows: ``"score"`` when the pair
        scores above the threshold, ``"anaphora"`` when nothing vetoes it, ``"same event"``
        (the syntax says so) when their article does not order them; always only when their
        bounds intersect."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        first, second = self.clusters[ra], self.clusters[rb]
        assert first is not None and second is not None  # roots have clusters
        if how == "elaboration":  # told as one by its article, unless something vetoes it
            how = "anaphora"
        if how == "score":
            # A group changes only as it grows, so a pair of groups scored below the threshold
            # at these sizes scores so again (and was marked contested then if it is): the
            # pairs of two large groups' members are many, and the whole groups compare alike.
            size = len(self.mentions)
            pair, sizes = ra * size + rb, first.size * size + second.size
            if self.failed.recall(pair) == sizes:
                return
            score, contested = _score(first, second, self.context)
            if contested:
                self.contested.append(self._number(a, b))
            if score < self.threshold:
                self.failed.keep(pair, sizes)
                return
        elif (
            not second.forbidden.isdisjoint(first.indices())
            or not _compatible(first, second)
            or (how == "anaphora" and _vetoed(first, second))
        ):
            return
        self._joined(ra, rb)

    def _joined(self, ra: int, rb: int) -> None:
        """Join the groups of the roots ``ra`` and ``rb``: the smaller joins the larger."""
        first, second = self._at(ra), self._at(rb)
        if first.size < second.size:
            ra, rb, first, second = rb, ra, second, first
        first.absorb(second)
        self.grew.add(ra)
        self.parent[rb] = ra
        self.clusters[rb] = None

    def candidates(self) -> Iterator[tuple[int, int, bool]]:
        """The pairs of today's clusters from the blocks that score above zero, best first
        (pairs of one score in the order of their numbers), each with whether it scores above
        the threshold."""
        size = len(self.mentions)
        ranges = self._kept(_pairs(self.clusters, size))
        self.grew.clear()  # the scores stand for the groups as they are now
        held = _held(size)
        for key in sorted(ranges, reverse=True):  # a range at a time, let go once taken
            kept, found = ranges.pop(key)
            ranked = np.frombuffer(found, dtype=np.float64)
            np.negative(ranked, out=ranked)
            order = np.argsort(ranked, kind="stable")
            above = int(np.count_nonzero(ranked <= -self.threshold))  # the first, in order
            del ranked, found
            numbers = np.frombuffer(kept, dtype=held)[order]  # the pairs in order
            del order, kept
            for start in range(0, len(numbers), _CHUNK):
                for at, pair in enumerate(numbers[start : start + _CHUNK].tolist(), start):
                    yield *divmod(pair, size), at < above

    def _kept(self, parts: list[np.ndarray[Any, Any]]) -> dict[int, tuple[bytearray, bytearray]]:
        """Score the pairs of ``parts`` (:func:`_pairs`, the last part first; each is let go
        once scored) with :meth:`_scores`, and give those that score above zero and their
        scores by the range of values their score is in (:data:`_RANGE`: a key that sorts as
        the scores do), in their order, as the bytes of arrays (the pairs' of the type
        :func:`_held`, the scores' of 64-bit floats): the ranges can be put in order and let
        go one at a time. Pairs are scored in the order of their numbers: clusters made one
        after the other lie near in memory, so this runs several times faster than in any
        other order."""
        ranges: dict[int, tuple[bytearray, bytearray]] = {}
        traits = _Traits.of(self)
        while parts:
            chunk = parts.pop()
            score, contested = self._scores(chunk, traits)
            self.contested.extend(chunk[contested].tolist())
            taken = score > 0
            chunk, score = chunk[taken], score[taken]
            # the bits of a positive float sort as its value does
            key = score.view(np.int64) >> _RANGE
            order = np.argsort(key, kind="stable")
            keys, starts = np.unique(key[order], return_index=True)
            bounds = itertools.pairwise([*starts.tolist(), len(order)])
            for k, (start, end) in zip(keys.tolist(), bounds, strict=True):
                at = order[start:end]
                pairs, scores = ranges.setdefault(k, (bytearray(), bytearray()))
                pairs += chunk[at].tobytes()
                scores += score[at].tobytes()
        return ranges

    def _scores(
        self, pairs: np.ndarray[Any, Any], traits: _Traits
    ) -> tuple[np.ndarray[Any, np.dtype[np.float64]], np.ndarray[Any, np.dtype[np.bool_]]]:
        """The scores of ``pairs`` (numbers, as :func:`_pairs` gives them) and whether each
        was contested, as :func:`_score` gives them: those of two clusters of one mention
        each (not ordered by their article) once for each pair of kinds (:class:`_Traits`)
        and whether they are of one article, then with how alike their articles are, for
        all at once (:meth:`_Articles.cosines_of`)."""
        first, second = np.divmod(pairs, len(self.mentions))
        score = np.zeros(len(pairs), dtype=np.float64)
        contested = np.zeros(len(pairs), dtype=bool)
        needs = np.zeros(len(pairs), dtype=np.int8)
        kind, other = traits.kinds[first], traits.kinds[second]
        simple = (kind >= 0) & (other >= 0) & ~traits.ordered(pairs)
        at = np.flatnonzero(simple)
        keys = (kind[at].astype(np.int64) * traits.count + other[at]) * 2
        keys += traits.articles[first[at]] == traits.articles[second[at]]
        _, each, back = np.unique(keys, return_index=True, return_inverse=True)
        stories = self.context.stories
        found = [
            _scored(self._at(a), self._at(b), stories=stories)
            for a, b in zip(first[at[each]].tolist(), second[at[each]].tolist(), strict=True)
        ]
        if found:
            values, flags, wants = zip(*found, strict=True)
            score[at] = np.array(values, dtype=np.float64)[back]
            contested[at] = np.array(flags, dtype=bool)[back]
            needs[at] = np.array(wants, dtype=np.int8)[back]
        ours = traits.profiles[first].astype(np.int64)
        theirs = traits.profiles[second].astype(np.int64)
        self.context.expect(ours, theirs)
        at = np.flatnonzero(needs)
        alike, known = self.context.cosines_of(ours[at], theirs[at])
        at, alike, wants = at[known], alike[known], needs[at[known]]
        added = wants == _ADDED
        score[at[added]] += _context_term(alike[added])
        score[at[~added & _unlike(alike)]] = 0.0
        # the others one at a time
        for i in np.flatnonzero(~simple).tolist():
            score[i], contested[i] = _score(
                self._at(int(first[i])), self._at(int(second[i])), self.context
            )
        return score, contested

    def _number(self, a: int, b: int) -> int:
        """The number of the pair ``a``, ``b``, as :func:`_pairs` gives them."""
        return min(a, b) * len(self.mentions) + max(a, b)

    def _at(self, root: int) -> _Cluster:
        cluster = self.clusters[root]
        assert cluster is not None  # pairs are of roots
        return cluster

    def run(self) -> None:
        """Join the pairs of :meth:`candidates`, best first; a pair of groups that have not
        grown since it was scored keeps its score."""
        for a, b, above in self.candidates():
            if a in self.grew or b in self.grew or self.find(a) != a or self.find(b) != b:
                self.join(a, b, "score")
            elif above:
                self._joined(a, b)

    def groups(self) -> list[tuple[int, ...]]:
        """The mentions of each group, sorted; each group's cluster is let go once taken (the
        groups do not change after :meth:`run`), so that the two are not held at once."""
        found = []
        for root, c in enumerate(self.clusters):
            if c is not None:
                found.append(tuple(sorted(c.indices())))
                self.clusters[root] = None
        return found

    def contradictions(self) -> set[tuple[int, int]]:
        """Pairs of final groups (by root) that differ only in their incompatible dates."""
        found = set()
        for pair in self.contested:
            ra, rb = (self.find(i) for i in divmod(pair, len(self.mentions)))
            if ra != rb:
                found.add((min(ra, rb), max(ra, rb)))
        return found


@attrs.frozen(eq=False)
class _Traits:
    """What scoring the pairs of today's clusters reads of each, by its root: the kind of a
    cluster of one mention (``kinds``, ``-1`` for the others, numbered from 0 to ``count``),
    its article (``articles``, a number), the one profile of a cluster of one article
    (``profiles``, ``-1`` for the others), and the pairs of mentions their article orders,
    as sorted numbers (``links``). Two clusters of one mention are of one kind when every
    trait :func:`_scored` reads but their articles is the same (their sets are shared, and
    mostly the same objects), so pairs of the same kinds, of one article or not, score alike.
    """

    kinds: np.ndarray[Any, np.dtype[np.int32]]
    count: int
    articles: np.ndarray[Any, np.dtype[np.int32]]
    profiles: np.ndarray[Any, np.dtype[np.int32]]
    links: np.ndarray[Any, np.dtype[np.int64]]

    @classmethod
    def of(cls, clustering: _Clustering) -> _Traits:
        size = len(clustering.mentions)
        kinds = np.full(size, -1, dtype=np.int32)
        articles = np.full(size, -1, dtype=np.int32)
        profiles = np.full(size, -1, dtype=np.int32)
        kind: dict[tuple[Any, ...], int] = {}
        article: dict[frozenset[str] | set[str], int] = {}
        for root, c in enumerate(clustering.clusters):
            if c is None:
                continue
            if len(c.profiles) == 1:
                profiles[root] = c.profiles[0]
            if c.members is None:
                traits = tuple(id(v) if isinstance(v, dict) else v for v in _kind_traits(c))
                kinds[root] = kind.setdefault(traits, len(kind))
                articles[root] = article.setdefault(c.articles, len(article))
        ends = np.fromiter(
            itertools.chain.from_iterable((a, b) for a, b, _ in clustering.links), dtype=np.int64
        ).reshape(-1, 2)
        links = _distinct([ends.min(axis=1) * size + ends.max(axis=1)])
        return cls(kinds, len(kind), articles, profiles, links)

    def ordered(
        self, pairs: np.ndarray[Any, np.dtype[np.int64]]
    ) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Which of ``pairs`` (numbers) their article orders."""
        return _located(self.links, pairs)[1]


#: The traits of a cluster that make its kind (:class:`_Traits`): all but the mentions it
#: groups, those it may not join, its articles and their profiles.
_kind_traits = operator.attrgetter(
    *(
        f.name
        for f in attrs.fields(_Cluster)
        if f.name not in {"root", "members", "forbidden", "articles", "profiles"}
    )
)
