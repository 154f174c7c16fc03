"""The canonical event: one happening made of the mentions that report it.

:func:`assemble` turns the groups of :func:`timeline.cluster.cluster` into
:class:`~timeline.Event` values in timeline order. An event's bounds are the intersection of
its mentions' bounds, tightened by the order constraints the articles contributed, then
narrowed to the day its reports presume (:attr:`~timeline.EventMention.presumed`: the
story's day of news told in the simple past) where the bounds and cues leave room for it
(:func:`timeline.bounds.presume`; :attr:`~timeline.Event.presumed` then says so, and
:attr:`~timeline.Event.told` keeps the bounds the text told). Reports
whose times do not meet (one moment told as the days of two time zones) give an event bounds
that hold every reading, which neither an order cue nor a presumed day narrows to one. The
timeline sorts events by the time by which they had happened (``latest``), then
``earliest``, then from when the text alone lets them have happened, then constraint rank,
then id, never putting an event before one an article says it follows. An event's
confidence is how well its reports agree, not how many they are: 1 when nothing disagrees
(the reports of one article are one account, and several articles' are as sure when each
shares who took part, the day it names or the place with another's), lower when several
articles' reports share only their word (``1 - 0.5 * (1 - share)``, 0.5 when none share
anything: they may tell different happenings), times 0.6 when its reports give times that do
not meet or an order cue contradicts its bounds, and halved when another event contradicts
it. A day presumed rather than told is not a disagreement: :attr:`~timeline.Event.presumed`
says so. Each event gets a readable label
(:func:`label`) and says whether it is a happening of its own (:func:`is_happening`).

>>> from datetime import datetime, timedelta
>>> from timeline import EventMention, Participant
>>> from timeline.cluster import cluster
>>> iraq = Participant("Iraq", "rq", "GPE", "agent")
>>> a = EventMention("a", 0, 5, "voted", "vote", 0, (iraq,), latest=datetime(2020, 1, 8))
>>> b = EventMention("b", 0, 4, "vote", "vote", 0, (iraq,), earliest=datetime(2020, 1, 5))
>>> [event] = assemble(cluster([a, b]))
>>> (event.label, event.articles, event.earliest.day, event.latest.day, event.confidence)
('Iraq vote', ('a', 'b'), 5, 8, 1.0)
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import attrs
import numpy as np

from timeline.bounds import (
    Bounds,
    Constraint,
    intersect,
    one_way,
    presume,
    ranks,
    solve,
    within_wholes,
)
from timeline.cluster import Clusters
from timeline.cues import tells_of
from timeline.lang import words
from timeline.merging.predicates import predicate_kinds
from timeline.model import Event, EventMention, Interval, Participant
from timeline.moments import instant
from timeline.names import ROLE_ORDER, known_as, name_key, name_keys

__all__ = ["assemble", "is_happening", "label", "names_happening", "salience", "tells_happening"]


def assemble(clusters: Clusters, known: Iterable[Event] = ()) -> list[Event]:
    """The canonical events of ``clusters``' groups, bounds tightened by the order cues, in
    timeline order. ``known`` are the events of a timeline that these groups update
    (:meth:`timeline.Timeline.update`): a group of the very mentions of one of them (the
    same objects, in its order) keeps its id, participants, label, place and whether it is
    a happening, which depend on its mentions alone, and the tuple of its mentions; only the
    rest is worked out again."""
    mentions, groups, copies = clusters.mentions, clusters.groups, clusters.copies
    group_of = [0] * len(mentions)
    for g, members in enumerate(groups):
        for m in members:
            group_of[m] = g
    # whether each mention is the first with its text (the others are its copies), a byte each
    first = None if copies is None else bytearray(copies == np.arange(len(mentions)))
    by_first = {id(event.mentions[0]): event for event in known}
    # each group's mentions as the tuple its event keeps, not a list copied into one later
    reports, earlier = [], []
    for members in groups:
        group = tuple(map(mentions.__getitem__, members))
        event = _same_mentions(by_first.get(id(group[0])), group)
        earlier.append(event)
        reports.append(
            _Reports.of(group if event is None else event.mentions, _firsts(members, copies, first))
        )
    del by_first
    agreed = [_agreed(r.distinct) for r in reports]
    # a group whose reports disagree keeps bounds that hold every reading (the hull): a cue
    # of one report, a presumed day or a whole would silently take one reading for all
    split = {g for g, (_, agrees) in enumerate(agreed) if not agrees}
    lifted = sorted({(group_of[a], group_of[b], cue) for a, b, cue in clusters.ordered})
    solution = solve(
        [bounds for bounds, _ in agreed], [Constraint(a, b, c) for a, b, c in lifted], split
    )
    del agreed  # let go: ``split`` says which groups' reports disagree
    rank = ranks(len(groups), solution.accepted)
    # by the place of its first mention, a noun's rather than its light verb's
    ids = [
        _event_id(_with_nouns(r.distinct)[0]) if event is None else event.id
        for r, event in zip(reports, earlier, strict=True)
    ]
    against: dict[int, set[str]] = defaultdict(set)
    for ga, gb in clusters.contradictions:
        against[ga].add(ids[gb])
        against[gb].add(ids[ga])
    whole_of = _wholes(clusters, group_of)
    within = sorted((part, whole) for part, whole in whole_of.items() if part not in split)
    # an order cue the bounds contradict is left out, its events' confidence lowered
    conflicted = {g for c in solution.conflicts for g in (c.before, c.after)}
    told = within_wholes(list(solution.bounds), within)
    presumed = [
        (g, day)
        for g, r in enumerate(reports)
        if g not in whole_of and g not in split and (day := _presumed(r.distinct)) is not None
    ]
    solved = within_wholes(list(presume(told, solution.accepted, presumed, split)), within)
    happens = [
        tells_happening(r.distinct) if event is None else event.happening
        for r, event in zip(reports, earlier, strict=True)
    ]
    spoken = _statements([r.mentions for r in reports], solved, lifted, happens)
    parts_of: dict[int, list[str]] = defaultdict(list)
    for part, whole in {**spoken, **whole_of}.items():
        parts_of[whole].append(ids[part])
    # what another event reports or reacts to; how many articles the most reported tell
    reported = {before for before, _, cue in lifted if tells_of(cue)}
    articles = [r.articles() for r in reports]
    most = max((n for n, happening in zip(articles, happens, strict=True) if happening), default=1)
    events = []
    for g, r in enumerate(reports):
        group = r.mentions
        low, high = solved[g]
        when = _when(r.distinct, low, high)
        event = earlier[g]
        if event is None:
            participants = _participants(r.distinct, r.copies)
            location = _most_common((m.location for m in r.distinct), r.copies)
            label = _labelled(*r.nouns())
        else:
            participants, location, label = event.participants, event.location, event.label
        confidence = (
            (1.0 - 0.5 * (1.0 - _agreement(r)))
            * (1.0 if g not in split and g not in conflicted else _DISAGREEING)
            * (0.5 if g in against else 1.0)
        )
        events.append(
            Event(
                id=ids[g],
                mentions=group,
                participants=participants,
                earliest=low,
                latest=high,
                when=when,
                label=label,
                location=location,
                confidence=round(confidence, 4),
                contradicts=sorted(against.get(g, ())),
                happening=happens[g],
                parts=sorted(parts_of.get(g, ())),
                salience=_salience(
                    r, articles[g], dated=_within_days(*told[g]), reported=g in reported, most=most
                ),
                presumed=solved[g] != told[g],
                told=None if told[g] in (solved[g], (None, None)) else told[g],
            )
        )
    return [events[g] for g in _order(events, rank, solution.accepted, told)]


def _same_mentions(event: Event | None, group: tuple[EventMention, ...]) -> Event | None:
    """``event`` if its mentions are the very objects of ``group``, in order."""
    if event is None or len(event.mentions) != len(group):
        return None
    return event if all(map(operator.is_, event.mentions, group)) else None


@attrs.frozen(eq=False)
class _Reports:
    """The ``mentions`` of a group, in order, each text told once: ``distinct`` holds the
    first mention of each text, in order, ``copies`` how many of ``mentions`` tell it, and
    ``text`` the index in ``distinct`` of each mention's text. The copies of a text (the
    same mention but for its article: a story republished) tell nothing of the happening
    their first does not, but how many report it and in which articles: an event is worked
    out of ``distinct``, counted by ``copies``, so that its cost grows with the texts, not
    with how often they were republished.

    >>> said = [EventMention(a, 0, 4, "said", "say", 0) for a in "abc"]
    >>> reports = _Reports.of(said, np.array([0, 0, 2]))
    >>> ([m.article_id for m in reports.distinct], reports.copies, reports.articles())
    (['a', 'c'], [2, 1], 3)
    """

    mentions: Sequence[EventMention]
    distinct: Sequence[EventMention]
    copies: Sequence[int]
    text: Sequence[int]

    @classmethod
    def of(
        cls, mentions: Sequence[EventMention], firsts: np.ndarray[Any, Any] | None = None
    ) -> _Reports:
        """``firsts``: for each of ``mentions``, the position of the first with its text,
        its own or an earlier one; without it, each mention is a text of its own."""
        count = len(mentions)
        if firsts is None:
            return cls(mentions, mentions, *_each_once(count))
        own = firsts == np.arange(count)
        text = (np.cumsum(own) - 1)[firsts]
        distinct = [mentions[k] for k in np.flatnonzero(own).tolist()]
        return cls(mentions, distinct, np.bincount(text).tolist(), text.tolist())

    def nouns(self) -> tuple[Sequence[EventMention], Sequence[int]]:
        """``distinct`` and ``copies`` but the light verbs that carry an event noun
        (:func:`_with_nouns`)."""
        kept = [k for k, m in enumerate(self.distinct) if not m.light]
        if not kept:
            return self.distinct, self.copies
        return [self.distinct[k] for k in kept], [self.copies[k] for k in kept]

    def articles(self) -> int:
        """How many articles report the happening (light verbs counted with their noun,
        :func:`_with_nouns`)."""
        return len({m.article_id for m in _with_nouns(self.mentions)})


@functools.lru_cache(maxsize=256)
def _each_once(count: int) -> tuple[tuple[int, ...], range]:
    """The ``copies`` and ``text`` of :class:`_Reports` of ``count`` mentions that are each
    a text of its own, shared by the groups of that size: most groups have no copies, and
    a list of ones of their own took 8 bytes a mention at the peak of merging.

    >>> _each_once(3)
    ((1, 1, 1), range(0, 3))
    """
    return (1,) * count, range(count)


def _firsts(
    members: Sequence[int],
    copies: np.ndarray[Any, np.dtype[np.int64]] | None,
    first: Sequence[int] | None,
) -> np.ndarray[Any, Any] | None:
    """For each of a group's ``members`` (sorted indices), the position among them of the
    first with its text (:attr:`timeline.cluster.Clusters.copies`; ``first``: whether each
    mention is one, 1 or 0); ``None`` if not known or none is a copy."""
    if copies is None or first is None or all(map(first.__getitem__, members)):
        return None
    at = np.array(members, dtype=np.int64)
    return np.searchsorted(at, copies[at])


#: The confidence of an event whose reports give it times that do not meet (the same moment
#: as the days of two time zones, or a report that erred).
_DISAGREEING = 0.6


#: Bounds at most this wide, as the text tells them (not a presumed day), date an event for
#: its salience: a month, a year or a decade is background.
_DATED = timedelta(days=2)


def _within_days(low: datetime | None, high: datetime | None) -> bool:
    """Whether bounds are closed on both sides, at most :data:`_DATED` apart."""
    return low is not None and high is not None and instant(high) - instant(low) <= _DATED


def _agreed(group: Sequence[EventMention]) -> tuple[Bounds, bool]:
    """The tightest bounds the mentions agree on, and whether they all agree. Mentions are
    taken tightest first, each narrowing the first reading it meets; one that meets none
    (the same moment told as a day of another time zone) starts a reading of its own, and
    the bounds hold every reading."""
    readings: list[Bounds] = []
    # bounds met again (copies of one report) narrow nothing more: each is taken once
    taken = dict.fromkeys((m.earliest, m.latest, _zones(m)) for m in sorted(group, key=_width))
    for low, high, _ in taken:
        bounds = (low, high)
        for n, reading in enumerate(readings):
            both = intersect(reading, bounds)
            if both is not None:
                readings[n] = both
                break
        else:
            readings.append(bounds)
    found = functools.reduce(_hull, readings[1:], readings[0]) if readings else (None, None)
    return found, len(readings) <= 1


def _agreement(reports: _Reports) -> float:
    """How well the reports of a group agree: the share of its articles whose reports give
    something particular of it that another article's give too (:func:`_particulars`), 1
    when one article tells it all (one account, with no other to disagree with). However
    many articles tell a happening, reports that share only its word ("change", "went") may
    each tell another.

    >>> from timeline import Participant
    >>> king = Participant("Billy King", "bll qng", "PERSON", "agent")
    >>> fired = [EventMention(a, 0, 5, "fired", "fire", 0, (king,)) for a in "abc"]
    >>> _agreement(_Reports.of(fired)), _agreement(_Reports.of(fired[:1]))
    (1.0, 1.0)
    >>> _agreement(_Reports.of([*fired[:2], EventMention("c", 0, 5, "fired", "fire", 0)]))
    0.6666666666666666
    """
    first = reports.mentions[0].article_id
    if all(m.article_id == first for m in reports.mentions):
        return 1.0  # most groups: nothing particular need be gathered
    particulars = [_particulars(m) for m in reports.distinct]
    told: dict[str, set[str]] = defaultdict(set)
    for m, text in zip(reports.mentions, reports.text, strict=True):
        told[m.article_id].update(particulars[text])
    counts = Counter(x for found in told.values() for x in found)
    return sum(any(counts[x] > 1 for x in found) for found in told.values()) / len(told)


def _particulars(mention: EventMention) -> list[str]:
    """What a report gives of its happening besides its word: who took part (name keys), the
    day its text names, and the place."""
    found = [f"p:{p.key}" for p in mention.participants]
    if mention.time is not None and mention.time.value:
        found.append(f"t:{mention.time.value[:10]}")
    if mention.location:
        found.append(f"l:{mention.location}")
    return found


def _zones(mention: EventMention) -> tuple[Any, Any]:
    """The zones of a mention's bounds: equal moments in two zones are told apart."""
    low, high = mention.earliest, mention.latest
    return (low and low.tzinfo, high and high.tzinfo)


