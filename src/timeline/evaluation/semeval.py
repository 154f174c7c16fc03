"""SemEval-2015 Task 4 (TimeLine): timeline files, their temporal graphs, and the scorer.

A timeline file names its target entity on the first line, then lists one event a line::

    rank<TAB>date<TAB>doc-sentence-token[<TAB>doc-sentence-token ...]

``rank`` orders the events (equal ranks are simultaneous; 0 = the event cannot be ordered),
``date`` is its time anchor as a TIMEX3-like string (``2008-06-09``, ``2006-03``,
``2008-02-XX``, ``XXXX-XX-XX`` when unknown) and each ``doc-sentence-token`` is one mention
of the event: document id, sentence number and the token's text (``_`` joins multi-word
triggers). :func:`read_timeline` / :func:`format_timeline` read and write them:

>>> tl = read_timeline("iPhone 3G\\n1\\t2008-06-09\\t12315-2-launched\\t12315-3-launching\\n"
...                    "2\\tXXXX-XX-XX\\t12315-4-provide\\n")
>>> (tl.entity, len(tl), tl.entries[0].mentions)
('iPhone 3G', 2, ('12315-2-launched', '12315-3-launching'))

**Scoring** follows the task: each timeline becomes a graph of temporal relations
(:func:`timeline_relations`), and the system graph is compared with the gold one by the
temporal awareness of TempEval-3 (UzZaman and Allen, 2011; :func:`temporal_awareness`):
precision is the share of the system's relations, after reduction, that the closure of the
gold graph entails; recall is the share of the gold's reduced relations that the closure of
the system graph entails. The score of several timelines (:func:`score_timelines`) averages
their F1 weighted by each gold timeline's number of lines.

>>> gold = read_timeline("E\\n1\\t2008\\td-1-a\\n2\\t2009\\td-2-b\\n")
>>> system = read_timeline("E\\n1\\t2008\\td-1-a\\td-2-b\\n")
>>> s = score_timeline(gold, system)
>>> (s.system_verified, s.system_relations, s.gold_verified, s.gold_relations)
(1, 2, 1, 3)
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import attrs

from timeline.evaluation.xmldocs import Token, tokens_and_text, xml_root

__all__ = [
    "BEFORE",
    "IS_INCLUDED",
    "SIMULTANEOUS",
    "CATDocument",
    "CATToken",
    "Closure",
    "EntityTimeline",
    "Relation",
    "TimelineEntry",
    "TimelineScore",
    "TimelinesScore",
    "format_timeline",
    "read_cat",
    "read_timeline",
    "read_timelines",
    "reduce_relations",
    "score_timeline",
    "score_timelines",
    "temporal_awareness",
    "timeline_relations",
    "write_timeline",
]

BEFORE = "BEFORE"
SIMULTANEOUS = "SIMULTANEOUS"
IS_INCLUDED = "IS_INCLUDED"

#: ``(source, relation, target)``; nodes are mention ids, or ``@`` + a date for time anchors.
Relation = tuple[str, str, str]

_UNKNOWN_DATE = re.compile(r"^[X\-]*$")


@attrs.frozen
class TimelineEntry:
    """One line of a timeline: rank, date and the mentions of one event.

    >>> TimelineEntry(1, "2008-06-09", ("12315-2-launched",)).line()
    '1\\t2008-06-09\\t12315-2-launched'
    """

    rank: int = attrs.field(validator=attrs.validators.ge(0))
    date: str
    mentions: tuple[str, ...] = attrs.field(converter=tuple)

    @mentions.validator
    def _check_mentions(self, attribute: attrs.Attribute, mentions: tuple[str, ...]) -> None:
        if not mentions:
            raise ValueError("a timeline entry needs at least one mention")

    def line(self) -> str:
        """The entry as a line of a timeline file (no newline)."""
        return "\t".join((str(self.rank), self.date, *self.mentions))


@attrs.frozen
class EntityTimeline:
    """The timeline of one target entity: the entity's name and its entries, in file order.

    ``len`` is its number of lines (entries), the weight of its score in a corpus.
    """

    entity: str
    entries: tuple[TimelineEntry, ...] = attrs.field(default=(), converter=tuple)

    def __len__(self) -> int:
        return len(self.entries)


def read_timeline(source: str | os.PathLike[str]) -> EntityTimeline:
    """A timeline from a path or from the file's text.

    The first line is the entity's name when it has no tab; blank lines are skipped, and a
    repeated mention within one line is kept once (the gold files have a few).

    >>> read_timeline("Boeing\\n0\\tXXXX-XX-XX\\t1173-2-deal\\t1173-4-deal\\t1173-4-deal\\n")
    EntityTimeline(entity='Boeing', entries=(TimelineEntry(rank=0, date='XXXX-XX-XX', mentions=('1173-2-deal', '1173-4-deal')),))
    """  # noqa: E501
    if isinstance(source, os.PathLike) or ("\n" not in str(source) and Path(source).exists()):
        text = Path(source).read_text(encoding="utf-8")
    else:
        text = str(source)
    lines = [line.rstrip("\r") for line in text.split("\n")]
    entity = ""
    entries = []
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        if number == 0 and "\t" not in line:
            entity = line.strip()
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < 3 or not cells[0].isdigit():
            raise ValueError(f"line {number + 1}: not rank<TAB>date<TAB>mention...: {line!r}")
        mentions = tuple(dict.fromkeys(cells[2:]))
        entries.append(TimelineEntry(int(cells[0]), cells[1], mentions))
    return EntityTimeline(entity, tuple(entries))


def read_timelines(folder: str | os.PathLike[str]) -> dict[str, EntityTimeline]:
    """Every ``*.txt`` timeline of a folder, keyed by file stem (``iphone_3g``)."""
    return {p.stem: read_timeline(p) for p in sorted(Path(folder).glob("*.txt"))}


def format_timeline(timeline: EntityTimeline) -> str:
    """The text of a timeline file: the entity's name, then one line per entry.

    >>> format_timeline(read_timeline("E\\n1\\t2008\\td-1-a\\n"))
    'E\\n1\\t2008\\td-1-a\\n'
    """
    return "".join(line + "\n" for line in (timeline.entity, *(e.line() for e in timeline.entries)))


def write_timeline(timeline: EntityTimeline, path: str | os.PathLike[str]) -> None:
    """Write a timeline file."""
    Path(path).write_text(format_timeline(timeline), encoding="utf-8")


def _date_node(date: str) -> str:
    """The time node of a date, its parts padded with ``XX`` to ``YYYY-MM-DD``: the gold files
    write one month both ``2006-03`` (trial) and ``2006-03-XX`` (corpus_1)."""
    parts = date.split("-")
    return "@" + "-".join(parts + ["XX"] * (3 - len(parts)))


def timeline_relations(timeline: EntityTimeline, *, anchor: str = IS_INCLUDED) -> list[Relation]:
    """The temporal graph of a timeline, as the task defines it.

    - the mentions of one line are one event: ``SIMULTANEOUS``, each with the first;
    - an event of rank ``r > 0`` is ``BEFORE`` each event of the next rank in use (the rest
      follows by closure); rank 0 events are not ordered;
    - an event with a date (any date but the fully unknown ``XXXX-XX-XX``) is related to a
      time node ``@<date>``, dates being compared as strings once padded to three parts
      (``2006-03`` is ``2006-03-XX``, ``2004`` is ``2004-XX-XX``).

    The task's tool relates an event to its date by ``SIMULTANEOUS``; then two events of
    one date at two ranks (the gold files order events within a day) contradict each other,
    so the default here is ``IS_INCLUDED`` (the event lies within its date), which says what
    the timeline means and keeps every gold graph consistent. ``anchor=SIMULTANEOUS`` gives
    the task's relation.

    >>> tl = read_timeline("E\\n0\\tXXXX-XX-XX\\td-5-x\\n1\\t2008\\td-1-a\\td-2-a\\n"
    ...                    "2\\tXXXX-XX-XX\\td-3-b\\n")
    >>> for r in timeline_relations(tl):
    ...     print(*r)
    d-1-a SIMULTANEOUS d-2-a
    d-1-a IS_INCLUDED @2008-XX-XX
    d-1-a BEFORE d-3-b
    """
    if anchor not in (IS_INCLUDED, SIMULTANEOUS):
        raise ValueError(f"anchor must be {IS_INCLUDED} or {SIMULTANEOUS}, not {anchor!r}")
    relations: list[Relation] = []
    by_rank: dict[int, list[str]] = {}
    for entry in timeline.entries:
        first = entry.mentions[0]
        relations += [(first, SIMULTANEOUS, other) for other in entry.mentions[1:]]
        if not _UNKNOWN_DATE.match(entry.date):
            relations.append((first, anchor, _date_node(entry.date)))
        if entry.rank > 0:
            by_rank.setdefault(entry.rank, []).append(first)
    ranks = sorted(by_rank)
    for earlier, later in itertools.pairwise(ranks):
        relations += [(a, BEFORE, b) for a in by_rank[earlier] for b in by_rank[later]]
    return relations


class Closure:
    """Everything a set of relations entails, under ``SIMULTANEOUS``, ``BEFORE`` and
    ``IS_INCLUDED`` (``AFTER`` and ``INCLUDES`` are read as their inverses).

    ``SIMULTANEOUS`` is an equivalence; ``BEFORE`` is transitive and carries over
    simultaneous nodes; ``a IS_INCLUDED t`` carries over nodes simultaneous with ``a`` or
    with ``t``. Dates are opaque, so nothing follows between two dates or from inclusion
    to order.

    >>> c = Closure([("a", "BEFORE", "b"), ("b", "SIMULTANEOUS", "c"), ("c", "AFTER", "d"),
    ...              ("c", "IS_INCLUDED", "@2008")])
    >>> c.entails(("a", "BEFORE", "c")), c.entails(("d", "BEFORE", "b"))
    (True, True)
    >>> c.entails(("a", "BEFORE", "d")), c.entails(("b", "IS_INCLUDED", "@2008"))
    (False, True)
    >>> c.consistent
    True
    """

    def __init__(self, relations: Iterable[Relation]) -> None:
        rels = [_normal(r) for r in relations]
        self.nodes: list[str] = []
        seen: set[str] = set()
        for a, _, b in rels:
            for node in (a, b):
                if node not in seen:
                    seen.add(node)
                    self.nodes.append(node)
        parent = {n: n for n in self.nodes}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, rel, b in rels:
            if rel == SIMULTANEOUS:
                ra, rb = find(a), find(b)
                if ra != rb:
                    # the representative is the node met first
                    if self.nodes.index(ra) < self.nodes.index(rb):
                        parent[rb] = ra
                    else:
                        parent[ra] = rb
        self.cls: dict[str, str] = {n: find(n) for n in self.nodes}
        self.members: dict[str, list[str]] = {}
        for n in self.nodes:
            self.members.setdefault(self.cls[n], []).append(n)
        self.after: dict[str, set[str]] = {c: set() for c in self.members}
        self.within: dict[str, set[str]] = {c: set() for c in self.members}
        for a, rel, b in rels:
            if rel == BEFORE:
                self.after[self.cls[a]].add(self.cls[b])
            elif rel == IS_INCLUDED:
                self.within[self.cls[a]].add(self.cls[b])
        self.reach: dict[str, set[str]] = {}
        for c in self.members:
            found: set[str] = set()
            stack = list(self.after[c])
            while stack:
                d = stack.pop()
                if d not in found:
                    found.add(d)
                    stack.extend(self.after[d])
            self.reach[c] = found
        #: False when some node ends up before itself (a contradiction).
        self.consistent = all(c not in self.reach[c] for c in self.members)

    def entails(self, relation: Relation) -> bool:
        """Whether the relation follows from the graph (both nodes must be in it)."""
        a, rel, b = _normal(relation)
        if a not in self.cls or b not in self.cls:
            return False
        ca, cb = self.cls[a], self.cls[b]
        if rel == SIMULTANEOUS:
            return ca == cb
        if rel == BEFORE:
            return cb in self.reach[ca]
        return cb in self.within[ca]

    def relations(self) -> set[Relation]:
        """Every entailed relation between two distinct nodes, ``SIMULTANEOUS`` pairs with
        the first-met node first.

        >>> sorted(Closure([("a", "BEFORE", "b"), ("b", "BEFORE", "c")]).relations())
        [('a', 'BEFORE', 'b'), ('a', 'BEFORE', 'c'), ('b', 'BEFORE', 'c')]
        """
        out: set[Relation] = set()
        order = {n: k for k, n in enumerate(self.nodes)}
        for c, members in self.members.items():
            for x in members:
                out.update((x, SIMULTANEOUS, y) for y in members if order[x] < order[y])
                for d in self.reach[c]:
                    out.update((x, BEFORE, y) for y in self.members[d] if x != y)
                for d in self.within[c]:
                    out.update((x, IS_INCLUDED, y) for y in self.members[d] if x != y)
        return out

    def reduced(self) -> list[Relation]:
        """A smallest set of relations with the same closure, chosen deterministically.

        Within each group of simultaneous nodes, the node met first (its representative)
        is ``SIMULTANEOUS`` with each other member; ``BEFORE`` keeps only the links between
        groups that no longer chain implies, each between the groups' representatives;
        ``IS_INCLUDED`` keeps one link per group and date, from the representative.

        >>> Closure([("a", "BEFORE", "b"), ("b", "BEFORE", "c"), ("a", "BEFORE", "c"),
        ...          ("a", "SIMULTANEOUS", "d"), ("d", "BEFORE", "c")]).reduced()
        [('a', 'SIMULTANEOUS', 'd'), ('a', 'BEFORE', 'b'), ('b', 'BEFORE', 'c')]
        """
        out: list[Relation] = []
        for c, members in self.members.items():
            out += [(c, SIMULTANEOUS, other) for other in members[1:]]
        for c in self.members:
            reach = self.reach[c]
            for d in self.members:
                if d == c or d not in reach:
                    continue
                implied = any(e not in (c, d) and d in self.reach[e] for e in reach)
                if not implied:
                    out.append((c, BEFORE, d))
            out += [(c, IS_INCLUDED, d) for d in self.members if d in self.within[c]]
        return out


def _normal(relation: Relation) -> Relation:
    a, rel, b = relation
    rel = rel.upper()
    if rel == "AFTER":
        return (b, BEFORE, a)
    if rel == "INCLUDES":
        return (b, IS_INCLUDED, a)
    if rel in (BEFORE, SIMULTANEOUS, IS_INCLUDED):
        return (a, rel, b)
    raise ValueError(f"unsupported relation {relation[1]!r}")


def reduce_relations(relations: Iterable[Relation]) -> list[Relation]:
    """The reduced graph of a set of relations (see :meth:`Closure.reduced`).

    >>> reduce_relations([("a", "BEFORE", "b"), ("b", "BEFORE", "c"), ("a", "BEFORE", "c")])
    [('a', 'BEFORE', 'b'), ('b', 'BEFORE', 'c')]
    """
    return Closure(relations).reduced()


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen
class TimelineScore:
    """Temporal awareness of one system timeline against the gold one.

    ``system_verified`` of the ``system_relations`` (the system's reduced graph) follow from
    the gold closure; ``gold_verified`` of the ``gold_relations`` (the gold reduced graph)
    follow from the system closure. ``gold_lines`` weighs the timeline in a corpus.

    >>> s = TimelineScore("E", 4, system_verified=2, system_relations=3, gold_verified=1,
    ...                   gold_relations=3)
    >>> (round(s.precision, 4), round(s.recall, 4), s.f1)
    (0.6667, 0.3333, 0.4444444444444444)
    """

    entity: str
    gold_lines: int
    system_verified: int = 0
    system_relations: int = 0
    gold_verified: int = 0
    gold_relations: int = 0
    consistent: bool = True

    @property
    def precision(self) -> float:
        """Verified system relations over the system's reduced relations."""
        return self.system_verified / self.system_relations if self.system_relations else 0.0

    @property
    def recall(self) -> float:
        """Verified gold relations over the gold reduced relations."""
        return self.gold_verified / self.gold_relations if self.gold_relations else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)


