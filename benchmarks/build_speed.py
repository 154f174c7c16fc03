"""How fast ``timeline.build`` is on many cores, on Dask, from a stream, when updated, and how
merging grows: one command, one run, ratios measured in the same run.

The articles are synthetic variations of the three example articles bundled with the
package: article ``n`` is example ``n % 3`` published ``n // 3 % 60`` days later (so its
relative times name other days while its absolute dates stay), under its own id, with a
closing line that makes its text unique. Tables:

1. **cores**: articles/s of :func:`timeline.build` with ``n_process`` 1, 2 and the core count,
   and the speed-up over 1; the peer is spaCy's own ``nlp.pipe(n_process=...)``, parsing
   alone, the parses sent back.
2. **dask**: :func:`timeline.dask.build` on a ``distributed.LocalCluster`` of 2 worker
   processes against :func:`timeline.build` on the same articles (same events?).
3. **stream**: the peak memory of ``build`` over a generator reading a JSON-lines file, in a
   process of its own, at two sizes: flat if the batch, not the corpus, bounds it.
4. **update**: :meth:`timeline.Timeline.update` of a timeline with 100 new articles against
   building those 100 alone, in seconds and in processor seconds of this process, and
   whether it equals the rebuild of all; the timeline as built (in memory), then as read back
   from its JSON (a timeline saved the day before). The synthetic articles repeat each text
   (copies count, not read again), so the same is measured on distinct real articles too: a
   timeline of the ECB+ documents (as in 6) but every seventh or so, updated with those 100.
   The analyses are cached; the model is loaded (by building one other article) before
   anything is timed.
5. **merge**: :func:`timeline.pipeline.timeline_of` alone over the mentions of the largest
   run, copied under new ids with their dates shifted, at growing sizes, each in a process of
   its own: seconds, processor seconds, the exponent fitted to those (less moved by the
   machine's load than seconds), and the peak memory merging added.
6. **real**: the same on distinct real articles, the first 100, 300 and all 772 documents
   of ECB+ (``../shared/data/ecbplus``; skipped when it is not there), analysed once as
   articles with no publication date (cached under ``benchmarks/.cache``): how merging grows
   where texts are not copies.

Every timing shows the machine's load average (``uptime``) when it was taken: numbers taken
under load (above the core count) are marked ``*``. ``--quick`` runs small sizes for CI.

    python benchmarks/build_speed.py            # 1,000 and 10,000 articles; merge to 10^6
    python benchmarks/build_speed.py --quick    # 100 and 300 articles; merge to 10^4
    python benchmarks/build_speed.py --sizes 1000 --skip dask,stream,update,merge
    python benchmarks/build_speed.py --skip cores,dask,stream,update,merge   # real text
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import attrs

import timeline
from _common import CACHE, ROOT, code_digest, format_table
from timeline.examples import load_examples
from timeline.nlp import load
from timeline.parallel import cores
from timeline.pipeline import ArticleEvents, analyse_many, timeline_of


def variations(count: int, start: int = 0) -> list[timeline.Article]:
    """``count`` synthetic articles from the bundled examples, numbered from ``start``."""
    examples = load_examples()
    found = []
    for n in range(start, start + count):
        example = examples[n % len(examples)]
        shift = timedelta(days=n // len(examples) % 60)
        found.append(
            attrs.evolve(
                example,
                id=f"{example.id}-{n:06}",
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

    article = attrs.evolve(result.article, id=result.article.id + suffix)
    return attrs.evolve(result, article=article, mentions=tuple(move(m) for m in result.mentions))


def load_average() -> str:
    """The one-minute load average, ``*`` when above the core count."""
    load = os.getloadavg()[0]
    return f"{load:.1f}{'*' if load > cores() else ''}"


def timed(work: Any, *args: Any, **kwargs: Any) -> tuple[Any, float, str]:
    before = load_average()
    start = time.perf_counter()
    result = work(*args, **kwargs)
    seconds = time.perf_counter() - start
    return result, seconds, f"{before}/{load_average()}"


def child(*argv: str) -> dict[str, Any]:
    """This script run in a process of its own with ``argv``; what it printed, as JSON."""
    out = subprocess.run(
        [sys.executable, __file__, *argv], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def reset_peak() -> int:
    """Start measuring this process's peak memory from now (Linux: ``clear_refs``); its
    resident memory now, in bytes."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    return _status("VmRSS")


