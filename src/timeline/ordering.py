"""Time bounds and order of the events of one article.

Each event mention starts with bounds ``[earliest, latest)`` from the time it is attached to,
else from its tense relative to the publication date (:func:`tense_bounds`). Textual cues
give order constraints between mentions (:func:`find_constraints`: "after", "following",
"had fired", reported speech, "to avenge"...). :func:`solve` propagates the constraints
through the bounds until they agree: when ``a`` comes before ``b``, ``b`` cannot start before
``a`` can, and ``a`` cannot end after ``b`` must have. A constraint that would leave some
mention with no possible time is reported as a conflict and left out, never raised.

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

import bisect
import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import attrs

from timeline.model import EventMention, TimeExpression
from timeline.nlp import english_words

__all__ = [
    "Bounds",
    "Constraint",
    "Solution",
    "find_constraints",
    "governor",
    "intersect",
    "interval_bounds",
    "order",
    "publication_span",
    "ranks",
    "solve",
    "tense_bounds",
]

Bounds = tuple[datetime | None, datetime | None]
_OPEN: Bounds = (None, None)


@attrs.frozen
class Constraint:
    """Mention ``before`` (an index) happens no later than mention ``after``, by ``cue``.

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
        return _OPEN
    if isinstance(published, datetime):
        return (published, published)
    start = datetime.combine(published, datetime.min.time())
    return (start, start + timedelta(days=1))


def tense_bounds(tense: str, modality: str, published: date | datetime | None) -> Bounds:
    """Bounds from grammar alone: what is told as past or present happened before the article
    appeared, what will happen comes after it; anything else is open.

    >>> tense_bounds("PAST", "ASSERTED", date(2020, 1, 7))
    (None, datetime.datetime(2020, 1, 8, 0, 0))
    >>> tense_bounds("FUTURE", "FUTURE", date(2020, 1, 7))[0]
    datetime.datetime(2020, 1, 7, 0, 0)
    """
    start, end = publication_span(published)
    if modality == "FUTURE":
        return (start, None)
    if modality == "ASSERTED" and tense in ("PAST", "PRESENT"):
        return (None, end)
    return _OPEN


_MOD_BOUNDS = {
    "BEFORE": lambda i: (None, i.start),
    "ON_OR_BEFORE": lambda i: (None, i.end),
    "AFTER": lambda i: (i.end, None),
    "ON_OR_AFTER": lambda i: (i.start, None),
}


def interval_bounds(time: TimeExpression | None, signal: str | None = None) -> Bounds:
    """Bounds from an attached time: its interval, opened on one side by its TIMEX3 mod or,
    failing one, by the mod its ``signal`` word implies ("before Sunday", "since 1990").

    >>> from datetime import date
    >>> from timeline import find_times
    >>> [t] = find_times("before Sunday", published=date(2020, 1, 7))
    >>> interval_bounds(t, "before")
    (None, datetime.datetime(2020, 1, 5, 0, 0))
    >>> interval_bounds(t, "until")[1], interval_bounds(t)[1]
    (datetime.datetime(2020, 1, 6, 0, 0), datetime.datetime(2020, 1, 6, 0, 0))
    """
    if time is None or time.interval is None or time.type not in ("DATE", "TIME"):
        return _OPEN
    interval = time.interval
    mod = time.mod or english_words()["ordering"]["signals"].get(signal or "", "")
    bounds = _MOD_BOUNDS.get(mod)
    return bounds(interval) if bounds else (interval.start, interval.end)


def intersect(first: Bounds, second: Bounds) -> Bounds | None:
    """The bounds both allow, or ``None`` if they leave no time.

    >>> intersect((None, datetime(2020, 1, 8)), (datetime(2020, 1, 5), None))[0].day
    5
    """
    lows = [b for b in (first[0], second[0]) if b is not None]
    highs = [b for b in (first[1], second[1]) if b is not None]
    low = max(lows) if lows else None
    high = min(highs) if highs else None
    if low is not None and high is not None and high <= low:
        return None
    return (low, high)


def solve(bounds: Sequence[Bounds], constraints: Sequence[Constraint]) -> Solution:
    """Tighten ``bounds`` so that every constraint holds; report those that cannot.

    Constraints are taken in order; each is propagated through those already accepted, and
    one that would empty some mention's bounds is undone and listed in ``conflicts``.
    """
    low = [b[0] for b in bounds]
    high = [b[1] for b in bounds]
    later: dict[int, list[int]] = defaultdict(list)
    earlier: dict[int, list[int]] = defaultdict(list)
    accepted: list[Constraint] = []
    conflicts: list[Constraint] = []
    for constraint in constraints:
        a, b = constraint.before, constraint.after
        if a == b or max(a, b) >= len(bounds):
            continue
        later[a].append(b)
        earlier[b].append(a)
        undo: list[tuple[list[datetime | None], int, datetime | None]] = []
        if _propagate(a, b, low, high, later, earlier, undo):
            accepted.append(constraint)
            continue
        for values, index, old in reversed(undo):
            values[index] = old
        later[a].pop()
        earlier[b].pop()
        conflicts.append(constraint)
    return Solution(tuple(zip(low, high, strict=True)), tuple(accepted), tuple(conflicts))


