"""SemEval-2015 Task 4 track A (timelines from raw text) on the trial and corpus_1 sets.

Run from the project root::

    python benchmarks/semeval2015.py [--out FOLDER]

For each set, the raw documents (CAT XML: tokens and the creation time) become
``timeline.Article(text, published=DCT, id=doc id)``, and for each target entity a system
writes the timeline of the events involving it in the task's format (``--out`` keeps the
files), scored against the gold timelines by ``timeline.evaluation.semeval``: temporal
awareness per timeline (events related to their dates by ``IS_INCLUDED``; the ``task anchors``
column relates them by ``SIMULTANEOUS`` as the task's tool did), averaged with gold-line
weights. Targets are the gold timelines' entities (trial has no list) or
``list_target_entities_corpus_1.txt``.

Systems, measured in the same run:

- **DCT order**: every event mention ``timeline.extract_events`` finds in a sentence naming
  the entity (the whole name, any case) is one line, dated and ranked by its document's
  creation time; documents with one creation time share a rank. A cheap reading of
  "events mentioning the entity, in publication order".
- **timeline**: ``timeline.build(articles).involving(entity)``: each canonical event is one
  line with all its mentions, ranked by its place in the timeline (events with no time bound
  at all get rank 0, not orderable), dated by the day, month or year it is known to.
- **entity arguments**: each mention ``timeline.extract_events`` finds whose syntactic
  arguments name the entity or a pronoun standing for it
  (``timeline.involvement.mentions_involving``; a person if the documents mostly tag it so)
  is one line, dated as the task's annotators anchor events: by its own time expression,
  else its time bounds when they make one day, month or year, else the finest time
  expression of its sentence; with none of these, a past perfect, an event noun, an
  infinitive or a future is not anchored (``XXXX-XX-XX``, rank 0) and anything else is
  anchored to the creation time. Lines of one date share a rank, ranks follow the dates.
  The extraction is shared with DCT order (run first, so its ``s`` holds it) and the spaCy
  parses are kept under ``benchmarks/.cache/semeval2015``.

Mentions are written ``doc-sentence-token`` with the CAT sentence number and token text
(a verb's particle joins its trigger, ``took_off``, as in the gold files).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import CACHE, print_table, shared_data, timed
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
from timeline.involvement import is_person, mentions_involving
from timeline.nlp import load as load_nlp
from timeline.nlp import parse

PARTS = {"trial": "corpus_CAT", "corpus_1": "corpus_trackA_CAT"}


def stem(entity: str) -> str:
    """The gold file stem of an entity name: ``Boeing 787 Dreamliner`` -> ``boeing_787_...``."""
    return re.sub(r"\W+", "_", entity.strip().lower()).strip("_")


def load_part(part: str) -> tuple[list[CATDocument], dict[str, EntityTimeline], dict[str, str]]:
    """Documents, gold timelines by stem, and target entities by stem."""
    base = shared_data("semeval2015-task4", part)
    docs = [read_cat(p) for p in sorted((base / PARTS[part]).glob("*.xml"))]
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


def _sentence_text(doc: CATDocument, sentence: int) -> str:
    return " ".join(t.text for t in doc.tokens if t.sentence == sentence)


@functools.cache
def _mentions(doc: CATDocument) -> tuple[timeline.EventMention, ...]:
    return tuple(timeline.extract_events(article(doc)))


def _parses(docs: Sequence[CATDocument]) -> list[Any]:
    """spaCy parses of the documents, kept under benchmarks/.cache between runs."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    key = hashlib.sha256(
        "\0".join([nlp.meta["name"], nlp.meta["version"], *(d.text for d in docs)]).encode()
    ).hexdigest()[:16]
    path = CACHE / "semeval2015" / f"{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = [parse(nlp, d.text) for d in docs]
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parsed).to_disk(path)
    return parsed


