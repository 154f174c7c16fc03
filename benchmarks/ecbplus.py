"""Cross-document event coreference on ECB+, with gold event mentions and end to end.

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
  topic (the dated articles' as dated reports, as ``timeline.build`` does); a span it
  returns no mention for stays a singleton.

The whole pipeline is scored in a second table: ``timeline.extract_events(Article(text))``
finds the mentions itself, ``timeline.merge`` clusters each topic, and the response is scored
against the gold clusters with predicted mentions, as ECB+ papers do with the CoNLL reference
scorer (Cybulska and Vossen, 2015; Barhom et al., 2019): a predicted mention **matches** the
gold mention of its document whose head token its span overlaps (each gold mention matched
once, the first predicted mention in text order taking it) and is scored as that mention;
predicted mentions that match none are kept as **twinless** mentions of the response
(spurious: they lower precision, as in the reference scorer, Pradhan et al., 2014); gold
mentions that no predicted one matches are missing from the response (they lower recall).
Only predicted mentions in the evaluated sentences are scored (the others are not
annotated). Mention detection precision, recall and F1 count the matches. The same-lemma
baseline is scored on the same predicted mentions (their lemmas, per topic).

The head of a multi-token mention is the token whose syntactic head lies outside the mention
(spaCy's parse of the document); the first token when spaCy is not available. Each document
is parsed once, for its heads and for timeline. ECB+ gives no publication dates, so articles
have none; with ``--printed-dates`` each table gains a row for timeline on the same articles
read with ``timeline.read_articles(..., printed_dates=True)``, which dates an article by the
date line its page prints near the top ("May 2, 2013 1:35 pm"; the "plus" documents have
one, the ECB ones none).
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs

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

#: A mention's head: its word lowercased, its lemma, and the head token's character span.
Head = tuple[str, str, tuple[int, int]]


class Parses:
    """A spaCy pipeline that parses each text once: the heads and timeline share the parse."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.meta = nlp.meta
        self.max_length = nlp.max_length
        self.done: dict[str, Any] = {}

    def __call__(self, text: str) -> Any:
        if text not in self.done:
            self.done[text] = self.nlp(text)
        return self.done[text]

    def pipe(self, texts: Iterable[str]) -> Iterator[Any]:
        return (self(text) for text in texts)


def heads(docs: Sequence[ECBDocument], nlp: Any) -> dict[str, Head]:
    """``mention key -> head`` of every gold mention; the first token without ``nlp``."""
    found = {}
    for doc in docs:
        parsed = nlp(doc.text) if nlp is not None else None
        for m in doc.mentions:
            first = doc.token(m.tokens[0])
            found[m.key] = (first.text.lower(), first.text.lower(), (first.start, first.end))
            if parsed is None:
                continue
            tokens = [
                t
                for t in parsed.char_span(m.start, m.end, alignment_mode="expand") or []
                if any(doc.token(i).start == t.idx for i in m.tokens)
            ]
            if tokens:
                inside = {t.i for t in tokens}
                head = next(
                    (t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0]
                )
                span = (head.idx, head.idx + len(head.text))
                found[m.key] = (head.text.lower(), head.lemma_.lower(), span)
    return found


def same_key(docs: Sequence[ECBDocument], key: Callable[[ECBMention], str]) -> dict[str, str]:
    """Cluster the mentions of each topic by ``key``."""
    return {m.key: f"{doc.topic}:{key(m)}" for doc in docs for m in doc.mentions}


def by_topic(docs: Sequence[ECBDocument]) -> dict[str, list[ECBDocument]]:
    """The documents of each topic, in order."""
    found: dict[str, list[ECBDocument]] = {}
    for doc in docs:
        found.setdefault(doc.topic, []).append(doc)
    return found


def articles(docs: Sequence[ECBDocument], printed_dates: bool) -> list[timeline.Article]:
    """One article per document, undated, or dated by its printed date line."""
    undated = [timeline.Article(doc.text, id=doc.name) for doc in docs]
    return timeline.read_articles(undated, printed_dates=True) if printed_dates else undated


def dated(read: Sequence[timeline.Article]) -> dict[str, date | datetime]:
    """The publication dates of the articles that have one, by id, which ``timeline.merge``
    merges as dated reports (as ``timeline.build`` does)."""
    return {article.id: article.published for article in read if article.published is not None}


def run_timeline(
    docs: Sequence[ECBDocument], nlp: Any, printed_dates: bool = False
) -> dict[str, str]:
    """timeline.extract_events on the gold spans, then timeline.merge per topic."""
    response: dict[str, str] = {}
    for topic, group in by_topic(docs).items():
        mentions = []
        key_of: dict[tuple[str, int, int], str] = {}
        read = articles(group, printed_dates)
        for doc, article in zip(group, read, strict=True):
            spans = [(m.start, m.end) for m in doc.mentions]
            for m in doc.mentions:
                key_of[(doc.name, m.start, m.end)] = m.key
            if spans:
                mentions += timeline.extract_events(article, nlp, triggers=spans)
        for event in timeline.merge(mentions, dated=dated(read)):
            for mention in event.mentions:
                key = key_of.get((mention.article_id, mention.start, mention.end))
                if key is not None:
                    response[key] = f"{topic}:{event.id}"
    for doc in docs:  # spans that got no mention stay singletons
        for m in doc.mentions:
            response.setdefault(m.key, f"unmatched:{m.key}")
    return response


