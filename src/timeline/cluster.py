"""Clustering: which event mentions of many articles report one happening.

:func:`cluster` groups event mentions; :func:`timeline.canonical.assemble` makes each group a
canonical event. It works in four steps:

1. Mentions an article itself says are one happening ("the attack killed", "an airstrike ...
   the attack") start as one group, and so do the copies of one text in several articles
   (a wire story republished: every trait of the mention alike but its article), which then
   count once in the blocks below; mentions an article orders ("to avenge the operation",
   "after") can never share one.
2. Candidate pairs come from blocks: groups sharing a participant key and a predicate
   class, or a predicate class and a day they are dated to, or, for mentions no publication
   date bounds, a predicate stem or class; within a block each group
   meets only its nearest neighbours in time, so the cost grows near-linearly. Pairs are
   made a batch of blocks at a time and held only as distinct numbers in arrays, and a
   mention that joins nothing shares its sets of names, places and predicates with the
   others that have them: merging holds under 1 KB per mention.
3. Each pair gets a score: predicate similarity (same stem, :func:`predicate_stem`, or the
   same synonym group of ``lang/en/predicates.toml``), participant overlap by
   spelling-tolerant name keys (a counted object, "killed 257 people", counts as a patient
   named alike), agreement of dates and of place (statements are one only when one speaker
   made them and, told in two articles, on a common day). Some differences veto the
   pair outright: time bounds that leave no common time, opposite polarity, a hypothetical
   against a real event, someone who is the agent in one and the patient in the other,
   different agents, different people it was done with; a general predicate ("went",
   "took": ``general`` in merging.toml) with no particle or object to say what it is needs
   someone in common, or times the texts name on a common day. Links within an article by anaphora
   must pass these vetoes too. When no publication date bounds the pair (their articles have
   none; one mention is not bounded in time at all, the other at most by a time its text
   names, as in ECB+), the predicate class counts more, how alike the two articles are
   counts too, only people count as participants in common, and only different people as
   agents veto.
4. Pairs are taken best first; two groups join only when their whole groups pass the same
   test, so a vague mention never chains two distinct happenings (bounds that pairwise
   intersect have a common time). Pairs that share who did it or to whom and are
   each dated to a day or two, but to different days, mark their events as contradicting
   each other: both readings stay.

Weights, blocking and stems are data, in ``lang/en/merging.toml``.

>>> from datetime import datetime
>>> from timeline import EventMention, Participant
>>> us = Participant("United States", "untd stts", "GPE", "agent")
>>> a = EventMention("a", 0, 9, "airstrike", "airstrike", 0, (us,),
...                  earliest=datetime(2020, 1, 2, 17), latest=datetime(2020, 1, 2, 21))
>>> b = EventMention("b", 4, 10, "strike", "strike", 0, (us,), latest=datetime(2020, 1, 8))
>>> cluster([a, b]).groups
((0, 1),)
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import itertools
import math
import operator
from array import array
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

import attrs
import numpy as np

from timeline.bounds import Bounds
from timeline.lang import words
from timeline.model import EventMention, Link
from timeline.moments import instant
from timeline.references import spoken_for

__all__ = [
    "PART",
    "SAME_CUES",
    "ZONE_SLACK",
    "Clusters",
    "Index",
    "cluster",
    "collector_paused",
    "place",
    "predicate_kinds",
    "predicate_stem",
]

#: Order cues that say two mentions are one happening rather than one before the other.
SAME_CUES = frozenset({"same event", "anaphora", "elaboration"})

#: The cue of a link from a part of a happening to the happening ("killed" in "the bombing").
PART = "part"

_DATED = timedelta(days=2)  # bounds at most this wide count as a date
_BUCKETED = 8  # clusters dated to at most this many days are blocked by day too
_WEEK = timedelta(days=7)  # bounds at most this wide count as a week

#: How far apart the times two articles give one happening may be: one moment is on two
#: calendar days in zones up to 14 hours apart, and a text gives its day in its own zone.
ZONE_SLACK = timedelta(hours=14)


@attrs.frozen
class Clusters:
    """Event mentions grouped into happenings.

    ``mentions`` are the distinct mentions clustered, by (article id, offsets); ``groups``
    the indices of each group's mentions, sorted, the groups sorted; ``ordered`` the order
    cues between mentions of different groups as ``(before, after, cue)`` indices into
    ``mentions``; ``contradictions`` pairs of groups (indices into ``groups``) that look like
    one happening dated incompatibly; ``parts`` pairs ``(part, whole)`` of mentions of
    different groups where one tells what the other did (the cue :data:`PART`).

    >>> Clusters((), (), (), ()).groups
    ()
    """

    mentions: tuple[EventMention, ...]
    groups: tuple[tuple[int, ...], ...]
    ordered: tuple[tuple[int, int, str], ...]
    contradictions: tuple[tuple[int, int], ...]
    parts: tuple[tuple[int, int], ...] = ()


def cluster(
    mentions: Iterable[EventMention],
    constraints: Iterable[tuple[EventMention, EventMention, str]] = (),
    *,
    dated: Collection[str] = (),
) -> Clusters:
    """Group ``mentions`` by the happening they report.

    ``constraints`` are ``(first, second, cue)`` triples from the articles' order cues
    (:meth:`timeline.pipeline.ArticleEvents.links`): ``first`` happens no later than
    ``second``; the cues of :data:`SAME_CUES` say they are one happening. ``dated`` holds
    the ids of the articles with a publication date: the mentions of the others get the
    leniency of undated reports (step 3 above). Every mention ends up in exactly one group;
    equal mentions given twice count once, and two different mentions at one place of one
    article are refused.

    >>> cluster([]).mentions
    ()
    """
    return Index.of(mentions, constraints).clusters(frozenset(dated))


@attrs.frozen(eq=False)
class Index:
    """Mentions ready to cluster (:meth:`clusters`), and what clustering them with more
    reuses (:meth:`more`): the distinct ``mentions`` sorted by :func:`place`, their articles'
    links by index (:func:`_linked`: ``same``, ``ordered``, ``parts``, each in the order of
    their articles), for each mention the first with its text (``copies``: copies of one
    text), the hash of each text (:func:`_signature`), sorted, with the index of its first
    mention (``hashes``, ``firsts``), the ids of their articles and the profile of each
    (:func:`_profiles`). A timeline keeps the index of its mentions, so that an update
    indexes only the new ones.

    >>> from timeline import EventMention
    >>> index = Index.of([EventMention("a", 0, 4, "said", "say", 0)], ())
    >>> both = index.more([EventMention("b", 0, 4, "said", "say", 0)], ())
    >>> both.copies.tolist(), both.clusters(frozenset()).groups
    ([0, 0], ((0, 1),))
    """

    mentions: tuple[EventMention, ...]
    same: list[tuple[int, int, str]]
    ordered: list[tuple[int, int, str]]
    parts: list[tuple[int, int]]
    copies: np.ndarray[Any, np.dtype[np.int64]]
    hashes: np.ndarray[Any, np.dtype[np.int64]]
    firsts: np.ndarray[Any, np.dtype[np.int64]]
    articles: frozenset[str]
    profiles: dict[str, _Profile]

    @classmethod
    def of(
        cls,
        mentions: Iterable[EventMention],
        constraints: Iterable[tuple[EventMention, EventMention, str]] = (),
        *,
        links: Iterable[Link] = (),
        copies: Collection[tuple[EventMention, EventMention]] = (),
    ) -> Index:
        """``constraints`` as ``(first, second, cue)`` mention triples, or ``links`` between
        the mentions by place, as a timeline keeps them (:attr:`timeline.Timeline.links`).
        ``copies`` are pairs ``(copy, original)`` of ``mentions`` (the objects given) known
        to be the same but for their article (as :meth:`timeline.Timeline.from_json` reads
        them), the original at an earlier place: only the others' texts are compared."""
        unique, places = _unique(mentions)
        same, ordered, parts = _linked(places, constraints, links)
        known = _known_copies(unique, copies)
        first: dict[tuple[Any, ...], int] = {}
        texts = np.arange(len(unique), dtype=np.int64)
        for i in np.flatnonzero(known == texts).tolist():
            texts[i] = first.setdefault(_signature(unique[i]), i)
        texts = texts[known]  # a known copy's first is its original's
        hashes = np.fromiter(map(hash, first), dtype=np.int64, count=len(first))
        order = np.argsort(hashes, kind="stable")
        return cls(
            tuple(unique),
            same,
            ordered,
            parts,
            texts,
            hashes[order],
            np.fromiter(first.values(), dtype=np.int64, count=len(first))[order],
            frozenset(places.articles),
            _profiles(unique, texts.tolist(), places.runs()),
        )

    def clusters(self, dated: frozenset[str]) -> Clusters:
        """:func:`cluster` of these mentions; ``dated``: the ids of the articles with a
        publication date."""
        with collector_paused():
            groups, contradictions = _grouped(self, dated)
        group_of = [0] * len(self.mentions)
        for g, members in enumerate(groups):
            for m in members:
                group_of[m] = g
        return Clusters(
            self.mentions,
            tuple(tuple(members) for members in groups),
            tuple((a, b, cue) for a, b, cue in self.ordered if group_of[a] != group_of[b]),
            contradictions,
            tuple(sorted((a, b) for a, b in self.parts if group_of[a] != group_of[b])),
        )

    def more(
        self,
        mentions: Iterable[EventMention],
        constraints: Iterable[tuple[EventMention, EventMention, str]] = (),
        *,
        links: Iterable[Link] = (),
    ) -> Index | None:
        """These mentions and ``mentions`` of other articles, with the ``constraints`` or
        ``links`` between the latter (as for :meth:`of`), indexed as :meth:`of` would index
        them all, computing only what the new ones add; ``None`` if one is of an article
        indexed already (or, against all odds, two texts share a hash)."""
        added = Index.of(mentions, constraints, links=links)
        if not added.articles.isdisjoint(self.articles):
            return None
        old, new = self.mentions, added.mentions
        # where each new mention goes among the old ones, and where each old one goes
        before = np.array([bisect.bisect_left(old, _where(m), key=_where) for m in new], np.int64)
        new_at = before + np.arange(len(new), dtype=np.int64)
        old_at = np.arange(len(old), dtype=np.int64)
        old_at += np.searchsorted(before, old_at, side="right")
        every: list[Any] = [None] * (len(old) + len(new))
        for i, m in zip(old_at.tolist(), old, strict=True):
            every[i] = m
        for i, m in zip(new_at.tolist(), new, strict=True):
            every[i] = m
        # the new texts the old ones have: their first is the earlier of the two
        hashes = np.concatenate([self.hashes, added.hashes])
        firsts = np.concatenate([old_at[self.firsts], new_at[added.firsts]])
        order = np.argsort(hashes, kind="stable")
        hashes, firsts = hashes[order], firsts[order]
        alike = np.flatnonzero(hashes[1:] == hashes[:-1])
        moved = np.arange(len(every), dtype=np.int64)
        for k in alike.tolist():
            first, then = sorted(firsts[k : k + 2].tolist())
            if k + 2 < len(hashes) and hashes[k + 2] == hashes[k]:
                return None
            if _signature(every[first]) != _signature(every[then]):
                return None
            moved[then] = first
        kept = np.ones(len(hashes), dtype=bool)
        kept[alike] = False
        firsts[alike + 1] = np.minimum(firsts[alike], firsts[alike + 1])
        copies = np.empty(len(every), dtype=np.int64)
        copies[old_at] = old_at[self.copies]
        copies[new_at] = new_at[added.copies]
        return Index(
            tuple(every),
            _interleaved(self.same, added.same, old_at, new_at, every),
            _interleaved(self.ordered, added.ordered, old_at, new_at, every),
            _interleaved(self.parts, added.parts, old_at, new_at, every),
            moved[copies],
            hashes[kept],
            firsts[kept],
            self.articles | added.articles,
            {**self.profiles, **added.profiles},
        )


