"""The bounds solver: solving never widens bounds, and every accepted constraint holds; soft
defaults (presumed days) narrow bounds only where the constraints leave room for them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import hypothesis
from hypothesis import strategies as st

from timeline.bounds import Constraint, intersect, one_way, presume, solve
from timeline.moments import instant

START = datetime(2020, 1, 1)
ZONES = [
    None,
    timezone.utc,
    timezone(timedelta(hours=3, minutes=30)),
    timezone(-timedelta(hours=5)),
]


@st.composite
def bounds(draw):
    """Bounds of one item: each side open or an hour of ten days, in one zone or none."""
    low = draw(st.none() | st.integers(0, 240))
    high = draw(st.none() | st.integers(0, 240))
    if low is not None and high is not None and high <= low:
        low, high = high, low + 1 if high == low else low
    zone = draw(st.sampled_from(ZONES))

    def moment(hours):
        return None if hours is None else (START + timedelta(hours=hours)).replace(tzinfo=zone)

    return (moment(low), moment(high))


@st.composite
def problems(draw):
    items = draw(st.lists(bounds(), min_size=1, max_size=8))
    index = st.integers(0, len(items) - 1)
    pairs = draw(st.lists(st.tuples(index, index), max_size=12))
    return items, [Constraint(a, b, "cue") for a, b in pairs]


def at_least(value, bound):
    """Whether ``value`` is no lower than ``bound`` as a lower bound (None is lowest)."""
    return bound is None or (value is not None and instant(value) >= instant(bound))


@hypothesis.given(problems())
def test_solving_never_widens_bounds(problem):
    items, constraints = problem
    solution = solve(items, constraints)
    for (low, high), (new_low, new_high) in zip(items, solution.bounds, strict=True):
        assert at_least(new_low, low)
        assert high is None or (new_high is not None and instant(new_high) <= instant(high))


@hypothesis.given(problems())
def test_accepted_constraints_hold_and_bounds_stay_possible(problem):
    items, constraints = problem
    solution = solve(items, constraints)
    assert len(solution.accepted) + len(solution.conflicts) <= len(constraints)
    for c in solution.accepted:
        low_a, high_a = solution.bounds[c.before]
        low_b, high_b = solution.bounds[c.after]
        assert at_least(low_b, low_a)  # b cannot start before a can
        assert high_b is None or (high_a is not None and instant(high_a) <= instant(high_b))
    for low, high in solution.bounds:
        assert intersect((low, high), (None, None)) is not None


def reaches(constraints, start, goal):
    """Whether a chain of ``constraints`` leads from ``start`` to ``goal``."""
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for c in constraints:
            if c.before == node and c.after not in seen:
                seen.add(c.after)
                todo.append(c.after)
    return goal in seen


@hypothesis.given(problems())
def test_one_way_drops_exactly_the_constraints_of_a_cycle(problem):
    _, constraints = problem
    kept = one_way(constraints)
    for c in constraints:  # a constraint goes when its items are joined by a cycle
        assert (c in kept) != reaches(constraints, c.after, c.before)
    for c in kept:  # what is left has no cycle
        assert not reaches(kept, c.after, c.before)


@st.composite
def presumptions(draw):
    """A problem, solved, and soft defaults: days for some of its items."""
    items, constraints = draw(problems())
    solution = solve(items, constraints)
    index = st.integers(0, len(items) - 1)
    days = draw(st.lists(st.tuples(index, st.integers(0, 9)), max_size=8))
    presumed = [(i, (START + timedelta(days=d), START + timedelta(days=d + 1))) for i, d in days]
    return solution, presumed


@hypothesis.given(presumptions())
def test_presumed_days_never_widen_bounds_nor_break_a_constraint(problem):
    solution, presumed = problem
    found = presume(solution.bounds, solution.accepted, presumed)
    for (low, high), (new_low, new_high) in zip(solution.bounds, found, strict=True):
        assert at_least(new_low, low)
        assert high is None or (new_high is not None and instant(new_high) <= instant(high))
        assert intersect((new_low, new_high), (None, None)) is not None
    for c in solution.accepted:
        low_a, high_a = found[c.before]
        low_b, high_b = found[c.after]
        assert at_least(low_b, low_a)
        assert high_b is None or (high_a is not None and instant(high_a) <= instant(high_b))


def test_a_presumed_day_gives_way_to_bounds_and_constraints():
    day = [(START + timedelta(days=d), START + timedelta(days=d + 1)) for d in range(10)]
    # 0 is dated the 3rd; 1 follows 0 and 2 is before 1
    bounds = [day[2], (day[2][0], None), (None, None)]
    constraints = [Constraint(0, 1, "after"), Constraint(2, 1, "reported speech")]
    # 1 presumed on the 7th bounds 2 by it; 0 presumed on the 7th is dated otherwise
    found = presume(bounds, constraints, [(0, day[6]), (1, day[6])])
    assert found == (day[2], day[6], (None, day[6][1]))
    # 1 presumed before what it follows: let go
    assert presume(bounds, constraints, [(1, day[0])]) == tuple(bounds)
    # 2 presumed after the day 1 is then presumed on: the first default holds
    assert presume(bounds, constraints, [(1, day[6]), (2, day[8])])[2] == (None, day[6][1])


def test_a_conflict_is_reported_and_leaves_the_bounds_as_they_were():
    day = [(START + timedelta(days=d), START + timedelta(days=d + 1)) for d in (6, 1)]
    solution = solve(day, [Constraint(0, 1, "after")])
    assert solution.conflicts == (Constraint(0, 1, "after"),)
    assert solution.bounds == tuple(day)


def test_moments_with_and_without_a_zone_compare_as_utc():
    tehran = timezone(timedelta(hours=3, minutes=30))
    # 01:30 in Tehran on the 8th is 22:00 UTC on the 7th: before 23:00 naive (read as UTC)
    assert intersect(
        (datetime(2020, 1, 8, 1, 30, tzinfo=tehran), None), (None, datetime(2020, 1, 7, 23))
    ) == (datetime(2020, 1, 8, 1, 30, tzinfo=tehran), datetime(2020, 1, 7, 23))
    assert intersect(
        (datetime(2020, 1, 8, 4, tzinfo=tehran), None), (None, datetime(2020, 1, 8, 1))
    )
    assert (
        intersect((datetime(2020, 1, 8, 4, tzinfo=tehran), None), (None, datetime(2020, 1, 7, 23)))
        is None
    )