@attrs.frozen
class Pipeline:
    """The whole pipeline's response, the same-lemma clustering of its mentions, and its
    mention detection counts."""

    response: dict[str, str]
    same_lemma: dict[str, str]
    predicted: int
    gold: int
    matched: int

    def detection(self) -> list[str]:
        """Mention detection precision, recall and F1, as percentages."""
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return [f"{100 * v:.1f}" for v in (precision, recall, f1)]


def run_pipeline(
    docs: Sequence[ECBDocument],
    nlp: Any,
    head_of: dict[str, Head],
    sentences: dict[str, frozenset[int]] | None,
    printed_dates: bool = False,
) -> Pipeline:
    """timeline.extract_events on the raw text, timeline.merge per topic, and the predicted
    mentions matched to the gold ones by head token (see the module docstring)."""
    response: dict[str, str] = {}
    same_lemma: dict[str, str] = {}
    predicted = matched = 0
    for topic, group in by_topic(docs).items():
        mentions = []
        match: dict[tuple[str, int, int], str] = {}
        read = articles(group, printed_dates)
        for doc, article in zip(group, read, strict=True):
            found = timeline.extract_events(article, nlp)
            mentions += found
            kept = None if sentences is None else sentences.get(doc.name, frozenset())
            sentence_at = {t.start: t.sentence for t in doc.tokens}
            untaken = {m.key: head_of[m.key][2] for m in doc.mentions}
            for mention in found:
                first = next((t for t in doc.tokens if t.end > mention.start), None)
                if first is None or (kept is not None and sentence_at[first.start] not in kept):
                    continue
                predicted += 1
                place = (doc.name, mention.start, mention.end)
                match[place] = f"twinless:{doc.name}/{mention.start}-{mention.end}"
                for key, (start, end) in untaken.items():
                    if start < mention.end and mention.start < end:
                        match[place] = key
                        matched += 1
                        del untaken[key]
                        break
        for event in timeline.merge(mentions, dated=dated(read)):
            for mention in event.mentions:
                scored = match.get((mention.article_id, mention.start, mention.end))
                if scored is not None:
                    response[scored] = f"{topic}:{event.id}"
                    same_lemma[scored] = f"{topic}:{mention.lemma}"
    gold = sum(len(doc.mentions) for doc in docs)
    return Pipeline(response, same_lemma, predicted, gold, matched)


def main(argv: Sequence[str] | None = None) -> int:
    """Score the baselines and timeline on the ECB+ topics and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topics", help="comma-separated topic numbers (default: dev topics)")
    parser.add_argument("--all-sentences", action="store_true", help="keep every mention")
    parser.add_argument(
        "--printed-dates",
        action="store_true",
        help="also score timeline on the articles dated by their printed date lines",
    )
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
    try:
        from timeline.nlp import load

        nlp: Any = Parses(load())
        how = f"spaCy {nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip()
    except Exception as error:  # spaCy or its model missing
        nlp, how = None, f"first token, no spaCy ({type(error).__name__})"
    head_of = heads(docs, nlp)
    print(f"heads: {how}, each document parsed once ({time.perf_counter() - started:.1f} s)")

    rows: list[list[str] | None] = []
    runs: dict[str, Callable[[], dict[str, str]]] = {
        "same head word": lambda: same_key(docs, lambda m: head_of[m.key][0]),
        "same lemma": lambda: same_key(docs, lambda m: head_of[m.key][1]),
    }
    if nlp is not None:
        runs["timeline"] = lambda: run_timeline(docs, nlp)
        if args.printed_dates:
            runs["timeline, printed dates"] = lambda: run_timeline(docs, nlp, True)
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
    if nlp is None:
        print("whole pipeline: not scored without spaCy")
        return 0
    table: list[list[str] | None] = []
    modes = {"timeline": False, "timeline, printed dates": True}
    for name in list(modes)[: 1 + args.printed_dates]:
        run = functools.partial(run_pipeline, docs, nlp, head_of, sentences, modes[name])
        pipeline, seconds = timed(run)
        if isinstance(pipeline, str):
            print(f"whole pipeline: not scored: {pipeline}")
            return 0
        detection = pipeline.detection()
        if not table:
            lemma = score_coref(key, pipeline.same_lemma)
            table.append(["same lemma", *detection, *lemma.row(), ""])
        score = score_coref(key, pipeline.response)
        table.append([name, *detection, *score.row(), f"{seconds:.1f}"])
    print_table(
        ["system", "MD P", "MD R", "MD F1", *CorefScore.COLUMNS, "s"],
        table,
        title=(
            "ECB+ event coreference, whole pipeline (predicted mentions, matched by head "
            "token; twinless mentions kept), within gold topics, percent"
        ),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
