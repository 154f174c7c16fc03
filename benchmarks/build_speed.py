"""How fast ``timeline.build`` is, stage by stage, and how it grows with the number of articles.

The articles are synthetic variations of the three example articles bundled with the
package: article ``n`` is example ``n % 3`` published ``n // 3 % 60`` days later (so its
relative times name other days while its absolute dates stay), under its own id, with a
closing line that makes its text unique. Two stages are timed: extraction
(:func:`timeline.events.analyse`: the spaCy parse, times, mentions and their bounds) and
merging (:func:`timeline.merge`: blocking, scoring, clustering, ordering).

Parsing ten thousand articles takes long, so at that size only merging is measured: the
mentions of the 1,000-article run, copied under new ids with their dates shifted again.

    python benchmarks/build_speed.py            # 100 and 1,000 articles, merge at 10,000
    python benchmarks/build_speed.py --sizes 100
"""

from __future__ import annotations

import argparse
import time
from datetime import timedelta

import attrs

import timeline
from _common import format_table
from timeline.events import ArticleEvents, analyse
from timeline.examples import load_examples
from timeline.nlp import load


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


def merge_timed(results: list[ArticleEvents]) -> tuple[float, int, int]:
    mentions = [m for r in results for m in r.mentions]
    links = [link for r in results for link in r.links()]
    start = time.perf_counter()
    events = timeline.merge(mentions, links)
    return time.perf_counter() - start, len(mentions), len(events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--merge-only", type=int, default=10_000, help="0 to skip")
    args = parser.parse_args()
    nlp = load()
    rows = []
    results: list[ArticleEvents] = []
    for size in args.sizes:
        articles = variations(size)
        start = time.perf_counter()
        results = [analyse(a, nlp) for a in articles]
        extract = time.perf_counter() - start
        merging, mentions, events = merge_timed(results)
        total = extract + merging
        rows.append(
            [
                f"{size:,}",
                f"{mentions:,}",
                f"{events:,}",
                f"{extract:.1f}",
                f"{merging:.2f}",
                f"{total:.1f}",
                f"{size / total:.1f}",
            ]
        )
    if args.merge_only and results:
        copies = -(-args.merge_only // len(results))
        many = [shifted(r, f"~{k}", 60 * k) if k else r for k in range(copies) for r in results][
            : args.merge_only
        ]
        merging, mentions, events = merge_timed(many)
        label = f"{len(many):,} (merge only)"
        rows.append([label, f"{mentions:,}", f"{events:,}", "-", f"{merging:.2f}", "-", "-"])
    headers = ["articles", "mentions", "events", "extract s", "merge s", "total s", "articles/s"]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()
