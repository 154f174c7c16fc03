"""One canonical timeline from many articles: cross-article merging, ordering, provenance.

:func:`merge` clusters event mentions into canonical :class:`~timeline.Event` values and
:func:`build` composes it with :func:`timeline.events.analyse` over a set of articles.

Merging works in four steps:

1. Mentions an article itself says are one happening ("the attack killed", "an airstrike ...
   the attack") start as one cluster; mentions it orders ("to avenge the operation", "after")
   can never share an event.
2. Candidate pairs come from blocks: clusters sharing a participant key and a predicate
   class, or a predicate class and a day they are dated to, or, for mentions no publication
   date bounds, a predicate stem or class; within a block each cluster
   meets only its nearest neighbours in time, so the cost grows near-linearly.
3. Each pair gets a score: predicate similarity (same stem, :func:`predicate_stem`, or the
   same synonym group of ``merge_en.toml``), participant overlap by spelling-tolerant name
   keys, agreement of dates and of place. Some differences veto the pair outright: time
   bounds that leave no common time, opposite polarity, a hypothetical against a real event,
   someone who is the agent in one and the patient in the other, different agents, different
   people it was done with. Links within an article by anaphora must pass these vetoes too.
   When no publication date bounds the pair (their articles have none; one mention is not
   bounded in time at all, the other at most by a time its text names, as in ECB+), the
   predicate class counts more,
   how alike the two articles are counts too, and only different people as agents veto.
4. Pairs are taken best first; two clusters join only when their whole groups pass the same
   test, so a vague mention never chains two distinct happenings (bounds that pairwise
   intersect have a common time). Pairs that share who did it or to whom and are
   each dated to a day or two, but to different days, mark their events as contradicting
   each other: both readings stay, with lower confidence.

The events' bounds are the intersection of their mentions' bounds, tightened by the order
constraints the articles contributed, and the timeline sorts them by the time by which they
had happened (``latest``), then ``earliest``, then constraint rank, then id, never putting an
event before one an article says it follows. An event's confidence grows with the number of
articles that report it (``1 - 0.5 / articles``) and halves when another event contradicts it.

>>> from datetime import datetime
>>> from timeline import EventMention, Participant
>>> us = Participant("United States", "untd stts", "GPE", "agent")
>>> a = EventMention("a", 0, 9, "airstrike", "airstrike", 0, (us,),
...                  earliest=datetime(2020, 1, 2, 17), latest=datetime(2020, 1, 2, 21))
>>> b = EventMention("b", 4, 10, "strike", "strike", 0, (us,), latest=datetime(2020, 1, 8))
>>> [event] = merge([a, b])
>>> (event.articles, event.earliest.hour, event.latest.hour)
(('a', 'b'), 17, 21)
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import heapq
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

import attrs

from timeline.events import analyse, parse_many
from timeline.model import (
    Article,
    ArticleRecord,
    Event,
    EventMention,
    Interval,
    Participant,
    Timeline,
)
from timeline.nlp import check, english_words, load
from timeline.ordering import Bounds, Constraint, intersect, ranks, solve

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["build", "is_happening", "merge", "merge_words", "predicate_stem"]

#: Order cues that say two mentions are one happening rather than one before the other.
SAME_CUES = frozenset({"same event", "anaphora"})

_ROLE_ORDER = {"agent": 0, "patient": 1, "other": 2}
_DATED = timedelta(days=2)  # bounds at most this wide count as a date
_BUCKETED = 8  # clusters dated to at most this many days are blocked by day too
_WEEK = timedelta(days=7)  # bounds at most this wide count as a week


@functools.cache
def merge_words() -> dict[str, Any]:
    """The predicate synonym groups and scoring weights of merging (``merge_en.toml``).

    >>> "assassination" in merge_words()["predicates"][1]
    True
    """
    with resources.files("timeline").joinpath("merge_en.toml").open("rb") as handle:
        return tomllib.load(handle)


@functools.cache
def _predicate_classes() -> dict[str, frozenset[int]]:
    """The synonym groups each predicate stem is in."""
    found: dict[str, set[int]] = defaultdict(set)
    for n, group in enumerate(merge_words()["predicates"]):
        for lemma in group:
            found[predicate_stem(lemma)].add(n)
    return {stem: frozenset(groups) for stem, groups in found.items()}


def _kinds(lemma: str) -> frozenset[int | str]:
    """The synonym groups of ``lemma``'s stem, or the stem itself when it is in none."""
    stem = predicate_stem(lemma)
    return _predicate_classes().get(stem, frozenset({stem}))


