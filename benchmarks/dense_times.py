"""Speed of find_times on text dense in dates, as it grows: expressions per second.

The text is every sentence of TBAQ-cleaned (``../shared/data/tempeval3``) that holds a gold
TIMEX3, in document order, repeated until it holds the wanted number of gold expressions,
resolved against one publication date. A rate that stays flat as the text grows means the
cost per expression does not grow with the number of expressions before it (it did: the
tense of each expression's clause was read again for every expression, and the narrative's
history was copied for each one).

    python benchmarks/dense_times.py            # 1,000, 10,000 and 100,000 expressions
    python benchmarks/dense_times.py --quick    # 1,000 and 10,000
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import format_table, shared_data
from timeline.evaluation import read_timeml

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def dated_sentences() -> list[tuple[str, int]]:
    """The sentences of TBAQ that hold gold TIMEX3s, with how many each holds."""
    sentences = []
    for part in ("TimeBank", "AQUAINT"):
        for path in sorted(shared_data("tempeval3", "TBAQ-cleaned", part).glob("*.tml")):
            doc = read_timeml(path)
            for m in _SENTENCE.finditer(doc.text):
                inside = sum(m.start() <= t.start and t.end <= m.end() for t in doc.timexes)
                if inside:
                    sentences.append((" ".join(m.group().split()), inside))
    return sentences


def dense_text(sentences: Sequence[tuple[str, int]], wanted: int) -> tuple[str, int]:
    """Sentences in turn until they hold ``wanted`` gold expressions: the text and the count."""
    chosen: list[str] = []
    count = 0
    while count < wanted:
        for sentence, inside in sentences:
            chosen.append(sentence)
            count += inside
            if count >= wanted:
                break
    return " ".join(chosen), count


def main(argv: Sequence[str] | None = None) -> int:
    """Time find_times on growing dense texts and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="only 1,000 and 10,000")
    args = parser.parse_args(argv)
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    sentences = dated_sentences()
    timeline.find_times(sentences[0][0], published=date(2000, 1, 1))  # warm up
    rows = []
    for size in sizes:
        text, gold = dense_text(sentences, size)
        started = time.perf_counter()
        found = timeline.find_times(text, published=date(2000, 1, 1))
        seconds = time.perf_counter() - started
        rows.append(
            [
                f"{gold:,}",
                f"{len(text):,}",
                f"{len(found):,}",
                f"{seconds:.2f}",
                f"{len(found) / seconds:,.0f}",
            ]
        )
    print("find_times on TBAQ's dated sentences, repeated (one call per text)")
    print(
        format_table(["gold expressions", "characters", "found", "seconds", "expressions/s"], rows)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
