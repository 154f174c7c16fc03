"""The pipeline: from articles to one timeline, stage by stage.

::

    articles ─ prepare ─► parse ─► times ─► mentions ─► cues and bounds ─► cluster ─► assemble
               (ids)      spaCy    find_    find_       find_constraints,   cluster   assemble
                                   times    mentions    solve                            │
                                                                                    Timeline

Each stage is a function of what the stage before returned, and each value carries what the
next stage needs: the article keeps its publication date, title and source to the end; the
times found once serve the mentions, the order cues and the exports; the parse is dropped once
an article's events are out. :func:`analyse` runs the stages of one article, :func:`merge` the
last two over mentions of many, :func:`build` all of them.

>>> from datetime import date
>>> from timeline import Article
>>> a = Article("On Sunday, Iraq's parliament voted to expel US troops.", date(2020, 1, 7), "a")
>>> result = analyse(a)
>>> [(t.text, t.value) for t in result.times], [m.text for m in result.mentions]
([('Sunday', '2020-01-05')], ['voted', 'expel'])
>>> [e.label for e in timeline_of([result])]
['Iraq voted', 'Iraq expel United States']
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from timeline.bounds import Constraint, order, solve
from timeline.canonical import assemble
from timeline.cluster import cluster
from timeline.cues import find_constraints
from timeline.events import Mentions, find_mentions
from timeline.model import Article, ArticleRecord, Event, EventMention, TimeExpression, Timeline
from timeline.nlp import check, load, parse, parse_many
from timeline.temporal.tagger import find_times

__all__ = [
    "ArticleEvents",
    "analyse",
    "build",
    "extract_events",
    "merge",
    "order_mentions",
    "prepare",
    "timeline_of",
]


@attrs.frozen
class ArticleEvents:
    """One article analysed: its time expressions and its events, with the constraints that
    order them.

    ``times`` are its time expressions (:func:`timeline.find_times`); ``mentions`` its event
    mentions in document order with their solved bounds; ``constraints`` the order cues that
    hold (``before``/``after`` index ``mentions``), ``conflicts`` those that contradict the
    rest and were left out; ``order`` lists the mentions' indices by (earliest, latest,
    constraint rank).

    >>> ArticleEvents(Article(""), (), (), (), (), ()).consistent
    True
    """

    article: Article
    times: tuple[TimeExpression, ...]
    mentions: tuple[EventMention, ...]
    constraints: tuple[Constraint, ...]
    conflicts: tuple[Constraint, ...]
    order: tuple[int, ...]

    @property
    def consistent(self) -> bool:
        """Whether all order cues and bounds agree."""
        return not self.conflicts

    def links(self) -> list[tuple[EventMention, EventMention, str]]:
        """The constraints as ``(first, second, cue)`` mention triples, as :func:`merge`
        takes them.

        >>> ArticleEvents(Article(""), (), (), (), (), ()).links()
        []
        """
        return [(self.mentions[c.before], self.mentions[c.after], c.cue) for c in self.constraints]

    def ordered(self) -> list[EventMention]:
        """The mentions in time order.

        >>> ArticleEvents(Article(""), (), (), (), (), ()).ordered()
        []
        """
        return [self.mentions[i] for i in self.order]


def prepare(articles: Iterable[Article]) -> list[Article]:
    """``articles`` ready for the pipeline, sorted by id: an article without an id gets one
    from a hash of its text and date; two articles with one id are refused.

    >>> [a.id for a in prepare([Article("B.", id="b"), Article("A.", id="a")])]
    ['a', 'b']
    >>> prepare([Article("A.")])[0].id
    'sha1:ad48308707b5'
    >>> prepare([Article("A.", id="x"), Article("B.", id="x")])
    Traceback (most recent call last):
    ...
    ValueError: duplicate article ids: 'x' (2 articles); give each article its own id
    """
    found = []
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"articles must be timeline.Articles, not {type(article).__name__}")
        found.append(article if article.id else attrs.evolve(article, id=_content_id(article)))
    counts = Counter(a.id for a in found)
    repeated = sorted(i for i, n in counts.items() if n > 1)
    if repeated:
        listed = ", ".join(f"{i!r} ({counts[i]} articles)" for i in repeated)
        raise ValueError(f"duplicate article ids: {listed}; give each article its own id")
    return sorted(found, key=lambda a: a.id)


def _content_id(article: Article) -> str:
    published = article.published.isoformat() if article.published else ""
    digest = hashlib.sha1(f"{published}\n{article.text}".encode()).hexdigest()
    return f"sha1:{digest[:12]}"


def analyse(
    article: Article,
    nlp: Any = None,
    *,
    triggers: Iterable[tuple[int, int]] | None = None,
    doc: Any = None,
) -> ArticleEvents:
    """The stages of one article: parse, times, mentions, cues and bounds.

    ``nlp`` is a spaCy pipeline with a tagger, parser, lemmatizer and entity recognizer; by
    default the installed English model (:func:`timeline.nlp.load`). ``doc``, the article's
    text already parsed (as :func:`timeline.nlp.parse_many` parses many at once), is used
    instead of parsing it again; when the ``timeline`` spaCy component
    (:mod:`timeline.component`) has already analysed it for this article, its result is
    returned. ``triggers`` gives the events' character spans instead of finding them (gold
    mentions), as for :func:`extract_events`.

    >>> from datetime import date
    >>> result = analyse(Article("He resigned after the vote.", published=date(2020, 1, 7)))
    >>> [m.text for m in result.ordered()], result.constraints[0].cue
    (['vote', 'resigned'], 'after')
    >>> article = Article("He resigned after the vote.", published=date(2020, 1, 7))
    >>> analyse(article, doc=load()(article.text)) == result
    True
    """
    if not isinstance(article, Article):
        raise TypeError(f"article must be a timeline.Article, not {type(article).__name__}")
    if doc is not None and getattr(doc, "text", None) != article.text:
        raise ValueError("doc must be a spaCy Doc of the article's text")
    pipeline = None if doc is not None else load() if nlp is None else check(nlp)
    if not article.text.strip():
        found = find_mentions(doc, article, (), triggers)
        return ArticleEvents(article, (), found.mentions, (), (), ())
    if doc is None:
        doc = parse(pipeline, article.text)
    elif triggers is None and (known := _annotated(doc)) is not None and known.article == article:
        return known
    times = find_times(article.text, published=article.published, doc=doc)
    return order_mentions(doc, article, times, find_mentions(doc, article, times, triggers))


def _annotated(doc: Any) -> ArticleEvents | None:
    """What the ``timeline`` spaCy component wrote on ``doc``, if it ran."""
    extension = getattr(doc, "_", None)
    return (
        getattr(extension, "timeline_events", None)
        if doc.has_extension("timeline_events")
        else None
    )


def order_mentions(
    doc: Any, article: Article, times: Iterable[TimeExpression], found: Mentions
) -> ArticleEvents:
    """The cues-and-bounds stage: the order cues of the parse (:func:`timeline.cues.
    find_constraints`) solved with the mentions' bounds (:func:`timeline.bounds.solve`)."""
    constraints = find_constraints(doc, found.mentions, found.tokens, found.heads)
    for a, b in found.same:
        constraints += [Constraint(a, b, "same event"), Constraint(b, a, "same event")]
    solution = solve([(m.earliest, m.latest) for m in found.mentions], constraints)
    mentions = [
        attrs.evolve(m, earliest=low, latest=high)
        for m, (low, high) in zip(found.mentions, solution.bounds, strict=True)
    ]
    return ArticleEvents(
        article,
        tuple(times),
        tuple(mentions),
        solution.accepted,
        solution.conflicts,
        order(mentions, solution.accepted),
    )