def _presumed(group: Sequence[EventMention]) -> Bounds | None:
    """The day the mentions that presume one agree on, if any do and they agree."""
    days = [(m.presumed.start, m.presumed.end) for m in group if m.presumed is not None]
    if not days:
        return None
    return functools.reduce(lambda a, b: intersect(a, b) if a else None, days[1:], days[0])


def _hull(first: Bounds, second: Bounds) -> Bounds:
    """The narrowest bounds that hold both ``first`` and ``second``."""
    lows, highs = (first[0], second[0]), (first[1], second[1])
    low = None if None in lows else min(lows, key=instant)
    high = None if None in highs else max(highs, key=instant)
    return (low, high)


def _wholes(clusters: Clusters, group_of: Sequence[int]) -> dict[int, int]:
    """The group each group is a part of, if any: the one most of its part links point to,
    unless that one is itself a part of it."""
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for part, whole in clusters.parts:
        votes[group_of[part]][group_of[whole]] += 1
    found = {part: min(count, key=lambda w: (-count[w], w)) for part, count in votes.items()}
    return {part: whole for part, whole in found.items() if found.get(whole) != part}


def _statements(
    groups: Sequence[Sequence[EventMention]],
    bounds: Sequence[Bounds],
    cues: Iterable[tuple[int, int, str]],
    happens: Sequence[bool],
) -> dict[int, int]:
    """The statement each act of saying is a part of, by group index. A speaker's acts of
    saying in one article on one day ("condemned the bombings", "offered condolences",
    "said in a statement") are one statement: its whole is the first told of those that are
    happenings with words of what was said. A statement that says nothing of what was said
    ("the FBI said", :func:`tells_happening`) is a part of the happening it reports (a cue
    that :func:`~timeline.cues.tells_of` it), when that is no part itself."""
    by_speaker: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        low, high = bounds[g]
        speakers = frozenset(p.key for m in group for p in m.participants if p.role == "agent")
        articles = {m.article_id for m in group}
        if (
            speakers
            and len(articles) == 1
            and low is not None
            and high is not None
            and instant(high) - instant(low) <= timedelta(days=1)
            and all(m.light or _says(m) for m in group)
        ):
            by_speaker[(*articles, speakers, low, high)].append(g)
    found: dict[int, int] = {}
    for saying in by_speaker.values():
        whole = min(
            saying,
            key=lambda g: (
                not happens[g],
                all(_says_nothing(m) for m in groups[g]),
                min(m.start for m in groups[g]),
            ),
        )
        found.update((g, whole) for g in saying if g != whole)
    wholes = set(found.values())
    for before, after, cue in cues:
        if (
            happens[before]
            and before not in found
            and after not in found
            and after not in wholes
            and all(_says_nothing(m) for m in groups[after])
            and tells_of(cue)
        ):
            found[after] = before
    return found


