"""The canonical event: one happening made of the mentions that report it.

:func:`assemble` turns the groups of :func:`timeline.cluster.cluster` into
:class:`~timeline.Event` values in timeline order. An event's bounds are the intersection of
its mentions' bounds, tightened by the order constraints the articles contributed; the
timeline sorts events by the time by which they had happened (``latest``), then
``earliest``, then constraint rank, then id, never putting an event before one an article
says it follows. An event's confidence grows with the number of articles that report it
(``1 - 0.5 / articles``) and halves when another event contradicts it. Each event gets a
readable label (:func:`label`) and says whether it is a happening of its own
(:func:`is_happening`).

>>> from datetime import datetime
>>> from timeline import EventMention, Participant
>>> from timeline.cluster import cluster
>>> iraq = Participant("Iraq", "rq", "GPE", "agent")
>>> a = EventMention("a", 0, 5, "voted", "vote", 0, (iraq,), latest=datetime(2020, 1, 8))
>>> b = EventMention("b", 0, 4, "vote", "vote", 0, (iraq,), earliest=datetime(2020, 1, 5))
>>> [event] = assemble(cluster([a, b]))
>>> (event.label, event.articles, event.earliest.day, event.latest.day, event.confidence)
('Iraq vote', ('a', 'b'), 5, 8, 0.75)
"""

from __future__ import annotations

import functools
import hashlib
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import attrs

from timeline.bounds import Bounds, Constraint, intersect, ranks, solve
from timeline.cluster import Clusters, predicate_kinds
from timeline.lang import words
from timeline.model import Event, EventMention, Interval, Participant
from timeline.moments import instant
from timeline.names import ROLE_ORDER

__all__ = ["assemble", "is_happening", "label"]


def assemble(clusters: Clusters) -> list[Event]:
    """The canonical events of ``clusters``' groups, bounds tightened by the order cues, in
    timeline order."""
    mentions, groups = clusters.mentions, clusters.groups
    group_of = {m: g for g, members in enumerate(groups) for m in members}
    bounds: list[Bounds] = []
    for members in groups:
        found: Bounds | None = (None, None)
        for m in members:
            found = intersect(found, (mentions[m].earliest, mentions[m].latest)) if found else None
        bounds.append(found or (None, None))
    lifted = sorted({(group_of[a], group_of[b], cue) for a, b, cue in clusters.ordered})
    solution = solve(bounds, [Constraint(a, b, cue) for a, b, cue in lifted])
    rank = ranks(len(groups), solution.accepted)
    ids = [_event_id(mentions[members[0]]) for members in groups]
    against: dict[int, set[str]] = defaultdict(set)
    for ga, gb in clusters.contradictions:
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
                label=label(group),
                location=_most_common(m.location for m in group),
                confidence=round(confidence, 4),
                contradicts=sorted(against[g]),
                happening=any(_names_happening(m) for m in group),
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
            instant(e.latest or e.earliest or datetime.min),
            instant(e.earliest or datetime.min),
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
        role = min((p.role for p in variants), key=ROLE_ORDER.__getitem__)
        merged.append((-len(variants), attrs.evolve(fullest, role=role)))
    merged.sort(key=lambda item: (ROLE_ORDER[item[1].role], item[0], item[1].name))
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
        and instant(m.time.interval.start) <= instant(low)
        and instant(high) <= instant(m.time.interval.end)
    ]
    if not holding:
        return None
    return min(holding, key=lambda i: (i.end - i.start, instant(i.start), i.granularity.value))


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
    >>> def event(*triggers, kind="OCCURRENCE"):
    ...     mentions = [EventMention("a", 9 * n, 9 * n + len(w), w, lemma, 0, event_class=kind)
    ...                 for n, (w, lemma) in enumerate(triggers)]
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
    if not mention.realis:
        return False
    if mention.event_class == "ASPECTUAL":
        return False
    if _is_event_noun(mention):
        return True
    return mention.event_class != "REPORTING" and mention.lemma not in _not_happenings()


@functools.cache
def _not_happenings() -> frozenset[str]:
    """Verbs that are no happening of their own: relational, light and copular verbs."""
    verbs = words("events")["verbs"]
    return (
        frozenset(verbs["relational"]) | frozenset(verbs["light"]) | frozenset(verbs["not_events"])
    )


def _is_event_noun(mention: EventMention) -> bool:
    lemma = mention.lemma
    return lemma in _event_nouns() and mention.text.lower() in (lemma, lemma + "s")


@functools.cache
def _event_nouns() -> frozenset[str]:
    return frozenset(words("events")["nouns"]["events"])


def label(mentions: Sequence[EventMention]) -> str:
    """Who did what to whom, where: "United States strike killed Qassem Soleimani in
    Baghdad". The predicate is the most common event noun (of equals, a dated one), with the
    most common asserted verb that names a happening of another kind ("strike killed", not
    "attack fired"), or that verb alone; places are not patients."""
    participants = _participants(mentions)
    places = frozenset(words("events")["names"]["location_labels"]) - {"GPE"}

    def names(role: str) -> str:
        return " and ".join(
            p.name for p in participants if p.role == role and p.label not in places
        )

    nouns = Counter(m.lemma for m in mentions if _is_event_noun(m))
    dated = {m.lemma for m in mentions if m.time is not None}
    # the most common; of equals, one a mention dates: "a strike on the evening of January 2"
    noun = min(nouns, key=lambda n: (-nouns[n], n not in dated, n), default=None)
    kind = predicate_kinds(noun) if noun else frozenset()
    verbal = [m for m in mentions if not _is_event_noun(m)]
    verbs = [
        m
        for m in verbal
        if m.lemma not in _not_happenings() and not predicate_kinds(m.lemma) & kind
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