def extract_events(
    article: Article, nlp: Any = None, *, triggers: Iterable[tuple[int, int]] | None = None
) -> list[EventMention]:
    """The event mentions of ``article`` in document order, each with its time bounds.

    ``nlp`` is as for :func:`analyse`. Text without events, blank text included, gives
    ``[]``. Without a publication date, bounds come only from absolute dates and the order
    cues.

    >>> from datetime import date
    >>> [m] = extract_events(Article("The ministers will meet on Friday.", date(2020, 1, 7)))
    >>> (m.lemma, m.modality, m.earliest.isoformat())
    ('meet', 'FUTURE', '2020-01-10T00:00:00')

    ``triggers`` gives the events' character spans instead of finding them (gold mentions):
    one mention per span, with exactly that span, in document order.

    >>> text = "Iraq's parliament voted on Sunday."
    >>> [m] = extract_events(Article(text, date(2020, 1, 7)), triggers=[(18, 23)])
    >>> (m.text, m.time.value)
    ('voted', '2020-01-05')
    """
    return list(analyse(article, nlp, triggers=triggers).mentions)


def merge(
    mentions: Iterable[EventMention],
    constraints: Iterable[tuple[EventMention, EventMention, str]] = (),
    *,
    dated: Iterable[str] = (),
) -> list[Event]:
    """Cluster ``mentions`` into canonical events, in timeline order: the cluster and
    assemble stages (:func:`timeline.cluster.cluster`, :func:`timeline.canonical.assemble`).

    ``constraints`` are ``(first, second, cue)`` triples from the articles' order cues
    (:meth:`ArticleEvents.links`); ``dated`` the ids of the articles that have a publication
    date (the others' mentions are merged as undated reports).

    >>> from datetime import datetime
    >>> from timeline import Participant
    >>> us = Participant("United States", "untd stts", "GPE", "agent")
    >>> a = EventMention("a", 0, 9, "airstrike", "airstrike", 0, (us,),
    ...                  earliest=datetime(2020, 1, 2, 17), latest=datetime(2020, 1, 2, 21))
    >>> b = EventMention("b", 4, 10, "strike", "strike", 0, (us,), latest=datetime(2020, 1, 8))
    >>> [event] = merge([a, b], dated=["a", "b"])
    >>> (event.articles, event.earliest.hour, event.latest.hour)
    (('a', 'b'), 17, 21)
    """
    return assemble(cluster(mentions, constraints, dated=frozenset(dated)))


