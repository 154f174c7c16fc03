"""Microsoft Recognizers-Text English date cases: timeline against dateparser.

Run from the project root::

    python benchmarks/recognizers.py [--misses FILE] [--no-peers]

Reads ``../shared/data/recognizers-text/DateParser.json`` (expected type ``date``) and
``DatePeriodParser.json`` (``daterange``). Each case has an ``Input``, a
``Context.ReferenceDateTime`` and the expected ``Results``: the span as ``Start`` and
``Length`` (``Input[Start:Start + Length]``; ``Text`` is sometimes lower-cased, and no
``End`` field exists in these files) and a ``Value`` with a ``Timex`` and a
``PastResolution`` / ``FutureResolution``. Cases without a reference time (two) run with
``published=None``; cases expecting no result (six) are not scored.

A case is **correct** when a found expression has the expected span and its resolved value
agrees with either resolution: the data gives both the past and the future reading of
tense-less inputs ("I'll be out February") and Recognizers returns both, so either is
accepted. The **overlap** columns accept any expression overlapping the expected span.

- ``date``: the expression's interval starts on the expected day and lasts at most a day.
- ``daterange`` with ``startDate`` and ``endDate``: our half-open ``[start, end)`` has the
  same start day and the same end day, ``endDate`` read as exclusive, as the data has it
  for calendar units ("this week" 2016-11-07..2016-11-14, "next 3 days" 11-08..11-11).
  For explicit ranges between two named days, the data gives the last named day itself
  as ``endDate`` ("from 4 to 22 this month" -> (11-04, 11-22, P18D)), which in half-open
  terms excludes the 22nd; the inclusive reading, our end one day later, is also accepted
  for those (the expected ``Timex`` is a ``(start,end,duration)`` triple and the span
  holds a range word: to, till, until, through, and, or a dash).
- ``daterange`` with one bound (``Mod`` before/after): our interval starts on that day.
- ``daterange`` with empty resolutions (seasons): our TIMEX3 value equals the ``Timex``,
  or ends with it when the ``Timex`` has no year (``SU`` accepts ``2017-SU``).
- ``daterange`` with a ``Mod`` start/end/mid: the range as above, or our value equals the
  ``Timex`` with the same TIMEX3 ``mod`` (START, END, MID).

Cases whose ``NotSupported`` field names python (Recognizers' own Python port fails them)
are reported both included ("all") and excluded ("python-supported").

The peer is dateparser's ``search_dates(Input, languages=["en"],
settings={"RELATIVE_BASE": reference})``; each found datetime stands for its day.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import dateparser_spans, print_table, shared_data

FILES = ("DateParser.json", "DatePeriodParser.json")
_RANGE_WORD = re.compile(r"\b(?:to|till|until|thru|through|and)\b|-", re.IGNORECASE)
_MODS = {"start": "START", "end": "END", "mid": "MID"}


@dataclass(frozen=True)
class Case:
    """One expected result of one test case."""

    file: str
    index: int
    input: str
    reference: datetime | None
    start: int
    end: int
    type: str
    timex: str
    mod: str | None
    resolutions: tuple[dict[str, str], ...]
    python_supported: bool


@dataclass(frozen=True)
class Guess:
    """A found expression reduced to what is compared: span, value, mod and interval."""

    start: int
    end: int
    text: str
    value: str
    mod: str | None
    interval: tuple[datetime, datetime] | None


def load_cases() -> tuple[list[Case], int]:
    """All cases with an expected result, and how many cases expect none."""
    cases = []
    empty = 0
    for name in FILES:
        data = json.loads(shared_data("recognizers-text", name).read_text(encoding="utf-8"))
        for index, item in enumerate(data):
            if not item["Results"]:
                empty += 1
                continue
            reference = item.get("Context", {}).get("ReferenceDateTime")
            unsupported = item.get("NotSupported", "")
            for result in item["Results"]:
                value = result["Value"]
                resolutions = tuple(
                    r for r in (value["PastResolution"], value["FutureResolution"]) if r
                )
                cases.append(
                    Case(
                        file=name,
                        index=index,
                        input=item["Input"],
                        reference=datetime.fromisoformat(reference) if reference else None,
                        start=result["Start"],
                        end=result["Start"] + result["Length"],
                        type=result["Type"],
                        timex=value["Timex"],
                        mod=value.get("Mod"),
                        resolutions=resolutions,
                        python_supported="python" not in unsupported.lower(),
                    )
                )
    return cases, empty


def published(reference: datetime | None) -> date | datetime | None:
    """The reference as a date when it is midnight, else as the datetime it is."""
    if reference is None or reference.time() != datetime.min.time():
        return reference
    return reference.date()


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def correct(case: Case, guess: Guess) -> bool:
    """Whether ``guess`` resolves as ``case`` expects (the span is checked elsewhere)."""
    interval = guess.interval
    if case.type == "date":
        if interval is None:
            return False
        start, end = interval
        return (end - start) <= timedelta(days=1) and any(
            start.date() == _day(r["date"]) for r in case.resolutions
        )
    if not case.resolutions:  # seasons: compare TIMEX3 values
        timex = case.timex
        return guess.value == timex or (
            not timex[:1].isdigit() and guess.value.endswith("-" + timex)
        )
    if case.mod in _MODS and guess.value == case.timex and guess.mod == _MODS[case.mod]:
        return True
    if interval is None:
        return False
    start, end = interval
    inclusive = case.timex.startswith("(") and bool(
        _RANGE_WORD.search(case.input[case.start : case.end])
    )
    for r in case.resolutions:
        if "startDate" in r and "endDate" in r:
            if start.date() != _day(r["startDate"]):
                continue
            expected_end = _day(r["endDate"])
            if end.date() == expected_end or (
                inclusive and end.date() == expected_end + timedelta(days=1)
            ):
                return True
        elif start.date() == _day(r.get("startDate") or r["endDate"]):
            return True
    return False


def judge(case: Case, guesses: Sequence[Guess]) -> tuple[bool, bool]:
    """(correct with the exact span, correct with an overlapping span)."""
    exact = any((g.start, g.end) == (case.start, case.end) and correct(case, g) for g in guesses)
    overlap = exact or any(
        g.start < case.end and case.start < g.end and correct(case, g) for g in guesses
    )
    return exact, overlap


# ---------------------------------------------------------------------------- systems


def timeline_guesses(text: str, reference: datetime | None) -> list[Guess]:
    """timeline.find_times, reduced to guesses."""
    import timeline

    guesses = []
    for t in timeline.find_times(text, published=published(reference), ranges=True):
        interval = (t.interval.start, t.interval.end) if t.interval is not None else None
        guesses.append(Guess(t.start, t.end, t.text, t.value, t.mod, interval))
    return guesses


def dateparser_guesses(text: str, reference: datetime | None) -> list[Guess]:
    """dateparser's search_dates, located in the text, each datetime standing for its day."""
    guesses = []
    for start, end, moment in dateparser_spans(text, reference):
        day = datetime(moment.year, moment.month, moment.day)
        interval = (day, day + timedelta(days=1))
        guesses.append(Guess(start, end, text[start:end], day.date().isoformat(), None, interval))
    return guesses