def temporal_awareness(
    gold: Iterable[Relation], system: Iterable[Relation], *, entity: str = "", gold_lines: int = 0
) -> TimelineScore:
    """TempEval-3 temporal awareness of a system graph against a gold graph.

    Precision = ``|system reduced ∩ gold closure| / |system reduced|``; recall =
    ``|gold reduced ∩ system closure| / |gold reduced|``.

    >>> s = temporal_awareness([("a", "BEFORE", "b"), ("b", "BEFORE", "c")],
    ...                        [("a", "BEFORE", "c"), ("c", "BEFORE", "d")])
    >>> (s.system_verified, s.system_relations, s.gold_verified, s.gold_relations)
    (1, 2, 0, 2)
    """
    gold_closure, system_closure = Closure(gold), Closure(system)
    system_reduced = system_closure.reduced()
    gold_reduced = gold_closure.reduced()
    return TimelineScore(
        entity,
        gold_lines,
        system_verified=sum(gold_closure.entails(r) for r in system_reduced),
        system_relations=len(system_reduced),
        gold_verified=sum(system_closure.entails(r) for r in gold_reduced),
        gold_relations=len(gold_reduced),
        consistent=gold_closure.consistent and system_closure.consistent,
    )


def score_timeline(
    gold: EntityTimeline, system: EntityTimeline | None, *, anchor: str = IS_INCLUDED
) -> TimelineScore:
    """Score one system timeline (``None``: no output for that entity) against the gold.

    >>> gold = read_timeline("E\\n1\\t2008\\td-1-a\\n2\\t2009\\td-2-b\\n")
    >>> score_timeline(gold, gold).f1, score_timeline(gold, None).f1
    (1.0, 0.0)
    """
    gold_graph = timeline_relations(gold, anchor=anchor)
    system_graph = [] if system is None else timeline_relations(system, anchor=anchor)
    return temporal_awareness(gold_graph, system_graph, entity=gold.entity, gold_lines=len(gold))


