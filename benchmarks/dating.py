"""Event dating on TBAQ: how many gold-dated events the pipeline puts inside their period.

Run from the project root::

    python benchmarks/dating.py [--part TimeBank|AQUAINT|both] [--limit N] [--examples N]

A gold event is **dated** when a TLINK anchors it to a DATE or TIME TIMEX3 (the creation time
included) by IS_INCLUDED, DURING, SIMULTANEOUS, BEGINS, ENDS, BEGUN_BY or ENDED_BY (or the
inverse relation from the time to the event), and the TIMEX3 names a day, a month or a year
(the creation time, and a time of day, count as their day). Each dated event is paired with
our mention of it (one to one by overlapping extents, as TempEval pairs them) and counted as

- **inside**: our ``[earliest, latest)`` lies inside the period;
- **loose**: bounded on no side or on one only, or wider than the period, but not
  contradicting it;
- **wrong**: bounds that leave the period out (or only partly overlap it);
- **no mention**: we found no mention of the event.

Systems, in the same run: ``extract_events`` (each document on its own), ``build`` (the
whole part merged: each mention takes its event's bounds), and the baseline that puts every
event on the publication day. The share inside is the headline number.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import print_table, shared_data
from timeline.evaluation import Timex, match_timexes, read_timeml
from timeline.evaluation.timeml import TimeMLDocument
from timeline.moments import as_datetime, instant

ANCHORS = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY"}
_INVERSE = {
    "INCLUDES": "IS_INCLUDED",
    "DURING_INV": "DURING",
    "SIMULTANEOUS": "SIMULTANEOUS",
    "BEGUN_BY": "BEGINS",
    "BEGINS": "BEGUN_BY",
    "ENDED_BY": "ENDS",
    "ENDS": "ENDED_BY",
}
_PERIODS = {"DAY", "MONTH", "YEAR"}
KINDS = ("inside", "loose", "wrong", "no mention")

Bounds = tuple[datetime | None, datetime | None]


def periods(doc: TimeMLDocument) -> dict[str, tuple[datetime, datetime]]:
    """The period ``[start, end)`` each dated gold event (by event id) is anchored to."""
    times: dict[str, tuple[datetime, datetime]] = {}
    for t in doc.timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        try:
            interval = timeline.Interval.from_timex(t.value)
        except ValueError:
            interval = None
        if interval is None:
            continue
        if interval.granularity.name not in _PERIODS:
            if t.function_in_document != "CREATION_TIME" and t.type != "TIME":
                continue
            if interval.end - interval.start > timedelta(days=1):
                continue
            day = as_datetime(interval.start.date())
            times[t.tid] = (day, day + timedelta(days=1))
            continue
        times[t.tid] = (interval.start, interval.end)
    if doc.dct is not None and "t0" not in times:
        day = as_datetime(doc.dct if not isinstance(doc.dct, datetime) else doc.dct.date())
        times["t0"] = (day, day + timedelta(days=1))
    event_of = {i.eiid: i.event_id for i in doc.instances}
    found: dict[str, tuple[datetime, datetime]] = {}
    for link in doc.tlinks:
        if link.source in event_of and link.target in times and link.rel_type in ANCHORS:
            found.setdefault(event_of[link.source], times[link.target])
        elif (
            link.source in times
            and link.target in event_of
            and _INVERSE.get(link.rel_type) in ANCHORS
        ):
            found.setdefault(event_of[link.target], times[link.source])
    return found


def kind(bounds: Bounds | None, period: tuple[datetime, datetime]) -> str:
    """Which of :data:`KINDS` the bounds are for the period."""
    if bounds is None:
        return "no mention"
    low, high = (None if b is None else instant(b) for b in bounds)
    start, end = period
    if (low is not None and low >= end) or (high is not None and high <= start):
        return "wrong"
    if low is not None and high is not None and start <= low and high <= end:
        return "inside"
    return "loose"


def paired(doc: TimeMLDocument, mentions: Sequence[timeline.EventMention]) -> dict[str, int]:
    """Our mention (index) of each gold event (by id), paired one to one by overlap."""
    gold = [Timex(e.eid, e.event_class, "", e.start, e.end, e.text) for e in doc.events]
    ours = [Timex("", m.event_class, "", m.start, m.end, m.text) for m in mentions]
    return {doc.events[g].eid: s for g, s in match_timexes(gold, ours)}


def score(
    docs: Sequence[TimeMLDocument],
    bounds_of: Callable[[TimeMLDocument], dict[str, Bounds]],
    examples: list[tuple[str, str, str, str]] | None = None,
) -> Counter:
    """Counts of :data:`KINDS` over the dated gold events of ``docs``."""
    counts: Counter = Counter()
    for doc in docs:
        found = bounds_of(doc)
        text = {e.eid: e.text for e in doc.events}
        for eid, period in periods(doc).items():
            k = kind(found.get(eid), period)
            counts[k] += 1
            if examples is not None and k != "inside":
                examples.append((doc.doc_id, text.get(eid, "?"), k, _show(found.get(eid))))
    return counts


def _show(bounds: Bounds | None) -> str:
    if bounds is None:
        return "-"
    return " .. ".join("..." if b is None else b.isoformat(timespec="minutes") for b in bounds)


def article(doc: TimeMLDocument) -> timeline.Article:
    return timeline.Article(doc.text, published=doc.dct, id=doc.doc_id)


def by_extraction(mentions: dict[str, list[timeline.EventMention]]):
    def bounds_of(doc: TimeMLDocument) -> dict[str, Bounds]:
        found = mentions[doc.doc_id]
        return {eid: (found[s].earliest, found[s].latest) for eid, s in paired(doc, found).items()}

    return bounds_of


def by_build(tl: timeline.Timeline, mentions: dict[str, list[timeline.EventMention]]):
    event_bounds = {
        (m.article_id, m.start): (e.earliest, e.latest) for e in tl.events for m in e.mentions
    }

    def bounds_of(doc: TimeMLDocument) -> dict[str, Bounds]:
        found = mentions[doc.doc_id]
        return {
            eid: event_bounds[(doc.doc_id, found[s].start)] for eid, s in paired(doc, found).items()
        }

    return bounds_of


def publication_day(doc: TimeMLDocument) -> dict[str, Bounds]:
    if doc.dct is None:
        return {}
    day = as_datetime(doc.dct if not isinstance(doc.dct, datetime) else doc.dct.date())
    return {e.eid: (day, day + timedelta(days=1)) for e in doc.events}


def row(name: str, part: str, counts: Counter) -> list[str]:
    total = sum(counts.values())
    return [name, part, str(total)] + [f"{100 * counts[k] / max(1, total):.1f}" for k in KINDS]


def parts(choice: str) -> Iterable[str]:
    return ("TimeBank", "AQUAINT") if choice == "both" else (choice,)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="both", choices=["both", "TimeBank", "AQUAINT"])
    parser.add_argument("--limit", type=int, default=0, help="first N documents of each part")
    parser.add_argument("--examples", type=int, default=0, help="print N misses of build")
    args = parser.parse_args(argv)
    rows: list[list[str] | None] = []
    for part in parts(args.part):
        paths = sorted(shared_data("tempeval3", "TBAQ-cleaned", part).glob("*.tml"))
        docs = [read_timeml(p) for p in paths[: args.limit or None]]
        articles = [article(d) for d in docs]
        mentions = {a.id: timeline.extract_events(a) for a in articles}
        tl = timeline.build(articles)
        misses: list[tuple[str, str, str, str]] = []
        rows.append(row("extract_events", part, score(docs, by_extraction(mentions))))
        rows.append(row("build", part, score(docs, by_build(tl, mentions), misses)))
        rows.append(row("publication day", part, score(docs, publication_day)))
        rows.append(None)
        for example in misses[: args.examples]:
            print("  ".join(example))
    rows.pop()
    print_table(
        ["system", "part", "dated events", *(f"{k} %" for k in KINDS)],
        rows,
        left=2,
        title="TBAQ gold events anchored to a day, month or year: where our bounds put them",
    )


if __name__ == "__main__":
    main()