def peak() -> int:
    """This process's peak resident memory since :func:`reset_peak`, in bytes."""
    return _status("VmHWM")


def _status(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise OSError(f"no {field} in /proc/self/status")


def cache_path(name: str) -> Any:
    """Where the analyses ``name`` made by this version of the library are kept."""
    return CACHE / f"build_speed-{name}-{code_digest()}.pickle"


def cached(name: str, analyse: Any) -> list[ArticleEvents]:
    """The analyses ``name``, made by ``analyse()`` unless this version of the library
    made them already (:func:`cache_path`)."""
    path = cache_path(name)
    if path.exists():
        with open(path, "rb") as file:
            return pickle.load(file)
    analysed = list(analyse())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(analysed))
    return analysed


# --- 1. cores -------------------------------------------------------------------------------


def parse_all(nlp: Any, texts: list[str], n_process: int) -> None:
    for _ in nlp.pipe(texts, n_process=n_process):
        pass


def cores_table(sizes: list[int]) -> str:
    nlp = load()
    processes = sorted({1, 2, cores()})
    rows: list[list[str] | None] = []
    for size in sizes:
        articles = variations(size)
        alone = None
        for n in processes:
            _, seconds, busy = timed(timeline.build, articles, n_process=n)
            alone = alone or seconds
            rows.append(
                [
                    f"{size:,}",
                    "build",
                    str(n),
                    f"{seconds:.1f}",
                    f"{size / seconds:.1f}",
                    f"x{alone / seconds:.2f}",
                    busy,
                ]
            )
        texts = [a.text for a in articles]
        bare = None
        for n in processes:
            _, seconds, busy = timed(parse_all, nlp, texts, n)
            bare = bare or seconds
            rows.append(
                [
                    f"{size:,}",
                    "spaCy nlp.pipe (parse only)",
                    str(n),
                    f"{seconds:.1f}",
                    f"{size / seconds:.1f}",
                    f"x{bare / seconds:.2f}",
                    busy,
                ]
            )
        rows.append(None)
    headers = ["articles", "system", "processes", "s", "articles/s", "speed-up", "load"]
    return format_table(headers, rows[:-1], left=2)


# --- 2. dask --------------------------------------------------------------------------------


def dask_table(size: int) -> str:
    import dask.bag
    import distributed

    import timeline.dask

    articles = variations(size)
    expected, alone, busy = timed(timeline.build, articles)
    rows = [[f"{size:,}", "timeline.build, 1 process", f"{alone:.1f}", "x1.00", "-", busy]]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        bag = dask.bag.from_sequence(articles, npartitions=8)
        built, seconds, busy = timed(timeline.dask.build, bag)
    rows.append(
        [
            f"{size:,}",
            "timeline.dask.build, LocalCluster of 2",
            f"{seconds:.1f}",
            f"x{alone / seconds:.2f}",
            str(built == expected),
            busy,
        ]
    )
    return format_table(
        ["articles", "system", "s", "speed-up", "same events", "load"], rows, left=2
    )


# --- 3. stream ------------------------------------------------------------------------------


def stream_child(path: str) -> None:
    def articles() -> Iterator[timeline.Article]:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                yield timeline.Article(row["text"], date.fromisoformat(row["published"]), row["id"])

    load()
    before = reset_peak()
    built = timeline.build(articles())
    print(json.dumps({"events": len(built), "added": peak() - before}))


def stream_table(sizes: list[int]) -> str:
    rows = []
    for size in sizes:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
            for a in variations(size):
                row = {"id": a.id, "published": a.published.isoformat(), "text": a.text}
                out.write(json.dumps(row) + "\n")
        megabytes = os.path.getsize(out.name) / 2**20
        try:
            found, seconds, busy = timed(child, "--stream-child", out.name)
        finally:
            os.unlink(out.name)
        added = found["added"] / 2**20
        rows.append(
            [
                f"{size:,}",
                f"{megabytes:.1f}",
                f"{found['events']:,}",
                f"{added:.0f}",
                f"{seconds:.1f}",
                busy,
            ]
        )
    headers = ["articles", "file MB", "events", "peak MB added", "s", "load"]
    return format_table(headers, rows)


