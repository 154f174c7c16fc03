"""What a reader gets from ``build``: how many events are listed, and how many read badly.

Run from the project root::

    python benchmarks/reading.py [--show]

Builds four timelines with ``timeline.build`` and counts, among the listed events
(``Timeline.listed``, what iteration, the CLI and the HTML page show):

- **listed** (of all events kept in ``Timeline.events``);
- **one-word**: labels of a single word ("killed", "visit"), which tell a reader neither who
  nor what;
- **dated**: bounded on both sides (``earliest`` and ``latest``), and of those **presumed**:
  dated only by the day news told in the simple past with nothing dating it is presumed on
  (``Event.presumed``);
- **before only**: bounded only by a latest moment (often just the publication day).

The timelines:

- **seeds**: the two news articles this project was specified from
  (``../shared/seeds/manifest.json``, with their publication dates);
- **embassy**: seven AP articles of TempEval-3 on the 1998 embassy bombings in Nairobi and
  Dar es Salaam (``APW19980807.0261`` ... ``APW19980911.0475``), dated by their creation time;
- **ECB+ topic 2 / 5**: the first twelve documents of each topic (the Oscars host, the
  76ers' coach firing), which have no publication date.

The issue's target for the share of one-word labels is 15% or less. ``--show`` prints each
timeline's listing (bounds, label, articles) for reading. ``--printed-dates`` reads the ECB+
documents with ``timeline.read_articles(..., printed_dates=True)``, which dates the "plus"
pages by the date line they print near the top.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline
from _common import print_table, shared_data
from timeline.evaluation.ecbplus import read_ecbplus_document
from timeline.evaluation.timeml import read_timeml

EMBASSY = (
    "APW19980807.0261",
    "APW19980808.0022",
    "APW19980809.0700",
    "APW19980811.0474",
    "APW19980813.1117",
    "APW19980818.0515",
    "APW19980911.0475",
)


def seeds() -> list[timeline.Article]:
    """The seed articles with their publication dates."""
    folder = shared_data().parent / "seeds"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [
        timeline.Article(
            (folder / a["file"]).read_text(encoding="utf-8"),
            published=date.fromisoformat(a["published"]),
            id=a["id"],
            source=a["source"],
        )
        for a in manifest["articles"]
    ]


def embassy() -> list[timeline.Article]:
    """The seven TempEval-3 articles on the embassy bombings."""
    folder = shared_data("tempeval3")
    articles = []
    for name in EMBASSY:
        [path] = folder.rglob(name + ".tml")
        doc = read_timeml(path)
        articles.append(timeline.Article(doc.text, published=doc.dct, id=doc.doc_id))
    return articles


def ecb_topic(topic: int, printed_dates: bool = False) -> Callable[[], list[timeline.Article]]:
    """The first twelve documents of an ECB+ topic, undated, or dated by their printed date
    lines."""

    def read() -> list[timeline.Article]:
        folder = shared_data("ecbplus", "topics", str(topic))
        articles = [
            timeline.Article(read_ecbplus_document(p).text, id=p.stem)
            for p in sorted(folder.glob("*.xml"))[:12]
        ]
        return timeline.read_articles(articles, printed_dates=printed_dates)

    return read


#: The ECB+ topics read, the first twelve documents of each.
ECB_TOPICS = (2, 5)


def sets(printed_dates: bool = False) -> dict[str, Callable[[], list[timeline.Article]]]:
    """The timelines to build, by name; ``printed_dates`` dates the ECB+ pages by their date
    lines."""
    ecb = {f"ECB+ topic {topic}": ecb_topic(topic, printed_dates) for topic in ECB_TOPICS}
    return {"seeds": seeds, "embassy": embassy, **ecb}


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each listing")
    parser.add_argument(
        "--printed-dates", action="store_true", help="date ECB+ pages by their date lines"
    )
    args = parser.parse_args()
    rows = []
    for name, read in sets(args.printed_dates).items():
        articles = read()
        built = timeline.build(articles)
        listed = built.listed
        one_word = sum(1 for e in listed if len(e.label.split()) == 1)
        dated = sum(1 for e in listed if e.earliest is not None and e.latest is not None)
        presumed = sum(1 for e in listed if e.presumed)
        before = sum(1 for e in listed if e.earliest is None and e.latest is not None)
        rows.append(
            [
                name,
                len(articles),
                len(built.events),
                len(listed),
                f"{one_word} ({percent(one_word, len(listed))})",
                f"{dated} ({percent(dated, len(listed))})",
                f"{presumed} ({percent(presumed, len(listed))})",
                f"{before} ({percent(before, len(listed))})",
            ]
        )
        if args.show:
            print(f"\n## {name}\n")
            for e in listed:
                low = e.earliest.date() if e.earliest else "..."
                high = e.latest.date() if e.latest else "..."
                print(f"[{low} .. {high})  {e.label}  ({', '.join(sorted(set(e.articles)))})")
    print("\nWhat a reader gets from build: listed events and their labels")
    print_table(
        [
            "timeline",
            "articles",
            "events",
            "listed",
            "one-word",
            "dated",
            "of those presumed",
            "before only",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
