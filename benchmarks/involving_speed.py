"""How fast an entity query is on a built timeline: :meth:`timeline.Timeline.involving` and
:meth:`timeline.Timeline.chronology` on a timeline of 1,000 articles.

The articles are the synthetic variations of the bundled examples that
``benchmarks/build_speed.py`` builds (parses kept under ``benchmarks/.cache/parses``). The
timeline is built once; then each query is asked of it: the first query of a timeline
indexes its mentions' arguments, the others only match names against that index, so no
query parses again. The table gives queries per second for each kind of query, and the
seconds of the first one.

    python benchmarks/involving_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import CACHE, print_table
from build_speed import variations

#: Names asked about: people, places and organisations of the examples, and one absent.
NAMES = ("Iran", "Soleimani", "NASA", "Iraq", "United States", "Starship", "Boeing")


def rate(ask: Callable[[str], object], rounds: int) -> float:
    """Queries per second of ``ask`` over :data:`NAMES`, ``rounds`` times."""
    began = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            ask(name)
    return rounds * len(NAMES) / (time.perf_counter() - began)


def main() -> int:
    """Build the timeline, then time the queries."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    articles = variations(args.articles)
    began = time.perf_counter()
    built = timeline.build(articles, n_process=os.cpu_count() or 1, cache=CACHE / "parses")
    seconds = time.perf_counter() - began
    mentions = sum(len(e.mentions) for e in built.events)
    print(
        f"{len(articles)} articles, {len(built.events)} events, {mentions} mentions, "
        f"built in {seconds:.1f} s"
    )
    began = time.perf_counter()
    first = built.involving("Iran")
    first_seconds = time.perf_counter() - began
    rows = [
        ["involving", f"{rate(built.involving, 3):,.0f}"],
        ["chronology", f"{rate(built.chronology, 3):,.0f}"],
    ]
    print_table(
        ["query", "queries/s"],
        rows,
        left=1,
        title=f"Entity queries on {len(articles)} articles (first query, indexing: "
        f"{first_seconds:.3f} s, {len(first.events)} events involve Iran)",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