def run(
    system: Callable[[str, datetime | None], list[Guess]], cases: Sequence[Case]
) -> list[tuple[bool, bool, list[Guess], str]] | str:
    """Judge one system on every case; a reason string if it cannot run at all."""
    try:
        system("I'll go back on 15", datetime(2016, 11, 7))
    except NotImplementedError:
        return "raises NotImplementedError (the engine has not landed yet)"
    outcomes = []
    memo: dict[tuple[str, datetime | None], list[Guess] | str] = {}
    for case in cases:
        key = (case.input, case.reference)
        if key not in memo:
            try:
                memo[key] = system(case.input, case.reference)
            except Exception as error:  # scored as finding nothing
                memo[key] = f"{type(error).__name__}: {error}"
        found = memo[key]
        if isinstance(found, str):
            outcomes.append((False, False, [], found))
        else:
            exact, overlap = judge(case, found)
            outcomes.append((exact, overlap, found, ""))
    return outcomes


# ---------------------------------------------------------------------------- report


def _share(flags: Sequence[bool]) -> str:
    return f"{100 * sum(flags) / len(flags):.1f}" if flags else "-"


def main(argv: Sequence[str] | None = None) -> int:
    """Judge timeline and dateparser on the Recognizers-Text date cases; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=Path, help="write cases some system missed (TSV)")
    parser.add_argument("--no-peers", action="store_true", help="judge timeline only")
    args = parser.parse_args(argv)

    cases, empty = load_cases()
    print(
        f"Recognizers-Text: {len(cases)} expected results "
        f"({sum(c.python_supported for c in cases)} not marked NotSupported for python); "
        f"{empty} cases expecting no result not scored"
    )
    systems: dict[str, Callable[[str, datetime | None], list[Guess]]] = {
        "timeline": timeline_guesses
    }
    if not args.no_peers:
        systems["dateparser"] = dateparser_guesses
    outcomes: dict[str, list[tuple[bool, bool, list[Guess], str]]] = {}
    for name, system in systems.items():
        result = run(system, cases)
        if isinstance(result, str):
            print(f"{name}: not judged: {result}")
            continue
        failures = [o[3] for o in result if o[3]]
        if failures:
            print(f"{name}: {len(failures)} cases raised (judged wrong); first: {failures[0]}")
        outcomes[name] = result

    groups: list[tuple[str, str, Callable[[Case], bool]]] = []
    for subset, keep in (("all", lambda c: True), ("python-supported", _supported)):
        for name in FILES:
            kind = next(c.type for c in cases if c.file == name)
            groups.append((name, f"{kind}, {subset}", _both(keep, name)))
        groups.append(("both files", f"all types, {subset}", keep))

    headers = ["file", "expected type, cases", "n"]
    for name in outcomes:
        headers += [f"{name} exact", f"{name} overlap"]
    rows: list[list[str] | None] = []
    for k, (file, label, keep) in enumerate(groups):
        chosen = [i for i, c in enumerate(cases) if keep(c)]
        row = [file, label, str(len(chosen))]
        for result in outcomes.values():
            row += [
                _share([result[i][0] for i in chosen]),
                _share([result[i][1] for i in chosen]),
            ]
        rows.append(row)
        if k == len(FILES):
            rows.append(None)
    print_table(
        headers,
        rows,
        left=2,
        title="Recognizers-Text date cases, percent correct "
        "(exact = expected span; overlap = any overlapping span)",
    )

    if args.misses and outcomes:
        lines = [
            "\t".join(
                ["file", "index", "supported", "input", "reference", "expected_text",
                 "expected_timex", "expected_resolutions"]
                + [f"{name}_{field}" for name in outcomes for field in ("ok", "found")]
            )
        ]  # fmt: skip
        for i, case in enumerate(cases):
            if all(result[i][0] for result in outcomes.values()):
                continue
            cells = [
                case.file,
                str(case.index),
                "yes" if case.python_supported else "no",
                case.input,
                case.reference.isoformat() if case.reference else "",
                case.input[case.start : case.end],
                case.timex + (f" mod={case.mod}" if case.mod else ""),
                json.dumps(case.resolutions),
            ]
            for result in outcomes.values():
                exact, overlap, found, error = result[i]
                status = "exact" if exact else "overlap" if overlap else "no"
                cells += [status, error or "; ".join(_describe(g) for g in found)]
            lines.append("\t".join(cell.replace("\t", " ") for cell in cells))
        args.misses.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines) - 1} missed cases to {args.misses}")
    return 0


def _supported(case: Case) -> bool:
    return case.python_supported


def _both(keep: Callable[[Case], bool], file: str) -> Callable[[Case], bool]:
    return lambda case: case.file == file and keep(case)


def _describe(guess: Guess) -> str:
    span = ""
    if guess.interval is not None:
        span = f" [{guess.interval[0]:%Y-%m-%d %H:%M}, {guess.interval[1]:%Y-%m-%d %H:%M})"
    mod = f" mod={guess.mod}" if guess.mod else ""
    return f"{guess.text!r}@{guess.start} {guess.value}{mod}{span}"


if __name__ == "__main__":
    sys.exit(main())
