"""Long articles in pieces: paragraphs grouped up to a size, and offsets moved back.

spaCy's memory grows with the length of the text it parses at once (about 3 MB for each
thousand characters with ``en_core_web_sm``), so :func:`timeline.build` analyses an article
longer than :data:`PIECE` characters piece by piece, as many short articles, and moves what
each piece found to its place in the whole (:func:`moved_mention`, :func:`moved_time`): memory
stays that of one piece however long the article. What a piece cannot see is the text of
the others: a relative time ("two days later") at the start of a piece is anchored on the
publication date, not on the last time of the piece before.

>>> text = "One.\\n\\nTwo two.\\n\\nThree."
>>> [text[a:b] for a, b in cut(text, 12)]
['One.\\n\\n', 'Two two.\\n\\n', 'Three.']
"""

from __future__ import annotations

import attrs

from timeline.model import Anchor, EventMention, TimeExpression

__all__ = ["PIECE", "cut", "moved_mention", "moved_time"]

#: Articles longer than this many characters are analysed in pieces of at most about this many.
PIECE = 20_000

_BREAKS = ("\n\n", "\n", ". ", " ")


def cut(text: str, size: int = PIECE) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces of ``text``: whole paragraphs, as many as fit in
    ``size`` characters, cut at a line break, a sentence end or a space when one paragraph is
    longer; the pieces cover the text.

    >>> cut("no breaks at all", 5)
    [(0, 3), (3, 8), (8, 13), (13, 16)]
    """
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        end = next(
            (start + k + len(b) for b in _BREAKS if (k := window.rfind(b)) > 0),
            start + size,
        )
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def moved_time(time: TimeExpression, offset: int) -> TimeExpression:
    """``time`` found at ``offset`` characters into the article.

    >>> moved_time(TimeExpression("Monday", 3, 9, "DATE", "2020-01-06"), 100).start
    103
    """
    anchor = time.anchor
    if anchor is not None and anchor.start is not None:
        anchor = Anchor(anchor.kind, anchor.value, anchor.start + offset)
    return attrs.evolve(time, start=time.start + offset, end=time.end + offset, anchor=anchor)


def moved_mention(mention: EventMention, offset: int, sentences: int) -> EventMention:
    """``mention`` found at ``offset`` characters and ``sentences`` sentences into the article.

    >>> moved_mention(EventMention("a", 0, 5, "voted", "vote", 2), 100, 7).sentence
    9
    """
    return attrs.evolve(
        mention,
        start=mention.start + offset,
        end=mention.end + offset,
        sentence=mention.sentence + sentences,
        time=None if mention.time is None else moved_time(mention.time, offset),
        particle=(
            None if mention.particle is None else tuple(i + offset for i in mention.particle)
        ),
        sentence_time=(
            None if mention.sentence_time is None else moved_time(mention.sentence_time, offset)
        ),
    )