def _propagate(
    a: int,
    b: int,
    low: list[datetime | None],
    high: list[datetime | None],
    later: Mapping[int, list[int]],
    earlier: Mapping[int, list[int]],
    undo: list[tuple[list[datetime | None], int, datetime | None]],
) -> bool:
    """Push bounds along the edge ``a -> b`` and on; ``False`` if some bounds become empty."""
    work = [(a, b)]
    while work:
        first, second = work.pop()
        if low[first] is not None and (low[second] is None or low[first] > low[second]):
            undo.append((low, second, low[second]))
            low[second] = low[first]
            if high[second] is not None and high[second] <= low[second]:
                return False
            work.extend((second, nxt) for nxt in later.get(second, ()))
        if high[second] is not None and (high[first] is None or high[second] < high[first]):
            undo.append((high, first, high[first]))
            high[first] = high[second]
            if low[first] is not None and high[first] <= low[first]:
                return False
            work.extend((prev, first) for prev in earlier.get(first, ()))
    return True


def ranks(count: int, constraints: Sequence[Constraint]) -> list[int]:
    """How many constraints deep each of ``count`` items sits: an item that must follow
    another ranks above it. Chains are short in practice; cycles stop after a few rounds.

    >>> ranks(3, [Constraint(0, 1), Constraint(1, 2)])
    [0, 1, 2]
    """
    rank = [0] * count
    for _ in range(8):
        changed = False
        for c in constraints:
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

    >>> from datetime import datetime
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
            m.earliest or 0,
            m.latest is None,
            m.latest or 0,
            rank[index],
            index,
        )

    return tuple(sorted(range(len(mentions)), key=key))


# --- cues --------------------------------------------------------------------------------------