def _says(mention: EventMention) -> bool:
    """Whether ``mention`` is an act of saying: a report or statement ("said", "urged", "a
    statement"), or an act done by saying ("condemned", "offered condolences")."""
    return (
        mention.event_class == "REPORTING"
        or bool(predicate_kinds(mention.lemma) & predicate_kinds("statement"))
        or mention.lemma in _verbs("speech_acts")
    )


def _says_nothing(mention: EventMention) -> bool:
    """Whether ``mention`` is a verb of saying whose words give nothing of what was said,
    nor to whom: "the FBI said", "Crowley said in Washington" (what was said told apart,
    quoted, or not at all); not one that may be a deed ("responded to the distress call",
    ``answers`` of ``lang/en/events.toml``)."""
    return (
        mention.event_class == "REPORTING"
        and mention.lemma not in _verbs("answers")
        and not _is_event_noun(mention)
        and mention.theme is None
        and not any(p.role == "patient" for p in mention.participants)
    )


def salience(
    mentions: Sequence[EventMention], *, dated: bool, reported: bool = False, most: int = 1
) -> float:
    """How much of the news an event made of ``mentions`` is, in ``[0, 1]``: the weights of
    ``lang/en/merging.toml``'s ``[salience]`` for being reported by more articles (all of
    the weight for as many as the ``most`` that report any happening of the timeline), told
    more often, told in an article's lead, dated to a day or two (``dated``), done by or to
    someone named, and being what another event reports or reacts to (``reported``: "the
    Pentagon confirmed that Iran had fired", "to avenge the operation"; :func:`tells_of`).

    >>> from timeline import EventMention, Participant
    >>> iran = Participant("Iran", "rn", "GPE", "agent")
    >>> fired = EventMention("a", 0, 5, "fired", "fire", 0, (iran,))
    >>> salience([fired], dated=True) > salience([fired], dated=False)
    True
    >>> salience([fired], dated=False, reported=True) > salience([fired], dated=False)
    True
    >>> again = EventMention("b", 0, 5, "fired", "fire", 0, (iran,))
    >>> salience([fired, again], dated=False, most=2), salience([fired, again], dated=False, most=5)
    (0.625, 0.3625)
    """
    reports = _Reports.of(mentions)
    return _salience(reports, reports.articles(), dated=dated, reported=reported, most=most)


