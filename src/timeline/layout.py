"""The parts of a news text that are not its narrative: dateline, byline, time stamps,
headline, quotations.

Read from the text alone, as character spans: the **dateline** that opens a wire story
("NAIROBI, Kenya (AP) _", "MOSCOW -", "BUFFALO, N.Y. --") says where it was filed, not who
did what; a **byline** ("By Jane Doe") names its writer; a web page's **time stamp**
("Posted: May 24, 2005") says when it was written; a **headline** (a first line with no
final stop, followed by a blank line) tells the news in the present tense; **quotations**
("...", “...”, ``...'') hold the words of a speaker. Event extraction keeps the first three
out of the events' participants (and a stamp's words and time from the events), reads the
tense of a headline as past, and marks what is quoted. The marks and words are data, in
``lang/en/layout.toml``.

>>> text = 'NAIROBI, Kenya (AP) _ Rescuers dug on Saturday. "We will not stop," a medic said.'
>>> start, end = dateline(text)
>>> text[start:end]
'NAIROBI, Kenya (AP) _ '
>>> [text[a:b] for a, b in quotations(text)]
['We will not stop,']
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from timeline.lang import words

__all__ = [
    "DateLine",
    "byline",
    "date_lines",
    "dateline",
    "headline",
    "line_breaks",
    "quotations",
    "stamps",
]

Span = tuple[int, int]


class DateLine(NamedTuple):
    """The date of a page's date line: its ``start`` and ``end`` in the text, the number of
    its ``line`` (1-based), and whether an update word opens it (``updated``)."""

    start: int
    end: int
    line: int
    updated: bool


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    layout = words("layout")
    separators = "|".join(
        re.escape(s) for s in sorted(layout["dateline_separators"], key=len)[::-1]
    )
    place = r"[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]+)*"
    region = r"(?:,[ \t]*[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*)*)*"
    agency = r"(?:[ \t]*\([^()\n]{1,40}\))?"
    dateline_pattern = re.compile(
        rf"\A\s*{place}{region}{agency}[ \t]*(?:{separators})(?:[ \t]*\n?)\s*"
    )
    by = "|".join(re.escape(w) for w in layout["byline_words"])
    byline_pattern = re.compile(
        rf"^[ \t]*(?:{by})[ \t]+[A-Z][\w.'\u2019-]*(?:[ \t]+(?:[A-Z][\w.'\u2019-]*|and|&))*[ \t]*$",
        re.MULTILINE,
    )
    return dateline_pattern, byline_pattern


def dateline(text: str) -> Span | None:
    """The dateline that opens ``text`` (its separator and the spaces after it included),
    or ``None``: a place in capitals, optionally its region and the agency in brackets,
    then a dash or an underscore.

    >>> dateline("WASHINGTON (AP) -- The Senate voted.")
    (0, 19)
    >>> dateline("Washington voted on Monday.") is None
    True
    """
    found = _patterns()[0].match(text)
    if found is None or not re.search(r"[A-Z]{2}", found.group()):
        return None
    return (0, found.end())


def byline(text: str) -> Span | None:
    """The first line of ``text`` that is a byline ("By Jane Doe"), without its line break.

    >>> text = "Storm hits coast\\nBy Jane Doe\\nThe storm..."
    >>> start, end = byline(text)
    >>> text[start:end]
    'By Jane Doe'
    """
    found = _patterns()[1].search(text, 0, min(len(text), 400))
    return None if found is None else (found.start(), found.end())


@functools.cache
def _stamp_pattern() -> re.Pattern[str]:
    layout = words("layout")
    opening = "|".join(re.escape(w) for w in sorted(layout["stamp_words"], key=len)[::-1])
    return re.compile(
        rf"^[ \t]*(?i:{opening})[ \t]*(?:on|at)?[ \t]*:?[ \t]*(?=\d|[A-Z][a-z])[^\n]*$",
        re.MULTILINE,
    )


def stamps(text: str) -> list[Span]:
    r"""The lines of ``text`` that are a web page's time stamp: a stamp word, then a date or
    a time (a figure or a capitalised word: "Posted on Thu Jun 12", "Updated 4 hours ago"),
    and nothing longer than ``stamp_length``.

    >>> text = "Coach fired\nPosted : May 24 , 2005\nThe team fired him.\nPublished reports say"
    >>> [text[a:b] for a, b in stamps(text)]
    ['Posted : May 24 , 2005']
    """
    longest = words("layout")["stamp_length"]
    return [
        found.span()
        for found in _stamp_pattern().finditer(text)
        if len(found.group().strip()) <= longest
    ]


@functools.cache
def _date_line_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    layout = words("layout")
    stamp_words = [*layout["stamp_words"], *layout["date_line_words"]]
    opening = "|".join(re.escape(w) for w in sorted(stamp_words, key=len)[::-1])
    updates = "|".join(re.escape(w) for w in sorted(layout["update_words"], key=len)[::-1])
    seconds = [w for w in stamp_words if w.lower() != "on"]
    second = "|".join(re.escape(w) for w in sorted(seconds, key=len)[::-1])
    return (
        re.compile(rf"[ \t]*(?i:(?:{opening})\b(?:[ \t]+(?:on|at|time)\b)?[ \t]*:?)?[ \t]*"),
        re.compile(rf"(?i:{updates})\b"),
        re.compile(rf"[ \t|/,;-]+(?i:{second})\b"),
    )


def date_lines(text: str) -> list[DateLine]:
    r"""The dates of the lines near the top of ``text`` that may be a web page's date line:
    among the first ``date_line_lines`` lines that are not blank, each line with a figure in
    it, without the stamp word that opens it ("Posted on") and without a second stamp that
    follows the first ("| Updated 9:01 AM"), when what is left is no longer than
    ``stamp_length``. Whether what is left is a date is for
    :func:`timeline.articles.printed_date` to read.

    >>> text = "Storm hits coast\nMay 24, 2005 | Updated 6:10 pm\nIt hit on May 23, 2005."
    >>> [(text[a:b], line, updated) for a, b, line, updated in date_lines(text)]
    [('May 24, 2005', 2, False), ('It hit on May 23, 2005', 3, False)]
    """
    layout = words("layout")
    opening, update, second = _date_line_patterns()
    longest = layout["stamp_length"]
    found: list[DateLine] = []
    seen = 0
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = start + len(line)
        if line.strip():
            seen += 1
            lead = opening.match(line)
            first = start + lead.end()
            rest = line[lead.end() :]
            # what is left begins the rest and is no longer than stamp_length: with no figure
            # that near the start, the line is no date line, wherever a second stamp cuts it
            if re.search(r"\d", rest[:longest]):
                cut = second.search(rest)
                rest = (rest[: cut.start()] if cut else rest).rstrip(" \t|,;.-")
                if rest and len(rest) <= longest and re.search(r"\d", rest):
                    updated = update.match(line.strip()) is not None
                    found.append(DateLine(first, first + len(rest), number, updated))
            if seen == layout["date_line_lines"]:
                break
        start = end + 1
    return found


def headline(text: str) -> Span | None:
    """The first line of ``text`` when it is a headline: it ends without a stop, a blank
    line follows it, and it is no dateline ("NAIROBI, Kenya (AP) _", which says where the
    story was filed).

    >>> headline("Iran fires missiles at US bases\\n\\nIran fired missiles on Wednesday.")
    (0, 31)
    >>> headline("Iran fired missiles.\\n\\nMore.") is None
    True
    >>> headline("BAGHDAD (AP) _\\n\\nIran fired missiles on Wednesday.") is None
    True
    """
    stripped = len(text) - len(text.lstrip())
    end = text.find("\n", stripped)
    line = text[stripped:end].rstrip() if end >= 0 else ""
    if not line or line[-1] in words("layout")["stops"]:
        return None
    filed = dateline(text)
    if filed is not None and filed[1] >= stripped + len(line):
        return None
    following = text[end + 1 :].split("\n", 1)
    if len(following) < 2 or following[0].strip():
        return None
    return (stripped, stripped + len(line))


def quotations(text: str) -> list[Span]:
    """The spans inside quotation marks, marks left out, each within one paragraph (a quote
    left open at a line break ends there).

    >>> [q for q in quotations('He said: “It is over.” Then ``we left.\\'\\'')]
    [(10, 21), (30, 38)]
    """
    found = []
    closing = words("layout")["quote_marks"]
    position = 0
    opening = re.compile("|".join(re.escape(o) for o in sorted(closing, key=len)[::-1]))
    while (start := opening.search(text, position)) is not None:
        close = closing[start.group()]
        end = text.find(close, start.end())
        line = text.find("\n", start.end())
        if end < 0 or (0 <= line < end):
            position = start.end()
            continue
        found.append((start.end(), end))
        position = end + len(close)
    return found


def line_breaks(text: str) -> list[int]:
    r"""The offset of each line break of ``text``, ascending: where its paragraphs end.

    >>> line_breaks("Headline\n\nFirst paragraph.\nSecond.")
    [8, 9, 26]
    """
    found = []
    at = text.find("\n")
    while at >= 0:
        found.append(at)
        at = text.find("\n", at + 1)
    return found
