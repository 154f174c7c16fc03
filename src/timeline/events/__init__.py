"""Event mentions of a parsed article: their triggers, participants, place, grammar and time.

:func:`find_mentions` is the mention stage of the pipeline (:mod:`timeline.pipeline`): given
an article's spaCy parse and its time expressions, it finds its event mentions: eventive
verbs and nouns (light verbs give way to their event noun: in "carried out an airstrike" the
event is the airstrike), reporting verbs, and what they report. Each mention gets its
participants (named entities, with the role the parse gives them and a name shared by the
article's variants of it), its place, its tense, aspect, modality and polarity, the time
expression attached to it, and bounds from that time and its tense; the order cues of the
text tighten them in the next stage. The word lists are data, in ``lang/en/events.toml``.

>>> from datetime import date
>>> from timeline import Article, find_times
>>> from timeline.nlp import load
>>> article = Article("On Sunday, Iraq's parliament voted. It did not attack.", date(2020, 1, 7))
>>> doc = load()(article.text)
>>> found = find_mentions(doc, article, find_times(article.text, article.published, doc=doc))
>>> [(m.text, m.time and m.time.value, m.polarity) for m in found.mentions]
[('voted', '2020-01-05', 'POS'), ('attack', None, 'NEG')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from timeline.events.extraction import _Extractor
from timeline.model import (
    Article,
    EventMention,
    TimeExpression,
)
from timeline.nlp import text_of

__all__ = ["Mentions", "find_mentions"]


@attrs.frozen
class Mentions:
    """The event mentions of one parsed article, before its order cues are read.

    ``mentions`` are in document order, bounded by their own time and tense only;
    ``tokens`` holds the index of each one's trigger token in the parse, ``heads`` maps every
    token that stands for a mention (its trigger, and the light verb of an event noun, whose
    own ``light`` mention stands for the noun's too) to the mention's index, and ``same``
    lists pairs of mentions that the syntax shows to be one happening ("a strike on the
    evening of January 2 that killed", "made a decision").

    >>> Mentions((), (), {}, ()).mentions
    ()
    """

    mentions: tuple[EventMention, ...]
    tokens: tuple[int, ...]
    heads: Mapping[int, int]
    same: tuple[tuple[int, int], ...]


def find_mentions(
    doc: Any,
    article: Article,
    times: Sequence[TimeExpression],
    triggers: Iterable[tuple[int, int]] | None = None,
) -> Mentions:
    """The event mentions of ``article`` in its spaCy parse ``doc``, with ``times`` (its time
    expressions, :func:`timeline.find_times`) attached where they modify one.

    ``triggers`` gives the events' character spans instead of finding them (gold mentions):
    one mention per span, with exactly that span, in document order; a span that is not a
    non-blank part of the text is a ``ValueError``, and so is a ``doc`` of another text.
    """
    spans = None if triggers is None else _trigger_spans(article.text, triggers)
    if not article.text.strip():
        return Mentions((), (), {}, ())
    if text_of(doc) != article.text:  # labels are cut from the text by the doc's offsets
        raise ValueError("doc must be a spaCy Doc of the article's text")
    extractor = _Extractor(doc, article, spans)
    mentions, tokens, heads = extractor.run(times)
    if spans is None:
        mentions, tokens, heads = extractor.with_light_verbs(mentions, tokens, heads)
    return Mentions(tuple(mentions), tuple(tokens), heads, tuple(sorted(extractor.same)))


def _trigger_spans(text: str, triggers: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The given trigger spans, checked, without repeats, in document order."""
    spans = set()
    for span in triggers:
        try:
            start, end = span
        except (TypeError, ValueError):
            raise TypeError(f"each trigger must be a (start, end) pair, not {span!r}") from None
        if not (isinstance(start, int) and isinstance(end, int)):
            raise TypeError(f"trigger {span!r}: offsets must be integers")
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise ValueError(
                f"trigger ({start}, {end}) is not a non-blank span of the "
                f"{len(text)}-character text"
            )
        spans.add((start, end))
    return sorted(spans)