def _salience(reports: _Reports, articles: int, *, dated: bool, reported: bool, most: int) -> float:
    """:func:`salience` of a group's ``reports``, told by ``articles`` articles."""
    weights = words("merging")["salience"]
    mentions, copies = reports.nouns()
    share = (articles - 1) / (most - 1) if most > 1 else 0.0
    score = weights["articles"] * share
    score += weights["mentions"] * min(1.0, (sum(copies) - 1) / weights["mentions_full"])
    if any(m.sentence < weights["lead_sentences"] for m in mentions):
        score += weights["lead"]
    if dated:
        score += weights["dated"]
    if any(p.role != "other" for m in mentions for p in m.participants):
        score += weights["participants"]
    if reported:
        score += weights["reported"]
    return round(min(1.0, score), 4)


def _width(mention: EventMention) -> tuple[bool, timedelta]:
    """How loosely a mention is bounded: unbounded sides last, then the widest."""
    if mention.earliest is None or mention.latest is None:
        return (True, timedelta(0))
    return (False, instant(mention.latest) - instant(mention.earliest))


def _order(
    events: Sequence[Event],
    rank: Sequence[int],
    constraints: Sequence[Constraint],
    told: Sequence[Bounds],
) -> list[int]:
    """Event indices by time (when they had happened by, then from when they could have, then
    from when the text alone says they could have: a presumed day first where it may have
    been earlier), no event before one an article says it follows (events in a cycle of
    such cues happen together: none waits for another), ties by constraint rank and id."""
    count = len(events)
    at = _in_order(events, rank, told)  # the events ready are taken by their place in it
    position = np.empty(count, dtype=np.int64)
    position[at] = np.arange(count)
    places = position.tolist()
    waiting = [0] * count
    after: dict[int, list[int]] = defaultdict(list)
    for c in one_way(constraints):  # no cycle is left: every event gets ready
        after[c.before].append(c.after)
        waiting[c.after] += 1
    ready = [places[g] for g in range(count) if not waiting[g]]
    heapq.heapify(ready)
    result: list[int] = []
    while ready:
        g = int(at[heapq.heappop(ready)])
        result.append(g)
        for nxt in after.get(g, ()):
            waiting[nxt] -= 1
            if not waiting[nxt]:
                heapq.heappush(ready, places[nxt])
    return result


