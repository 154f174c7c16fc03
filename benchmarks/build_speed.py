"""How fast ``timeline.build`` is, stage by stage, and how it grows with the number of articles.

The articles are synthetic variations of the three example articles bundled with the
package: article ``n`` is example ``n % 3`` published ``n // 3 % 60`` days later (so its
relative times name other days while its absolute dates stay), under its own id, with a
closing line that makes its text unique. Each size runs the steps of :func:`timeline.build`,
timed apart: parsing (:func:`timeline.nlp.parse_many`, spaCy's ``nlp.pipe`` in batches),
extraction on top of the parse (:func:`timeline.pipeline.analyse` of each parsed article:
times, mentions, order cues and their bounds) and merging (:func:`timeline.merge`:
blocking, scoring, clustering, ordering). The reference peer is bare spaCy: ``nlp.pipe``
over the same texts, nothing kept; "x spaCy" is our whole build over it. "growth" is the
time against the size before it.

Parsing ten thousand articles takes minutes, so by default that size measures merging only:
the mentions of the largest run, copied under new ids with their dates shifted again.

    python benchmarks/build_speed.py                       # 100 and 1,000; merge at 10,000
    python benchmarks/build_speed.py --sizes 100,1000,10000 --merge-only 0
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import attrs

import timeline
from _common import format_table
from timeline.examples import load_examples
from timeline.nlp import load, parse_many
from timeline.pipeline import ArticleEvents, analyse, timeline_of


def variations(count: int) -> list[timeline.Article]:
    """``count`` synthetic articles from the bundled examples."""
    examples = load_examples()
    found = []
    for n in range(count):
        example = examples[n % len(examples)]
        shift = timedelta(days=n // len(examples) % 60)
        found.append(
            attrs.evolve(
                example,
                id=f"{example.id}-{n:05}",
                published=example.published + shift,
                text=f"{example.text}\n\nReported by correspondent {n}.",
            )
        )
    return found


def shifted(result: ArticleEvents, suffix: str, days: int) -> ArticleEvents:
    """The same analysis under another article id, every bound ``days`` later."""

    def move(m: timeline.EventMention) -> timeline.EventMention:
        step = timedelta(days=days)
        return attrs.evolve(
            m,
            article_id=m.article_id + suffix,
            earliest=m.earliest and m.earliest + step,
            latest=m.latest and m.latest + step,
        )

    return attrs.evolve(result, mentions=tuple(move(m) for m in result.mentions))


@attrs.define
class _Clock:
    """Seconds spent drawing docs from a stream, apart from what is done with them."""

    seconds: float = 0.0

    def docs(self, stream: Iterator[Any]) -> Iterator[Any]:
        while True:
            start = time.perf_counter()
            doc = next(stream, None)
            self.seconds += time.perf_counter() - start
            if doc is None:
                return
            yield doc


def extract_timed(
    articles: list[timeline.Article], nlp: Any
) -> tuple[list[ArticleEvents], float, float]:
    """The analyses of ``articles`` as :func:`timeline.build` makes them, with the seconds of
    parsing and of extraction on top of it."""
    clock = _Clock()
    start = time.perf_counter()
    docs = clock.docs(parse_many(nlp, (a.text for a in articles)))
    results = [analyse(a, doc=doc) for a, doc in zip(articles, docs, strict=True)]
    return results, clock.seconds, time.perf_counter() - start - clock.seconds


def merge_timed(results: list[ArticleEvents]) -> tuple[float, int, int]:
    mentions = sum(len(r.mentions) for r in results)
    start = time.perf_counter()
    events = timeline_of(results)
    return time.perf_counter() - start, mentions, len(events)


def bare_spacy(articles: list[timeline.Article], nlp: Any) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(a.text for a in articles):
        pass
    return time.perf_counter() - start


def growth(seconds: float, size: int, before: tuple[int, float] | None) -> str:
    return f"x{seconds / before[1]:.1f} for x{size / before[0]:g}" if before else "-"


def sizes(value: str) -> list[int]:
    return [int(part.replace("_", "")) for part in value.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=sizes, default=[100, 1000], help="e.g. 100,1000,10000")
    parser.add_argument("--merge-only", type=int, default=10_000, help="0 to skip")
    parser.add_argument("--no-peer", action="store_true", help="skip the bare spaCy runs")
    args = parser.parse_args()
    nlp = load()
    analyse(variations(1)[0], nlp)  # the first analysis compiles the time grammar
    rows: list[list[str] | None] = []
    results: list[ArticleEvents] = []
    before: tuple[int, float] | None = None
    merged_before: tuple[int, float] | None = None
    for size in args.sizes:
        articles = variations(size)
        results, parsing, extraction = extract_timed(articles, nlp)
        merging, mentions, events = merge_timed(results)
        total = parsing + extraction + merging
        peer = None if args.no_peer else bare_spacy(articles, nlp)
        rows.append(
            [
                f"{size:,}",
                f"{mentions:,}",
                f"{events:,}",
                f"{parsing:.1f}",
                f"{extraction:.1f}",
                f"{merging:.2f}",
                f"{total:.1f}",
                f"{size / total:.1f}",
                growth(total, size, before),
                "-" if peer is None else f"{peer:.1f}",
                "-" if peer is None else f"{total / peer:.2f}",
            ]
        )
        before, merged_before = (size, total), (size, merging)
    if args.merge_only and results:
        copies = -(-args.merge_only // len(results))
        many = [shifted(r, f"~{k}", 60 * k) if k else r for k in range(copies) for r in results][
            : args.merge_only
        ]
        merging, mentions, events = merge_timed(many)
        rows.append(None)
        change = growth(merging, len(many), merged_before)
        label = f"{len(many):,} (merge only)"
        cells = [label, f"{mentions:,}", f"{events:,}", "-", "-", f"{merging:.2f}", "-", "-"]
        rows.append([*cells, change, "-", "-"])
    headers = [
        "articles",
        "mentions",
        "events",
        "parse s",
        "extract s",
        "merge s",
        "total s",
        "articles/s",
        "growth",
        "spaCy s",
        "x spaCy",
    ]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()
