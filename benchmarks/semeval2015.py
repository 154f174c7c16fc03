"""SemEval-2015 Task 4 (timelines of an entity's events) on the trial and corpus_1 sets.

Run from the project root::

    python benchmarks/semeval2015.py [--out FOLDER]

For each set, the documents (CAT XML: tokens and the creation time) become
``timeline.Article(text, published=DCT, id=doc id)``, and for each target entity a system
writes the timeline of the events involving it in the task's format (``--out`` keeps the
files), scored against the gold timelines by ``timeline.evaluation.semeval``: temporal
awareness per timeline (events related to their dates by ``IS_INCLUDED``; the ``F1 task
anchors`` column relates them by ``SIMULTANEOUS`` as the task's tool did), averaged with
gold-line weights. Targets are the gold timelines' entities (trial has no list) or
``list_target_entities_corpus_1.txt``; each is asked about with the others as ``others``.

Systems, measured in the same run:

- **DCT order** (baseline): every event mention ``timeline.extract_events`` finds in a
  sentence naming the entity (the whole name, any case) is one line, dated and ranked by its
  document's creation time.
- **chronology** (track A, raw text):
  ``timeline.build(articles).chronology(entity, others=...)``: each event is one line with
  its mentions that involve the entity, dated by ``Entry.when`` (``2008-06-09``,
  ``2008-06-XX``, ``2008-XX-XX``), undated ones ``XXXX-XX-XX``; one rank per date, in date
  order, rank 0 for undated events.
- **chronology, gold events** (comparable to track B): the same, the articles analysed with
  the annotated event mentions as triggers (``timeline.pipeline.analyse(article,
  triggers=...)``, merged by ``timeline.pipeline.timeline_of``).

Mentions are written ``doc-sentence-token`` with the CAT sentence number and token text
(a verb's particle right after it joins its trigger, ``rolled_out``, as in the gold files; a
light verb's mention, ``EventMention.light``, is left out, as the task annotates the event
noun of "gave a keynote" only).
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import print_table, shared_data, timed
from timeline.chronology import Chronology
from timeline.evaluation.semeval import (
    SIMULTANEOUS,
    CATDocument,
    EntityTimeline,
    TimelineEntry,
    read_cat,
    read_timelines,
    score_timelines,
    write_timeline,
)
from timeline.pipeline import analyse, timeline_of

#: Each set's raw documents, and the documents with their annotated event mentions.
PARTS = {
    "trial": ("corpus_CAT", "corpus_CAT"),
    "corpus_1": ("corpus_trackA_CAT", "corpus_trackB_CAT"),
}
_UNDATED = "XXXX-XX-XX"


def stem(entity: str) -> str:
    """The gold file stem of an entity name: ``Boeing 787 Dreamliner`` -> ``boeing_787_...``."""
    return re.sub(r"\W+", "_", entity.strip().lower()).strip("_")


def load_part(
    part: str, folder: int = 0
) -> tuple[list[CATDocument], dict[str, EntityTimeline], dict[str, str]]:
    """Documents (raw, or with their events for ``folder=1``), gold timelines by stem, and
    target entities by stem."""
    base = shared_data("semeval2015-task4", part)
    docs = [read_cat(p) for p in sorted((base / PARTS[part][folder]).glob("*.xml"))]
    gold = read_timelines(base / "TimeLines_Gold_Standard")
    listing = base / f"list_target_entities_{part}.txt"
    if listing.exists():
        names = [n.strip() for n in listing.read_text(encoding="utf-8").splitlines() if n.strip()]
        targets = {stem(n): n for n in names}
    else:
        targets = {key: tl.entity for key, tl in gold.items()}
    return docs, gold, targets


def article(doc: CATDocument) -> timeline.Article:
    """The document as an Article dated by its creation time."""
    published = date.fromisoformat(doc.dct[:10]) if doc.dct and doc.dct[:4].isdigit() else None
    return timeline.Article(doc.text, published=published, id=doc.doc_id)


def run_dct_order(
    docs: Sequence[CATDocument], targets: dict[str, str]
) -> dict[str, EntityTimeline]:
    """Mentions in sentences naming the entity, ranked by the creation time."""
    found = []
    for doc in docs:
        sentences = doc.text.split("\n")
        for m in timeline.extract_events(article(doc)):
            if not m.light and (mention := doc.mention_id(m.start, m.end)) is not None:
                found.append((doc, sentences[int(mention.split("-")[1])].lower(), mention))
    dcts = sorted({doc.dct for doc in docs if doc.dct})
    rank_of = {d: k + 1 for k, d in enumerate(dcts)}
    out = {}
    for key, name in targets.items():
        pattern = re.compile(r"\b" + re.escape(name.lower()) + r"\b")
        entries = [
            TimelineEntry(rank_of.get(doc.dct or "", 0), (doc.dct or _UNDATED)[:10], (m,))
            for doc, sentence, m in found
            if pattern.search(sentence)
        ]
        entries.sort(key=lambda e: (e.rank, e.mentions))
        out[key] = EntityTimeline(name, tuple(entries))
    return out


def task_date(when: timeline.Interval | None) -> str:
    """A chronology's date as the task writes it: ``2008-06-09``, ``2008-06-XX``,
    ``2008-XX-XX``, ``XXXX-XX-XX`` when undated."""
    if when is None:
        return _UNDATED
    if when.granularity is timeline.Granularity.DAY:
        return when.start.date().isoformat()
    if when.granularity is timeline.Granularity.MONTH:
        return when.start.strftime("%Y-%m-XX")
    return f"{when.start.year:04d}-XX-XX"


def _end(mention: timeline.EventMention) -> int:
    """The end of the mention with its verb's particle when the particle follows it
    ("rolled out"), as the gold files write triggers (``rolled_out``)."""
    particle = mention.particle
    return particle[1] if particle is not None and particle[0] - mention.end <= 1 else mention.end


def entity_timeline(chronology: Chronology, docs: dict[str, CATDocument]) -> EntityTimeline:
    """The chronology in the task's format: one line per event, one rank per date. A light
    verb's mention (``EventMention.light``, "gave" of "gave a keynote") is left out: the task
    annotates the event noun only."""
    lines = []
    for entry in (*chronology.dated, *chronology.undated):
        mentions = tuple(
            dict.fromkeys(
                mention
                for m in entry.mentions or entry.event.mentions
                if not m.light
                and (mention := docs[m.article_id].mention_id(m.start, _end(m))) is not None
            )
        )
        if mentions:
            lines.append((task_date(entry.when), mentions))
    ranks = {d: k + 1 for k, d in enumerate(dict.fromkeys(d for d, _ in lines if d != _UNDATED))}
    entries = [TimelineEntry(ranks.get(d, 0), d, mentions) for d, mentions in lines]
    return EntityTimeline(chronology.entity, sorted(entries, key=lambda e: e.rank))


def chronologies(
    built: timeline.Timeline, docs: Sequence[CATDocument], targets: dict[str, str]
) -> dict[str, EntityTimeline]:
    """Each target's chronology on ``built``, the other targets as ``others``."""
    by_id = {doc.doc_id: doc for doc in docs}
    names = list(targets.values())
    return {
        key: entity_timeline(built.chronology(name, others=[n for n in names if n != name]), by_id)
        for key, name in targets.items()
    }


