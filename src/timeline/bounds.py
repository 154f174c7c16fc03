"""Time bounds of events and the order constraints between them: arithmetic, no parsing.

Each event mention starts with bounds ``[earliest, latest)`` from the time it is attached to
(:func:`interval_bounds`), else from its tense relative to the publication date
(:func:`tense_bounds`). Order cues (:mod:`timeline.cues`) give constraints between mentions;
:func:`solve` propagates them through the bounds until they agree: when ``a`` comes before
``b``, ``b`` cannot start before ``a`` can, and ``a`` cannot end after ``b`` must have. A
constraint that would leave some mention with no possible time is reported as a conflict and
left out, never raised. Moments with and without a zone compare by
:func:`timeline.moments.instant`.

>>> from datetime import datetime
>>> day = lambda d: (datetime(2020, 1, d), datetime(2020, 1, d + 1))
>>> s = solve([day(2), (None, None), (None, datetime(2020, 1, 8))],
...           [Constraint(0, 1, "after"), Constraint(1, 2, "reported speech")])
>>> s.bounds[1]
(datetime.datetime(2020, 1, 2, 0, 0), datetime.datetime(2020, 1, 8, 0, 0))
>>> solve([day(7), day(2)], [Constraint(0, 1, "after")]).conflicts
(Constraint(before=0, after=1, cue='after'),)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import attrs

from timeline.lang import words
from timeline.model import EventMention, TimeExpression
from timeline.moments import as_datetime, instant

__all__ = [
    "OPEN",
    "Bounds",
    "Constraint",
    "Solution",
    "day_of",
    "intersect",
    "interval_bounds",
    "one_way",
    "order",
    "presume",
    "publication_span",
    "ranks",
    "solve",
    "tense_bounds",
    "within_wholes",
]

Bounds = tuple[datetime | None, datetime | None]

#: Bounds that say nothing.
OPEN: Bounds = (None, None)


@attrs.frozen
class Constraint:
    """Item ``before`` (an index) happens no later than item ``after``, by ``cue``.

    >>> Constraint(0, 1, "past perfect").cue
    'past perfect'
    """

    before: int = attrs.field(validator=attrs.validators.ge(0))
    after: int = attrs.field(validator=attrs.validators.ge(0))
    cue: str = ""


@attrs.frozen
class Solution:
    """Bounds that satisfy every ``accepted`` constraint; ``conflicts`` could not be met.

    >>> Solution(bounds=((None, None),), accepted=(), conflicts=()).consistent
    True
    """

    bounds: tuple[Bounds, ...]
    accepted: tuple[Constraint, ...]
    conflicts: tuple[Constraint, ...]

    @property
    def consistent(self) -> bool:
        """Whether every constraint could be met."""
        return not self.conflicts


def publication_span(published: date | datetime | None) -> Bounds:
    """When the article appeared: its whole day for a date, the instant for a datetime.

    >>> publication_span(date(2020, 1, 7))
    (datetime.datetime(2020, 1, 7, 0, 0), datetime.datetime(2020, 1, 8, 0, 0))
    """
    if published is None:
        return OPEN
    if isinstance(published, datetime):
        return (published, published)
    return _whole_day(as_datetime(published))


def tense_bounds(
    tense: str, modality: str, published: date | datetime | None, aspect: str = "NONE"
) -> Bounds:
    """Bounds from grammar alone: what is told as past happened before the article appeared,
    what is told in the simple or progressive present happens on its day (:func:`day_of`:
    news speaks of its own day in the present), what will happen comes after it; anything
    else is open.

    >>> tense_bounds("PAST", "ASSERTED", date(2020, 1, 7))
    (None, datetime.datetime(2020, 1, 8, 0, 0))
    >>> tense_bounds("PRESENT", "ASSERTED", date(2020, 1, 7))[0]
    datetime.datetime(2020, 1, 7, 0, 0)
    >>> tense_bounds("PRESENT", "ASSERTED", date(2020, 1, 7), "PERFECTIVE")[0] is None
    True
    >>> tense_bounds("FUTURE", "FUTURE", date(2020, 1, 7))[0]
    datetime.datetime(2020, 1, 7, 0, 0)
    """
    if modality == "FUTURE":
        return (publication_span(published)[0], None)
    if modality != "ASSERTED" or tense not in ("PAST", "PRESENT"):
        return OPEN
    if tense == "PRESENT" and aspect in ("NONE", "PROGRESSIVE"):
        return day_of(published) if published is not None else OPEN
    return (None, publication_span(published)[1])


def day_of(published: date | datetime) -> Bounds:
    """The calendar day of a publication date, up to the publication time when it has one.

    >>> day_of(date(2020, 1, 7))[1]
    datetime.datetime(2020, 1, 8, 0, 0)
    >>> day_of(datetime(2020, 1, 7, 9, 30))
    (datetime.datetime(2020, 1, 7, 0, 0), datetime.datetime(2020, 1, 7, 9, 30))
    """
    if isinstance(published, datetime):
        day = as_datetime(published.date()).replace(tzinfo=published.tzinfo)
        return (day, published) if published > day else (None, published)
    return _whole_day(as_datetime(published))


def _whole_day(day: datetime) -> Bounds:
    """A day's bounds; the calendar's last day has no end ``datetime`` can hold.

    >>> _whole_day(datetime(9999, 12, 31))
    (datetime.datetime(9999, 12, 31, 0, 0), None)
    """
    return (day, day + timedelta(days=1) if day.date() < date.max else None)


_MOD_BOUNDS = {
    "BEFORE": lambda i: (None, i.start),
    "ON_OR_BEFORE": lambda i: (None, i.end),
    "AFTER": lambda i: (i.end, None),
    "ON_OR_AFTER": lambda i: (i.start, None),
}


def interval_bounds(time: TimeExpression | None, signal: str | None = None) -> Bounds:
    """Bounds from an attached time: its interval, opened on one side by its TIMEX3 mod or,
    failing one, by the mod its ``signal`` word implies ("before Sunday", "since 1990"). A
    duration bounds its event by the time it names, if any ("resume in three days", "over
    the past three years").

    >>> from timeline import find_times
    >>> [t] = find_times("before Sunday", published=date(2020, 1, 7))
    >>> interval_bounds(t, "before")
    (None, datetime.datetime(2020, 1, 5, 0, 0))
    >>> interval_bounds(t, "until")[1], interval_bounds(t)[1]
    (datetime.datetime(2020, 1, 6, 0, 0), datetime.datetime(2020, 1, 6, 0, 0))
    >>> [soon] = find_times("in three days", published=date(2020, 1, 7))
    >>> interval_bounds(soon)[0]
    datetime.datetime(2020, 1, 10, 0, 0)
    """
    if time is None or time.interval is None or time.type == "SET":
        return OPEN
    interval = time.interval
    mod = time.mod or words("events")["ordering"]["signals"].get(signal or "", "")
    bounds = _MOD_BOUNDS.get(mod)
    return bounds(interval) if bounds else (interval.start, interval.end)


def within_wholes(bounds: list[Bounds], parts: Iterable[tuple[int, int]]) -> list[Bounds]:
    """``bounds`` with each part's narrowed to its whole's, for ``(part, whole)`` pairs of
    indices: a part happens within its whole (where they meet; else the part keeps its own).

    >>> day = (datetime(2020, 1, 2), datetime(2020, 1, 3))
    >>> within_wholes([(None, None), day], [(0, 1)])[0] == day
    True
    """
    for part, whole in parts:
        bounds[part] = intersect(bounds[part], bounds[whole]) or bounds[part]
    return bounds


def intersect(first: Bounds, second: Bounds) -> Bounds | None:
    """The bounds both allow, or ``None`` if they leave no time.

    >>> intersect((None, datetime(2020, 1, 8)), (datetime(2020, 1, 5), None))[0].day
    5
    >>> intersect((datetime(2020, 1, 8), None), (None, datetime(2020, 1, 5))) is None
    True
    """
    low, other = first[0], second[0]
    if low is None or (other is not None and instant(other) > instant(low)):
        low = other  # the later start; of two at one instant, the first's
    high, other = first[1], second[1]
    if high is None or (other is not None and instant(other) < instant(high)):
        high = other  # the earlier end; of two at one instant, the first's
    if low is not None and high is not None and instant(high) <= instant(low):
        return None
    return (low, high)


def solve(
    bounds: Sequence[Bounds], constraints: Sequence[Constraint], fixed: Collection[int] = ()
) -> Solution:
    """Tighten ``bounds`` so that every constraint holds; report those that cannot.

    Constraints are taken in order; each is propagated through those already accepted, and
    one that would empty some item's bounds is undone and listed in ``conflicts``. Solving
    never widens bounds. Items of ``fixed`` keep theirs: they bound the others, and nothing
    narrows them (an event whose reports disagree holds every reading; a cue of one report
    must not take its reading for all).

    >>> solve([(None, None)], [Constraint(0, 0)]).accepted
    ()
    >>> day = (datetime(2020, 1, 2), datetime(2020, 1, 4))
    >>> solve([day, (None, datetime(2020, 1, 3))], [Constraint(1, 0)], fixed={0}).bounds[0][0]
    datetime.datetime(2020, 1, 2, 0, 0)
    """
    network = _Network.of(bounds, fixed)
    accepted: list[Constraint] = []
    conflicts: list[Constraint] = []
    for constraint in constraints:
        a, b = constraint.before, constraint.after
        if a == b or max(a, b) >= len(bounds):
            continue
        network.link(a, b)
        if network.tighten([(a, b)], []):
            accepted.append(constraint)
        else:
            network.unlink(a, b)
            conflicts.append(constraint)
    return Solution(network.bounds(), tuple(accepted), tuple(conflicts))


def presume(
    bounds: Sequence[Bounds],
    constraints: Sequence[Constraint],
    presumed: Sequence[tuple[int, Bounds]],
    fixed: Collection[int] = (),
) -> tuple[Bounds, ...]:
    """``bounds`` (which satisfy ``constraints``) narrowed by soft defaults: each
    ``(index, bounds)`` of ``presumed`` in turn narrows its item and is propagated through
    the constraints, unless that would leave some item no time; then it is let go. A
    default never overrides what the bounds and constraints say, and never widens them;
    items of ``fixed`` keep their bounds (:func:`solve`).

    >>> day = lambda d: (datetime(2020, 1, d), datetime(2020, 1, d + 1))
    >>> after = [Constraint(0, 1, "reported speech")]
    >>> presume([(None, None), (None, datetime(2020, 1, 8))], after, [(1, day(7))])[0]
    (None, datetime.datetime(2020, 1, 8, 0, 0))
    >>> presume([day(2), (day(2)[0], None)], after, [(1, day(1))])[1]  # before its cause
    (datetime.datetime(2020, 1, 2, 0, 0), None)
    """
    network = _Network.of(bounds, fixed)
    for c in constraints:
        if c.before != c.after and max(c.before, c.after) < len(bounds):
            network.link(c.before, c.after)
    low, high = network.low, network.high
    for index, (first, last) in presumed:
        if index in network.fixed:
            continue
        narrowed = intersect((low[index], high[index]), (first, last))
        if narrowed is None:
            continue
        undo: _Undo = [(low, index, low[index]), (high, index, high[index])]
        low[index], high[index] = narrowed
        network.tighten(network.edges(index), undo)
    return network.bounds()


_Undo = list[tuple[list[datetime | None], int, datetime | None]]


@attrs.define
class _Network:
    """Items' bounds as two lists, and the order between items as edges both ways (``a ->
    b``: ``a`` comes no later than ``b``), along which bounds are pushed."""

    low: list[datetime | None]
    high: list[datetime | None]
    fixed: frozenset[int] = frozenset()
    later: defaultdict[int, list[int]] = attrs.field(factory=lambda: defaultdict(list))
    earlier: defaultdict[int, list[int]] = attrs.field(factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, bounds: Sequence[Bounds], fixed: Collection[int] = ()) -> _Network:
        return cls([b[0] for b in bounds], [b[1] for b in bounds], frozenset(fixed))

    def bounds(self) -> tuple[Bounds, ...]:
        return tuple(zip(self.low, self.high, strict=True))

    def link(self, a: int, b: int) -> None:
        self.later[a].append(b)
        self.earlier[b].append(a)

    def unlink(self, a: int, b: int) -> None:
        """Take back the last :meth:`link` of ``a`` and ``b``."""
        self.later[a].pop()
        self.earlier[b].pop()

    def edges(self, index: int) -> list[tuple[int, int]]:
        """The edges that touch item ``index``."""
        return [(index, n) for n in self.later[index]] + [(p, index) for p in self.earlier[index]]

    def tighten(self, work: list[tuple[int, int]], undo: _Undo) -> bool:
        """Push bounds along the edges of ``work`` and on, logging each change in ``undo``;
        if some bounds become empty, every change logged is put back and ``False`` is
        returned."""
        if _propagate(work, self.low, self.high, self.later, self.earlier, self.fixed, undo):
            return True
        for values, at, old in reversed(undo):
            values[at] = old
        return False


def _propagate(
    work: list[tuple[int, int]],
    low: list[datetime | None],
    high: list[datetime | None],
    later: Mapping[int, list[int]],
    earlier: Mapping[int, list[int]],
    fixed: frozenset[int],
    undo: _Undo,
) -> bool:
    """Push bounds along the edges of ``work`` (``a -> b``: ``a`` comes no later than ``b``)
    and on, never into an item of ``fixed``; ``False`` if some bounds become empty."""
    while work:
        first, second = work.pop()
        lf, ls = low[first], low[second]
        if lf is not None and second not in fixed and (ls is None or instant(lf) > instant(ls)):
            undo.append((low, second, ls))
            low[second] = lf
            if high[second] is not None and instant(high[second]) <= instant(lf):
                return False
            work.extend((second, nxt) for nxt in later.get(second, ()))
        hf, hs = high[first], high[second]
        if hs is not None and first not in fixed and (hf is None or instant(hs) < instant(hf)):
            undo.append((high, first, hf))
            high[first] = hs
            if low[first] is not None and instant(hs) <= instant(low[first]):
                return False
            work.extend((prev, first) for prev in earlier.get(first, ()))
    return True


def one_way(constraints: Sequence[Constraint]) -> list[Constraint]:
    """The ``constraints`` that order two items: not those within a cycle of constraints
    (two items each said to come no later than the other, or a longer loop), whose items
    happen together. What is left has no cycle.

    >>> one_way([Constraint(0, 1), Constraint(1, 0), Constraint(1, 2)])
    [Constraint(before=1, after=2, cue='')]
    >>> one_way([Constraint(0, 1), Constraint(1, 2), Constraint(2, 0), Constraint(2, 3)])
    [Constraint(before=2, after=3, cue='')]
    """
    together = _cycles(constraints)
    return [c for c in constraints if together[c.before] != together[c.after]]


def _cycles(constraints: Sequence[Constraint]) -> dict[int, int]:
    """Each constrained item's strongly connected component: items joined by a cycle of
    constraints share one number (Tarjan's algorithm, without recursion)."""
    after: dict[int, list[int]] = defaultdict(list)
    for c in constraints:
        after[c.before].append(c.after)
    found: dict[int, int] = {}
    low: dict[int, int] = {}
    component: dict[int, int] = {}
    stack: list[int] = []
    for root in list(after):
        if root in found:
            continue
        walk = [(root, iter(after[root]))]
        found[root] = low[root] = len(found)
        stack.append(root)
        while walk:
            node, successors = walk[-1]
            nxt = next(successors, None)
            if nxt is None:
                walk.pop()
                if walk:
                    parent = walk[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == found[node]:
                    while True:
                        member = stack.pop()
                        component[member] = node
                        if member == node:
                            break
            elif nxt not in found:
                found[nxt] = low[nxt] = len(found)
                stack.append(nxt)
                walk.append((nxt, iter(after[nxt])))
            elif nxt not in component:
                low[node] = min(low[node], found[nxt])
    return component


def ranks(count: int, constraints: Sequence[Constraint]) -> list[int]:
    """How many constraints deep each of ``count`` items sits: an item that must follow
    another ranks above it. Items in a cycle of constraints happen together and do not rank
    each other (:func:`one_way`). Chains are short in practice: ranks stop at 8.

    >>> ranks(3, [Constraint(0, 1), Constraint(1, 2)])
    [0, 1, 2]
    >>> ranks(3, [Constraint(0, 1), Constraint(1, 0), Constraint(1, 2)])
    [0, 0, 1]
    """
    rank = [0] * count
    ordering = one_way(constraints)
    for _ in range(8):
        changed = False
        for c in ordering:
            if rank[c.after] < rank[c.before] + 1 and c.before != c.after:
                rank[c.after] = rank[c.before] + 1
                changed = True
        if not changed:
            break
    return rank


def order(mentions: Sequence[EventMention], constraints: Sequence[Constraint]) -> tuple[int, ...]:
    """Indices of ``mentions`` sorted by earliest, then latest time, then constraint rank.

    Unknown bounds sort last; a mention constrained to follow another ranks after it; ties
    keep document order.

    >>> a = EventMention("x", 0, 1, "a", "a", 0, latest=datetime(2020, 1, 8))
    >>> b = EventMention("x", 2, 3, "b", "b", 0, earliest=datetime(2020, 1, 2))
    >>> order([a, b], [])
    (1, 0)
    """
    rank = ranks(len(mentions), constraints)

    def key(index: int) -> tuple[Any, ...]:
        m = mentions[index]
        return (
            m.earliest is None,
            instant(m.earliest) if m.earliest else 0,
            m.latest is None,
            instant(m.latest) if m.latest else 0,
            rank[index],
            index,
        )

    return tuple(sorted(range(len(mentions)), key=key))
