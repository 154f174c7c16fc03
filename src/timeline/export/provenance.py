"""What exports say of an event: its headline and the sources that report it.

>>> from timeline import Event, EventMention
>>> e = Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0),
...                  EventMention("a2", 9, 13, "vote", "vote", 0)])
>>> headline(e), sources(e)
('voted', ('a1: "voted"', 'a2: "vote"'))
"""

from __future__ import annotations

from timeline.model import Event

__all__ = ["headline", "sources"]


def headline(event: Event) -> str:
    """The event's label, or the trigger word of its first mention when it has none.

    >>> from timeline import Event, EventMention
    >>> headline(Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0)], label="MPs voted"))
    'MPs voted'
    """
    return event.label or event.mentions[0].text


def sources(event: Event) -> tuple[str, ...]:
    """One line per article that reports the event: its id and the trigger words it uses.

    >>> from timeline import Event, EventMention
    >>> sources(Event("e1", [EventMention("a1", 0, 5, "voted", "vote", 0),
    ...                      EventMention("a1", 20, 24, "vote", "vote", 1)]))
    ('a1: "voted", "vote"',)
    """
    words: dict[str, list[str]] = {}
    for mention in event.mentions:
        words.setdefault(mention.article_id, []).append(f'"{mention.text}"')
    return tuple(f"{article}: {', '.join(quoted)}" for article, quoted in words.items())