def find_constraints(
    doc: Any, mentions: Sequence[EventMention], heads: Mapping[int, int]
) -> list[Constraint]:
    """Order constraints between ``mentions`` from the cues of a parsed spaCy ``doc``.

    ``heads`` maps the index of each token that stands for a mention (its trigger, and the
    light verb of an event noun) to the mention's index in ``mentions``.
    """
    words = english_words()["ordering"]
    reporting = {"REPORTING", "PERCEPTION"}
    tokens = [doc.char_span(m.start, m.end, alignment_mode="expand").root for m in mentions]
    found: list[Constraint] = []

    def add(before: int | None, after: int | None, cue: str) -> None:
        if before is not None and after is not None and before != after:
            found.append(Constraint(before, after, cue))

    # Reported speech, past perfect, relative clauses on event nouns, "then".
    for i, m in enumerate(mentions):
        token = tokens[i]
        above, via = governor(token, heads)
        if above is None:
            continue
        realis = m.modality == "ASSERTED" and m.polarity == "POS"
        if (
            mentions[above].event_class in reporting
            and via.dep_ in ("ccomp", "parataxis")
            and realis
        ):
            add(i, above, "reported speech")
        if m.tense == "PAST" and m.aspect.startswith("PERFECTIVE") and realis:
            add(i, above, "past perfect")
        if token.dep_ == "relcl" and heads.get(token.head.i) == above and _relative_subject(token):
            add(i, above, "same event")
            add(above, i, "same event")
        if token.dep_ == "conj" and any(c.lower_ in words["then"] for c in token.children):
            add(above, i, "then")

    # Prepositions and conjunctions: "after the strike", "following a meeting", "before".
    lowers = [t.lower_ for t in doc]
    for token in doc:
        if token.dep_ not in ("prep", "mark", "advmod") and token.tag_ != "VBG":
            continue
        for phrase, cue in _cue_phrases().get(lowers[token.i], ()):
            first = token.i - len(phrase) + 1
            if first < 0 or tuple(lowers[first : token.i + 1]) != phrase:
                continue
            objects = [c for c in token.children if c.dep_ in ("pobj", "pcomp", "dobj")]
            if token.dep_ == "mark":
                objects = [token.head]
                modified, _ = governor(token.head, heads)
            else:
                modified = _at_or_above(doc[first].head, heads)
            for obj in objects:
                event = _nearest_below(obj, heads)
                if cue == "after":
                    add(event, modified, " ".join(phrase))
                else:
                    add(modified, event, " ".join(phrase))
            break

    # Verbs whose object is their cause or their aim: "to avenge the operation".
    for i, m in enumerate(mentions):
        if m.lemma not in words["object_before"] and m.lemma not in words["object_after"]:
            continue
        token = tokens[i]
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [g for c in token.children if c.dep_ == "prep" for g in c.children]
        for obj in objects:
            if m.lemma in words["object_after"]:
                add(i, _nearest_below(obj, heads), m.lemma)
                continue
            purpose = token.dep_ in ("advcl", "xcomp") and any(
                c.tag_ == "TO" for c in token.children
            )
            # Everything that happened in the object: "the operation ... that assassinated".
            causes = {heads[t.i] for t in obj.subtree if t.i in heads}
            for event in sorted(causes):
                if mentions[event].modality != "ASSERTED":
                    continue
                add(event, i, m.lemma)
                if purpose:
                    add(event, governor(token, heads)[0], "to " + m.lemma)

    # One happening named twice: "the attack killed", "said in a statement".
    for i, m in enumerate(mentions):
        token = tokens[i]
        same = None
        realis = m.modality == "ASSERTED" and m.polarity == "POS"
        if token.pos_ == "VERB" and realis and m.tense in ("PAST", "PRESENT"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            same = next((heads[c.i] for c in subjects if heads.get(c.i, i) != i), None)
        elif (
            m.event_class == "REPORTING"
            and token.dep_ == "pobj"
            and token.head.lower_ in words["medium"]
        ):
            same = governor(token, heads)[0]
        add(i, same, "same event")
        add(same, i, "same event")

    found.extend(_anaphora(doc, mentions, tokens, words))
    found.extend(_reactions(doc, mentions))
    return found


@functools.cache
def _cue_phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The "after" and "before" phrases as word tuples under their last word, longest first."""
    words = english_words()["ordering"]
    found: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for cue in ("after", "before"):
        for phrase in sorted(words[cue], key=lambda p: -len(p.split())):
            found[phrase.split()[-1]].append((tuple(phrase.split()), cue))
    return dict(found)


def _anaphora(
    doc: Any, mentions: Sequence[EventMention], tokens: Sequence[Any], words: Mapping[str, Any]
) -> list[Constraint]:
    """A definite event noun without a time names the nearest earlier event of its kind in
    its paragraph or the two sentences before ("an airstrike" ... "the attack"); the first
    of its kind in the article may name the nearest dated one after it ("the US's
    assassination of Soleimani" ... "an airstrike on the evening of January 2")."""
    group_of = {lemma: n for n, group in enumerate(words["same"]) for lemma in group}
    breaks = [k for k, char in enumerate(doc.text) if char == "\n"]
    paragraph = [bisect.bisect(breaks, m.start) for m in mentions]
    kinds: dict[int, list[int]] = defaultdict(list)
    for k, m in enumerate(mentions):
        if m.lemma in group_of:
            kinds[group_of[m.lemma]].append(k)
    found = []
    for i, m in enumerate(mentions):
        if m.time is not None or m.lemma not in group_of or m.tense != "NONE":
            continue
        if not any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
            for c in tokens[i].children
        ):
            continue
        kind = kinds[group_of[m.lemma]]
        position = bisect.bisect_left(kind, i)
        near = [
            k
            for k in kind[max(0, position - 8) : position]
            if mentions[k].sentence != m.sentence
            and (paragraph[k] == paragraph[i] or m.sentence - mentions[k].sentence <= 2)
        ]
        later = [
            k
            for k in kind[position + 1 : position + 9]
            if interval_bounds(mentions[k].time)[0] and mentions[k].sentence - m.sentence <= 10
        ]
        earlier = position > 0
        antecedent = near[-1] if near else (later[0] if later and not earlier else None)
        if antecedent is not None:
            found += [Constraint(i, antecedent, "anaphora"), Constraint(antecedent, i, "anaphora")]
    return found


def _reactions(doc: Any, mentions: Sequence[EventMention]) -> list[Constraint]:
    """What someone said, undated, after a dated happening in the same paragraph, was said
    after it: "The US carried out an airstrike on January 2 ... Trump said in a tweet"."""
    breaks = [k for k, char in enumerate(doc.text) if char == "\n"]
    found = []
    last_dated: tuple[int, int] | None = None  # (paragraph, mention)
    for i, m in enumerate(mentions):
        paragraph = bisect.bisect(breaks, m.start)
        realis = m.modality == "ASSERTED" and m.polarity == "POS"
        if (
            m.event_class == "REPORTING"
            and m.tense == "PAST"
            and m.time is None
            and realis
            and last_dated is not None
            and last_dated[0] == paragraph
        ):
            found.append(Constraint(last_dated[1], i, "reaction"))
        if m.event_class == "OCCURRENCE" and realis and interval_bounds(m.time)[0]:
            last_dated = (paragraph, i)
    return found


def governor(token: Any, heads: Mapping[int, int]) -> tuple[int | None, Any]:
    """The nearest mention above ``token`` (not ``token``'s own) and the token below it on
    the way up, the one whose dependency says how ``token``'s clause hangs from it."""
    child = token
    while child.head.i != child.i:
        parent = child.head
        index = heads.get(parent.i)
        if index is not None and index != heads.get(token.i):
            return index, child
        child = parent
    return None, child


def _relative_subject(token: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in token.children)


def _at_or_above(token: Any, heads: Mapping[int, int]) -> int | None:
    while True:
        if token.i in heads:
            return heads[token.i]
        if token.head.i == token.i:
            return None
        token = token.head


def _nearest_below(token: Any, heads: Mapping[int, int]) -> int | None:
    """The mention at ``token`` or, breadth first, the nearest one in its subtree."""
    level = [token]
    while level:
        for t in level:
            if t.i in heads:
                return heads[t.i]
        level = [c for t in level for c in t.children]
    return None
