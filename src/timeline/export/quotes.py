"""Quoting the sentence of a mention: where an article's sentences end, found once.

A sentence ends at a stop (with any closing quotes or brackets) followed by space and a
capital or a digit, or at a blank line; a stop after an abbreviation ("Aug.", "Gen.") or
initials ("U.S.", "J.") ends none. The abbreviations are in ``lang/en/quotes.toml``.

>>> Sentences("Gen. Soleimani died on Jan. 3. The U.S. Army said so.").around(15, 19, "died")
('Gen. Soleimani ', 'died', ' on Jan. 3.')
"""

from __future__ import annotations

import bisect
import functools
import re

from timeline.lang import words

__all__ = ["CONTEXT", "Sentences"]

CONTEXT = 160  # at most this many characters of a sentence either side of a trigger
#: Where a sentence may end: its stop, closing quotes or brackets, space, and a capital next
#: (after an opening quote or bracket, or the ```` of tokenized text); or a blank line.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019)\]]*\s+(?=(?:[\"\u201c\u2018(\[]|`` ?)?[A-Z0-9])|\n\s*\n"
)
#: A word before a stop that makes it an abbreviation's: initials ("U.S", "J").
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_OPENING = "\"'([\u201c\u2018"  # what may open a quoted or bracketed word


class Sentences:
    """An article's text and where its sentences end, found once, so that quoting the
    sentence of any of its mentions takes a look-up, not a scan of the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stops: list[int] = []  # where each sentence end starts (its stop)
        self.ends: list[int] = []  # where the next sentence starts
        abbreviations = _abbreviations()
        for match in _SENTENCE_END.finditer(text):
            stop = match.start()
            if text[stop] == ".":
                words = text[max(0, stop - 30) : stop].split() or [""]
                word = words[-1].lstrip(_OPENING)
                if word in abbreviations or _INITIALS.fullmatch(word):
                    continue
            self.stops.append(stop)
            self.ends.append(match.end())

    def sentence_from(self, start: int, end: int = -1) -> str:
        """The words of the text from ``start`` to the end of their sentence, or to ``end``
        if that comes first (``-1``: none), on one line.

        >>> Sentences("ROME _ Gen. Ray left on Jan. 3. He flew.").sentence_from(7)
        'Gen. Ray left on Jan. 3.'
        """
        index = bisect.bisect_left(self.stops, start)
        finish = self.ends[index] if index < len(self.ends) else len(self.text)
        if end >= 0:
            finish = min(finish, end)
        return " ".join(self.text[start:finish].split())

    def around(self, start: int, end: int, trigger: str) -> tuple[str, str, str] | None:
        """The sentence of ``text[start:end]`` as (before, trigger, after), each side at most
        ``CONTEXT`` characters, on one line; ``None`` when the text there is not ``trigger``.

        >>> Sentences("MPs met. On Sunday, they voted. Then").around(20, 24, "they")
        ('On Sunday, ', 'they', ' voted.')
        >>> Sentences('He said: "No." They left.\\n').around(15, 19, "They")
        ('', 'They', ' left.')
        >>> Sentences("On Aug. 5, U.S. troops left. Then").around(16, 22, "troops")
        ('On Aug. 5, U.S. ', 'troops', ' left.')
        """
        text = self.text
        if text[start:end] != trigger:
            return None
        index = bisect.bisect_right(self.ends, start) - 1
        begin = self.ends[index] if index >= 0 else 0
        index = bisect.bisect_left(self.stops, end)
        finish = self.ends[index] if index < len(self.ends) else len(text)
        before = " ".join(text[begin:start].split())
        if before and text[start - 1].isspace():
            before += " "
        after = " ".join(text[end:finish].split())
        if after and text[end : end + 1].isspace():
            after = " " + after
        if len(before) > CONTEXT:
            before = "…" + before[-CONTEXT:].partition(" ")[2]
        if len(after) > CONTEXT:
            after = after[:CONTEXT].rpartition(" ")[0] + "…"
        return before, trigger, after


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(words("quotes")["abbreviations"])
