"""TempEval-3 Task B style event extraction on TBAQ-cleaned, and the cost of extract_events.

Run from the project root::

    python benchmarks/events.py [--part AQUAINT|TimeBank] [--limit N] [--rounds N] [--misses N]

For each document of the part (AQUAINT, the development test, by default) ``extract_events``
runs on ``Article(text, published=DCT)`` and its triggers are scored against the gold
``EVENT`` tags with the TempEval-3 pairing of ``timeline.evaluation.tempeval`` (one to one,
exact extents first, then the largest overlap): **strict** P/R/F1 count identical extents,
**relaxed** any overlap, **class accuracy** is the share of relaxed pairs whose TimeML class
agrees.

**Bounds vs. gold TLINKs**: for each gold TLINK between an event and a time expression of the
same sentence (the DCT left out) whose event we found and whose time names one interval, does
our ``[earliest, latest)`` contradict the relation? (BEFORE: the event cannot start before the
time ends; AFTER: it cannot end before the time starts; the overlap relations: the two must
overlap.) Open bounds never contradict, so the share of those links where the event has any
bound at all is printed beside it.

**Throughput** in words (whitespace-separated) per second of processor time (the process's
own, so that other jobs on the machine slow neither side): the bare spaCy parse of each text,
then ``timeline.pipeline.analyse`` on that parsed ``Doc`` (what ``extract_events`` does after
parsing, and what ``build`` does with the docs ``parse_many`` gives it), then
``extract_events`` on the text (which parses again and does its own work), interleaved
document by document after one warm-up call, each the fastest of three rounds
(``--rounds``). Our own share is measured directly, as ``analyse`` on the parsed doc against
the parse, and as the difference of the other two runs (two large numbers, so noisier).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import print_table, shared_data
from timeline.evaluation import (
    TempEvalScore,
    Timex,
    match_timexes,
    read_timeml,
    score_document,
)
from timeline.evaluation.timeml import TimeMLDocument
from timeline.model import EventMention
from timeline.moments import instant
from timeline.nlp import load
from timeline.pipeline import analyse

_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s|\n\s*\n")
_OVERLAP = {
    "SIMULTANEOUS",
    "IDENTITY",
    "DURING",
    "DURING_INV",
    "INCLUDES",
    "IS_INCLUDED",
    "BEGINS",
    "BEGUN_BY",
    "ENDS",
    "ENDED_BY",
}
_INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE"}


def as_timex(mention: EventMention) -> Timex:
    """A mention in the shape the TempEval scorer pairs: its class stands in the type."""
    return Timex("", mention.event_class, "", mention.start, mention.end, mention.text)


def gold_events(doc: TimeMLDocument) -> list[Timex]:
    return [Timex(e.eid, e.event_class, "", e.start, e.end, e.text) for e in doc.events]


def contradicts(mention: EventMention, relation: str, interval: timeline.Interval) -> bool:
    """Whether the mention's bounds rule out ``event relation time`` (bounds in a zone are
    compared as the moments they are)."""
    low, high = (None if b is None else instant(b) for b in (mention.earliest, mention.latest))
    if relation in ("BEFORE", "IBEFORE"):
        return low is not None and low >= interval.end
    if relation in ("AFTER", "IAFTER"):
        return high is not None and high <= interval.start
    if relation in _OVERLAP:
        return (low is not None and low >= interval.end) or (
            high is not None and high <= interval.start
        )
    return False


def link_checks(doc: TimeMLDocument, mentions: list[EventMention], pairs) -> Counter:
    """Counts of gold event-time links in one sentence: checked, contradicted, bounded."""
    counts: Counter = Counter()
    by_gold = {doc.events[g].eid: mentions[s] for g, s in pairs}
    event_of = {i.eiid: i.event_id for i in doc.instances}
    events = {e.eid: e for e in doc.events}
    timexes = {t.tid: t for t in doc.timexes if t.function_in_document != "CREATION_TIME"}
    for link in doc.tlinks:
        relation = link.rel_type
        if link.source in timexes and link.target in event_of:
            tid, eiid, relation = link.source, link.target, _INVERSE.get(relation, relation)
        elif link.source in event_of and link.target in timexes:
            eiid, tid = link.source, link.target
        else:
            continue
        event, timex = events.get(event_of[eiid]), timexes[tid]
        if event is None:
            continue
        low, high = sorted((event.start, timex.start))
        if _SENTENCE_BREAK.search(doc.text, low, high):
            continue
        counts["links"] += 1
        mention = by_gold.get(event.eid)
        try:
            interval = timeline.Interval.from_timex(timex.value)
        except ValueError:  # gold values such as T24:00 that name no valid time
            interval = None
        if mention is None or interval is None:
            continue
        counts["checked"] += 1
        counts["bounded"] += mention.earliest is not None or mention.latest is not None
        counts["contradicted"] += contradicts(mention, relation, interval)
    return counts


#: Articles parsed, then analysed, then extracted from, at a time in the throughput runs.
_BATCH = 8


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="AQUAINT", choices=["AQUAINT", "TimeBank"])
    parser.add_argument("--limit", type=int, default=0, help="first N documents only")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (fastest kept)")
    parser.add_argument("--misses", type=int, default=12, help="most frequent misses to list")
    args = parser.parse_args(argv)

    folder = shared_data("tempeval3", "TBAQ-cleaned", args.part)
    paths = sorted(folder.glob("*.tml"))
    if args.limit:
        paths = paths[: args.limit]
    docs = [read_timeml(p) for p in paths]
    nlp = load()
    articles = [timeline.Article(d.text, published=d.dct, id=d.doc_id) for d in docs]
    timeline.extract_events(articles[0], nlp=nlp)  # warm-up

    # Interleaved document by document, so that a change in the machine's load hits both;
    # the fastest of --rounds rounds of each.
    parse_rounds, ours_rounds, events_rounds = [], [], []
    for _ in range(args.rounds):
        parse_seconds = ours_seconds = events_seconds = 0.0
        found = []
        for first in range(0, len(articles), _BATCH):
            batch = articles[first : first + _BATCH]
            started = time.process_time()
            parsed = [nlp(article.text) for article in batch]
            parse_seconds += time.process_time() - started
            started = time.process_time()
            for article, doc in zip(batch, parsed, strict=True):
                analyse(article, doc=doc)
            ours_seconds += time.process_time() - started
            del parsed
            started = time.process_time()
            found.extend(timeline.extract_events(article, nlp=nlp) for article in batch)
            events_seconds += time.process_time() - started
        parse_rounds.append(parse_seconds)
        ours_rounds.append(ours_seconds)
        events_rounds.append(events_seconds)
    parse_seconds, ours_seconds = min(parse_rounds), min(ours_rounds)
    events_seconds = min(events_rounds)

    total = TempEvalScore()
    by_class: Counter = Counter()
    gold_by_class: Counter = Counter()
    missed: Counter = Counter()
    spurious: Counter = Counter()
    links: Counter = Counter()
    for doc, mentions in zip(docs, found, strict=True):
        gold, system = gold_events(doc), [as_timex(m) for m in mentions]
        total += score_document(gold, system, doc_id=doc.doc_id)
        pairs = match_timexes(gold, system)
        paired_gold = {g for g, _ in pairs}
        paired_system = {s for _, s in pairs}
        for g, event in enumerate(gold):
            gold_by_class[event.type] += 1
            if g in paired_gold:
                by_class[event.type] += 1
            else:
                missed[event.text.lower()] += 1
        for s, mention in enumerate(mentions):
            if s not in paired_system:
                spurious[mention.lemma] += 1
        links += link_checks(doc, mentions, pairs)

    words = sum(len(a.text.split()) for a in articles)
    print(f"TempEval-3 Task B events, TBAQ-cleaned {args.part}: {len(docs)} docs, {words:,} words")
    print_table(
        ["measure", "P", "R", "F1"],
        [
            [
                "strict",
                f"{total.strict_precision:.1%}",
                f"{total.strict_recall:.1%}",
                f"{total.strict_f1:.1%}",
            ],
            [
                "relaxed",
                f"{total.relaxed_precision:.1%}",
                f"{total.relaxed_recall:.1%}",
                f"{total.relaxed_f1:.1%}",
            ],
        ],
        title=f"Extents ({total.gold:,} gold events, {total.system:,} found)",
    )
    print(f"class accuracy (relaxed pairs): {total.type_accuracy:.1%}")
    print_table(
        ["gold class", "gold", "found", "recall"],
        [
            [c, n, by_class[c], f"{by_class[c] / n:.1%}"]
            for c, n in sorted(gold_by_class.items(), key=lambda kv: -kv[1])
        ],
        title="Recall by gold class",
    )
    checked = links["checked"]
    print_table(
        ["gold event-time TLINKs, same sentence", "count", "share"],
        [
            ["all", links["links"], ""],
            ["event found, time has an interval", checked, ""],
            [
                "not contradicted by our bounds",
                checked - links["contradicted"],
                f"{(checked - links['contradicted']) / max(checked, 1):.1%}",
            ],
            ["event has a bound", links["bounded"], f"{links['bounded'] / max(checked, 1):.1%}"],
        ],
        title="Bounds against gold TLINKs",
    )
    print_table(
        ["run", "processor s", "words/s", "share of parse"],
        [
            ["spaCy parse alone", f"{parse_seconds:.2f}", f"{words / parse_seconds:,.0f}", ""],
            [
                "extract_events (parse included)",
                f"{events_seconds:.2f}",
                f"{words / events_seconds:,.0f}",
                "",
            ],
            [
                "analyse on the parsed doc (our work)",
                f"{ours_seconds:.2f}",
                "",
                f"{ours_seconds / parse_seconds:.1%}",
            ],
            [
                "extract_events minus the parse",
                f"{events_seconds - parse_seconds:.2f}",
                "",
                f"{(events_seconds - parse_seconds) / parse_seconds:.1%}",
            ],
        ],
        title=f"Throughput ({nlp.meta['name']} {nlp.meta['version']})",
    )
    print_table(
        ["missed gold trigger", "count"],
        missed.most_common(args.misses),
        title="Most frequent misses",
    )
    print_table(
        ["spurious lemma", "count"],
        spurious.most_common(args.misses),
        title="Most frequent false triggers",
    )


if __name__ == "__main__":
    main()
