"""TempEval-3 Task A scoring of time expressions: extents, types and values.

The definitions follow TempEval-3 (UzZaman et al., 2013):

- gold and system time expressions are paired **one to one** by overlap (see
  :func:`match_timexes` for how);
- a pair is a **relaxed** match (any overlap) and, when both extents are identical, a
  **strict** match; precision divides by the system's expressions, recall by the gold ones;
- **type** and **value accuracy** are the shares of relaxed pairs whose TIMEX3 ``type`` /
  ``value`` strings are identical; **value F1** = relaxed F1 * value accuracy, **type F1** =
  relaxed F1 * type accuracy.

The document creation time is never scored: pass only the expressions inside the text.
Counts add up over documents (micro-averaging), so a corpus score is the sum of its
documents' scores:

>>> from timeline.evaluation.timeml import Timex
>>> gold = [Timex("t1", "DATE", "1998-08-07", 3, 9, "Friday"),
...         Timex("t2", "DURATION", "P2D", 20, 28, "two days")]
>>> system = [Timex("s1", "DATE", "1998-08-07", 3, 9, "Friday"),
...           Timex("s2", "DURATION", "P3D", 16, 28, "for two days")]
>>> score = score_document(gold, system, doc_id="d1")
>>> (score.strict, score.relaxed, score.value_correct)
(1, 2, 1)
>>> score.relaxed_f1, score.value_accuracy, score.value_f1
(1.0, 0.5, 0.5)
>>> [e.kind for e in score.errors]
['extent+value']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import ClassVar, Protocol

import attrs

__all__ = [
    "TempEvalScore",
    "TimexError",
    "TimexLike",
    "match_timexes",
    "score_corpus",
    "score_document",
]


class TimexLike(Protocol):
    """Anything with an extent and TIMEX3 attributes: a gold ``Timex`` or a ``TimeExpression``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@attrs.frozen
class TimexError:
    """One imperfect pairing: a missed gold, a spurious system expression, or a flawed pair.

    ``kind`` is ``"missed"``, ``"spurious"``, or the ``+``-joined flaws of a pair among
    ``extent``, ``type`` and ``value``. Fields of the absent side are ``None``.

    >>> e = TimexError("d1", "1998-08-07", "missed", "Friday", "DATE", "1998-08-07", 3)
    >>> (e.kind, e.system_text)
    ('missed', None)
    """

    doc_id: str
    dct: str | None
    kind: str
    gold_text: str | None = None
    gold_type: str | None = None
    gold_value: str | None = None
    gold_start: int | None = None
    system_text: str | None = None
    system_type: str | None = None
    system_value: str | None = None
    system_start: int | None = None