@attrs.frozen
class TimelinesScore:
    """The scores of many timelines and their averages weighted by gold lines.

    >>> a = TimelineScore("A", 3, 1, 1, 1, 1)
    >>> b = TimelineScore("B", 1, 0, 1, 0, 1)
    >>> t = TimelinesScore((a, b))
    >>> (t.f1, t.precision, t.gold_lines)
    (0.75, 0.75, 4)
    >>> t.row()
    ('75.0', '75.0', '75.0')
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ("P", "R", "F1")

    timelines: tuple[TimelineScore, ...] = attrs.field(default=(), converter=tuple)

    @property
    def gold_lines(self) -> int:
        """All gold lines."""
        return sum(s.gold_lines for s in self.timelines)

    def _weighted(self, values: Sequence[float]) -> float:
        total = self.gold_lines
        if not total:
            return 0.0
        return sum(v * s.gold_lines for v, s in zip(values, self.timelines, strict=True)) / total

    @property
    def precision(self) -> float:
        """Per-timeline precision averaged with gold-line weights."""
        return self._weighted([s.precision for s in self.timelines])

    @property
    def recall(self) -> float:
        """Per-timeline recall averaged with gold-line weights."""
        return self._weighted([s.recall for s in self.timelines])

    @property
    def f1(self) -> float:
        """Per-timeline F1 averaged with gold-line weights: the task's score."""
        return self._weighted([s.f1 for s in self.timelines])

    def row(self) -> tuple[str, ...]:
        """P, R and F1 as percentages with one decimal."""
        return tuple(f"{100 * m:.1f}" for m in (self.precision, self.recall, self.f1))