# --- 4. update ------------------------------------------------------------------------------


def update_table(size: int, new: int = 100) -> str:
    old, added = variations(size), variations(new, start=size + 7)
    analysed = cached(f"update-{size}-{new}", lambda: analyse_many(old + added, n_process=cores()))
    timeline.build(variations(1, start=size + new + 7))  # the model loaded before any timing
    rows, loads = update_rows(f"{size:,}", analysed[:size], added, timeline_of(analysed))
    articles = ecbplus_articles()
    if articles:
        # every ``step``-th document is new: stories the timeline tells already, and others
        step = len(articles) // new
        chosen = set(range(step - 1, step * new, step))
        analysed = cached("ecbplus", lambda: analyse_many(articles, n_process=cores()))
        more, loaded = update_rows(
            f"{len(articles) - new:,} ECB+",
            [r for n, r in enumerate(analysed) if n not in chosen],
            [a for n, a in enumerate(articles) if n in chosen],
            timeline_of(analysed),
        )
        rows += [None, *more]
        loads += loaded
    headers = ["what", "s", "vs alone", "cpu s", "vs alone", "equals rebuild"]
    return format_table(headers, rows) + "\nload: " + ", ".join(loads)


def update_rows(
    name: str,
    before: list[ArticleEvents],
    added: list[timeline.Article],
    rebuilt: timeline.Timeline,
) -> tuple[list[list[str] | None], list[str]]:
    """The rows of :func:`update_table` for a timeline of the analyses ``before`` (``name``)
    updated with ``added`` (in memory, then read from its JSON), against building ``added``
    alone and against ``rebuilt``, the timeline of all; and the loads they were timed at."""
    built = timeline_of(before)
    saved = timeline.Timeline.from_json(built.to_json())
    processor = time.process_time()
    _, seconds_alone, busy_alone = timed(timeline.build, added)
    alone = time.process_time() - processor
    new = len(added)
    rows: list[list[str] | None] = [
        [f"build {new} alone", f"{seconds_alone:.1f}", "x1.00", f"{alone:.1f}", "x1.00", "-"]
    ]
    loads = [f"{busy_alone} alone"]
    for what, base in [("", built), (", read from its JSON", saved)]:
        processor = time.process_time()
        updated, seconds, busy = timed(base.update, added)
        processor = time.process_time() - processor
        rows.append(
            [
                f"update {name} with {new}{what}",
                f"{seconds:.1f}",
                f"x{seconds / seconds_alone:.2f}",
                f"{processor:.1f}",
                f"x{processor / alone:.2f}",
                str(updated == rebuilt),
            ]
        )
        loads.append(f"{busy} update {name}{what}")
    return rows, loads


# --- 5. merge -------------------------------------------------------------------------------


def merge_child(size: int, source: str) -> None:
    with open(source, "rb") as file:
        results: list[ArticleEvents] = pickle.load(file)
    per = sum(len(r.mentions) for r in results) / len(results)
    copies = math.ceil(size / per / len(results))
    many = [shifted(r, f"~{k}", 60 * k) if k else r for k in range(copies) for r in results]
    print(json.dumps(merged(many[: math.ceil(size / per)])))


def real_child(count: int, source: str) -> None:
    with open(source, "rb") as file:
        results: list[ArticleEvents] = pickle.load(file)
    print(json.dumps(merged(results[:count])))


def merged(results: list[ArticleEvents]) -> dict[str, Any]:
    """:func:`timeline_of` over ``results``: its mentions and events, seconds, processor
    seconds and the peak memory it added."""
    mentions = sum(len(r.mentions) for r in results)
    before = reset_peak()
    start, processor = time.perf_counter(), time.process_time()
    built = timeline_of(results)
    seconds, processor = time.perf_counter() - start, time.process_time() - processor
    added = peak() - before
    return {
        "mentions": mentions,
        "events": len(built),
        "s": seconds,
        "cpu": processor,
        "added": added,
    }


def merge_table(sizes: list[int], articles: int) -> str:
    cached(f"analyses-{articles}", lambda: analyse_many(variations(articles), n_process=cores()))
    return growth_table("--merge-child", sizes, cache_path(f"analyses-{articles}"))


#: The ECB+ corpus, beside the project.
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus"


