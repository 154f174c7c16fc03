"""Time and memory of one long article against the same text as many short articles.

The long article is the three example articles bundled with the package, one after the
other, again and again, as paragraphs, up to a size; the short articles are those same
paragraphs, each an article of its own. Each is built by :func:`timeline.build` in a process
of its own, which reports its seconds and the peak memory the build added. A long article is
analysed in pieces of whole paragraphs (:mod:`timeline.pieces`): its time should stay within
1.5x that of the short articles, and its memory flat as it grows.

    python benchmarks/long_articles.py            # 200 KB and 1 MB
    python benchmarks/long_articles.py --quick    # 50 KB and 200 KB
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import timeline
from _common import format_table
from timeline.examples import load_examples
from timeline.nlp import load


def paragraphs(size: int) -> list[str]:
    """The example articles' texts, in turn, until they add up to ``size`` characters."""
    examples = load_examples()
    found: list[str] = []
    while sum(len(p) + 2 for p in found) < size:
        found.append(examples[len(found) % len(examples)].text)
    return found


def status(field: str) -> int:
    """A memory figure of this process in ``/proc/self/status``, in bytes."""
    with open("/proc/self/status") as lines:
        for line in lines:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise OSError(f"no {field} in /proc/self/status")


def measure(kind: str, size: int) -> None:
    """Build ``size`` characters as one ``long`` article or as ``short`` ones; print JSON."""
    published = load_examples()[0].published
    texts = paragraphs(size)
    if kind == "long":
        articles = [timeline.Article("\n\n".join(texts), published, "long")]
    else:
        articles = [timeline.Article(t, published, f"short-{n}") for n, t in enumerate(texts)]
    load().pipe(["warm up"])
    with open("/proc/self/clear_refs", "w") as refs:  # peak memory measured from here
        refs.write("5")
    before = status("VmRSS")
    start = time.perf_counter()
    built = timeline.build(articles)
    seconds = time.perf_counter() - start
    added = status("VmHWM") - before
    characters = sum(len(a.text) for a in articles)
    print(json.dumps({"s": seconds, "added": added, "events": len(built), "chars": characters}))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        return measure(sys.argv[2], int(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="50 KB and 200 KB")
    args = parser.parse_args()
    rows = []
    for size in [50_000, 200_000] if args.quick else [200_000, 1_000_000]:
        found = {}
        for kind in ("short", "long"):
            load_before = os.getloadavg()[0]
            out = subprocess.run(
                [sys.executable, __file__, "--child", kind, str(size)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            found[kind] = json.loads(out.strip().splitlines()[-1])
            found[kind]["load"] = f"{load_before:.1f}/{os.getloadavg()[0]:.1f}"
        for kind in ("short", "long"):
            f = found[kind]
            rows.append(
                [
                    f"{size // 1000:,} KB",
                    "one article" if kind == "long" else f"{len(paragraphs(size))} articles",
                    f"{f['s']:.1f}",
                    f"x{f['s'] / found['short']['s']:.2f}",
                    f"{f['added'] / 2**20:.0f}",
                    f"{f['events']:,}",
                    f["load"],
                ]
            )
    headers = ["text", "as", "s", "vs short", "peak MB added", "events", "load"]
    print(format_table(headers, rows, left=2))


if __name__ == "__main__":
    main()
