"""The plain-text listing of a :class:`timeline.Timeline`, as ``timeline build`` prints it and
``str(timeline)`` gives it: a count, then one line per event with its time in words, its
label, its confidence when something about it disagrees (below 1), and a line of its sources
(article and trigger words).

>>> from timeline import Event, EventMention, Timeline
>>> said = EventMention("a", 0, 4, "said", "say", 0, tense="PAST")
>>> print(to_text(Timeline([Event("e1", [said], label="Rouhani said")])), end="")
Timeline: 1 of 1 events
  undated  Rouhani said
           sources: a: "said"
>>> print(to_text(Timeline([Event("e1", [said], label="Rouhani said", confidence=0.6)])), end="")
Timeline: 1 of 1 events
  undated  Rouhani said  (confidence 0.60)
           sources: a: "said"
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.export.provenance import headline, sources
from timeline.export.wording import describe_when, shows_confidence
from timeline.model import Timeline


def to_text(built: Timeline, *, all_events: bool = False, title: str | None = None) -> str:
    """The listing of ``built``: the events a reader would list (:attr:`Timeline.listed`),
    or with ``all_events`` every event, under ``title`` when given."""
    return "".join(lines(built, all_events=all_events, title=title))


def lines(built: Timeline, *, all_events: bool = False, title: str | None = None) -> Iterator[str]:
    """The lines of :func:`to_text`, each ending in a newline."""
    if title:
        yield f"{one_line(title)}\n\n"
    if all_events:
        shown = list(built.events)
        yield f"Timeline: {len(shown)} events\n"
    else:
        shown = list(built.listed)
        yield f"Timeline: {len(shown)} of {len(built.events)} events\n"
    times = [describe_when(e) for e in shown]
    width = max((len(t) for t in times), default=0)
    for event, time in zip(shown, times, strict=True):
        doubt = f"  (confidence {event.confidence:.2f})" if shows_confidence(event) else ""
        yield f"  {time:<{width}}  {headline(event)}{doubt}\n"
        yield f"  {'':<{width}}  sources: {one_line('; '.join(sources(event)))}\n"


def one_line(text: str) -> str:
    """``text`` with each run of whitespace (newlines, tabs) shown as one space.

    >>> one_line("Iran\\n  strikes")
    'Iran strikes'
    """
    return " ".join(text.split())