def _interleaved(
    old: list[Any],
    new: list[Any],
    old_at: np.ndarray[Any, np.dtype[np.int64]],
    new_at: np.ndarray[Any, np.dtype[np.int64]],
    every: Sequence[EventMention],
) -> list[Any]:
    """Links by index of old mentions and of new ones, renumbered (``old_at``, ``new_at``),
    in the order of their articles, as :func:`_linked` gives those of all."""
    at, added = old_at.tolist(), new_at.tolist()
    links = [(at[a], at[b], *rest) for a, b, *rest in old]
    links += [(added[a], added[b], *rest) for a, b, *rest in new]
    return sorted(links, key=lambda link: every[link[0]].article_id)


def _known_copies(
    mentions: Sequence[EventMention], copies: Collection[tuple[EventMention, EventMention]]
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """For each of ``mentions``, the index of the one that ``copies`` (pairs ``(copy,
    original)`` of them, by identity) says it copies, through any chain of them, or its
    own: a pair with an end that is not one of ``mentions``, or whose original is at a
    later place, says nothing."""
    known = np.arange(len(mentions), dtype=np.int64)
    if not copies or not mentions:
        return known
    ids = np.fromiter(map(id, mentions), dtype=np.int64, count=len(mentions))
    by_id = np.argsort(ids)
    ends = itertools.chain.from_iterable(copies)
    wanted = np.fromiter(map(id, ends), dtype=np.int64, count=2 * len(copies)).reshape(-1, 2)
    at = np.minimum(np.searchsorted(ids[by_id], wanted), len(ids) - 1)
    found = (ids[by_id][at] == wanted).all(axis=1)
    copy, original = by_id[at[found]].T
    taken = original < copy
    known[copy[taken]] = original[taken]
    while True:  # each step goes to an earlier place: the chains end
        further = known[known]
        if np.array_equal(further, known):
            return known
        known = further


def _linked(
    places: _Places,
    constraints: Iterable[tuple[EventMention, EventMention, str]],
    links: Iterable[Link] = (),
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The ``constraints`` and ``links`` between the mentions at ``places`` by index: those
    that say two are one happening, those that order them, and those from a part to its
    whole. Each end is found by its place; one that is not among the mentions drops its
    link."""
    ends = [(*_where(first), *_where(second), cue) for first, second, cue in constraints]
    ends += [(k.article_id, *k.before, k.article_id, *k.after, k.cue) for k in links]
    same: list[tuple[int, int, str]] = []
    ordered: list[tuple[int, int, str]] = []
    parts: list[tuple[int, int]] = []
    if not ends:
        return same, ordered, parts
    article, start, end, other, other_start, other_end, cues = zip(*ends, strict=True)
    firsts = places.find(article, start, end).tolist()
    seconds = places.find(other, other_start, other_end).tolist()
    index = list(range(len(places.article)))  # one number object per mention, as links share
    for a, b, cue in zip(firsts, seconds, cues, strict=True):
        if a < 0 or b < 0 or a == b:
            continue
        if cue in SAME_CUES:
            same.append((index[a], index[b], cue))
        elif cue == PART:
            parts.append((index[a], index[b]))
        else:
            ordered.append((index[a], index[b], cue))
    return same, ordered, parts


def _grouped(
    indexed: Index, dated: frozenset[str]
) -> tuple[list[list[int]], tuple[tuple[int, int], ...]]:
    """The groups of :func:`cluster`, sorted, and its contradictions as pairs of groups."""
    clustering = _Clustering(indexed, dated)
    clustering.run()
    groups = sorted(clustering.groups())
    roots = {clustering.find(members[0]): g for g, members in enumerate(groups)}
    contradictions = sorted({(roots[a], roots[b]) for a, b in clustering.contradictions()})
    return groups, tuple(tuple(sorted(pair)) for pair in contradictions)


@functools.cache
def _predicate_classes() -> dict[str, frozenset[int]]:
    """The synonym groups each predicate stem is in, numbered in the order of the file."""
    found: dict[str, set[int]] = defaultdict(set)
    for n, group in enumerate(words("predicates")["synonyms"].values()):
        for lemma in group:
            found[predicate_stem(lemma)].add(n)
    return {stem: frozenset(groups) for stem, groups in found.items()}


def predicate_kinds(lemma: str) -> frozenset[int | str]:
    """The synonym groups of ``lemma``'s stem (``lang/en/predicates.toml``, numbered), or the
    stem itself when it is in none: two predicates can name one happening when their kinds
    meet.

    >>> predicate_kinds("airstrike") & predicate_kinds("bombing") != set()
    True
    >>> predicate_kinds("win") & predicate_kinds("vote")
    frozenset()
    """
    stem = predicate_stem(lemma)
    return _predicate_classes().get(stem, frozenset({stem}))


@functools.cache
def _outcome_of() -> dict[str, str]:
    """The outcome (``predicates.toml``, ``[outcomes]``) each predicate stem tells."""
    outcomes = words("predicates")["outcomes"]
    return {predicate_stem(lemma): name for name, group in outcomes.items() for lemma in group}


def _outcome(stems: Collection[str]) -> str | None:
    """The outcome (``predicates.toml``, ``[outcomes]``) predicate stems all tell, if they
    tell one: two groups whose predicates tell different outcomes ("won", "lost") are two
    happenings.

    >>> _outcome({"win"}), _outcome({"los"}), _outcome({"win", "beat"}), _outcome({"say"})
    ('won', 'lost', None, None)
    """
    outcome = _outcome_of()
    told = {outcome.get(stem) for stem in stems}
    return told.pop() if len(told) == 1 else None


@functools.cache
def predicate_stem(lemma: str) -> str:
    """``lemma`` without the inflection or derivation ending of ``lang/en/merging.toml``'s
    ``endings`` (the first that leaves at least ``stem_length`` letters), so that the forms of
    one predicate agree even where the lemmatizer missed them.

    >>> [predicate_stem(w) for w in ("shooting", "shoot", "escaped", "escape", "checks")]
    ['shoot', 'shoot', 'escap', 'escap', 'check']
    >>> predicate_stem("bed")
    'bed'
    """
    merging = words("merging")
    for ending in merging["endings"]:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= merging["stem_length"]:
            return lemma[: -len(ending)]
    return lemma


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while, as it was after. Merging makes millions of
    small sets, tuples and clusters, none in a reference cycle, and each collection it would
    trigger walks every object alive, the caller's included: time that grew faster than the
    number of mentions (a third of merging at 10,000 articles, and a full collection of a
    timeline read back from JSON, 1.4 s at 10,000 articles, while labelling its events).

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def place(mention: EventMention) -> tuple[str, int, int]:
    """Where ``mention`` is: its article's id, its start and its end, the order in which
    merging holds mentions.

    >>> from timeline import EventMention
    >>> place(EventMention("a", 4, 10, "strike", "strike", 0))
    ('a', 4, 10)
    """
    return _where(mention)


#: :func:`place` at C speed, for the loops over every mention.
_where = operator.attrgetter("article_id", "start", "end")


def _unique(mentions: Iterable[EventMention]) -> tuple[list[EventMention], _Places]:
    """The distinct ``mentions`` sorted by :func:`place`, and where they are; equal mentions
    given twice count once, two different ones at one place are refused."""
    given = list(mentions)
    for mention in given:
        if not isinstance(mention, EventMention):
            raise TypeError(f"mentions must be EventMentions, not {type(mention).__name__}")
    ids = list(map(_article_id, given))
    articles = {article: n for n, article in enumerate(sorted(set(ids)))}
    article = np.fromiter(map(articles.__getitem__, ids), dtype=np.int64, count=len(ids))
    start = np.fromiter(map(_start, given), dtype=np.int64, count=len(ids))
    end = np.fromiter(map(_end, given), dtype=np.int64, count=len(ids))
    order = np.lexsort((end, start, article))  # stable: the first given of a place first
    width = 1 + int(end.max(initial=0))
    numbers = _numbered(len(articles), width, article[order], start[order], end[order])
    again = numbers[1:] == numbers[:-1]
    for k in np.flatnonzero(again).tolist():
        known, mention = given[order[k]], given[order[k + 1]]
        if known is not mention and known != mention:
            raise ValueError(
                f"two different mentions at {mention.start}..{mention.end} of article "
                f"{mention.article_id!r}: {known.text!r} and {mention.text!r}"
            )
    kept = np.ones(len(order), dtype=bool)
    kept[1:] = ~again
    places = _Places(articles, article[order][kept], width, numbers[kept])
    return [given[i] for i in order[kept].tolist()], places


_article_id = operator.attrgetter("article_id")
_start = operator.attrgetter("start")
_end = operator.attrgetter("end")


def _numbered(
    articles: int,
    width: int,
    article: np.ndarray[Any, Any],
    start: np.ndarray[Any, Any],
    end: np.ndarray[Any, Any],
) -> np.ndarray[Any, Any]:
    """Places ``(article number, start, end)`` (of ``articles`` articles, offsets below
    ``width``) as one number each, sorting as they do: 64-bit integers, or Python's where
    those could overflow."""
    if articles * width * width >= 1 << 63:
        article = article.astype(object)
    return (article * width + start) * width + end


@attrs.frozen(eq=False)
class _Places:
    """Where mentions sorted by :func:`place` are: the number of each article id, in the
    order of the ids (``articles``); the number of each mention's article (``article``);
    one more than the largest offset (``width``); and each mention's place as one number
    (:func:`_numbered`), sorted, to find mentions by place at C speed (``numbers``)."""

    articles: dict[str, int]
    article: np.ndarray[Any, np.dtype[np.int64]]
    width: int
    numbers: np.ndarray[Any, Any]

    def find(
        self, ids: Sequence[str], starts: Sequence[int], ends: Sequence[int]
    ) -> np.ndarray[Any, np.dtype[np.int64]]:
        """The index of the mention at each place ``(ids[k], starts[k], ends[k])``, ``-1``
        where there is none."""
        if not self.numbers.size:
            return np.full(len(ids), -1, dtype=np.int64)
        article = np.fromiter(
            (self.articles.get(i, -1) for i in ids), dtype=np.int64, count=len(ids)
        )
        start, end = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
        valid = (article >= 0) & (start >= 0) & (start < self.width)
        valid &= (end >= 0) & (end < self.width)
        wanted = _numbered(
            len(self.articles), self.width, *(np.where(valid, x, 0) for x in (article, start, end))
        )
        at = np.minimum(np.searchsorted(self.numbers, wanted), self.numbers.size - 1)
        return np.where(valid & (self.numbers[at] == wanted), at, -1)

    def runs(self) -> list[tuple[int, int]]:
        """The ``(start, end)`` indices of each article's mentions."""
        if not self.article.size:
            return []
        starts = [0, *(np.flatnonzero(self.article[1:] != self.article[:-1]) + 1).tolist()]
        return list(zip(starts, [*starts[1:], len(self.article)], strict=True))


# --- clusters -----------------------------------------------------------------------------------

K = TypeVar("K")
V = TypeVar("V")

#: The start of the role key of a counted object ("257 people"), apart from name keys.
_COUNTED = "#"

#: The value of a cluster's sets that hold nothing: most mentions name no person, no place...
_NONE: frozenset[Any] = frozenset()


@attrs.define
class _Cluster:
    """What a group of mentions agrees on, kept up to date as groups join; its bounds are
    instants (:func:`timeline.moments.instant`).

    A cluster of one mention (``members`` is ``None``: just ``root``) holds frozen sets shared
    with the other mentions that have the same ones (one article's, one place's, one
    predicate's), and its own sets only once it grows: most mentions join nothing, and
    a set of its own for each of their dozen traits was most of the memory merging took."""

    root: int
    members: set[int] | None
    low: datetime | None
    high: datetime | None
    roles: dict[str, frozenset[str]]
    people: frozenset[str] | set[str]
    partners: frozenset[str] | set[str]  # people it was done with, neither agents nor patients
    agents: frozenset[str] | set[str]  # the keys of those who did it
    victims: frozenset[str] | set[str]  # the keys of the people it was done to
    classes: frozenset[int | str] | set[int | str]
    lemmas: frozenset[str] | set[str]
    outcome: str | None  # the outcome its predicates all tell (:func:`_outcome`)
    places: frozenset[str] | set[str]
    modalities: frozenset[str] | set[str]
    polarities: frozenset[str] | set[str]
    articles: frozenset[str] | set[str]
    profiles: tuple[int, ...]  # the first of its articles' profiles (:class:`_Articles`)
    named: bool  # bounded, if at all, only by times its undated articles name
    loose: bool  # some mention of it is not bounded in time at all
    timed: bool  # some mention of it names a time of its own that dates it
    reports: bool  # every mention of it is a statement ("said", "a statement")
    told: datetime | None  # the earliest its untimed statements or presumed news may have been
    forbidden: frozenset[int] | set[int]

    @classmethod
    def of(
        cls,
        index: int,
        mention: EventMention,
        *,
        forbidden: frozenset[int] | set[int],
        published: bool,
        profile: tuple[int],
        shared: _Shared,
    ) -> _Cluster:
        """The cluster of one mention; ``published``: its article has a publication date;
        ``profile``: its article's profile (:class:`_Articles`), shared by the mentions of
        the article."""
        unbounded = not _bounded(mention)
        roles: dict[str, frozenset[str]] = {}
        for p in mention.participants:
            roles[p.key] = shared.frozen(roles.get(p.key, _NONE) | {p.role})
        if mention.theme and _counted(mention.theme, dated=mention.time is not None):
            # "killed 257 people": a count of what was done to tells one happening as a
            # name does, in every report that gives the same count
            roles[_COUNTED + mention.theme.lower()] = shared.frozen(frozenset({"patient"}))
        people = [p for p in mention.participants if p.label == "PERSON"]
        high = None if mention.latest is None else instant(mention.latest)
        reports = mention.event_class == "REPORTING" or _statement(mention.lemma)
        # a light verb names no predicate of its own: its noun's ("made a decision"); a
        # general one is its kind with what says what it is ("made off")
        predicate = _predicate(mention)
        if mention.light:
            stems = classes = frozenset()
        elif predicate == predicate_stem(mention.lemma):
            stems, classes = frozenset({predicate}), predicate_kinds(mention.lemma)
        else:
            stems = classes = frozenset({predicate})
        return cls(
            root=index,
            members=None,
            low=None if mention.earliest is None else instant(mention.earliest),
            high=high,
            roles=shared.roles(roles),
            people=shared.frozen(frozenset(p.key for p in people)),
            partners=shared.frozen(frozenset(p.key for p in people if p.role == "other")),
            agents=shared.frozen(frozenset(k for k, r in roles.items() if "agent" in r)),
            victims=shared.frozen(frozenset(p.key for p in people if "patient" in roles[p.key])),
            classes=shared.frozen(classes),
            lemmas=shared.frozen(stems),
            outcome=_outcome(stems),
            places=shared.frozen(frozenset({mention.location} if mention.location else ())),
            modalities=shared.frozen(frozenset({mention.modality})),
            polarities=shared.frozen(frozenset({mention.polarity})),
            articles=shared.frozen(frozenset({mention.article_id})),
            profiles=profile,
            named=_named(mention, published=published),
            loose=unbounded,
            timed=mention.time is not None and mention.time.interval is not None,
            reports=reports,
            told=_told(mention, high) if reports else _presumed(mention, published=published),
            forbidden=forbidden,
        )

    @property
    def size(self) -> int:
        return 1 if self.members is None else len(self.members)

    def indices(self) -> Collection[int]:
        """The mentions it groups."""
        return (self.root,) if self.members is None else self.members

    def _grown(self) -> set[int]:
        """Its members, a set of its own from now on, as its roles become before they grow."""
        if self.members is None:
            self.members = {self.root}
            self.roles = dict(self.roles)
        return self.members

    def copied(
        self,
        indices: Sequence[int],
        mentions: Sequence[EventMention],
        *,
        forbidden: Iterable[frozenset[int] | set[int]],
        dated: Collection[str],
        profiles: Mapping[str, tuple[int]],
    ) -> None:
        """Take in copies of its text (:func:`_signature`) from other articles, ``indices``
        and ``mentions``: all they add are their articles' traits, as :meth:`of` would give
        them (``forbidden`` the mentions each may not join; ``dated``, ``profiles`` those of
        :meth:`of` by article)."""
        self._grown().update(indices)
        self.articles = _union(self.articles, frozenset(m.article_id for m in mentions))
        self.profiles = _first_profiles(self.profiles, *(profiles[m.article_id] for m in mentions))
        self.named = self.named and all(
            _named(m, published=m.article_id in dated) for m in mentions
        )
        for other in forbidden:
            self.forbidden = _union(self.forbidden, other)

    def absorb(self, other: _Cluster) -> None:
        self._grown().update(other.indices())
        # the people of either that the other's roles make victims too
        victims = {k for k in other.people if "patient" in self.roles.get(k, ())}
        victims.update(k for k, r in other.roles.items() if "patient" in r and k in self.people)
        self.victims = _union(_union(self.victims, other.victims), victims)
        # groups only join when their bounds intersect
        self.low, self.high = _meet((self.low, self.high), (other.low, other.high)) or (
            self.low,
            self.high,
        )
        for key, roles in other.roles.items():
            mine = self.roles.get(key, _NONE)
            if not roles <= mine:
                self.roles[key] = _either(mine, roles)
        self.people = _union(self.people, other.people)
        if self.partners or other.partners:
            self.partners = (set(self.partners) | other.partners) - {
                k for k, r in self.roles.items() if r - {"other"}
            }
        self.agents = _union(self.agents, other.agents)  # an agent of either is one of both
        self.classes = _union(self.classes, other.classes)
        if not other.lemmas <= self.lemmas:
            self.lemmas = _union(self.lemmas, other.lemmas)
            self.outcome = _outcome(self.lemmas)
        self.places = _union(self.places, other.places)
        self.modalities = _union(self.modalities, other.modalities)
        self.polarities = _union(self.polarities, other.polarities)
        self.articles = _union(self.articles, other.articles)
        if self.profiles != other.profiles:
            self.profiles = _first_profiles(self.profiles, other.profiles)
        self.named = self.named and other.named
        self.loose = self.loose or other.loose
        self.timed = self.timed or other.timed
        self.reports = self.reports and other.reports
        if other.told is not None and (self.told is None or other.told > self.told):
            self.told = other.told
        self.forbidden = _union(self.forbidden, other.forbidden)

    @property
    def dated(self) -> bool:
        return self.within(_DATED)

    def within(self, width: timedelta) -> bool:
        """Whether it is bounded on both sides, at most ``width`` apart."""
        return self.low is not None and self.high is not None and self.high - self.low <= width


class _Shared:
    """One copy of each frozen value the clusters of single mentions hold."""

    def __init__(self) -> None:
        self.sets: dict[frozenset[Any], frozenset[Any]] = {}
        self.roles_of: dict[frozenset[Any], dict[str, frozenset[str]]] = {}

    def frozen(self, value: frozenset[Any]) -> frozenset[Any]:
        return _NONE if not value else self.sets.setdefault(value, value)

    def roles(self, roles: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        return self.roles_of.setdefault(frozenset(roles.items()), roles)


@functools.cache
def _either(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """The roles of ``first`` and of ``second``, one copy of each such set: there are few."""
    return first | second


def _first_profiles(mine: tuple[int, ...], *theirs: tuple[int, ...]) -> tuple[int, ...]:
    """The first ``context_articles`` of the profiles of ``mine`` and of each of ``theirs``:
    the first of a union are among the first of its parts, so a group keeps only those and
    compares them whatever its size."""
    return tuple(sorted({*mine, *itertools.chain(*theirs)})[: words("merging")["context_articles"]])


def _union(mine: frozenset[Any] | set[Any], theirs: frozenset[Any] | set[Any]) -> Any:
    """``mine`` with ``theirs`` added: ``mine`` itself when it has them all, grown in place
    when it is a cluster's own set, else a new set (a frozen one may be shared)."""
    if theirs <= mine:
        return mine
    if isinstance(mine, frozenset):
        return set(mine) | theirs
    mine |= theirs
    return mine


#: Everything about a mention but its article: copies of one text share it.
_signature = operator.attrgetter(
    *(f.name for f in attrs.fields(EventMention) if f.name != "article_id")
)


def _counted(theme: str, *, dated: bool) -> bool:
    """Whether an object as written gives a count of something: in figures ("257 people"),
    or in words ("one person"; not a bare "one") by a mention its own time dates ("the 1996
    bombing killed one person"), as small counts in words are common to many happenings."""
    if any(c.isdigit() for c in theme):
        return True
    first, *rest = theme.lower().split() or [""]
    return dated and bool(rest) and first in words("merging")["counts"]


def _named(mention: EventMention, *, published: bool) -> bool:
    """Whether ``mention`` is bounded, if at all, only by times its undated article names:
    its own, or its sentence's, which it inherits."""
    return not published and (
        mention.time is not None or mention.sentence_time is not None or not _bounded(mention)
    )


def _bounded(mention: EventMention) -> bool:
    return mention.earliest is not None or mention.latest is not None


def _meet(first: Bounds, second: Bounds) -> Bounds | None:
    """:func:`timeline.bounds.intersect` of bounds that are instants, as clusters hold them:
    compared as they are."""
    (low, high), (other_low, other_high) = first, second
    if low is None or (other_low is not None and other_low > low):
        low = other_low
    if high is None or (other_high is not None and other_high < high):
        high = other_high
    if low is not None and high is not None and high <= low:
        return None
    return (low, high)


def _told(mention: EventMention, high: datetime | None) -> datetime | None:
    """The earliest a statement with no time of its own may have been made: a few days
    (``statement_days`` in merging.toml) before the latest its article allows, its
    publication ("the FBI said" in an article of 2000 is not what it said in 1998)."""
    if mention.time is not None or high is None:
        return None
    return high - timedelta(days=words("merging")["statement_days"])


def _presumed(mention: EventMention, *, published: bool) -> datetime | None:
    """The earliest a happening with no time of its own that its dated article presumes on a
    day (news told in the simple past, :attr:`EventMention.presumed`) may have been: a few
    days (``statement_days``) before that day ("Iraq agreed to allow" in 1998 is not what
    Iraq agreed to in 1990)."""
    if not published or mention.time is not None or mention.presumed is None:
        return None
    return instant(mention.presumed.start) - timedelta(days=words("merging")["statement_days"])


def _undated(a: _Cluster, b: _Cluster) -> bool:
    """Whether no publication date bounds the pair: their articles have none, one is not
    bounded in time at all, the other at most by a time its articles name."""
    return a.named and b.named and (a.loose or b.loose)


def _attitudes(lemmas: frozenset[str] | set[str]) -> bool:
    """Whether every one of ``lemmas`` names an attitude or a mental state ("felt",
    "wanted", "expected": the ``I_STATE`` class of ``lang/en/events.toml`` and the
    ``attitudes`` of ``lang/en/merging.toml``).

    >>> _attitudes({"feel", "want"}), _attitudes({"feel", "sign"})
    (True, False)
    """
    return lemmas <= _attitude_lemmas()


@functools.cache
def _attitude_lemmas() -> frozenset[str]:
    return frozenset(words("events")["classes"]["I_STATE"]) | frozenset(
        words("merging")["attitudes"]
    )


def _predicate(mention: EventMention) -> str:
    """The stem of ``mention``'s predicate (:func:`predicate_stem`), and, for a general one
    (:func:`_general`), the word that says what it is: its particle ("made off") or the last
    word of what it was done to ("set a trial date", "ended the season")."""
    stem = predicate_stem(mention.lemma)
    if stem not in _general_stems():
        return stem
    what = mention.phrasal or mention.theme
    return f"{stem} {what.split()[-1].lower()}" if what else stem


def _general(stems: frozenset[str] | set[str]) -> bool:
    """Whether every one of a group's predicate ``stems`` (:func:`_predicate`) is too general
    to tell a happening by itself ("went", "took", "a change": the ``general`` predicates of
    ``lang/en/merging.toml``, with no particle or object to say what they are).

    >>> _general({predicate_stem("go"), predicate_stem("take")}), _general({"fir", "go"})
    (True, False)
    """
    return bool(stems) and stems <= _general_stems()


@functools.cache
def _general_stems() -> frozenset[str]:
    return frozenset(map(predicate_stem, words("merging")["general"]))


def _statement(lemma: str) -> bool:
    """Whether ``lemma`` names a statement (the ``statement`` group of synonyms: "call",
    "urge", "speech"...)."""
    return lemma in words("predicates")["synonyms"]["statement"]


def _compatible(a: _Cluster, b: _Cluster, *, zones: bool = False) -> bool:
    """Whether the bounds of ``a`` and ``b`` leave a common time: exactly; with ``zones``
    and across articles, with :data:`ZONE_SLACK` to spare, as two articles may give the day
    of one moment in two time zones ("on the evening of January 2" in Washington, "on
    Friday" in Baghdad) -- for pairs that share who did it or to whom, statements only when
    both name their day (a spokesman speaks every day, a strike happens once). Statements
    with no time of their own are compatible with another article's reports only from the
    day they may have been made on (:func:`_told`), and so is news its article presumes on a
    day (:func:`_presumed`); within an article, its own links say more than that default."""
    if a.articles.isdisjoint(b.articles) and (
        (a.told is not None and b.high is not None and b.high <= a.told)
        or (b.told is not None and a.high is not None and a.high <= b.told)
    ):
        return False  # told with no time, in articles published far apart
    if _meet((a.low, a.high), (b.low, b.high)) is not None:
        return True
    if (
        not zones
        or not a.articles.isdisjoint(b.articles)
        or (a.reports and b.reports and not (a.timed and b.timed))
    ):
        return False
    low = None if a.low is None else a.low - ZONE_SLACK
    high = None if a.high is None else a.high + ZONE_SLACK
    return _meet((low, high), (b.low, b.high)) is not None


def _vetoed(a: _Cluster, b: _Cluster) -> bool:
    """Whether ``a`` and ``b`` cannot be one happening, whatever their predicates and times:
    ordered by their article, opposite polarity or outcomes (:func:`_outcome`), different
    people it was done with ("talked with Bagheri", "talked with Fidan"), different people it
    was done to, told in two articles or in one with no date to tell apart what it tells ("the
    Sixers fired Billy King" a year ago, "fired Maurice Cheeks" on Saturday; dated, one strike
    that killed two men may be told victim by victim), and, unless the pair
    is undated (:func:`_undated`), a hypothetical against a real event, someone who is the agent
    of one and the patient of the other, or different agents. An undated pair is only kept apart
    by different agents who are people: without dates to check them by, grammar and roles read
    from headlines and nouns ("Jackson's arrest") err more often than they tell two happenings
    apart."""
    if not b.forbidden.isdisjoint(a.indices()) or a.polarities != b.polarities:
        return True
    if a.outcome is not None and b.outcome is not None and a.outcome != b.outcome:
        return True  # "won", "lost"
    if a.partners and b.partners and not a.partners & b.partners:
        return True
    if (
        (a.articles.isdisjoint(b.articles) or _undated(a, b))
        and a.victims
        and b.victims
        and not a.victims & b.victims
    ):  # "fired Billy King", "fired Maurice Cheeks"
        return True
    if (
        a.articles.isdisjoint(b.articles)
        and not a.agents & b.agents
        and _attitudes(a.lemmas)
        and _attitudes(b.lemmas)
    ):  # "I felt we were not progressing", "we felt the main focus was": whose, and when?
        return True
    if _undated(a, b):
        people_a, people_b = a.agents & a.people, b.agents & b.people
        return bool(people_a and people_b and not people_a & people_b)
    if ("HYPOTHETICAL" in a.modalities) != ("HYPOTHETICAL" in b.modalities):
        return True
    if a.modalities != b.modalities and not a.articles.isdisjoint(b.articles):
        return True
    for key in a.roles.keys() & b.roles.keys():
        if {"agent", "patient"} <= (a.roles[key] | b.roles[key]) - (a.roles[key] & b.roles[key]):
            return True
    agents_a, agents_b = a.agents, b.agents
    return bool(agents_a and agents_b and agents_a.isdisjoint(agents_b))


def _score(a: _Cluster, b: _Cluster, context: _Articles) -> tuple[float, bool]:
    """The pair's score (``0.0`` when vetoed) and whether only its dates kept it apart:
    :func:`_scored`, with how alike its articles are (:class:`_Articles`) if that counts."""
    score, contested, needs = _scored(a, b, stories=context.stories)
    if needs:
        alike = context.similarity(a.profiles, b.profiles)
        if alike is not None:
            if needs == _ADDED:
                score += _context_term(alike)
            elif _unlike(alike):
                score = 0.0
    return score, contested


#: What the score of :func:`_scored` needs of how alike the pair's articles are (``alike``,
#: when known): nothing, :func:`_context_term` added, or to be 0 if they are :func:`_unlike`.
_FINAL, _ADDED, _GATED = 0, 1, 2


def _scored(a: _Cluster, b: _Cluster, *, stories: bool) -> tuple[float, bool, int]:
    """The pair's score but for how alike its articles are, whether only its dates kept it
    apart, and what its score needs of that likeness (:data:`_ADDED`, :data:`_GATED`);
    ``stories``: there are articles enough for their likeness to tell stories apart
    (``context_minimum``).

    An undated pair (:func:`_undated`) is scored on what is left: its predicate counts in
    full (synonyms as the same lemma), plus a share of how alike its articles are
    (:class:`_Articles`); places and modality are not held against it. Two clusters of one
    mention each are scored from their traits alone, the same for every pair of mentions of
    these traits (:func:`_kind`) but for whether they are of one article.

    Statements are one only when one speaker made them, and, in two articles, on a common
    day: one bounded only by its article's publication may be any the speaker made before
    it. A common day counts for a statement and another word of its kind ("says", "a
    speech") only if they name someone in common."""
    if a.classes.isdisjoint(b.classes) or _vetoed(a, b):
        return 0.0, False, _FINAL
    if a.reports and b.reports and a.agents.isdisjoint(b.agents):
        return 0.0, False, _FINAL  # statements are one when one speaker made them, not one day
    weights = words("merging")["weights"]
    undated = _undated(a, b)
    # Who did it and to whom count; sharing only a bystander ("with", "on") does not, nor,
    # with no date to check them by, a place or a body ("a New Zealand climber", "a fall in
    # New Zealand": one topic's happenings share them)
    shared = sum(
        1
        for key in a.roles.keys() & b.roles.keys()
        if (a.roles[key] | b.roles[key]) - {"other"}
        and (not undated or key in a.people or key in b.people or key.startswith(_COUNTED))
    )
    if (
        not shared
        and (_general(a.lemmas) or _general(b.lemmas))
        and not (a.timed and b.timed and a.dated and b.dated)
    ):  # "went", "took": the same word in one story, done by whom, to whom, and when?
        return 0.0, False, _FINAL
    if (
        a.reports
        and b.reports
        and not undated
        and a.articles.isdisjoint(b.articles)
        and not (a.dated and b.dated)
    ):  # bounded only by its article's publication, a statement may be any the speaker made
        return 0.0, False, _FINAL
    score = weights["predicate"] * (1.0 if undated or not a.lemmas.isdisjoint(b.lemmas) else 0.8)
    if shared:
        score += weights["participants"] * shared / min(len(a.roles), len(b.roles))
    if not _compatible(a, b, zones=bool(shared)):
        return 0.0, bool(shared) and a.dated and b.dated, _FINAL
    # a day holds many statements: one and another word of its kind, naming nobody in
    # common ("says", "a speech"), are not one for being told on one day
    timely = shared or not a.lemmas.isdisjoint(b.lemmas) or not (a.reports or b.reports)
    if timely and a.dated and b.dated:
        score += weights["dated"]
    elif timely and a.within(_WEEK) and b.within(_WEEK):
        score += weights["week"]
    if undated:
        return score + weights["undated"], False, _ADDED
    # two reports that name nobody in common ("shares fell", "the market closed") are one
    # happening only if their articles tell one story (or nothing tells them apart)
    gated = not shared and a.articles.isdisjoint(b.articles) and stories
    if a.places and b.places:
        score += weights["place"] * (1 if a.places & b.places else -1)
    if a.modalities != b.modalities:
        score -= weights["modality"]
    return score, False, _GATED if gated else _FINAL


def _context_term(alike: Any) -> Any:
    """What how alike a pair's articles are (a number, or an array of them) adds to the
    score of an undated pair."""
    weights = words("merging")["weights"]
    return weights["context"] * (alike - weights["context_baseline"])


def _unlike(alike: Any) -> Any:
    """Whether articles this alike (a number, or an array of them) tell two stories."""
    return alike < words("merging")["weights"]["context_baseline"]


#: What an article tells of: its participant keys, places, dates, predicate stems and the names
#: its arguments stand for (each with a letter for its kind), each with how often, sorted.
_Profile = tuple[tuple[str, int], ...]


def _profiles(
    mentions: Sequence[EventMention], copies: Sequence[int], runs: Iterable[tuple[int, int]]
) -> dict[str, _Profile]:
    """The profile of each article of ``mentions`` (:class:`_Articles`), by id, the traits of
    each text counted once for all its copies (``copies``: the first mention of each one's
    text, as :func:`_copies` gives them; ``runs``, the ``(start, end)`` indices of each
    article's mentions); articles share one copy of each feature with its count, and of
    each profile (copies of a text), as an update keeps them all (:class:`Index`)."""
    features: dict[int, list[str]] = {}
    items: dict[tuple[str, int], tuple[str, int]] = {}
    profiles: dict[_Profile, _Profile] = {}
    # articles of the same texts (copies) have one profile, counted once
    by_texts: dict[tuple[int, ...], _Profile] = {}
    kept = {}
    for start, end in runs:
        texts = tuple(copies[start:end])
        profile = by_texts.get(texts)
        if profile is None:
            found: list[str] = []
            for first in texts:
                told = features.get(first)
                if told is None:
                    told = features[first] = _features(mentions[first])
                found += told
            counted = tuple(sorted(items.setdefault(item, item) for item in Counter(found).items()))
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
        self.cosines = _Found(_CHUNK)  # by pair, as x * profiles + y
        self.similarities: _Recent[tuple[tuple[int, ...], ...], float | None] = _Recent(_CHUNK)
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
        keys = np.unique(np.minimum(x, y) * vectors + np.maximum(x, y))
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
        for part in np.split(np.arange(len(first)), np.unique(ends)):
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


#: Fewer dot products than this are found one at a time.
_FEW = 8

#: What :meth:`_Recent.recall` gives for a key it does not hold.
_UNKNOWN: Any = object()


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


class _Clustering:
    """Union-find over mentions, joined first by their articles' links, then best pair first."""

    def __init__(self, indexed: Index, dated: frozenset[str]) -> None:
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
                    published=m.article_id in dated,
                    profile=profiles[m.article_id],
                    shared=shared,
                )
            )
        for first, others in taken.items():
            self._at(first).copied(
                others,
                [mentions[i] for i in others],
                forbidden=[forbidden[i] for i in others if i in forbidden],
                dated=dated,
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
        ranges = self._kept(self.pairs())
        self.grew.clear()  # the scores stand for the groups as they are now
        for key in sorted(ranges, reverse=True):  # a range at a time, let go once taken
            kept, found = ranges.pop(key)
            ranked = np.frombuffer(found, dtype=np.float64)
            np.negative(ranked, out=ranked)
            order = np.argsort(ranked, kind="stable")
            above = int(np.count_nonzero(ranked <= -self.threshold))  # the first, in order
            del ranked, found
            # the pairs in order, each negative if it scores above the threshold
            numbers = np.frombuffer(kept, dtype=np.int64)[order]
            del order, kept
            numbers[:above] *= -1
            for start in range(0, len(numbers), _CHUNK):
                for pair in numbers[start : start + _CHUNK].tolist():
                    yield *divmod(abs(pair), size), pair < 0

    def _kept(
        self, parts: list[np.ndarray[Any, np.dtype[np.int64]]]
    ) -> dict[int, tuple[array[int], array[float]]]:
        """Score the pairs of ``parts`` (:meth:`pairs`, the last part first; each is let go
        once scored) with :meth:`_scores`, and give those that score above zero and their
        scores by the range of values their score is in (:data:`_RANGE`: a key that sorts as
        the scores do), in their order: the ranges can be put in order and let go one at a
        time. Pairs are scored in the order of their numbers: clusters made one after the
        other lie near in memory, so this runs several times faster than in any other order."""
        ranges: dict[int, tuple[array[int], array[float]]] = {}
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
                pairs, scores = ranges.setdefault(k, (array("q"), array("d")))
                pairs.frombytes(chunk[at].tobytes())
                scores.frombytes(score[at].tobytes())
        return ranges

    def _scores(
        self, pairs: np.ndarray[Any, np.dtype[np.int64]], traits: _Traits
    ) -> tuple[np.ndarray[Any, np.dtype[np.float64]], np.ndarray[Any, np.dtype[np.bool_]]]:
        """The scores of ``pairs`` (numbers, as :meth:`pairs` gives them) and whether each
        was contested, as :func:`_score` gives them: those of two clusters of one mention
        each (not ordered by their article) once for each pair of kinds (:class:`_Traits`)
        and whether they are of one article, then with how alike their articles are, for
        all at once (:meth:`_Articles.cosines`)."""
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

    def pairs(self) -> list[np.ndarray[Any, np.dtype[np.int64]]]:
        """The distinct pairs of today's clusters that meet in a block, each cluster with the
        next ``window`` of each of its blocks in time, as sorted numbers ``a * size + b``
        (``a < b``), in parts (:func:`_parts`: the last part first); found a batch of blocks
        at a time, so that only the distinct pairs are held."""
        blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        live = sorted((c for c in self.clusters if c is not None), key=_when)
        for cluster in live:  # so each block lists its clusters in time
            for key in _block_keys(cluster):
                blocks[key].append(cluster.root)
        del live
        window = words("merging")["window"]
        size = len(self.mentions)
        # the distinct pairs so far, then the pairs of the batches since
        found: list[np.ndarray[Any, np.dtype[np.int64]]] = [np.zeros(0, dtype=np.int64)]
        batch: list[list[int]] = []
        held = 0
        while blocks:
            members = blocks.popitem()[1]
            if len(members) > 1:
                batch.append(members)
                held += len(members)
            if held >= _BATCH or not blocks:
                found.append(_near(batch, window, size))
                batch, held = [], 0
                if 2 * sum(map(len, found[1:])) >= len(found[0]) or not blocks:
                    found = [_distinct(found)]
        return _parts(found[0])

    def _number(self, a: int, b: int) -> int:
        """The number of the pair ``a``, ``b``, as :meth:`pairs` gives them."""
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

    def groups(self) -> list[list[int]]:
        return [sorted(c.indices()) for c in self.clusters if c is not None]

    def contradictions(self) -> set[tuple[int, int]]:
        """Pairs of final groups (by root) that differ only in their incompatible dates."""
        found = set()
        for pair in self.contested:
            ra, rb = (self.find(i) for i in divmod(pair, len(self.mentions)))
            if ra != rb:
                found.add((min(ra, rb), max(ra, rb)))
        return found


#: Pairs are taken this many at a time.
_CHUNK = 1 << 12
#: Pairs are scored this many at a time (:meth:`_Clustering._scores`).
_SCORED = 1 << 13
#: Pairs are made from blocks of about this many clusters in all at a time.
_BATCH = 1 << 12
#: Scores are put in order a range at a time: those whose 64 bits agree but for the last
#: ``_RANGE`` (the sign, the exponent and the first 8 bits of the fraction: 256 ranges from
#: one power of two to the next).
_RANGE = 44
#: How many of the pairs of groups scored below the threshold are remembered, and as many before.
_FAILED = 1 << 12


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
        links = np.unique(ends.min(axis=1) * size + ends.max(axis=1))
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


def _distinct(
    arrays: list[np.ndarray[Any, np.dtype[np.int64]]],
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The distinct numbers of ``arrays``, sorted, in the first of them (grown in place, then
    cut to them); ``arrays`` is emptied. What :func:`numpy.unique` does with three copies of
    the numbers, with one and a byte a number.

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


def _parts(
    numbers: np.ndarray[Any, np.dtype[np.int64]],
) -> list[np.ndarray[Any, np.dtype[np.int64]]]:
    """``numbers`` in parts of at most :data:`_SCORED`, the last part first; each is copied
    off the end of ``numbers`` and ``numbers`` cut short, so that none is held twice.

    >>> [len(part) for part in _parts(np.arange(_SCORED + 1))]
    [8192, 1]
    """
    parts = []
    while numbers.size:
        cut = max(0, numbers.size - _SCORED)
        parts.append(numbers[cut:].copy())
        numbers.resize(cut, refcheck=False)
    return parts


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
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


def _when(cluster: _Cluster) -> tuple[Any, ...]:
    point = cluster.high or cluster.low
    return (point is None, point or datetime.min, cluster.low or datetime.min, cluster.root)


def _block_keys(cluster: _Cluster) -> set[tuple[Any, ...]]:
    keys: set[tuple[Any, ...]] = set()
    if cluster.named:
        keys.update(("lemma", lemma) for lemma in cluster.lemmas)
        keys.update(("class", kind) for kind in cluster.classes)
    for kind in cluster.classes:
        keys.update(("who", key, kind) for key in cluster.roles)
        if cluster.low is not None and cluster.high is not None:
            days = (cluster.high - cluster.low).days + 1
            if days <= _BUCKETED:
                first = cluster.low.date()
                keys.update(("day", first + timedelta(days=d), kind) for d in range(days))
    return keys
