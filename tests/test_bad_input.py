"""Bad, empty, huge and hostile input to find_times and resolve."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime

import pytest

import timeline
from timeline import Granularity

PUBLISHED = date(2020, 1, 7)
BUDGET = 300.0  # seconds: a limit against hangs (a megabyte takes ~15 s alone), not a benchmark
FINE = {
    Granularity.SECOND,
    Granularity.MINUTE,
    Granularity.HOUR,
    Granularity.PART_OF_DAY,
    Granularity.DAY,
}


def within_budget(function, *args, **kwargs):
    """Run ``function`` in a daemon thread; fail (rather than hang) if it exceeds BUDGET."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = function(*args, **kwargs)
        except BaseException as error:  # re-raised in the test thread
            outcome["error"] = error

    started = time.monotonic()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(BUDGET)
    assert not worker.is_alive(), f"still running after {BUDGET:.0f} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"], time.monotonic() - started


def check_offsets(text: str, found) -> None:
    end = 0
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        assert expression.start >= end, "expressions overlap or are unsorted"
        end = expression.end


# --- empty and blank ----------------------------------------------------------------------------


@pytest.mark.parametrize("published", [PUBLISHED, None, datetime(2020, 1, 7, 12, 0)])
@pytest.mark.parametrize("text", ["", " ", "\n", "\t \r\n  ", "\u00a0\u2003\u3000", "\u200b"])
def test_blank_text_has_no_times(text: str, published) -> None:
    assert timeline.find_times(text, published=published) == []


@pytest.mark.parametrize("text", ["", "   ", "not a time at all", "the", "Sales may rise."])
def test_resolve_returns_none_for_what_is_not_a_time(text: str) -> None:
    assert timeline.resolve(text, published=PUBLISHED) is None


# --- size and pathological input ----------------------------------------------------------------

PARAGRAPH = (
    "BAGHDAD, Jan. 6 (Reuters) - Iraq's parliament voted on Sunday to expel foreign troops, "
    "two days after a U.S. drone strike killed the general on January 3, 2020. The minister "
    "will travel to Ankara on Friday, officials said, and talks could resume next week. "
    "Prices may fall; protesters march on the capital every Sunday.\n\n"
)


def test_a_megabyte_of_news_finishes_and_finds_every_copy() -> None:
    copies = 1_000_000 // len(PARAGRAPH) + 1
    text = PARAGRAPH * copies
    assert len(text) > 1_000_000
    found, _ = within_budget(timeline.find_times, text, published=PUBLISHED)
    check_offsets(text, found)
    full_dates = [e for e in found if e.text == "January 3, 2020"]
    assert len(full_dates) == copies
    assert {e.value for e in full_dates} == {"2020-01-03"}
    assert found[-1].start > len(text) - len(PARAGRAPH), "the end of the text was not scanned"


@pytest.mark.parametrize(
    "text",
    [
        "1" * 60_000,
        "1/" * 30_000,
        "1-" * 30_000,
        "1:" * 30_000,
        "January " * 7_500,
        "the the the " * 5_000,
        "last " * 12_000 + "week",
        "two days " * 7_000 + "ago",
        "." * 60_000,
        "(" * 30_000 + ")" * 30_000,
        "a" * 60_000,
        "Jan. 2, " * 7_500,
        "early mid- late " * 4_000,
    ],
    ids=lambda text: f"{text[:12]!r}x{len(text)}",
)
def test_pathological_repetition_finishes(text: str) -> None:
    found, _ = within_budget(timeline.find_times, text, published=PUBLISHED)
    check_offsets(text, found)


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 January 2, 2020 \x7f",
        "\ud800 Sunday \udfff",  # lone surrogates are valid Python str
        "\u202eyadnuS no detov tnemailraP\u202c on Sunday",
        "Cafe\u0301 opened on Sunday \U0001f600\U0001f600",
        "\uff12\uff10\uff12\uff10\u5e74\uff11\u6708\uff17\u65e5",  # full-width digits, CJK
        "Parliament voted on\u00a0Sunday\u2028and on\u2029Monday",
        "١٢/٣٠/٢٠١٩",  # Arabic-Indic digits
        "x" * 10 + "\r\n" * 1000 + "on Sunday",
    ],
)
def test_odd_characters_never_raise(text: str) -> None:
    found = timeline.find_times(text, published=PUBLISHED)
    check_offsets(text, found)


