"""Time expressions on text the time engine was never tuned on: ECB+'s TIME_* markables.

Run from the project root::

    python benchmarks/ecbplus_times.py [--topics 1,2,...] [--misses N]

ECB+ (``../shared/data/ecbplus``) marks the time expressions of the sentences its event
annotation covers (``ECBplus_coreference_sentences.csv``) as ``TIME_DATE``,
``TIME_OF_THE_DAY``, ``TIME_DURATION`` and ``TIME_REPETITION``, with extents but no values,
and its documents carry no publication dates. So this measures finding, not resolving:
``timeline.find_times(text)`` on each document's text (the reader writes its tokens back as
news text) against the markables, by type, strict (same extent) and relaxed (overlapping)
recall, and precision over the annotated sentences (a found expression that overlaps no
markable of its sentence is a false one). ECB+ annotators mark some words TimeML does not
("season", "life"), so recall tops out below 100, and often take the preposition into the
extent ("on Friday", "in 2007"), which TimeML leaves out: strict recall counts those misses.

Peer in the same run: dateparser's ``search_dates(text, languages=["en"])``, located as in
``benchmarks/tempeval3.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable

import timeline
from _common import dateparser_spans, print_table, shared_data
from timeline.evaluation.ecbplus import read_coreference_sentences
from timeline.evaluation.xmldocs import tokens_and_text, xml_root

TYPES = ("TIME_DATE", "TIME_OF_THE_DAY", "TIME_DURATION", "TIME_REPETITION")

Span = tuple[int, int]


def documents(topics: Iterable[str] | None):
    """Each document's name, text, markables ``(start, end, type, sentence)`` and the
    sentences the annotation covers, with the sentence of each character offset."""
    root = shared_data("ecbplus")
    covered = read_coreference_sentences(root / "ECBplus_coreference_sentences.csv")
    for path in sorted(root.glob("topics/*/*.xml")):
        if topics is not None and path.parent.name not in topics:
            continue
        xml = xml_root(path)
        text, tokens = tokens_and_text(xml)
        by_id = {t.t_id: t for t in tokens}
        marked = []
        for element in xml.find("Markables") or ():
            ids = sorted(int(a.get("t_id", "0")) for a in element.iter("token_anchor"))
            if element.tag in TYPES and ids and all(i in by_id for i in ids):
                first, last = by_id[ids[0]], by_id[ids[-1]]
                marked.append((first.start, last.end, element.tag, first.sentence))
        starts = [(t.start, t.sentence) for t in tokens]
        yield path.stem, text, marked, covered.get(path.stem, frozenset()), starts


def sentence_at(starts: list[tuple[int, int]], offset: int) -> int:
    """The sentence of the last token starting at or before ``offset``."""
    low, high = 0, len(starts)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if starts[middle][0] <= offset else (low, middle)
    return starts[low][1] if starts else 0


def score(docs, find: Callable[[str], list[Span]], misses: list[str]) -> tuple[Counter, float]:
    """Counts of gold, strict and relaxed hits by type, and found / false in covered
    sentences; the processor seconds ``find`` took."""
    counts: Counter = Counter()
    spent = 0.0
    for name, text, marked, covered, starts in docs:
        started = time.process_time()
        found = find(text)
        spent += time.process_time() - started
        for start, end, kind, _ in marked:
            counts[kind] += 1
            counts[kind, "strict"] += (start, end) in found
            hit = any(s < end and start < e for s, e in found)
            counts[kind, "relaxed"] += hit
            if not hit:
                misses.append(f"{name}\t{kind}\t{text[start:end]}")
        for s, e in found:
            if sentence_at(starts, s) not in covered:
                continue
            counts["found"] += 1
            if not any(start < e and s < end for start, end, _, _ in marked):
                counts["false"] += 1
                misses.append(f"{name}\tFALSE\t{text[s:e]}")
    return counts, spent


def ours(text: str) -> list[Span]:
    return [(t.start, t.end) for t in timeline.find_times(text)]


def dateparser(text: str) -> list[Span]:
    return [(start, end) for start, end, _ in dateparser_spans(text, None)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", help="comma-separated topic numbers (default: all 35)")
    parser.add_argument("--misses", type=int, default=0, help="print N misses of timeline")
    args = parser.parse_args(argv)
    topics = set(args.topics.split(",")) if args.topics else None
    docs = list(documents(topics))
    gold = Counter(kind for *_, marked, _, _ in docs for _, _, kind, _ in marked)
    print(
        f"ECB+ time expressions: {len(docs)} documents, "
        + ", ".join(f"{gold[kind]} {kind}" for kind in TYPES)
    )
    dateparser("warm-up on Friday")
    rows: list[list[object] | None] = []
    shown: list[str] = []
    for system, find in (("timeline", ours), ("dateparser", dateparser)):
        misses: list[str] = []
        counts, spent = score(docs, find, misses)
        if system == "timeline":
            shown = misses
        for kind in TYPES:
            n = counts[kind] or 1
            rows.append(
                [
                    system,
                    kind,
                    counts[kind],
                    f"{100 * counts[kind, 'strict'] / n:.1f}",
                    f"{100 * counts[kind, 'relaxed'] / n:.1f}",
                    "",
                    "",
                ]
            )
        found = counts["found"] or 1
        rows.append(
            [
                system,
                "all",
                sum(counts[kind] for kind in TYPES),
                f"{100 * sum(counts[k, 'strict'] for k in TYPES) / sum(gold.values()):.1f}",
                f"{100 * sum(counts[k, 'relaxed'] for k in TYPES) / sum(gold.values()):.1f}",
                f"{100 * (found - counts['false']) / found:.1f}",
                f"{len(docs) / spent:.0f}" if spent else "",
            ]
        )
        rows.append(None)
    print_table(
        ["system", "type", "markables", "strict R %", "relaxed R %", "precision %", "docs/s"],
        rows[:-1],
        title="Time expressions found in ECB+ (recall by type; precision in annotated sentences)",
        left=2,
    )
    for line in shown[: args.misses]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