def _pct(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen
class TempEvalScore:
    """Counts of a TempEval-3 Task A timex evaluation, and the measures they give.

    Measures are fractions in ``[0, 1]`` (0.0 when undefined). Scores add up over
    documents; ``errors`` keeps every imperfect pairing for error analysis.

    >>> a = TempEvalScore(docs=1, gold=4, system=5, strict=3, relaxed=4, type_correct=4,
    ...                   value_correct=3)
    >>> b = TempEvalScore(docs=1, gold=6, system=5, strict=5, relaxed=5, type_correct=5,
    ...                   value_correct=4)
    >>> total = a + b
    >>> (total.gold, total.relaxed, round(total.relaxed_f1, 4), round(total.value_f1, 4))
    (10, 9, 0.9, 0.7)
    >>> total.row()
    ('80.0', '80.0', '80.0', '90.0', '90.0', '90.0', '100.0', '77.8', '70.0')
    """

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "strict P",
        "strict R",
        "strict F1",
        "relaxed P",
        "relaxed R",
        "relaxed F1",
        "type acc",
        "value acc",
        "value F1",
    )

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0
    errors: tuple[TimexError, ...] = attrs.field(default=(), eq=False, repr=False)

    def __add__(self, other: TempEvalScore) -> TempEvalScore:
        if not isinstance(other, TempEvalScore):
            return NotImplemented
        return TempEvalScore(
            docs=self.docs + other.docs,
            gold=self.gold + other.gold,
            system=self.system + other.system,
            strict=self.strict + other.strict,
            relaxed=self.relaxed + other.relaxed,
            type_correct=self.type_correct + other.type_correct,
            value_correct=self.value_correct + other.value_correct,
            errors=self.errors + other.errors,
        )

    def __radd__(self, other: object) -> TempEvalScore:
        if other == 0:  # so that sum(scores) works
            return self
        return NotImplemented

    @property
    def strict_precision(self) -> float:
        """Strict matches over system expressions."""
        return _pct(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        """Strict matches over gold expressions."""
        return _pct(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        """Harmonic mean of strict precision and recall."""
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        """Relaxed (overlap) matches over system expressions."""
        return _pct(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        """Relaxed (overlap) matches over gold expressions."""
        return _pct(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        """Harmonic mean of relaxed precision and recall."""
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed pairs whose ``type`` agrees."""
        return _pct(self.type_correct, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed pairs whose ``value`` agrees."""
        return _pct(self.value_correct, self.relaxed)

    @property
    def type_f1(self) -> float:
        """Relaxed F1 times type accuracy."""
        return self.relaxed_f1 * self.type_accuracy

    @property
    def value_f1(self) -> float:
        """Relaxed F1 times value accuracy: the headline TempEval-3 normalization score."""
        return self.relaxed_f1 * self.value_accuracy

    def measures(self) -> tuple[float, ...]:
        """The measures in the order of :attr:`COLUMNS`, as fractions.

        >>> TempEvalScore(docs=1, gold=1, system=1, strict=1, relaxed=1, type_correct=1,
        ...               value_correct=0).measures()
        (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0)
        """
        return (
            self.strict_precision,
            self.strict_recall,
            self.strict_f1,
            self.relaxed_precision,
            self.relaxed_recall,
            self.relaxed_f1,
            self.type_accuracy,
            self.value_accuracy,
            self.value_f1,
        )

    def row(self) -> tuple[str, ...]:
        """The measures in the order of :attr:`COLUMNS`, as percentages with one decimal.

        >>> TempEvalScore().row()[:3]
        ('0.0', '0.0', '0.0')
        """
        return tuple(f"{100 * m:.1f}" for m in self.measures())

    def format(self) -> str:
        """A one-line summary with the counts and the measures.

        >>> print(TempEvalScore(docs=2, gold=2, system=1, strict=1, relaxed=1,
        ...                     type_correct=1, value_correct=1).format())
        docs 2, gold 2, system 1 | strict P 100.0 R 50.0 F1 66.7 | relaxed P 100.0 R 50.0 F1 66.7 | type acc 100.0 | value acc 100.0 | value F1 66.7
        """  # noqa: E501
        m = self.row()
        return (
            f"docs {self.docs}, gold {self.gold}, system {self.system} | "
            f"strict P {m[0]} R {m[1]} F1 {m[2]} | relaxed P {m[3]} R {m[4]} F1 {m[5]} | "
            f"type acc {m[6]} | value acc {m[7]} | value F1 {m[8]}"
        )


def _overlap(a: TimexLike, b: TimexLike) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_timexes(gold: Sequence[TimexLike], system: Sequence[TimexLike]) -> list[tuple[int, int]]:
    """Pair gold and system expressions one to one; return ``(gold index, system index)``.

    Greedy, in two passes, so that no expression is paired twice:

    1. each gold expression, in order, takes an unpaired system expression with the very
       same extent (these are the strict matches);
    2. each gold expression still unpaired, in order, takes the unpaired system expression
       that overlaps it most (the earliest one on ties).

    Unlike the official TempEval-3 script, which counts a system expression spanning two
    gold ones as a hit for both in recall, each expression here counts at most once.
    Pairs come back sorted by gold index.

    >>> from timeline.evaluation.timeml import Timex
    >>> gold = [Timex("t1", "DATE", "X", 0, 5, "March"), Timex("t2", "DATE", "Y", 6, 10, "1998")]
    >>> system = [Timex("s1", "DATE", "X", 0, 10, "March 1998"),
    ...           Timex("s2", "DATE", "Y", 6, 10, "1998")]
    >>> match_timexes(gold, system)
    [(0, 0), (1, 1)]
    >>> match_timexes(gold, system[:1])
    [(0, 0)]
    """
    gold_taken: dict[int, int] = {}
    system_taken: set[int] = set()
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if j not in system_taken and (s.start, s.end) == (g.start, g.end):
                gold_taken[i] = j
                system_taken.add(j)
                break
    for i, g in enumerate(gold):
        if i in gold_taken:
            continue
        best, best_overlap = None, 0
        for j, s in enumerate(system):
            if j in system_taken:
                continue
            overlap = _overlap(g, s)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            gold_taken[i] = best
            system_taken.add(best)
    return sorted(gold_taken.items())


def score_document(
    gold: Sequence[TimexLike],
    system: Sequence[TimexLike],
    *,
    doc_id: str = "",
    dct: str | date | None = None,
) -> TempEvalScore:
    """Score one document's system expressions against its gold ones.

    ``doc_id`` and ``dct`` only label the collected errors.

    >>> from timeline.evaluation.timeml import Timex
    >>> gold = [Timex("t1", "DATE", "1998-08-07", 3, 9, "Friday")]
    >>> score = score_document(gold, [], doc_id="d1", dct="1998-08-08")
    >>> (score.gold, score.system, score.relaxed, score.relaxed_recall)
    (1, 0, 0, 0.0)
    >>> score.errors[0]
    TimexError(doc_id='d1', dct='1998-08-08', kind='missed', gold_text='Friday', gold_type='DATE', gold_value='1998-08-07', gold_start=3, system_text=None, system_type=None, system_value=None, system_start=None)
    """  # noqa: E501
    dct_text = dct.isoformat() if isinstance(dct, date) else dct
    pairs = match_timexes(gold, system)
    paired_system = {j for _, j in pairs}
    by_gold = dict(pairs)
    errors: list[TimexError] = []
    strict = type_correct = value_correct = 0
    for i, g in enumerate(gold):
        j = by_gold.get(i)
        if j is None:
            errors.append(TimexError(doc_id, dct_text, "missed", g.text, g.type, g.value, g.start))
            continue
        s = system[j]
        flaws = []
        if (s.start, s.end) == (g.start, g.end):
            strict += 1
        else:
            flaws.append("extent")
        if s.type == g.type:
            type_correct += 1
        else:
            flaws.append("type")
        if s.value.strip() == g.value.strip():
            value_correct += 1
        else:
            flaws.append("value")
        if flaws:
            errors.append(
                TimexError(
                    doc_id,
                    dct_text,
                    "+".join(flaws),
                    g.text,
                    g.type,
                    g.value,
                    g.start,
                    s.text,
                    s.type,
                    s.value,
                    s.start,
                )
            )
    for j, s in enumerate(system):
        if j not in paired_system:
            errors.append(
                TimexError(
                    doc_id,
                    dct_text,
                    "spurious",
                    system_text=s.text,
                    system_type=s.type,
                    system_value=s.value,
                    system_start=s.start,
                )
            )
    errors.sort(key=lambda e: e.gold_start if e.gold_start is not None else e.system_start or 0)
    return TempEvalScore(
        docs=1,
        gold=len(gold),
        system=len(system),
        strict=strict,
        relaxed=len(pairs),
        type_correct=type_correct,
        value_correct=value_correct,
        errors=tuple(errors),
    )


def score_corpus(scores: Iterable[TempEvalScore]) -> TempEvalScore:
    """Micro-average: add the counts of many documents' scores.

    >>> one = TempEvalScore(docs=1, gold=1, system=1, strict=1, relaxed=1, type_correct=1,
    ...                     value_correct=1)
    >>> score_corpus([one, one, TempEvalScore(docs=1, gold=2)]).relaxed_recall
    0.5
    """
    return sum(scores, TempEvalScore())