def run_dct_order(
    docs: Sequence[CATDocument], targets: dict[str, str]
) -> dict[str, EntityTimeline]:
    """Mentions in sentences naming the entity, ranked by the creation time."""
    found = []
    for doc in docs:
        for m in _mentions(doc):
            mention = doc.mention_id(m.start, m.end)
            if mention is not None:
                sentence = int(mention.split("-")[1])
                found.append((doc, sentence, mention))
    dcts = sorted({doc.dct or "" for doc in docs if doc.dct})
    rank_of = {d: k + 1 for k, d in enumerate(dcts)}
    out = {}
    for key, name in targets.items():
        pattern = re.compile(r"\b" + re.escape(name.lower()) + r"\b")
        entries = [
            TimelineEntry(rank_of.get(doc.dct or "", 0), (doc.dct or "XXXX-XX-XX")[:10], (m,))
            for doc, sentence, m in found
            if pattern.search(_sentence_text(doc, sentence).lower())
        ]
        entries.sort(key=lambda e: (e.rank, e.mentions))
        out[key] = EntityTimeline(name, tuple(entries))
    return out


#: How finely a granularity places a time: day, week, month, part of a year, year.
_FINENESS = {
    **dict.fromkeys(("SECOND", "MINUTE", "HOUR", "PART_OF_DAY", "DAY"), 0),
    **dict.fromkeys(("WEEKEND", "WEEK"), 1),
    "MONTH": 2,
    **dict.fromkeys(("SEASON", "QUARTER", "HALF_YEAR"), 3),
    "YEAR": 4,
}
_UNDATED = "XXXX-XX-XX"


def _task_date(interval: timeline.Interval | None) -> str | None:
    """An interval as the task writes dates: ``2008-06-09``, ``2008-06-XX``, ``2008-XX-XX``."""
    fineness = None if interval is None else _FINENESS.get(interval.granularity.name)
    if interval is None or fineness is None:
        return None
    if fineness == 0:
        return interval.start.date().isoformat()
    if fineness <= 2:
        return interval.start.strftime("%Y-%m-XX")
    return f"{interval.start.year:04d}-XX-XX"


def _bounds_date(m: timeline.EventMention) -> str | None:
    """The day, month or year the mention's bounds make, if they make one."""
    low, high = m.earliest, m.latest
    if low is None or high is None:
        return None
    days = (high - low).days
    if days <= 1:
        return low.date().isoformat()
    if days <= 31 and low.day == 1:
        return low.strftime("%Y-%m-XX")
    if days <= 366 and (low.month, low.day) == (1, 1):
        return f"{low.year:04d}-XX-XX"
    return None


def _sentence_times(doc: CATDocument, parsed: Any) -> dict[int, list[tuple[int, int, str]]]:
    """The dates of each sentence: ``(fineness, start, date)``."""
    published = article(doc).published
    out: dict[int, list[tuple[int, int, str]]] = {}
    for t in timeline.find_times(doc.text, published=published, doc=parsed):
        written = _task_date(t.interval) if t.type == "DATE" else None
        mention = doc.mention_id(t.start, t.end)
        if written is not None and mention is not None and t.interval is not None:
            fineness = _FINENESS[t.interval.granularity.name]
            out.setdefault(int(mention.split("-")[1]), []).append((fineness, t.start, written))
    return out


def _mention_date(
    m: timeline.EventMention, sentence_times: list[tuple[int, int, str]], dct: str
) -> str:
    """The date the task's annotators would give the mention (see the module's docstring)."""
    if m.time is not None and m.time.type == "DATE" and (own := _task_date(m.time.interval)):
        return own
    if bounded := _bounds_date(m):
        return bounded
    if sentence_times:
        return min(sentence_times, key=lambda t: (t[0], abs(t[1] - m.start)))[2]
    if m.time is None and (
        (m.tense, m.aspect) == ("PAST", "PERFECTIVE") or m.tense in ("NONE", "INFINITIVE", "FUTURE")
    ):
        return _UNDATED
    return dct


