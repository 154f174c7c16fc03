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
3. Each pair gets a score: predicate similarity (same stem,
   :func:`~timeline.merging.predicates.predicate_stem`, or the same synonym group of
   ``lang/en/predicates.toml``), participant overlap by
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

Weights, blocking and stems are data, in ``lang/en/merging.toml``. This module indexes the
mentions (:class:`Index`) and gives their groups (:class:`Clusters`); the steps are the
modules of :mod:`timeline.merging`: :mod:`~timeline.merging.clustering` runs them (1 and 4),
:mod:`~timeline.merging.blocking` makes the pairs (2), :mod:`~timeline.merging.scoring`
scores and vetoes them (3), with what a group's mentions agree on
(:mod:`~timeline.merging.groups`), how their predicates compare
(:mod:`~timeline.merging.predicates`) and how alike their articles are
(:mod:`~timeline.merging.likeness`).

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
import gc
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

import attrs
import numpy as np

from timeline.merging.clustering import _Clustering
from timeline.merging.likeness import _Profile
from timeline.merging.predicates import predicate_kinds, predicate_stem
from timeline.merging.scoring import ZONE_SLACK
from timeline.model import EventMention, Link
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
    ) -> Index:
        """``constraints`` as ``(first, second, cue)`` mention triples, or ``links`` between
        the mentions by place, as a timeline keeps them (:attr:`timeline.Timeline.links`)."""
        unique = _unique(mentions)
        same, ordered, parts = _linked(unique, constraints, links)
        first: dict[tuple[Any, ...], int] = {}
        copies = [first.setdefault(_signature(m), i) for i, m in enumerate(unique)]
        hashes = np.fromiter(map(hash, first), dtype=np.int64, count=len(first))
        order = np.argsort(hashes, kind="stable")
        return cls(
            tuple(unique),
            same,
            ordered,
            parts,
            np.array(copies, dtype=np.int64),
            hashes[order],
            np.fromiter(first.values(), dtype=np.int64, count=len(first))[order],
            frozenset(m.article_id for m in unique),
            _profiles(unique, copies),
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


def _linked(
    mentions: Sequence[EventMention],
    constraints: Iterable[tuple[EventMention, EventMention, str]],
    links: Iterable[Link] = (),
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The ``constraints`` and ``links`` between ``mentions`` (sorted by place) by index:
    those that say two are one happening, those that order them, and those from a part to
    its whole. Each end is found by its place; one that is not among ``mentions`` drops its
    link."""
    at = {where: i for i, where in enumerate(map(_where, mentions))}
    ends = itertools.chain(
        ((_where(first), _where(second), cue) for first, second, cue in constraints),
        (((k.article_id, *k.before), (k.article_id, *k.after), k.cue) for k in links),
    )
    same: list[tuple[int, int, str]] = []
    ordered: list[tuple[int, int, str]] = []
    parts: list[tuple[int, int]] = []
    for first, second, cue in ends:
        a, b = at.get(first), at.get(second)
        if a is None or b is None or a == b:
            continue
        if cue in SAME_CUES:
            same.append((a, b, cue))
        elif cue == PART:
            parts.append((a, b))
        else:
            ordered.append((a, b, cue))
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


def _unique(mentions: Iterable[EventMention]) -> list[EventMention]:
    found: dict[tuple[str, int, int], EventMention] = {}
    for mention in mentions:
        if not isinstance(mention, EventMention):
            raise TypeError(f"mentions must be EventMentions, not {type(mention).__name__}")
        known = found.setdefault(_where(mention), mention)
        if known is not mention and known != mention:
            raise ValueError(
                f"two different mentions at {mention.start}..{mention.end} of article "
                f"{mention.article_id!r}: {known.text!r} and {mention.text!r}"
            )
    return [found[where] for where in sorted(found)]


# --- copies of a text, articles' profiles -------------------------------------------------------


#: Everything about a mention but its article: copies of one text share it.
_signature = operator.attrgetter(
    *(f.name for f in attrs.fields(EventMention) if f.name != "article_id")
)


def _profiles(mentions: Sequence[EventMention], copies: Sequence[int]) -> dict[str, _Profile]:
    """The profile of each article of ``mentions`` (:class:`_Articles`), by id, the traits of
    each text counted once for all its copies (``copies``: the first mention of each one's
    text, as :func:`_copies` gives them); articles share one copy of each feature with its
    count, and of each profile (copies of a text), as an update keeps them all
    (:class:`Index`)."""
    features: dict[int, list[str]] = {}
    told: dict[str, list[str]] = defaultdict(list)
    for m, first in zip(mentions, copies, strict=True):
        found = features.get(first)
        if found is None:
            found = features[first] = _features(m)
        told[m.article_id] += found
    items: dict[tuple[str, int], tuple[str, int]] = {}
    profiles: dict[_Profile, _Profile] = {}
    kept = {}
    for article, found in told.items():
        profile = tuple(sorted(items.setdefault(item, item) for item in Counter(found).items()))
        kept[article] = profiles.setdefault(profile, profile)
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
