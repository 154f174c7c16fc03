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
   date bounds, a predicate stem or class (with groups of dated articles of that predicate),
   or, for reports that may be near (step 3), a predicate stem or class and a few days of
   publication; within a block each group
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
   names, as in ECB+; or one is of such articles and not bounded at all), the predicate
   class counts more, how alike the two articles are counts too, only people count as
   participants in common, and only different people as agents veto. Reports told as done
   in articles all published within two days are likelier one: their articles' closeness
   counts as a date would, unless their words tell them apart (a time named years before,
   who did it or to what, a present perfect, a plural).
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
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs
import numpy as np

from timeline.merging.clustering import _Clustering
from timeline.merging.likeness import _Profile, _profiles
from timeline.merging.predicates import predicate_kinds, predicate_stem
from timeline.merging.scoring import ZONE_SLACK
from timeline.model import EventMention, Link

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
    "same_text",
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
    different groups where one tells what the other did (the cue :data:`PART`); ``copies``,
    if known, for each mention the index of the first with its text (the same mention but
    for its article: a story republished), in its group, or its own.

    >>> Clusters((), (), (), ()).groups
    ()
    """

    mentions: tuple[EventMention, ...]
    groups: tuple[tuple[int, ...], ...]
    ordered: tuple[tuple[int, int, str], ...]
    contradictions: tuple[tuple[int, int], ...]
    parts: tuple[tuple[int, int], ...] = ()
    copies: np.ndarray[Any, np.dtype[np.int64]] | None = attrs.field(default=None, eq=False)


def cluster(
    mentions: Iterable[EventMention],
    constraints: Iterable[tuple[EventMention, EventMention, str]] = (),
    *,
    dated: Collection[str] | Mapping[str, date | datetime] = (),
) -> Clusters:
    """Group ``mentions`` by the happening they report.

    ``constraints`` are ``(first, second, cue)`` triples from the articles' order cues
    (:meth:`timeline.pipeline.ArticleEvents.links`): ``first`` happens no later than
    ``second``; the cues of :data:`SAME_CUES` say they are one happening. ``dated`` holds
    the ids of the articles with a publication date (the mentions of the others get the
    leniency of undated reports, step 3 above), or maps them to it: then reports of
    articles all published within two days count as near (step 3). Every mention ends up in
    exactly one group; equal mentions given twice count once, and two different mentions at
    one place of one article are refused.

    >>> cluster([]).mentions
    ()
    """
    return Index.of(mentions, constraints).clusters(dated)


@attrs.frozen(eq=False)
class Index:
    """Mentions ready to cluster (:meth:`clusters`), and what clustering them with more
    reuses (:meth:`more`): the distinct ``mentions`` sorted by :func:`place`, their articles'
    links by index (:func:`_linked`: ``same``, ``ordered``, ``parts``, each in the order of
    their articles), for each mention the first with its text (``copies``: copies of one
    text), the hash of each text (:func:`_signature`), sorted, with the index of its first
    mention (``hashes``, ``firsts``), the ids of their articles and the profile of each
    (:func:`~timeline.merging.likeness._profiles`). A timeline keeps the index of its
    mentions, so that an update indexes only the new ones.

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
        texts, hashes = _texts(unique, _known_copies(unique, copies))
        firsts = np.flatnonzero(texts == np.arange(len(unique)))
        hashes = hashes[firsts]
        order = np.argsort(hashes, kind="stable")
        return cls(
            tuple(unique),
            same,
            ordered,
            parts,
            texts,
            hashes[order],
            firsts[order],
            frozenset(places.articles),
            _profiles(unique, texts.tolist(), places.runs()),
        )

    def clusters(self, dated: Collection[str] | Mapping[str, date | datetime]) -> Clusters:
        """:func:`cluster` of these mentions; ``dated``: the ids of the articles with a
        publication date, or their publication dates by id."""
        with collector_paused():
            groups, contradictions = _grouped(self, _days(dated))
        group_of = [0] * len(self.mentions)
        for g, members in enumerate(groups):
            for m in members:
                group_of[m] = g
        return Clusters(
            self.mentions,
            tuple(groups),
            tuple((a, b, cue) for a, b, cue in self.ordered if group_of[a] != group_of[b]),
            contradictions,
            tuple(sorted((a, b) for a, b in self.parts if group_of[a] != group_of[b])),
            self.copies,
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


def _texts(
    mentions: Sequence[EventMention], known: np.ndarray[Any, np.dtype[np.int64]]
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
    """For each of ``mentions``, the index of the first with its text (:func:`_signature`),
    and the hash of its text where it is that first; ``known``: the index of the one each
    copies (:func:`_known_copies`), whose text is not compared. Texts are found by their
    hash, the two compared where it is met again: only a number is held for each text."""
    texts = np.arange(len(mentions), dtype=np.int64)
    hashes = np.zeros(len(mentions), dtype=np.int64)
    first: dict[int, int] = {}
    others: dict[tuple[Any, ...], int] = {}  # texts whose hash an earlier text has
    for i in np.flatnonzero(known == texts).tolist():
        signature = _signature(mentions[i])
        hashes[i] = number = hash(signature)
        found = first.setdefault(number, i)
        if found != i and _signature(mentions[found]) != signature:
            found = others.setdefault(signature, i)
        texts[i] = found
    return texts[known], hashes  # a known copy's first is its original's


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


def _days(dated: Collection[str] | Mapping[str, date | datetime]) -> dict[str, date | None]:
    """The publication day of each dated article of ``dated`` (:func:`cluster`), ``None``
    where only its id is given."""
    if not isinstance(dated, Mapping):
        return dict.fromkeys(dated)
    return {i: d.date() if isinstance(d, datetime) else d for i, d in dated.items()}


def _grouped(
    indexed: Index, dated: Mapping[str, date | None]
) -> tuple[list[tuple[int, ...]], tuple[tuple[int, int], ...]]:
    """The groups of :func:`cluster`, sorted, and its contradictions as pairs of groups."""
    clustering = _Clustering(indexed, dated)
    clustering.run()
    contradicting = clustering.contradictions()
    groups = sorted(clustering.groups())  # the clusters let go on the way
    roots = {clustering.find(members[0]): g for g, members in enumerate(groups)}
    contradictions = sorted({(roots[a], roots[b]) for a, b in contradicting})
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


# --- copies of a text -----------------------------------------------------------------------


#: Everything about a mention but its article: copies of one text share it.
_signature = operator.attrgetter(
    *(f.name for f in attrs.fields(EventMention) if f.name != "article_id")
)


def same_text(mention: EventMention, other: EventMention) -> bool:
    """Whether two mentions are copies of one text: the same in everything but their
    article, as merging finds them (a wire story republished).

    >>> from timeline import EventMention
    >>> said = EventMention("a", 0, 4, "said", "say", 0)
    >>> same_text(said, EventMention("b", 0, 4, "said", "say", 0))
    True
    >>> same_text(said, EventMention("b", 0, 4, "said", "say", 1))
    False
    """
    return bool(_signature(mention) == _signature(other))
