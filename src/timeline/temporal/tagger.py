"""find_times: every time expression in a text, resolved against its publication date.

Works from the text alone; where a parsed spaCy ``Doc`` of the same text is at hand, pass it
as ``doc=`` and the tense of each clause comes from its tags instead of word cues.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from timeline.layout import headline
from timeline.model import Granularity, TimeExpression
from timeline.nlp import text_of
from timeline.temporal.grammar import scan
from timeline.temporal.resolve import Context, Mention, as_moment, resolve_spec
from timeline.temporal.spec import Spec
from timeline.temporal.starts import Openings
from timeline.temporal.tense import Clauses, doc_tense


def find_times(
    text: str,
    published: date | datetime | None = None,
    *,
    doc: Any = None,
    ranges: bool = False,
) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, resolved against ``published``.

    Relative expressions anchor on ``published`` ("two days ago") or on the last time the
    narrative resolved ("the following day"); bare weekdays and months take the tense of
    their clause. With ``published=None`` relative values keep their unknown parts as ``X``
    and their ``interval`` is ``None``. ``doc``, a spaCy ``Doc`` of ``text``, lends its tags
    to decide tense; the text is never parsed here. Two dates joined by "to", "until" or
    "between ... and" stay two expressions, as TimeML annotates them; with ``ranges=True``
    they make one ``DURATION`` whose interval runs from the first day to the last, included.

    >>> from datetime import date
    >>> text = ("On the evening of January 2, the US carried out an airstrike. "
    ...         "Two days later, parliament voted.")
    >>> [(t.text, t.value) for t in find_times(text, published=date(2020, 1, 7))]
    [('the evening of January 2', '2020-01-02TEV'), ('Two days later', '2020-01-04')]
    >>> find_times("The vote is on Sunday.")[0].value
    'XXXX-WXX-7'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    moment = as_moment(published)
    if doc is not None and text_of(doc) != text:
        raise ValueError("doc must be a spaCy Doc of the same text")
    latest: dict[Granularity, Mention] = {}
    history: tuple[Mention, ...] = ()
    openings = Openings.of(text)
    clauses = Clauses(text, openings)
    found = []
    top = headline(text) if doc is not None else None
    for match in scan(text, ranges, openings):
        words = match.start if match.words is None else match.words
        # a weekday in the simple present is a schedule ("arrives on Saturday"), unless in a
        # headline, which tells the past in the present ("Iran fires missiles Wednesday");
        # a month there is a state's ("as of February, the store accounts for 70%")
        schedule = match.spec.weekday is not None and (
            top is None or not top[0] <= match.start < top[1]
        )
        tense = (
            None
            if _needs_no_tense(match.spec)
            else doc_tense(doc, clauses, words, match.end, schedule=schedule)
            if doc is not None
            else clauses.tense(words, match.end)
        )
        deadline = match.spec.day is None and tense != "future"  # a month's day keeps its tense
        if deadline and clauses.deadline(words, match.end, tense):
            tense = "future"  # "gave them until Tuesday"
        verb_past = tense == "past" and (
            clauses.verb_past(words, match.end) or clauses.happening(words, match.end)
        )
        try:
            resolution = resolve_spec(match.spec, Context(moment, history, tense, verb_past))
        except ValueError:
            continue
        found.append(
            TimeExpression(
                text=text[match.start : match.end],
                start=match.start,
                end=match.end,
                type=resolution.type,
                value=resolution.value,
                interval=resolution.interval,
                mod=resolution.mod,
                anchor=resolution.anchor,
                quant=resolution.quant,
            )
        )
        if (
            resolution.interval is not None
            and resolution.narrative
            and match.spec.kind in ("point", "offset")
        ):
            interval = resolution.interval
            ends_day = match.spec.midnight and interval.start.time() == time()
            latest[interval.granularity] = Mention(interval, match.start, ends_day)
            history = tuple(sorted(latest.values(), key=lambda m: m.start))
    return found


def _needs_no_tense(spec: Spec) -> bool:
    """A date that names its year, decade or century and no time of day resolves the same
    in any tense ("January 2, 2020"): its clause's tense is not worth finding."""
    return (
        spec.kind == "point"
        and (spec.year, spec.decade, spec.century) != (None, None, None)
        and spec.hour is None
        and spec.part is None
    )