def _in_order(
    events: Sequence[Event], rank: Sequence[int], told: Sequence[Bounds]
) -> np.ndarray[Any, np.dtype[np.intp]]:
    """The indices of ``events`` in the order of :func:`_order` but for its order cues
    (unbounded last, then by when it had happened by, from when it could have, from when the
    text alone says it could have, its constraint rank and its id), found from one array of
    numbers for each, where a tuple of datetimes for each took about 250 bytes an event."""
    count = len(events)

    def moments(found: Iterable[datetime | None]) -> np.ndarray[Any, np.dtype[np.int64]]:
        since = ((instant(m or datetime.min) - datetime.min) // _MICROSECOND for m in found)
        return np.fromiter(since, dtype=np.int64, count=count)

    ids = sorted(range(count), key=lambda g: events[g].id)
    named = np.empty(count, dtype=np.int64)
    named[ids] = np.arange(count)
    return np.lexsort(
        (
            named,
            np.array(rank, dtype=np.int64),
            moments(bounds[0] for bounds in told),
            moments(e.earliest for e in events),
            moments(e.latest or e.earliest for e in events),
            np.fromiter((e.latest is None and e.earliest is None for e in events), bool, count),
        )
    )


#: The unit of :func:`_in_order`'s numbers of moments.
_MICROSECOND = timedelta(microseconds=1)


def _event_id(mention: EventMention) -> str:
    place = f"{mention.article_id}\n{mention.start}\n{mention.end}"
    return hashlib.sha1(place.encode()).hexdigest()[:12]


def _participants(
    mentions: Sequence[EventMention], copies: Sequence[int] | None = None
) -> list[Participant]:
    """Each participant once, under its fullest name, in its strongest role; by role, then
    the most often mentioned first (each mention told ``copies`` times, if given). A name
    that begins or ends another of the same kind is that one ("Boone Isaacs" is "Cheryl
    Boone Isaacs", "Academy" the "Academy of Motion Picture Arts and Sciences").

    >>> from timeline import Participant
    >>> said = EventMention("a", 0, 4, "said", "say", 0, (
    ...     Participant("Boone Isaacs", "bns", "PERSON", "agent"),
    ...     Participant("Cheryl Boone Isaacs", "chrl", "PERSON", "patient")))
    >>> [(p.name, p.role) for p in _participants([said])]
    [('Cheryl Boone Isaacs', 'agent')]
    """
    by_key: dict[str, list[Participant]] = defaultdict(list)
    told: Counter[str] = Counter()
    for m, times in zip(mentions, copies or [1] * len(mentions), strict=True):
        for p in m.participants:
            by_key[p.key].append(p)
            told[p.key] += times
    fullest = {key: max(v, key=lambda p: (len(p.name), p.name)) for key, v in by_key.items()}
    for key, short in sorted(fullest.items(), key=lambda item: len(item[1].name)):
        longer = next((k for k, p in fullest.items() if k != key and _shortens(short, p)), None)
        if longer is not None:
            by_key[longer] += by_key.pop(key)
            told[longer] += told.pop(key)
            del fullest[key]
    merged = []
    for key, variants in by_key.items():
        role = min((p.role for p in variants), key=ROLE_ORDER.__getitem__)
        # a qualifier in that role in every mention that gives it
        qualifier = all(p.qualifier for p in variants if p.role == role)
        merged.append((-told[key], attrs.evolve(fullest[key], role=role, qualifier=qualifier)))
    merged.sort(key=lambda item: (ROLE_ORDER[item[1].role], item[0], item[1].name))
    return [p for _, p in merged]


def _shortens(short: Participant, full: Participant) -> bool:
    """Whether ``short`` names ``full`` by its first or last words."""
    words, whole = short.name.split(), full.name.split()
    return (
        short.label == full.label
        and len(words) < len(whole)
        and words in (whole[: len(words)], whole[-len(words) :])
    )


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


def _most_common(values: Iterable[str | None], copies: Iterable[int]) -> str | None:
    """The value given most often, each ``copies`` times (of equals, the first in
    alphabetical order); ``None`` if none is given."""
    counts = _counted(values, copies)
    counts.pop(None, None)
    counts.pop("", None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def is_happening(event: Event) -> bool:
    """Whether ``event`` is a happening of its own, worth a line of a timeline: its mentions
    tell of one (:func:`tells_happening`).

    >>> from timeline import Event, EventMention, Participant
    >>> def event(*triggers, kind="OCCURRENCE", tense="PAST"):
    ...     mentions = [EventMention("a", 9 * n, 9 * n + len(w), w, lemma, 0, event_class=kind,
    ...                              tense=tense) for n, (w, lemma) in enumerate(triggers)]
    ...     return Event(id="e", mentions=mentions)
    >>> is_happening(event(("followed", "follow"))), is_happening(event(("caused", "cause")))
    (False, False)
    >>> is_happening(event(("said", "say"), kind="REPORTING"))
    False
    >>> speech = event(("speech", "speech"), kind="REPORTING", tense="NONE")
    >>> khamenei = Participant("Ali Khamenei", "khamenei", "PERSON", "agent")
    >>> given = attrs.evolve(speech.mentions[0], participants=(khamenei,))
    >>> is_happening(speech), is_happening(attrs.evolve(speech, mentions=[given]))
    (False, True)
    """
    return tells_happening(event.mentions)


def tells_happening(mentions: Sequence[EventMention]) -> bool:
    """Whether ``mentions`` tell of one happening: some mention names one
    (:func:`names_happening`), and some mention says who, where or when (a time of its own
    that is no mere length), or, of a verb, to what ("adopted a resolution"), or, of bare
    event nouns, bounds on both sides. "The bombing", "a 16-hour flight" or "he was
    replaced" alone tells a reader nothing to place on a timeline; it stays an event, listed
    once a mention dates or places it. Nor does a statement whose words say nothing of what
    was said ("the FBI said", "Crowley said in Washington": what was said told apart, only
    quoted, or not at all), which :func:`assemble` makes a part of the happening it reports.

    >>> from timeline import EventMention, Participant
    >>> flight = EventMention("a", 0, 6, "flight", "flight", 0)
    >>> albright = Participant("Madeleine Albright", "lbrt", "PERSON", "agent")
    >>> tells_happening([flight]), tells_happening([attrs.evolve(flight, participants=(albright,))])
    (False, True)
    """
    told = [m for m in mentions if names_happening(m)]
    if not told or all(_says_nothing(m) for m in mentions):
        return False  # "the FBI said": who spoke, not what
    if any(
        m.participants or m.actor or m.location or (m.time and m.time.interval) for m in mentions
    ):
        return True
    if all(_is_event_noun(m) for m in told):
        return any(m.earliest and m.latest for m in mentions)
    return any(m.theme for m in mentions)


def names_happening(mention: EventMention) -> bool:
    """Whether a mention tells of a happening a reader would put on a timeline: something
    said to have happened, to happen now or to be going to happen, in a word that names one,
    by the article rather than in a speaker's quoted words (unless a time dates it).

    Not a happening: what is negated, only possible or generic ("strikes do not solve
    problems"); an intention ("an attempt to", "a plan"); what will happen and a quotation
    that no time dates ("now" dates neither: "exiles will now proceed"); states, attitudes
    and perceptions ("the crisis", "believed", "felt"); a verb in the simple present that
    no time dates (a state or a habit: "bases that host US troops"; dated, it is a schedule:
    "the envoy arrives on Saturday"; a headline is told as past) or in the present
    progressive ("officials are counting on aid"; not "the coach is stepping down"), one in
    the present perfect over a length of time ("organizers have experimented in recent
    years"), a stative verb or one of feeling ("the cache included rifles", "other things
    bothered him"), what something holds ("a tanker which was loaded with oil"), an idiom
    ("turned out to be", "dealt a blow"), a participle without a time of its own ("a
    resolution calling for") or of a light verb ("a statement issued on Wednesday"); words
    that relate or mark a phase of another event ("followed", "began"); a report with no
    named speaker or told in the present ("officials say"). A statement in the past by
    someone named is one ("Rouhani said"), and so are event nouns ("a speech").

    >>> from timeline import EventMention, Participant
    >>> rouhani = Participant("Hassan Rouhani", "rhn", "PERSON", "agent")
    >>> said = EventMention("a", 0, 4, "said", "say", 0, (rouhani,), event_class="REPORTING",
    ...                     tense="PAST")
    >>> names_happening(said), names_happening(attrs.evolve(said, participants=()))
    (True, False)
    """
    if mention.light or mention.polarity != "POS" or mention.modality not in ("ASSERTED", "FUTURE"):
        return False  # a light verb's happening is its noun's ("made a decision")
    if mention.event_class in ("ASPECTUAL", "STATE", "I_STATE", "PERCEPTION"):
        return False  # a phase of another, a state, an attitude ("believed", "felt", "saw")
    noun = _is_event_noun(mention)
    if noun and mention.event_class == "I_ACTION" and mention.tense == "NONE":
        return False  # "an attempt to", "a plan", "the demand": an intention, unless a light
        # verb tells that it was made ("reached an agreement", "made an offer")
    # "now" tells when it is said, not when what is said happens ("exiles will now proceed")
    dated = (
        mention.time is not None
        and mention.time.names_moment
        and mention.time.value != "PRESENT_REF"
    )
    if not dated and (mention.quoted or mention.modality == "FUTURE"):
        return False  # a speaker's words, a plan or a threat: no happening until dated
    if not dated and mention.background:
        return False  # background on someone or something, or an indirect question
    if noun:
        return True
    if _not_happening(mention) or _idiom(mention):
        return False
    if not dated and _holds(mention):
        return False  # "the tanker, which was loaded with crude oil": what it holds
    if mention.tense == "PRESENT" and mention.aspect == "NONE" and not dated:
        return False  # a state or a habit; dated, a schedule ("she arrives on Saturday")
    if (
        mention.tense == "PRESENT"
        and mention.aspect == "PROGRESSIVE"
        and not dated
        and not _futurate(mention)
    ):
        return False  # what is going on ("officials are counting on aid"); not what is
        # going to happen ("the coach is stepping down")
    if mention.tense == "PRESENT" and mention.aspect != "NONE" and _spanning(mention):
        return False  # done again and again over a length of time up to now ("organizers
        # have experimented in recent years", "has been hinting for months")
    if mention.tense in ("PRESPART", "PASTPART", "NONE") and (
        mention.time is None or mention.lemma in _verbs("light")
    ):
        return False  # "a resolution calling for", "a statement issued on Wednesday"
    if mention.event_class == "REPORTING":
        return mention.tense == "PAST" and any(p.role == "agent" for p in mention.participants)
    return True


def _not_happening(mention: EventMention) -> bool:
    """Whether the verb of ``mention`` is no happening of its own (:func:`_not_happenings`),
    unless its form belongs to another verb of its lemma (``other_senses`` of
    ``lang/en/events.toml``: "lied" is no "lie" of the states)."""
    return mention.lemma in _not_happenings() and mention.text.lower() not in _verbs("other_senses")


def _holds(mention: EventMention) -> bool:
    """Whether ``mention`` tells what something holds or carries, with no one doing it
    (``fillings`` of ``lang/en/events.toml``: "the tanker was loaded with crude oil", not
    "workers loaded the tanker").

    >>> tanker = Participant("Sea Star", "s str", "PRODUCT", "patient")
    >>> loaded = EventMention("a", 0, 6, "loaded", "load", 0, (tanker,), tense="PAST")
    >>> _holds(loaded), _holds(attrs.evolve(loaded, actor="workers"))
    (True, False)
    """
    return (
        mention.lemma in _verbs("fillings")
        and mention.actor is None
        and not any(p.role == "agent" for p in mention.participants)
    )


def _futurate(mention: EventMention) -> bool:
    """Whether ``mention``, in the present progressive, tells what is going to happen
    (``futurates`` of ``lang/en/events.toml``: "is stepping down", "is leaving")."""
    futurates = _verbs("futurates")
    return (
        mention.lemma in futurates or _with_last_word(mention.lemma, mention.phrasal) in futurates
    )


def _not_happenings() -> frozenset[str]:
    """Verbs that are no happening of their own: relational, copular and stative verbs and
    verbs of feeling. (A light verb told as a finite verb is a full verb: "reached orbit",
    "launched the probe".)"""
    return _verbs("relational", "not_events", "copulas", "states", "feelings")


@functools.cache
def _verbs(*kinds: str) -> frozenset[str]:
    """The verbs of the lists ``kinds`` of ``lang/en/events.toml``'s ``[verbs]``
    ("speech_acts": "condemned"; "futurates": "is stepping down"; "light": "a statement
    issued")."""
    verbs = words("events")["verbs"]
    return frozenset(lemma for kind in kinds for lemma in verbs[kind])


def _idiom(mention: EventMention) -> bool:
    """Whether ``mention`` is the verb of an idiom that tells no happening of its own: with
    its particle, how something turned out ("turned out to be", "wound up", ``results``), or
    with its object, a figure of speech ("taken a serious view", "dealt a blow", ``idioms``
    of ``lang/en/events.toml``).

    >>> turned = EventMention("a", 0, 6, "turned", "turn", 0, phrasal="turned out")
    >>> dealt = EventMention("a", 0, 5, "dealt", "deal", 0, theme="a heavy blow")
    >>> _idiom(turned), _idiom(dealt), _idiom(attrs.evolve(dealt, theme="cards"))
    (True, True, False)
    """
    return _with_last_word(mention.lemma, mention.phrasal) in _verbs("results") or (
        _with_last_word(mention.lemma, mention.theme) in _verbs("idioms")
    )


def _with_last_word(lemma: str, words: str | None) -> str | None:
    """``lemma`` and the last of ``words`` (a particle or an object), as the idioms and
    futurates of ``lang/en/events.toml`` write them ("turn out", "deal blow"); ``None``
    without words."""
    return f"{lemma} {words.split()[-1].lower()}" if words else None


def _spanning(mention: EventMention) -> bool:
    """Whether the only time of ``mention`` is a length of weeks or more ("in recent years",
    "for months", "over the past few years"): no moment it happened at. A length of days or
    hours ("in the last 24 hours") places it as a day would."""
    time = mention.time
    return time is not None and time.type == "DURATION" and bool(_WEEKS_OR_MORE.match(time.value))


#: TIMEX3 values of lengths of weeks or more: "P3M", "PXY", "P2DE".
_WEEKS_OR_MORE = re.compile(r"P[\d.X]+(?:W|M|Y|DE|CE|ML)$")


def _is_event_noun(mention: EventMention) -> bool:
    lemma = mention.lemma
    return lemma in _event_nouns() and mention.text.lower() in (lemma, lemma + "s")


@functools.cache
def _event_nouns() -> frozenset[str]:
    return frozenset(words("events")["nouns"]["events"])


def _with_nouns(mentions: Sequence[EventMention]) -> Sequence[EventMention]:
    """``mentions`` but the light verbs that carry an event noun (``EventMention.light``,
    "made" of "made a decision"): their happening is told, worded and counted with the noun
    once; all of them if none is another.

    >>> made = EventMention("a", 0, 4, "made", "make", 0, light=True)
    >>> [m.text for m in _with_nouns([made, EventMention("a", 7, 15, "decision", "decision", 0)])]
    ['decision']
    """
    return [m for m in mentions if not m.light] or mentions


def label(mentions: Sequence[EventMention]) -> str:
    """Who did what to whom, where: "United States strike killed Qassem Soleimani in
    Baghdad". The predicate is the event noun most mentions use (of equals, the one the
    narrowest time dates, then the first told), with the verb that names a happening of
    another kind ("strike killed", not "attack fired"; of the verbs, one done to someone named
    first, then the most common, then one that says what it was done to as most of them word
    it, then the first told), or that verb alone. Only what is said to
    happen names it; places are not patients. Without a named actor or patient, the subject
    and object as written stand in ("rescuers cleared the rubble").

    >>> from timeline import EventMention, Participant
    >>> iran = Participant("Iran", "rn", "GPE", "agent")
    >>> label([EventMention("a", 0, 5, "fired", "fire", 0, (iran,), tense="PAST"),
    ...        EventMention("a", 20, 26, "attack", "attack", 1)])
    'Iran attack'
    """
    return _labelled(*_Reports.of(mentions).nouns())


def _labelled(mentions: Sequence[EventMention], copies: Sequence[int]) -> str:
    """:func:`label` of a group's distinct mentions, light verbs with a noun left out
    (:meth:`_Reports.nouns`), each told ``copies`` times."""
    places = frozenset(words("events")["names"]["location_labels"]) - {"GPE"}
    participants = [p for p in _participants(mentions, copies) if p.label not in places]
    times = {id(m): n for m, n in zip(mentions, copies, strict=True)}

    def names(
        role: str,
        keys: frozenset[str] | None = None,
        *,
        qualifiers: bool,
        prepositions: bool = False,
    ) -> str:
        """Those in ``role`` (of ``keys``); those only named as what qualifies them ("US"
        in "US commanders") when ``qualifiers`` allows and there are no others; with
        ``prepositions``, each after the one that ties it to the event, if any ("election of
        Cheryl Boone Isaacs")."""
        chosen = [p for p in participants if p.role == role and (keys is None or p.key in keys)]
        heads = [p for p in chosen if not p.qualifier]
        named = heads or (chosen if qualifiers else [])
        if not prepositions:
            return _series([p.name for p in named])
        by_preposition: dict[str | None, list[str]] = defaultdict(list)
        for p in named:
            by_preposition[p.preposition].append(p.name)
        return _phrases(by_preposition)

    told = sorted(mentions, key=lambda m: (m.article_id, m.start))
    real = [m for m in told if m.realis] or told
    nouns: list[EventMention] = []
    others: list[EventMention] = []
    for m in real:
        (nouns if _is_event_noun(m) else others).append(m)
    counts = _counted((m.lemma for m in nouns), (times[id(m)] for m in nouns))
    most = max(counts.values(), default=0)
    noun = min((m for m in nouns if counts[m.lemma] == most), key=_precision, default=None)
    if (
        noun is not None
        and counts[noun.lemma] < sum(times[id(m)] for m in real if m.lemma == noun.lemma) / 2
    ):
        noun = None  # told mostly by its verb: "NASA launched Kestrel", not "NASA launch"
    kind = predicate_kinds(noun.lemma) if noun else frozenset()
    not_happenings = _not_happenings()
    verbs = [
        m for m in others if m.lemma not in not_happenings and not predicate_kinds(m.lemma) & kind
    ]
    verbs = [m for m in verbs if m.event_class != "REPORTING"] or verbs
    if noun is not None:
        verbs = [m for m in verbs if m.event_class != "REPORTING"]
    said = _counted((m.text.lower() for m in verbs), (times[id(m)] for m in verbs))
    themed = [m for m in verbs if m.theme]
    themes = _counted((m.theme.lower() for m in themed), (times[id(m)] for m in themed))
    verb = min(
        verbs,
        key=lambda m: (
            not _names_patient(m),
            -said[m.text.lower()],
            # of equals, one that says what it was done to as the most reports word it
            -(themes[m.theme.lower()] if m.theme else 0),
        ),
        default=None,
    )
    if noun is not None and verb is not None and _done_by_another(verb, nouns):
        noun = None  # "In a speech, Khamenei highlighted the need": who did it says more
    if noun is None and verb is None:
        verb = told[0]
    # "the bombing of the US embassies killed 257": with a verb, the patients are its own and
    # those of the other verbs ("died"), not the noun's
    told_by_verbs = (
        frozenset(p.key for m in mentions if m.lemma != noun.lemma for p in m.participants)
        if noun is not None and verb is not None
        else None
    )
    # the object as written stands for those who only qualify it ("US commanders")
    theme = _theme(verb, noun)
    # an event noun told alone, its patients with their prepositions: "election of Isaacs"
    patients = names("patient", told_by_verbs, qualifiers=theme is None, prepositions=verb is None)
    location = _most_common((m.location for m in mentions), copies)
    # the other participants of the clause the predicate is told in, else of the first told
    first = [m for m in (verb, noun) if m is not None][:1]
    others = _others(participants, first + [m for m in told if m not in first], location)
    agents = names("agent", qualifiers=True)
    written = _actor(real, patients, [times[id(m)] for m in real])
    doers = [p for p in participants if p.role == "agent"]
    # what its object is asked to do ("urged Albright to tell Americans"), else its object
    done_to = theme if not patients or _names_patient(verb) else None
    # "Iraq's parliament" over "Iraq", written as a name qualifying who did it
    subject = (
        written if written and agents and all(_writes(written, p) for p in doers) else agents
    ) or written
    objects = [patients, done_to]
    if verb is not None and verb.passive and not subject and noun is None:
        # done to by no one named (nor by an event noun: "bombing killed 75 people"), what
        # it was done to first: "a suspect returned from Pakistan", "Americans urged to
        # leave" (not "returned a suspect")
        subject, objects = patients or done_to, [done_to if patients else None]
    parts = [
        subject,
        noun and noun.lemma,
        verb and (verb.phrasal or verb.text).lower(),
        *objects,
        not patients and others,
        location and f"in {location}",
    ]
    return " ".join(p for p in parts if p)


def _counted(values: Iterable[Any], copies: Iterable[int]) -> Counter[Any]:
    """How often each of ``values`` is told, each ``copies`` times."""
    counts: Counter[Any] = Counter()
    for value, times in zip(values, copies, strict=True):
        counts[value] += times
    return counts


def _series(names: Sequence[str]) -> str:
    """``names`` as a reader lists them: "A and B", "A, B and C".

    >>> _series(["Fidan"]), _series(["Fidan", "Bagheri"]), _series(["A", "B", "C"])
    ('Fidan', 'Fidan and Bagheri', 'A, B and C')
    """
    return " and ".join(filter(None, (", ".join(names[:-1]), *names[-1:])))


def _done_by_another(verb: EventMention, nouns: Sequence[EventMention]) -> bool:
    """Whether ``verb`` has a subject of its own that none of the event ``nouns`` has, so
    that the noun is not what did it: "Khamenei highlighted" of "in a speech, Khamenei
    highlighted the need", not "speech highlighted"; but "the strike by the US that
    killed", where the strike's agent is the verb's.

    >>> iran = Participant("Iran", "rn", "GPE", "agent")
    >>> speech = EventMention("a", 0, 6, "speech", "speech", 0)
    >>> fired = EventMention("a", 9, 14, "fired", "fire", 0, (iran,))
    >>> _done_by_another(fired, [speech]), _done_by_another(fired, [attrs.evolve(speech,
    ...     participants=(iran,))])
    (True, False)
    """
    agents = {p.key for p in verb.participants if p.role == "agent"}
    theirs = {p.key for m in nouns for p in m.participants if p.role == "agent"}
    return bool(agents - theirs) or (
        verb.actor is not None and verb.actor not in {m.actor for m in nouns}
    )


def _writes(written: str, participant: Participant) -> bool:
    """Whether the subject as ``written`` names ``participant`` with words that qualify it:
    in another spelling, by a word of its name or by an alias ("Ranariddh's loyalists" names
    Norodom Ranariddh, "US forces" the United States); not by its name alone ("Cheeks" is
    better written "Maurice Cheeks").

    >>> khamenei = Participant("Ali Khamenei", "qmn", "PERSON", "agent")
    >>> _writes("Khamenei's office", khamenei), _writes("the Iranian office", khamenei)
    (True, False)
    >>> _writes("Khamenei", khamenei)
    False
    """
    if participant.name in written:
        return True
    keys = name_keys(participant.name)
    if name_key(written) in keys:
        return False
    return any(known_as(word, keys) for word in _WORDS.findall(written))


#: The words of a phrase, a possessive's "s" apart ("Ranariddh's": "Ranariddh", "s").
_WORDS = re.compile(r"[^\W\d_][\w.-]*")


def _names_patient(mention: EventMention | None) -> bool:
    """Whether ``mention`` names whom it was done to (not only what qualifies them: "US
    commanders")."""
    return mention is not None and any(p.named_patient for p in mention.participants)


def _theme(verb: EventMention | None, noun: EventMention | None) -> str | None:
    """The verb's object as written, unless it names the event noun again ("attack plotted
    the attacks")."""
    if verb is None or verb.theme is None:
        return None
    if noun is not None and any(w.lower().startswith(noun.lemma) for w in verb.theme.split()):
        return None
    return verb.theme


def _actor(
    mentions: Sequence[EventMention], patients: str, copies: Sequence[int] | None = None
) -> str | None:
    """The subject as written that most mentions give (each told ``copies`` times, if
    given), a short form counted with the fullest form it ends ("King" with "Billy King"),
    never one that names a patient ("Cheeks guided the team and fell short": Maurice Cheeks
    is the patient of falling).

    >>> said = [EventMention("a", 0, 4, "said", "say", 0, actor=a) for a in ("King", "Billy King")]
    >>> _actor(said, ""), _actor(said, "Billy King")
    ('Billy King', None)
    """
    given = zip(mentions, copies or [1] * len(mentions), strict=True)
    told = [(m.actor, n) for m, n in given if m.actor]
    distinct = list(dict.fromkeys(a for a, _ in told))  # in the order first written
    fullest = {
        actor: max((a for a in distinct if a == actor or a.endswith(" " + actor)), key=len)
        for actor in distinct
    }
    counts = _counted((fullest[a] for a, _ in told), (n for _, n in told))
    named = set(patients.split())
    return next(
        (a for a in sorted(counts, key=lambda a: (-counts[a], a)) if a.split()[-1] not in named),
        None,
    )


def _others(
    participants: Sequence[Participant], mentions: Sequence[EventMention], location: str | None
) -> str:
    """The other participants with their prepositions, those sharing one joined: "with
    Fidan and Bagheri to Ankara". Only those of one clause: the first of ``mentions`` that
    has any (the phrases of several reports pile up: "left a message for Detroit on
    Cheeks"); the event's ``location`` is said once, as its place, and a mention's own
    place is no other participant of it.

    >>> cheeks = Participant("Maurice Cheeks", "chks", "PERSON", "other", "to")
    >>> fidan = Participant("Fidan", "fdn", "PERSON", "other", "with")
    >>> ankara = Participant("Ankara", "nkr", "GPE", "other", "to")
    >>> met = EventMention("a", 0, 3, "met", "meet", 0, (fidan, ankara))
    >>> talked = EventMention("b", 0, 6, "talked", "talk", 0, (Participant("Cheeks", "chks",
    ...     "PERSON", "other", "to"),))
    >>> _others([cheeks, fidan, ankara], [talked, met], None)
    'to Maurice Cheeks'
    >>> _others([cheeks, fidan, ankara], [met, talked], "Ankara")
    'with Fidan'
    """
    others = [p for p in participants if p.role == "other" and not _places(location, p)]
    for mention in mentions:
        # each preposition's names, once each, in the order told
        by_preposition: dict[str, dict[str, None]] = {}
        for told in mention.participants:
            same = next((p for p in others if told.key == p.key or _shortens(told, p)), None)
            if told.role == "other" and same is not None and not _places(mention.location, told):
                by_preposition.setdefault(told.preposition or "with", {})[same.name] = None
        if by_preposition:
            return _phrases({w: list(n) for w, n in by_preposition.items() if len(n) <= _LISTED})
    return ""


def _phrases(by_preposition: Mapping[str | None, Sequence[str]]) -> str:
    """Names as phrases of their prepositions, in order: "with Fidan and Bagheri to
    Ankara"; those of no preposition bare.

    >>> _phrases({"with": ["Fidan", "Bagheri"], "to": ["Ankara"], None: ["Iran"]})
    'with Fidan and Bagheri to Ankara Iran'
    """
    return " ".join(
        " ".join(w for w in (word, _series(names)) if w) for word, names in by_preposition.items()
    )


def _places(location: str | None, participant: Participant) -> bool:
    """Whether ``location`` is the place ``participant`` names, by its name or an alias
    ("Washington", where the United States takes part)."""
    return location is not None and known_as(location, name_keys(participant.name))


#: The most names of one phrase a label lists: a longer list ("played with San Antonio, New
#: York, Atlanta and New Jersey") is left out.
_LISTED = 2


def _precision(mention: EventMention) -> tuple[bool, timedelta]:
    """How precisely a mention's own time dates it: undated last, then the widest."""
    interval = mention.time.interval if mention.time is not None else None
    if interval is None:
        return (True, timedelta(0))
    return (False, instant(interval.end) - instant(interval.start))