def _ranked(lines: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[TimelineEntry, ...]:
    """Entries from ``(date, mentions)``: one rank per date in date order, 0 when undated."""
    dated = sorted({d for d, _ in lines if d != _UNDATED}, key=lambda d: d.replace("X", "0"))
    rank = {d: k + 1 for k, d in enumerate(dated)}
    entries = [TimelineEntry(rank.get(d, 0), d, mentions) for d, mentions in lines]
    return tuple(sorted(entries, key=lambda e: (e.rank, e.mentions)))


def _trigger_end(parsed: Any, m: timeline.EventMention) -> int:
    """The end of the trigger with its verb particle, if one follows it ("took off"): the
    task's mentions include it."""
    span = parsed.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m.end
    after = span.end
    if after < len(parsed) and parsed[after].dep_ == "prt" and parsed[after].head.i == span.end - 1:
        return parsed[after].idx + len(parsed[after])
    return m.end


def run_entity_arguments(
    docs: Sequence[CATDocument], targets: dict[str, str]
) -> dict[str, EntityTimeline]:
    """Mentions with the entity as an argument, dated as the annotators anchor events."""
    parsed = _parses(docs)
    names = list(targets.values())
    found = []  # per document: its parse and its (mention, mention id, date) rows
    for doc, p in zip(docs, parsed, strict=True):
        times = _sentence_times(doc, p)
        dct = (doc.dct or _UNDATED)[:10]
        rows = []
        for m in _mentions(doc):
            if (mention := doc.mention_id(m.start, _trigger_end(p, m))) is not None:
                sentence = int(mention.split("-")[1])
                rows.append((m, mention, _mention_date(m, times.get(sentence, []), dct)))
        found.append((p, rows))
    out = {}
    for key, name in targets.items():
        person = is_person(name, parsed)
        lines = []
        for p, rows in found:
            mentions = [m for m, _, _ in rows]
            involved = mentions_involving(p, mentions, name, others=names, person=person)
            spans = {(m.start, m.end) for m in involved}
            lines += [(d, (mention,)) for m, mention, d in rows if (m.start, m.end) in spans]
        out[key] = EntityTimeline(name, _ranked(lines))
    return out


def _date(event) -> str:
    when = event.when
    if when is None:
        return "XXXX-XX-XX"
    name = when.granularity.name
    if name == "YEAR":
        return f"{when.start.year:04d}"
    if name == "MONTH":
        return f"{when.start.year:04d}-{when.start.month:02d}"
    if name in ("DAY", "PART_OF_DAY", "HOUR", "MINUTE", "SECOND"):
        return when.start.date().isoformat()
    return "XXXX-XX-XX"


def run_timeline(
    docs: Sequence[CATDocument], targets: dict[str, str]
) -> dict[str, EntityTimeline] | str:
    """timeline.build over the documents, then involving(entity) for each target."""
    if not hasattr(timeline, "build"):
        return "timeline.build is not available yet"
    by_id = {doc.doc_id: doc for doc in docs}
    built = timeline.build([article(doc) for doc in docs])
    out = {}
    for key, name in targets.items():
        entries = []
        rank = 0
        for event in built.involving(name):
            mentions = tuple(
                dict.fromkeys(
                    m_id
                    for m in event.mentions
                    if (m_id := by_id[m.article_id].mention_id(m.start, m.end)) is not None
                )
            )
            if not mentions:
                continue
            bounded = event.earliest is not None or event.latest is not None
            if bounded:
                rank += 1
            entries.append(TimelineEntry(rank if bounded else 0, _date(event), mentions))
        out[key] = EntityTimeline(name, tuple(entries))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Score the DCT-order baseline and timeline on trial and corpus_1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the system timelines under this folder")
    args = parser.parse_args(argv)

    systems: dict[str, Callable[..., dict[str, EntityTimeline] | str]] = {
        "DCT order": run_dct_order,
        "timeline": run_timeline,
        "entity arguments": run_entity_arguments,
    }
    rows: list[list[str] | None] = []
    for part in PARTS:
        docs, gold, targets = load_part(part)
        missing = sorted(set(gold) - set(targets))
        print(
            f"{part}: {len(docs)} documents, {len(gold)} gold timelines, "
            f"{sum(len(t) for t in gold.values())} gold lines"
            + (f"; gold timelines with no target: {missing}" if missing else "")
        )
        for name, run in systems.items():
            result, seconds = timed(functools.partial(run, docs, targets))
            if isinstance(result, str):
                print(f"{name} on {part}: not scored: {result}")
                continue
            if args.out:
                folder = args.out / name.replace(" ", "_") / part
                folder.mkdir(parents=True, exist_ok=True)
                for key, tl in result.items():
                    write_timeline(tl, folder / f"{key}.txt")
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
        title="SemEval-2015 Task 4 track A, temporal awareness weighted by gold lines, percent",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