def run_chronology(
    docs: Sequence[CATDocument], targets: dict[str, str]
) -> dict[str, EntityTimeline]:
    """``timeline.build`` over the documents, then each target's chronology."""
    return chronologies(timeline.build(article(doc) for doc in docs), docs, targets)


def run_gold_events(
    docs: Sequence[CATDocument], targets: dict[str, str]
) -> dict[str, EntityTimeline]:
    """The documents analysed with their annotated event mentions, then each chronology."""
    analysed: Iterable = (analyse(article(doc), triggers=doc.events) for doc in docs)
    return chronologies(timeline_of(analysed), docs, targets)


def main(argv: Sequence[str] | None = None) -> int:
    """Score the DCT-order baseline and the chronologies on trial and corpus_1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the system timelines under this folder")
    args = parser.parse_args(argv)

    systems: dict[str, tuple[int, Callable[..., dict[str, EntityTimeline]]]] = {
        "DCT order": (0, run_dct_order),
        "chronology": (0, run_chronology),
        "chronology, gold events": (1, run_gold_events),
    }
    rows: list[list[str] | None] = []
    for part in PARTS:
        for name, (folder, run) in systems.items():
            docs, gold, targets = load_part(part, folder)
            if name == "DCT order":
                print(
                    f"{part}: {len(docs)} documents, {len(gold)} gold timelines, "
                    f"{sum(len(t) for t in gold.values())} gold lines"
                )
            result, seconds = timed(functools.partial(run, docs, targets))
            if isinstance(result, str):
                print(f"{name} on {part}: not scored: {result}")
                continue
            if args.out:
                folder_out = args.out / name.replace(" ", "_").replace(",", "") / part
                folder_out.mkdir(parents=True, exist_ok=True)
                for key, tl in result.items():
                    write_timeline(tl, folder_out / f"{key}.txt")
            score = score_timelines(gold, result)
            task = score_timelines(gold, result, anchor=SIMULTANEOUS)
            lines = sum(len(t) for t in result.values())
            rows.append([name, part, *score.row(), f"{100 * task.f1:.1f}", str(lines),
                         f"{seconds:.1f}"])  # fmt: skip
        rows.append(None)
    if rows and rows[-1] is None:
        rows.pop()
    print_table(
        ["system", "part", "P", "R", "F1", "F1 task anchors", "lines", "s"],
        rows,
        left=2,
        title="SemEval-2015 Task 4, temporal awareness weighted by gold lines, percent "
        "(best in the task: track A 7.85, track B 25.36)",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