@functools.cache
def predicate_stem(lemma: str) -> str:
    """``lemma`` without the inflection or derivation ending of ``merge_en.toml``'s
    ``endings`` (the first that leaves at least ``stem_length`` letters), so that the forms of
    one predicate agree even where the lemmatizer missed them.

    >>> [predicate_stem(w) for w in ("shooting", "shoot", "escaped", "escape", "checks")]
    ['shoot', 'shoot', 'escap', 'escap', 'check']
    >>> predicate_stem("bed")
    'bed'
    """
    words = merge_words()
    for ending in words["endings"]:
        if lemma.endswith(ending) and len(lemma) - len(ending) >= words["stem_length"]:
            return lemma[: -len(ending)]
    return lemma


def build(
    articles: Iterable[Article],
    nlp: Any = None,
    *,
    progress: Callable[[int, int], object] | None = None,
) -> Timeline:
    """The canonical timeline of ``articles``: their events merged, ordered, with provenance.

    Each article is analysed with :func:`timeline.events.analyse` (``nlp`` as there; the
    texts are parsed in batches, :func:`timeline.events.parse_many`), and all mentions are
    merged with the order cues of their articles (:func:`merge`). The result does not depend
    on the order of ``articles``. An article without an id gets one from a hash of
    its text and date; two articles with one id are refused. ``progress``, if given, is
    called with ``(articles analysed, articles)`` after each article.

    >>> from datetime import date
    >>> from timeline import Article
    >>> len(build([]))
    0
    >>> done = []
    >>> len(build([Article("Iraq's parliament voted on Sunday.", date(2020, 1, 7), "a")],
    ...           progress=lambda n, total: done.append((n, total))))
    1
    >>> done
    [(1, 1)]
    >>> build([Article("A.", id="x"), Article("B.", id="x")])
    Traceback (most recent call last):
    ...
    ValueError: duplicate article ids: 'x' (2 articles); give each article its own id
    """
    articles = list(articles)
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"articles must be timeline.Articles, not {type(article).__name__}")
    articles = [a if a.id else attrs.evolve(a, id=_content_id(a)) for a in articles]
    counts = Counter(a.id for a in articles)
    repeated = sorted(i for i, n in counts.items() if n > 1)
    if repeated:
        listed = ", ".join(f"{i!r} ({counts[i]} articles)" for i in repeated)
        raise ValueError(f"duplicate article ids: {listed}; give each article its own id")
    articles.sort(key=lambda a: a.id)
    pipeline = (load() if nlp is None else check(nlp)) if articles else None
    docs = parse_many(pipeline, (a.text for a in articles))
    mentions: list[EventMention] = []
    constraints: list[tuple[EventMention, EventMention, str]] = []
    for number, (article, doc) in enumerate(zip(articles, docs, strict=True), start=1):
        result = analyse(article, doc=doc)
        mentions.extend(result.mentions)
        constraints.extend(result.links())
        if progress is not None:
            progress(number, len(articles))
    return Timeline(merge(mentions, constraints), map(ArticleRecord.of, articles))


def _content_id(article: Article) -> str:
    published = article.published.isoformat() if article.published else ""
    digest = hashlib.sha1(f"{published}\n{article.text}".encode()).hexdigest()
    return f"sha1:{digest[:12]}"