def timeline_of(analysed: Iterable[ArticleEvents]) -> Timeline:
    """The timeline of analysed articles: their mentions clustered and assembled, with the
    order cues of each article and knowing which articles are dated; it keeps a record of
    each article (:class:`~timeline.ArticleRecord`) for the exports to cite."""
    mentions: list[EventMention] = []
    links: list[tuple[EventMention, EventMention, str]] = []
    dated: set[str] = set()
    records: list[ArticleRecord] = []
    for result in analysed:
        mentions.extend(result.mentions)
        links.extend(result.links())
        records.append(ArticleRecord.of(result.article))
        if result.article.published is not None:
            dated.add(result.article.id)
    return Timeline(merge(mentions, links, dated=dated), records)


def build(
    articles: Iterable[Article],
    nlp: Any = None,
    *,
    progress: Callable[[int, int], object] | None = None,
) -> Timeline:
    """The canonical timeline of ``articles``: their events merged, ordered, with provenance.

    The articles are prepared (:func:`prepare`: ids checked, sorted), parsed in batches
    (:func:`timeline.nlp.parse_many`), analysed one by one (:func:`analyse`), and their
    mentions merged (:func:`timeline_of`); the result does not depend on the order of
    ``articles``. ``nlp`` is as for :func:`analyse`. ``progress``, if given, is called with
    ``(articles analysed, articles)`` after each article.

    >>> from datetime import date
    >>> len(build([]))
    0
    >>> done = []
    >>> len(build([Article("Iraq's parliament voted on Sunday.", date(2020, 1, 7), "a")],
    ...           progress=lambda n, total: done.append((n, total))))
    1
    >>> done
    [(1, 1)]
    """
    ready = prepare(articles)
    pipeline = (load() if nlp is None else check(nlp)) if ready else None
    docs = parse_many(pipeline, (a.text for a in ready))
    analysed = []
    for number, (article, doc) in enumerate(zip(ready, docs, strict=True), start=1):
        analysed.append(analyse(article, doc=doc))
        if progress is not None:
            progress(number, len(ready))
    return timeline_of(analysed)