def score_timelines(
    gold: Mapping[str, EntityTimeline],
    system: Mapping[str, EntityTimeline],
    *,
    anchor: str = IS_INCLUDED,
) -> TimelinesScore:
    """Score system timelines against gold ones with the same keys (file stems or names).

    A gold timeline with no system timeline scores 0; system timelines with no gold
    counterpart are ignored.

    >>> gold = {"e": read_timeline("E\\n1\\t2008\\td-1-a\\n2\\t2009\\td-2-b\\n")}
    >>> score_timelines(gold, {}).f1, score_timelines(gold, gold).f1
    (0.0, 1.0)
    """
    return TimelinesScore(
        tuple(score_timeline(g, system.get(key), anchor=anchor) for key, g in gold.items())
    )


#: A token of a CAT document.
CATToken = Token


@attrs.frozen
class CATDocument:
    """A task document in CAT XML: its id, creation time, plain text, tokens and annotated
    event mentions.

    ``text`` is the tokens joined by spaces, one sentence a line (sentence 0 is the title);
    ``dct`` is the ``CREATION_TIME`` value, or ``None``; ``events`` the character spans of
    its ``EVENT_MENTION`` markables (the gold events of track B), in document order.

    >>> doc = read_cat('''<Document doc_id="11714" doc_name="x.txt">
    ... <token number="0" sentence="0" t_id="1">Ryanair</token>
    ... <token number="1" sentence="0" t_id="2">orders</token>
    ... <token number="2" sentence="1" t_id="3">jets</token>
    ... <Markables><TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE"
    ...   value="2005-06-13"></TIMEX3></Markables></Document>''')
    >>> (doc.doc_id, doc.dct, doc.text)
    ('11714', '2005-06-13', 'Ryanair orders\\njets')
    >>> doc.mention_id(8, 14)
    '11714-0-orders'
    """

    doc_id: str
    name: str
    dct: str | None
    text: str
    tokens: tuple[CATToken, ...]
    events: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=tuple)

    def mention_id(self, start: int, end: int) -> str | None:
        """The task's ``doc-sentence-token`` id of a character span, or ``None``.

        The span takes the tokens it overlaps in the sentence of its first token; their
        texts are joined by ``_``, as the gold files write multi-word triggers.
        """
        inside = [t for t in self.tokens if t.start < end and start < t.end]
        if not inside:
            return None
        inside = [t for t in inside if t.sentence == inside[0].sentence]
        words = "_".join(t.text for t in inside)
        return f"{self.doc_id}-{inside[0].sentence}-{words}"


def read_cat(source: str | os.PathLike[str]) -> CATDocument:
    """Read a task document in CAT XML (a path, or the XML itself)."""
    root = xml_root(source)
    text, tokens = tokens_and_text(root)
    dct = next(
        (
            t.get("value")
            for t in root.iter("TIMEX3")
            if t.get("functionInDocument") == "CREATION_TIME"
        ),
        None,
    )
    by_id = {t.t_id: t for t in tokens}
    events = set()
    for markable in root.iter("EVENT_MENTION"):
        anchored = [
            by_id[int(a.get("t_id", ""))]
            for a in markable.iter("token_anchor")
            if a.get("t_id", "").isdigit() and int(a.get("t_id", "")) in by_id
        ]
        if anchored:
            events.add((min(t.start for t in anchored), max(t.end for t in anchored)))
    return CATDocument(
        root.get("doc_id", ""), root.get("doc_name", ""), dct, text, tokens, sorted(events)
    )