def merge(
    mentions: Iterable[EventMention],
    constraints: Iterable[tuple[EventMention, EventMention, str]] = (),
) -> list[Event]:
    """Cluster ``mentions`` into canonical events, in timeline order.

    ``constraints`` are ``(first, second, cue)`` triples from the articles' order cues
    (:meth:`timeline.events.ArticleEvents.links`): ``first`` happens no later than
    ``second``; the cues ``"same event"`` and ``"anaphora"`` say they are one happening.
    Every mention ends up in exactly one event; equal mentions given twice count once, and
    two different mentions at one place of one article are refused.

    >>> merge([])
    []
    """
    unique = _unique(mentions)
    index = {_place(m): i for i, m in enumerate(unique)}
    same: list[tuple[int, int, str]] = []
    ordered: list[tuple[int, int, str]] = []
    for first, second, cue in constraints:
        a, b = index.get(_place(first)), index.get(_place(second))
        if a is None or b is None or a == b:
            continue
        if cue in SAME_CUES:
            same.append((a, b, cue))
        else:
            ordered.append((a, b, cue))
    with _collector_paused():
        clustering = _Clustering(unique, same, ordered)
        clustering.run()
        return _events(unique, clustering.groups(), clustering.contradictions(), ordered)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while, as it was after. Merging makes millions of
    small sets, tuples and clusters, none in a reference cycle, and each collection it would
    trigger walks every object alive, the caller's included: time that grew faster than the
    number of mentions (a third of merging at 10,000 articles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _place(mention: EventMention) -> tuple[str, int, int]:
    return (mention.article_id, mention.start, mention.end)


def _unique(mentions: Iterable[EventMention]) -> list[EventMention]:
    found: dict[tuple[str, int, int], EventMention] = {}
    for mention in mentions:
        if not isinstance(mention, EventMention):
            raise TypeError(f"mentions must be EventMentions, not {type(mention).__name__}")
        known = found.setdefault(_place(mention), mention)
        if known != mention:
            raise ValueError(
                f"two different mentions at {mention.start}..{mention.end} of article "
                f"{mention.article_id!r}: {known.text!r} and {mention.text!r}"
            )
    return [found[place] for place in sorted(found)]


# --- clusters -----------------------------------------------------------------------------------


@attrs.define
class _Cluster:
    """What a group of mentions agrees on, kept up to date as groups join."""

    members: set[int]
    low: datetime | None
    high: datetime | None
    roles: dict[str, set[str]]
    people: set[str]
    partners: set[str]  # keys of people it was done with, neither agents nor patients
    classes: set[int | str]
    lemmas: set[str]
    places: set[str]
    modalities: set[str]
    polarities: set[str]
    articles: set[str]
    named: bool  # bounded, if at all, only by times its undated articles name
    loose: bool  # some mention of it is not bounded in time at all
    forbidden: set[int]
    signatures: set[tuple[Any, ...]]

    @classmethod
    def of(
        cls, index: int, mention: EventMention, forbidden: set[int], published: bool
    ) -> _Cluster:
        """The cluster of one mention; ``published``: its article has a publication date."""
        roles: dict[str, set[str]] = defaultdict(set)
        stem = predicate_stem(mention.lemma)
        unbounded = not _bounded(mention)
        for p in mention.participants:
            roles[p.key].add(p.role)
        return cls(
            members={index},
            low=mention.earliest,
            high=mention.latest,
            roles=roles,
            people={p.key for p in mention.participants if p.label == "PERSON"},
            partners={
                p.key for p in mention.participants if p.label == "PERSON" and p.role == "other"
            },
            classes=set(_kinds(mention.lemma)),
            lemmas={stem},
            places={mention.location} if mention.location else set(),
            modalities={mention.modality},
            polarities={mention.polarity},
            articles={mention.article_id},
            named=not published and (mention.time is not None or unbounded),
            loose=unbounded,
            forbidden=forbidden,
            signatures={_signature(mention)},
        )

    def absorb(self, other: _Cluster) -> None:
        self.members |= other.members
        # groups only join when their bounds intersect
        self.low, self.high = intersect((self.low, self.high), (other.low, other.high)) or (
            self.low,
            self.high,
        )
        for key, roles in other.roles.items():
            self.roles.setdefault(key, set()).update(roles)
        self.people |= other.people
        self.partners = (self.partners | other.partners) - {
            k for k, r in self.roles.items() if r - {"other"}
        }
        for name in ("classes", "lemmas", "places", "modalities", "polarities", "articles"):
            getattr(self, name).update(getattr(other, name))
        self.named = self.named and other.named
        self.loose = self.loose or other.loose
        self.forbidden |= other.forbidden
        self.signatures |= other.signatures

    @property
    def agents(self) -> set[str]:
        return {key for key, roles in self.roles.items() if "agent" in roles}

    @property
    def dated(self) -> bool:
        return self.within(_DATED)

    def within(self, width: timedelta) -> bool:
        """Whether it is bounded on both sides, at most ``width`` apart."""
        return self.low is not None and self.high is not None and self.high - self.low <= width


_SIGNED = tuple(f.name for f in attrs.fields(EventMention) if f.name != "article_id")


def _signature(mention: EventMention) -> tuple[Any, ...]:
    """Everything about a mention but its article: copies of one text share it."""
    return tuple(getattr(mention, name) for name in _SIGNED)


def _bounded(mention: EventMention) -> bool:
    return mention.earliest is not None or mention.latest is not None


def _undated(a: _Cluster, b: _Cluster) -> bool:
    """Whether no publication date bounds the pair: their articles have none, one is not
    bounded in time at all, the other at most by a time its articles name."""
    return a.named and b.named and (a.loose or b.loose)


def _vetoed(a: _Cluster, b: _Cluster) -> bool:
    """Whether ``a`` and ``b`` cannot be one happening, whatever their predicates and times:
    ordered by their article, opposite polarity, different people it was done with ("talked
    with Bagheri", "talked with Fidan"), and, unless the pair is undated (:func:`_undated`),
    a hypothetical against a real event, someone who is the agent of one and the patient of
    the other, or different agents. An undated pair is only kept apart by different agents
    who are people: without dates to check them by, grammar and roles read from headlines
    and nouns ("Jackson's arrest") err more often than they tell two happenings apart."""
    if not b.forbidden.isdisjoint(a.members) or a.polarities != b.polarities:
        return True
    if a.partners and b.partners and not a.partners & b.partners:
        return True
    if _undated(a, b):
        people_a, people_b = a.agents & a.people, b.agents & b.people
        return bool(people_a and people_b and not people_a & people_b)
    hypothetical = {"HYPOTHETICAL" in a.modalities, "HYPOTHETICAL" in b.modalities}
    if len(hypothetical) > 1 or (a.articles & b.articles and a.modalities != b.modalities):
        return True
    for key in a.roles.keys() & b.roles.keys():
        if {"agent", "patient"} <= (a.roles[key] | b.roles[key]) - (a.roles[key] & b.roles[key]):
            return True
    return bool(a.agents and b.agents and not a.agents & b.agents)


def _score(a: _Cluster, b: _Cluster, context: _Articles) -> tuple[float, bool]:
    """The pair's score (``0.0`` when vetoed) and whether only its dates kept it apart.

    An undated pair (:func:`_undated`) is scored on what is left: its predicate counts in
    full (synonyms as the same lemma), plus a share of how alike its articles are
    (:class:`_Articles`); places and modality are not held against it."""
    if a.signatures & b.signatures:
        return 2.0, False
    if _vetoed(a, b):
        return 0.0, False
    if not a.classes & b.classes:
        return 0.0, False
    weights = merge_words()["weights"]
    # Who did it and to whom count; sharing only a bystander ("with", "on") does not.
    shared = sum(
        1 for key in a.roles.keys() & b.roles.keys() if (a.roles[key] | b.roles[key]) - {"other"}
    )
    undated = _undated(a, b)
    score = weights["predicate"] * (1.0 if undated or a.lemmas & b.lemmas else 0.8)
    if shared:
        score += weights["participants"] * shared / min(len(a.roles), len(b.roles))
    if intersect((a.low, a.high), (b.low, b.high)) is None:
        return 0.0, bool(shared) and a.dated and b.dated
    if a.dated and b.dated:
        score += weights["dated"]
    elif a.within(_WEEK) and b.within(_WEEK):
        score += weights["week"]
    if undated:
        score += weights["undated"]
        alike = context.similarity(a.articles, b.articles)
        if alike is not None:
            score += weights["context"] * (alike - weights["context_baseline"])
        return score, False
    if a.places and b.places:
        score += weights["place"] * (1 if a.places & b.places else -1)
    if a.modalities != b.modalities:
        score -= weights["modality"]
    return score, False


class _Articles:
    """How alike the articles of the mentions are: the cosine of their tf-idf profiles of
    participant keys, places, dates and predicate stems, over the articles merged together.

    Articles of one story share who and where; two similar happenings (two earthquakes,
    two arrests of one player) are told with other names, places and days. Articles with
    one profile (copies) count once.
    """

    def __init__(self, mentions: Sequence[EventMention]) -> None:
        feats: dict[str, Counter[str]] = defaultdict(Counter)
        for m in mentions:
            f = feats[m.article_id]
            for p in m.participants:
                f["p:" + p.key] += 1
            if m.location:
                f["l:" + m.location] += 1
            if m.time is not None and m.time.value:
                f["t:" + m.time.value[:10]] += 1
            f["w:" + predicate_stem(m.lemma)] += 1
        profiles = {article: tuple(sorted(f.items())) for article, f in feats.items()}
        distinct = {profile: Counter(dict(profile)) for profile in profiles.values()}
        numbers = {profile: n for n, profile in enumerate(sorted(distinct))}
        self.profile = {article: numbers[profile] for article, profile in profiles.items()}
        n = len(distinct)
        counts = Counter(k for f in distinct.values() for k in f)
        self.vectors: dict[int, dict[str, float]] = {}
        for profile, f in distinct.items():
            # what every article has tells none apart
            v = {
                k: (1 + math.log(c)) * math.log(1 + n / counts[k])
                for k, c in f.items()
                if counts[k] < n
            }
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self.vectors[numbers[profile]] = {k: x / norm for k, x in v.items()}
        self.cosines: dict[tuple[int, int], float] = {}

    def cosine(self, x: int, y: int) -> float | None:
        """``None`` when one of the two has nothing the other articles lack, or when there
        are fewer than three articles to compare."""
        first, second = self.vectors[x], self.vectors[y]
        if len(self.vectors) < 3 or not (first and second):
            return None
        key = (x, y) if x < y else (y, x)
        if key not in self.cosines:
            self.cosines[key] = sum(w * second.get(k, 0.0) for k, w in first.items())
        return self.cosines[key]

    def similarity(self, first: set[str], second: set[str]) -> float | None:
        """The highest cosine of two different articles, one of each group; ``None`` if there
        are none. Of a group, only its ``context_articles`` first profiles are compared, so
        that the cost stays bounded however many articles it has."""
        most = merge_words()["context_articles"]
        ours = sorted({self.profile[x] for x in first})[:most]
        theirs = sorted({self.profile[y] for y in second})[:most]
        cosines = (self.cosine(x, y) for x in ours for y in theirs if x != y)
        found = [c for c in cosines if c is not None]
        return max(found) if found else None


class _Clustering:
    """Union-find over mentions, joined first by their articles' links, then best pair first."""

    def __init__(
        self,
        mentions: Sequence[EventMention],
        same: Sequence[tuple[int, int, str]],
        ordered: Sequence[tuple[int, int, str]],
    ) -> None:
        self.mentions = mentions
        self.context = _Articles(mentions)
        self.parent = list(range(len(mentions)))
        forbidden: dict[int, set[int]] = defaultdict(set)
        for a, b, _ in ordered:
            forbidden[a].add(b)
            forbidden[b].add(a)
        # An article whose times were resolved against its publication date has one: its
        # unbounded mentions are not "undated" (see _undated).
        published = {
            m.article_id
            for m in mentions
            if m.time is not None
            and m.time.anchor is not None
            and m.time.anchor.kind == "publication"
        }
        self.clusters = {
            i: _Cluster.of(i, m, forbidden[i], m.article_id in published)
            for i, m in enumerate(mentions)
        }
        self.contested: list[tuple[int, int]] = []
        for a, b, cue in same:
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
        if how == "score":
            score, contested = _score(first, second, self.context)
            if contested:
                self.contested.append((a, b))
            if score < merge_words()["weights"]["threshold"]:
                return
        elif (
            not second.forbidden.isdisjoint(first.members)
            or intersect((first.low, first.high), (second.low, second.high)) is None
            or (how == "anaphora" and _vetoed(first, second))
        ):
            return
        if len(first.members) < len(second.members):
            ra, rb, first, second = rb, ra, second, first
        first.absorb(second)
        self.parent[rb] = ra
        del self.clusters[rb]

    def candidates(self) -> list[tuple[float, int, int]]:
        """Scored pairs of today's clusters from the blocks, best first."""
        blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        for root, cluster in self.clusters.items():
            for key in _block_keys(cluster):
                blocks[key].append(root)
        window = merge_words()["window"]
        when = {root: (*_time_key(cluster), root) for root, cluster in self.clusters.items()}
        near: set[tuple[int, int]] = set()  # each member with the next ``window`` of its block
        for members in blocks.values():
            members.sort(key=when.__getitem__)
            for step in range(1, min(window, len(members) - 1) + 1):
                near.update(zip(members, members[step:], strict=False))
        # Pairs as numbers, scored in order: clusters made one after the other lie near in
        # memory, so this runs several times faster than in the order of a set of tuples.
        size = len(self.mentions)
        pairs = sorted({a * size + b if a < b else b * size + a for a, b in near})
        scored = []
        for pair in pairs:
            a, b = divmod(pair, size)
            score, contested = _score(self.clusters[a], self.clusters[b], self.context)
            if contested:
                self.contested.append((a, b))
            if score > 0:
                scored.append((score, a, b))
        scored.sort(key=lambda s: -s[0])  # stable: pairs of one score stay in order
        return scored

    def run(self) -> None:
        for _, a, b in self.candidates():
            self.join(a, b, "score")

    def groups(self) -> list[list[int]]:
        return [sorted(c.members) for c in self.clusters.values()]

    def contradictions(self) -> set[tuple[int, int]]:
        """Pairs of final groups (by root) that differ only in their incompatible dates."""
        found = set()
        for a, b in self.contested:
            ra, rb = self.find(a), self.find(b)
            if ra != rb:
                found.add((min(ra, rb), max(ra, rb)))
        return found


def _block_keys(cluster: _Cluster) -> set[tuple[Any, ...]]:
    keys: set[tuple[Any, ...]] = {("copy", s) for s in cluster.signatures}
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


def _time_key(cluster: _Cluster) -> tuple[Any, ...]:
    point = cluster.high or cluster.low
    return (point is None, point or datetime.min, cluster.low or datetime.min)


# --- events -------------------------------------------------------------------------------------


def _events(
    mentions: Sequence[EventMention],
    groups: list[list[int]],
    contradictions: set[tuple[int, int]],
    ordered: Sequence[tuple[int, int, str]],
) -> list[Event]:
    """Canonical events of the groups, bounds tightened by the order cues, in time order."""
    groups.sort()
    group_of = {m: g for g, members in enumerate(groups) for m in members}
    bounds: list[Bounds] = []
    for members in groups:
        found: Bounds | None = (None, None)
        for m in members:
            found = intersect(found, (mentions[m].earliest, mentions[m].latest)) if found else None
        bounds.append(found or (None, None))
    lifted = sorted(
        {(group_of[a], group_of[b], cue) for a, b, cue in ordered if group_of[a] != group_of[b]}
    )
    solution = solve(bounds, [Constraint(a, b, cue) for a, b, cue in lifted])
    rank = ranks(len(groups), solution.accepted)
    ids = [_event_id(mentions[members[0]]) for members in groups]
    against: dict[int, set[str]] = defaultdict(set)
    for a, b in contradictions:
        ga, gb = group_of[a], group_of[b]
        against[ga].add(ids[gb])
        against[gb].add(ids[ga])
    events = []
    for g, members in enumerate(groups):
        group = [mentions[m] for m in members]
        low, high = solution.bounds[g]
        articles = len({m.article_id for m in group})
        confidence = (1.0 - 0.5 / articles) * (0.5 if against[g] else 1.0)
        events.append(
            Event(
                id=ids[g],
                mentions=group,
                participants=_participants(group),
                earliest=low,
                latest=high,
                when=_when(group, low, high),
                label=_label(group),
                location=_most_common(m.location for m in group),
                confidence=round(confidence, 4),
                contradicts=sorted(against[g]),
            )
        )
    return [events[g] for g in _order(events, rank, solution.accepted)]


def _order(
    events: Sequence[Event], rank: Sequence[int], constraints: Sequence[Constraint]
) -> list[int]:
    """Event indices by time (when they had happened by, then from when they could have), no
    event before one an article says it follows, ties by constraint rank and id."""

    def key(g: int) -> tuple[Any, ...]:
        e = events[g]
        return (
            e.latest is None and e.earliest is None,
            e.latest or e.earliest or datetime.min,
            e.earliest or datetime.min,
            rank[g],
            e.id,
        )

    waiting = [0] * len(events)
    after: dict[int, list[int]] = defaultdict(list)
    for c in constraints:
        after[c.before].append(c.after)
        waiting[c.after] += 1
    ready = [(key(g), g) for g in range(len(events)) if not waiting[g]]
    heapq.heapify(ready)
    left = set(range(len(events)))
    result = []
    while left:
        if not ready:  # a cycle of order cues: take its earliest event by time
            g = min(left, key=key)
            waiting[g] = 0
            heapq.heappush(ready, (key(g), g))
        _, g = heapq.heappop(ready)
        if g not in left:
            continue
        left.discard(g)
        result.append(g)
        for nxt in after[g]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0 and nxt in left:
                heapq.heappush(ready, (key(nxt), nxt))
    return result


def _event_id(mention: EventMention) -> str:
    place = f"{mention.article_id}\n{mention.start}\n{mention.end}"
    return hashlib.sha1(place.encode()).hexdigest()[:12]


def _participants(mentions: Sequence[EventMention]) -> list[Participant]:
    """Each participant once, under its fullest name, in its strongest role; by role, then
    the most often mentioned first."""
    by_key: dict[str, list[Participant]] = defaultdict(list)
    for m in mentions:
        for p in m.participants:
            by_key[p.key].append(p)
    merged = []
    for variants in by_key.values():
        fullest = max(variants, key=lambda p: (len(p.name), p.name))
        role = min((p.role for p in variants), key=_ROLE_ORDER.__getitem__)
        merged.append((-len(variants), attrs.evolve(fullest, role=role)))
    merged.sort(key=lambda item: (_ROLE_ORDER[item[1].role], item[0], item[1].name))
    return [p for _, p in merged]


def _when(
    mentions: Sequence[EventMention], low: datetime | None, high: datetime | None
) -> Interval | None:
    """The narrowest interval a mention's time names that holds the event's bounds."""
    if low is None or high is None:
        return None
    holding = [
        m.time.interval
        for m in mentions
        if m.time is not None
        and m.time.interval is not None
        and m.time.interval.start <= low
        and high <= m.time.interval.end
    ]
    if not holding:
        return None
    return min(holding, key=lambda i: (i.end - i.start, i.start, i.granularity.value))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def is_happening(event: Event) -> bool:
    """Whether ``event`` is a happening of its own, worth a line of a timeline: some mention
    says it did happen (asserted, not negated) in a word that names a happening. Event
    nouns do ("the strike", "a speech"); verbs do unless they relate events ("followed",
    "caused"), carry another's ("issued"), tell of one ("said", "described") or mark a phase
    of one ("began"). Those stay mentions (TimeML annotates them) for ordering and merging.

    >>> from timeline import Event, EventMention
    >>> def event(*words, kind="OCCURRENCE"):
    ...     mentions = [EventMention("a", 9 * n, 9 * n + len(w), w, lemma, 0, event_class=kind)
    ...                 for n, (w, lemma) in enumerate(words)]
    ...     return Event(id="e", mentions=mentions)
    >>> is_happening(event(("followed", "follow"))), is_happening(event(("caused", "cause")))
    (False, False)
    >>> is_happening(event(("said", "say"), kind="REPORTING"))
    False
    >>> is_happening(event(("speech", "speech"), kind="REPORTING"))
    True
    >>> is_happening(event(("strike", "strike"), ("followed", "follow")))
    True
    """
    return any(_names_happening(m) for m in event.mentions)


def _names_happening(mention: EventMention) -> bool:
    if mention.modality != "ASSERTED" or mention.polarity != "POS":
        return False
    if mention.event_class == "ASPECTUAL":
        return False
    if _is_event_noun(mention):
        return True
    return mention.event_class != "REPORTING" and mention.lemma not in _not_happenings()


@functools.cache
def _not_happenings() -> frozenset[str]:
    """Verbs that are no happening of their own: relational, light and copular verbs."""
    verbs = english_words()["verbs"]
    return (
        frozenset(verbs["relational"]) | frozenset(verbs["light"]) | frozenset(verbs["not_events"])
    )


def _is_event_noun(mention: EventMention) -> bool:
    lemma = mention.lemma
    return lemma in _event_nouns() and mention.text.lower() in (lemma, lemma + "s")


@functools.cache
def _event_nouns() -> frozenset[str]:
    return frozenset(english_words()["nouns"]["events"])


def _label(mentions: Sequence[EventMention]) -> str:
    """Who did what to whom, where: "United States strike killed Qassem Soleimani in
    Baghdad". The predicate is the most common event noun (of equals, a dated one), with the
    most common asserted verb that names a happening of another kind ("strike killed", not
    "attack fired"), or that verb alone; places are not patients."""
    participants = _participants(mentions)
    places = frozenset(english_words()["names"]["location_labels"]) - {"GPE"}

    def names(role: str) -> str:
        return " and ".join(
            p.name for p in participants if p.role == role and p.label not in places
        )

    nouns = Counter(m.lemma for m in mentions if _is_event_noun(m))
    dated = {m.lemma for m in mentions if m.time is not None}
    # the most common; of equals, one a mention dates: "a strike on the evening of January 2"
    noun = min(nouns, key=lambda n: (-nouns[n], n not in dated, n), default=None)
    kind = _kinds(noun) if noun else frozenset()
    verbal = [m for m in mentions if not _is_event_noun(m)]
    verbs = [
        m for m in verbal if m.lemma not in _not_happenings() and not _kinds(m.lemma) & kind
    ] or ([] if noun else verbal)
    said = [m for m in verbs if m.event_class != "REPORTING"] or ([] if noun else verbs)
    verb = _most_common(m.text.lower() for m in said if m.modality == "ASSERTED")
    patients, others = names("patient"), names("other")
    location = _most_common(m.location for m in mentions)
    parts = [
        names("agent"),
        noun,
        verb or _most_common(m.text.lower() for m in said),
        patients or (others and f"with {others}"),
        location and f"in {location}",
    ]
    return " ".join(p for p in parts if p)