def ecbplus_articles() -> list[timeline.Article]:
    """The documents of ECB+ as articles with no publication date, as its texts come;
    none when the corpus is not there."""
    if not ECBPLUS.exists():
        return []
    from timeline.evaluation.ecbplus import read_ecbplus

    return [timeline.Article(doc.text, id=doc.name) for doc in read_ecbplus(ECBPLUS)]


def real_table(counts: list[int], *, whole: bool) -> str:
    """Merging the first ``counts`` of ECB+'s documents (all of them too with ``whole``),
    analysed once (cached) as articles with no publication date, as its texts come."""
    articles = ecbplus_articles()
    if not articles:
        return f"skipped: {ECBPLUS} not found"
    cached("ecbplus", lambda: analyse_many(articles, n_process=cores()))
    available = len(articles)
    counts = sorted({min(count, available) for count in [*counts, *[available] * whole]})
    return growth_table("--real-child", counts, cache_path("ecbplus"), first=["articles"])


def growth_table(which: str, sizes: list[int], source: Any, first: Sequence[str] = ()) -> str:
    """The merge of each of ``sizes`` in a process of its own (``which`` child), a row each,
    and the exponent fitted to processor time; ``first``: headers of leading size columns."""
    rows = []
    points = []
    for size in sizes:
        found, _, busy = timed(child, which, str(size), str(source))
        points.append((found["mentions"], found["cpu"]))
        rows.append(
            [
                *([f"{size:,}"] if first else []),
                f"{found['mentions']:,}",
                f"{found['events']:,}",
                f"{found['s']:.1f}",
                f"{found['cpu']:.2f}",
                f"{found['added'] / 2**20:.0f}",
                f"{found['added'] / found['mentions']:,.0f}",
                busy,
            ]
        )
    headers = [
        *first,
        "mentions",
        "events",
        "merge s",
        "cpu s",
        "peak MB added",
        "bytes/mention",
        "load",
    ]
    fitted = f"\nfitted exponent: processor time ~ mentions^{exponent(points):.2f}"
    if len(points) > 2:
        last = exponent(points[-2:])
        fitted += f" (between the last two sizes: ^{last:.2f})"
    return format_table(headers, rows) + fitted


def exponent(points: list[tuple[float, float]]) -> float:
    """The slope of the least-squares line through ``points`` on log-log axes."""
    xs = [math.log(m) for m, _ in points]
    ys = [math.log(s) for _, s in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / (
        sum((x - mean_x) ** 2 for x in xs) or 1.0
    )


def main() -> None:
    if sys.argv[1:2] == ["--stream-child"]:
        return stream_child(sys.argv[2])
    if sys.argv[1:2] == ["--merge-child"]:
        return merge_child(int(sys.argv[2]), sys.argv[3])
    if sys.argv[1:2] == ["--real-child"]:
        return real_child(int(sys.argv[2]), sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--skip", default="", help="tables to skip, e.g. dask,merge")
    parser.add_argument("--sizes", help="numbers of articles, e.g. 1000 (default 1000,10000)")
    args = parser.parse_args()
    quick = args.quick
    sizes = [100, 300] if quick else [1_000, 10_000]
    if args.sizes:
        sizes = [int(size) for size in args.sizes.split(",")]
    skip = set(args.skip.split(","))
    print(f"{datetime.now():%Y-%m-%d %H:%M}, {cores()} cores; load: 1-minute average before/after")
    load().pipe(["warm up"])
    sections = [
        ("cores", "1. build on several processes", lambda: cores_table(sizes)),
        ("dask", "2. Dask", lambda: dask_table(sizes[0])),
        ("stream", "3. build streamed from a JSON-lines file", lambda: stream_table(sizes)),
        ("update", "4. update", lambda: update_table(sizes[-1])),
        (
            "merge",
            "5. merge alone",
            lambda: merge_table(
                [1_000, 3_000, 10_000] if quick else [10_000, 100_000, 1_000_000],
                sizes[0],
            ),
        ),
        (
            "real",
            "6. merge alone on distinct real articles (ECB+, undated)",
            lambda: real_table([30, 100] if quick else [100, 300], whole=not quick),
        ),
    ]
    for name, title, table in sections:
        if name not in skip:
            print(f"\n{title}\n{table()}", flush=True)


if __name__ == "__main__":
    main()