# --- impossible and look-alike dates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "impossible"),
    [
        ("The deal was signed on February 30, 2020.", "February 30"),
        ("The deal was signed on Feb. 30, 2020.", "Feb. 30"),
        ("The deal was signed on 31 April 2019.", "31 April"),
        ("The deal was signed on June 31.", "June 31"),
        ("The deal was signed on 2019-02-29.", "2019-02-29"),
        ("The deal was signed on 2/29/2019.", "2/29/2019"),
        ("The deal was signed on 13/45/2020.", "13/45/2020"),
        ("The meeting ended at 25:70.", "25:70"),
        ("The meeting ended at 13 p.m.", "13 p.m."),
    ],
)
def test_an_impossible_date_is_never_presented_as_certain(text: str, impossible: str) -> None:
    """Either not found, or found without a day-or-finer interval (no silent rollover)."""
    found = timeline.find_times(text, published=PUBLISHED)
    check_offsets(text, found)
    start = text.index(impossible)
    end = start + len(impossible)
    for expression in found:
        if expression.end <= start or expression.start >= end:
            continue
        interval = expression.interval
        assert interval is None or interval.granularity not in FINE, (
            f"{impossible!r} was read as {expression.value} {interval}"
        )


@pytest.mark.parametrize(
    "text",
    ["2882015", "Case 2882015 was closed.", "20201301", "Call 555-1234.", "Arsenal won 3-1."],
)
def test_number_lookalikes_are_not_times(text: str) -> None:
    assert timeline.find_times(text, published=PUBLISHED) == []


# --- wrong argument types -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, b"on Sunday", 20200107, ["on Sunday"], date(2020, 1, 7)])
def test_find_times_rejects_a_non_string_text(text) -> None:
    with pytest.raises(TypeError) as raised:
        timeline.find_times(text, published=PUBLISHED)
    message = str(raised.value)
    assert "str" in message and type(text).__name__ in message, message


@pytest.mark.parametrize("text", [None, b"two days ago", 2])
def test_resolve_rejects_a_non_string_expression(text) -> None:
    with pytest.raises(TypeError) as raised:
        timeline.resolve(text, published=PUBLISHED)
    message = str(raised.value)
    assert "str" in message and type(text).__name__ in message, message


@pytest.mark.parametrize("published", ["2020-01-07", 20200107, 1578355200.0, (2020, 1, 7)])
def test_find_times_rejects_a_publication_date_that_is_not_a_date(published) -> None:
    with pytest.raises(TypeError) as raised:
        timeline.find_times("Parliament voted on Sunday.", published=published)
    message = str(raised.value)
    assert "published" in message and "date" in message, message
    assert type(published).__name__ in message, message


@pytest.mark.parametrize("published", ["2020-01-07", 20200107])
def test_resolve_rejects_a_publication_date_that_is_not_a_date(published) -> None:
    with pytest.raises(TypeError) as raised:
        timeline.resolve("two days ago", published=published)
    message = str(raised.value)
    assert "published" in message and "date" in message, message


# --- no publication date ------------------------------------------------------------------------


def test_without_a_publication_date_relative_times_stay_unresolved() -> None:
    text = "Iraq's parliament voted on Sunday, two days after the strike of 2 January 2020."
    found = {e.text: e for e in timeline.find_times(text, published=None)}
    assert found["Sunday"].value == "XXXX-WXX-7"
    assert found["Sunday"].interval is None
    assert found["2 January 2020"].value == "2020-01-02"
    assert found["2 January 2020"].interval is not None
    for expression in found.values():
        if expression.text != "2 January 2020":
            assert expression.interval is None, expression


@pytest.mark.parametrize("text", ["Sunday", "yesterday", "two days ago", "last week", "March"])
def test_resolve_without_a_publication_date_gives_no_interval(text: str) -> None:
    assert timeline.resolve(text, published=None) is None


def test_resolve_without_a_publication_date_still_resolves_absolute_dates() -> None:
    interval = timeline.resolve("2 January 2020", published=None)
    assert interval is not None and interval.timex == "2020-01-02"
