"""Cross-document event coreference on ECB+ with gold event mentions given.

Run from the project root::

    python benchmarks/ecbplus.py [--topics 2,5,...] [--all-sentences]

Reads the development topics (2, 5, 12, 18, 21, 23, 34, 35) of ``../shared/data/ecbplus``
with ``timeline.evaluation.ecbplus``, keeping the mentions of the sentences listed in
``ECBplus_coreference_sentences.csv`` (the standard evaluation; ``--all-sentences`` keeps
every mention). Every system clusters the gold mentions **within each topic** (the gold
topics are given, as in "gold topic" setups; published baselines often cluster predicted
document groups instead) and is scored with MUC, B³, CEAF-e and CoNLL F1 over all topics at
once, singletons included (``timeline.evaluation.coref``).

Systems, measured in the same run:

- **same head word**: mentions whose head token, lowercased, is the same word are one event;
- **same lemma**: the same with spaCy's lemma of the head token (the usual lemma baseline);
- **timeline**: ``timeline.extract_events(Article(text), triggers=[(start, end), ...])``
  builds one mention per gold span, and ``timeline.merge`` clusters all mentions of a
  topic; a span it returns no mention for stays a singleton.

The head of a multi-token mention is the token whose syntactic head lies outside the mention
(spaCy's parse of the document); the first token when spaCy is not available. ECB+ gives no
publication dates, so articles have none.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import print_table, shared_data, timed
from timeline.evaluation.coref import CorefScore, score_coref
from timeline.evaluation.ecbplus import (
    DEV_TOPICS,
    ECBDocument,
    ECBMention,
    gold_clusters,
    read_coreference_sentences,
    read_ecbplus,
)

System = Callable[[Sequence[ECBDocument]], dict[str, str]]


def heads(docs: Sequence[ECBDocument]) -> tuple[dict[str, tuple[str, str]], str]:
    """``mention key -> (head word lowercased, head lemma)``, and how heads were found."""
    try:
        from timeline.nlp import load

        nlp = load()
    except Exception as error:  # spaCy or its model missing
        found = {}
        for doc in docs:
            for m in doc.mentions:
                word = doc.token(m.tokens[0]).text.lower()
                found[m.key] = (word, word)
        return found, f"first token, no spaCy ({type(error).__name__})"
    found = {}
    for doc in docs:
        parsed = nlp(doc.text)
        for m in doc.mentions:
            tokens = [
                t
                for t in parsed.char_span(m.start, m.end, alignment_mode="expand") or []
                if any(doc.token(i).start == t.idx for i in m.tokens)
            ]
            if not tokens:
                word = doc.token(m.tokens[0]).text.lower()
                found[m.key] = (word, word)
                continue
            inside = {t.i for t in tokens}
            head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
            found[m.key] = (head.text.lower(), head.lemma_.lower())
    return found, f"spaCy {nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip()


def same_key(docs: Sequence[ECBDocument], key: Callable[[ECBMention], str]) -> dict[str, str]:
    """Cluster the mentions of each topic by ``key``."""
    return {m.key: f"{doc.topic}:{key(m)}" for doc in docs for m in doc.mentions}


def run_timeline(docs: Sequence[ECBDocument]) -> dict[str, str] | str:
    """timeline.extract_events on the gold spans, then timeline.merge per topic."""
    if not (hasattr(timeline, "merge") and hasattr(timeline, "extract_events")):
        return "timeline.merge is not available yet"
    response: dict[str, str] = {}
    by_topic: dict[str, list[ECBDocument]] = {}
    for doc in docs:
        by_topic.setdefault(doc.topic, []).append(doc)
    for topic, group in by_topic.items():
        mentions = []
        key_of: dict[tuple[str, int, int], str] = {}
        for doc in group:
            article = timeline.Article(doc.text, id=doc.name)
            spans = [(m.start, m.end) for m in doc.mentions]
            for m in doc.mentions:
                key_of[(doc.name, m.start, m.end)] = m.key
            if spans:
                mentions += timeline.extract_events(article, triggers=spans)
        for event in timeline.merge(mentions):
            for mention in event.mentions:
                key = key_of.get((mention.article_id, mention.start, mention.end))
                if key is not None:
                    response[key] = f"{topic}:{event.id}"
    for doc in docs:  # spans that got no mention stay singletons
        for m in doc.mentions:
            response.setdefault(m.key, f"unmatched:{m.key}")
    return response


def main(argv: Sequence[str] | None = None) -> int:
    """Score the baselines and timeline on the ECB+ topics and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topics", help="comma-separated topic numbers (default: dev topics)")
    parser.add_argument("--all-sentences", action="store_true", help="keep every mention")
    args = parser.parse_args(argv)

    root = shared_data("ecbplus")
    topics = [int(t) for t in args.topics.split(",")] if args.topics else list(DEV_TOPICS)
    sentences = (
        None
        if args.all_sentences
        else read_coreference_sentences(root / "ECBplus_coreference_sentences.csv")
    )
    docs = read_ecbplus(root, topics, sentences=sentences)
    key = gold_clusters(docs)
    sizes = [list(key.values()).count(c) for c in set(key.values())]
    print(
        f"ECB+ topics {', '.join(map(str, topics))}: {len(docs)} documents, {len(key)} gold "
        f"event mentions, {len(sizes)} gold clusters ({sizes.count(1)} singletons)"
        + ("" if sentences is None else "; sentences of ECBplus_coreference_sentences.csv")
    )

    started = time.perf_counter()
    head_of, how = heads(docs)
    print(f"heads: {how} ({time.perf_counter() - started:.1f} s)")

    rows: list[list[str] | None] = []
    runs: dict[str, Callable[[], dict[str, str] | str]] = {
        "same head word": lambda: same_key(docs, lambda m: head_of[m.key][0]),
        "same lemma": lambda: same_key(docs, lambda m: head_of[m.key][1]),
        "timeline": lambda: run_timeline(docs),
    }
    for name, run in runs.items():
        response, seconds = timed(run)
        if isinstance(response, str):
            print(f"{name}: not scored: {response}")
            continue
        score: CorefScore = score_coref(key, response)
        clusters = len(set(response.values()))
        rows.append([name, *score.row(), str(clusters), f"{seconds:.1f}"])
    print_table(
        ["system", *CorefScore.COLUMNS, "clusters", "s"],
        rows,
        title="ECB+ event coreference, gold mentions, within gold topics, percent",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
