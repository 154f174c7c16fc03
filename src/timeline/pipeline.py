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
>>> [e.label for e in timeline_of([result]).events]
["Iraq's parliament voted to expel US troops", 'Iraq expel US troops']
>>> [e.label for e in timeline_of([result])]  # the happenings: the aim is not one yet
["Iraq's parliament voted to expel US troops"]
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Sized
from datetime import date, datetime
from typing import Any

import attrs

from timeline.bounds import OPEN, Constraint, intersect, order, solve, within_wholes
from timeline.canonical import assemble
from timeline.cluster import PART, Index, cluster, collector_paused
from timeline.cues import find_constraints, find_parts
from timeline.events import Mentions, find_mentions
from timeline.model import (
    Article,
    ArticleRecord,
    Event,
    EventMention,
    Link,
    TimeExpression,
    Timeline,
)
from timeline.nlp import check, load, parse, parse_many, reading, text_of
from timeline.parallel import map_batches, start_method
from timeline.parses import ParseCache
from timeline.pieces import cut, moved_mention, moved_time
from timeline.temporal.tagger import find_times

__all__ = [
    "ArticleEvents",
    "analyse",
    "analyse_many",
    "build",
    "extract_events",
    "merge",
    "order_mentions",
    "prepare",
    "timeline_of",
    "update",
]


@attrs.frozen
class ArticleEvents:
    """One article analysed: its time expressions and its events, with the constraints that
    order them.

    ``times`` are its time expressions (:func:`timeline.find_times`); ``mentions`` its event
    mentions in document order with their solved bounds; ``constraints`` the order cues that
    hold (``before``/``after`` index ``mentions``), ``conflicts`` those that contradict the
    rest and were left out; ``order`` lists the mentions' indices by (earliest, latest,
    constraint rank); ``parts`` pairs ``(part, whole)`` of mentions where one tells what the
    other did or consisted of (:func:`timeline.cues.find_parts`: "At least 82 were killed"
    after "bombs exploded").

    >>> ArticleEvents(Article(""), (), (), (), (), ()).consistent
    True
    """

    article: Article
    times: tuple[TimeExpression, ...]
    mentions: tuple[EventMention, ...]
    constraints: tuple[Constraint, ...]
    conflicts: tuple[Constraint, ...]
    order: tuple[int, ...]
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def consistent(self) -> bool:
        """Whether all order cues and bounds agree."""
        return not self.conflicts

    def links(self) -> list[tuple[EventMention, EventMention, str]]:
        """The constraints as ``(first, second, cue)`` mention triples, as :func:`merge`
        takes them, and the parts as ``(part, whole, "part")``.

        >>> ArticleEvents(Article(""), (), (), (), (), ()).links()
        []
        """
        m = self.mentions
        return [(m[c.before], m[c.after], c.cue) for c in self.constraints] + [
            (m[part], m[whole], PART) for part, whole in self.parts
        ]

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
    # the analysis runs with the cycle collector paused, as merging does: it makes many
    # short-lived objects in no cycle, and each collection they would trigger walks every
    # object alive, the caller's included; the next one finds the doc's tree let go
    if doc is None:
        pipeline = load() if nlp is None else check(nlp)
        doc = parse(pipeline, article.text) if article.text.strip() else None
        with collector_paused():
            return _analysed(article, doc, triggers)
    with collector_paused(), reading(doc):  # the text joined: the one find_times reads
        if text_of(doc) != article.text:
            raise ValueError("doc must be a spaCy Doc of the article's text")
        if triggers is None and (known := _annotated(doc)) is not None and known.article == article:
            return known
        return _analysed(article, doc, triggers)


def _analysed(
    article: Article, doc: Any, triggers: Iterable[tuple[int, int]] | None
) -> ArticleEvents:
    """What :func:`analyse` finds in ``article``, given ``doc``, its parse (``None`` when its
    text is blank)."""
    if not article.text.strip():
        found = find_mentions(doc, article, (), triggers)
        return ArticleEvents(article, (), found.mentions, (), (), ())
    with reading(doc):
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
    parts = find_parts(doc, found.mentions, found.tokens)
    bounds = [(m.earliest, m.latest) for m in found.mentions]
    for index in _naming_dated(found.mentions, constraints):
        bounds[index] = OPEN
    for part, whole in parts:
        if found.mentions[part].time is not None and found.mentions[whole].time is None:
            # "four people were killed on Friday morning in an explosion": it happened then
            bounds[whole] = intersect(bounds[whole], bounds[part]) or bounds[whole]
    solution = solve(bounds, constraints)
    bounds = within_wholes(list(solution.bounds), parts)
    mentions = [
        m if low is m.earliest and high is m.latest else attrs.evolve(m, earliest=low, latest=high)
        for m, (low, high) in zip(found.mentions, bounds, strict=True)
    ]
    return ArticleEvents(
        article,
        tuple(times),
        tuple(mentions),
        solution.accepted,
        solution.conflicts,
        order(mentions, solution.accepted),
        tuple(parts),
    )


def _naming_dated(mentions: Sequence[EventMention], constraints: Iterable[Constraint]) -> set[int]:
    """The mentions with no time of their own that an ``"anaphora"`` cue says name one dated
    by its own: a definite event noun that names a dated happening is bounded by it, not by
    the tense of the clause it is told in ("investigating the attack on Slepian" after "the
    Oct. 23 slaying of Slepian")."""
    return {
        c.before
        for c in constraints
        if c.cue == "anaphora"
        and mentions[c.before].time is None
        and mentions[c.after].time is not None
    }


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
    dated: Iterable[str] | Mapping[str, date | datetime] = (),
) -> list[Event]:
    """Cluster ``mentions`` into canonical events, in timeline order: the cluster and
    assemble stages (:func:`timeline.cluster.cluster`, :func:`timeline.canonical.assemble`).

    ``constraints`` are ``(first, second, cue)`` triples from the articles' order cues
    (:meth:`ArticleEvents.links`); ``dated`` the ids of the articles that have a publication
    date (the others' mentions are merged as undated reports), or their publication dates
    by id, as :func:`build` gives them: reports of articles published within two days
    are then likelier one happening.

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
    days = dated if isinstance(dated, Mapping) else frozenset(dated)
    return assemble(cluster(mentions, constraints, dated=days))


def timeline_of(analysed: Iterable[ArticleEvents], *, base: Timeline | None = None) -> Timeline:
    """The timeline of analysed articles: their mentions clustered and assembled, with the
    order cues of each article, knowing which articles are dated and keeping a record of each
    (:class:`~timeline.ArticleRecord`) for the exports to cite; with ``base``, a timeline's
    mentions, cues and articles merged too. Each analysis is dropped as soon as its mentions
    are taken, so ``analysed`` can stream. A timeline made here keeps how its mentions were
    indexed for merging (in memory), so that merging more articles into it indexes only
    theirs; one read from JSON knows which of its mentions copy another's text
    (:meth:`Timeline.to_json`), so that only the others' texts are compared. Its events'
    labels, participants, places, ids and mentions' tuples are kept for the groups that
    stay as they were (:func:`~timeline.canonical.assemble`).
    Merging runs with the cycle collector paused (:func:`~timeline.cluster.collector_paused`)."""
    mentions: list[EventMention] = []
    links: list[Link] = []
    records = {r.id: r for r in base.articles} if base else {}
    for result in analysed:
        mentions.extend(result.mentions)
        links.extend(
            Link(result.article.id, _span(a), _span(b), cue) for a, b, cue in result.links()
        )
        records[result.article.id] = ArticleRecord.of(result.article)
    links.sort(key=lambda k: k.article_id)  # stable: each article's cues in their order
    dated = {i: r.published for i, r in records.items() if r.published is not None}
    with collector_paused():
        indexed = None
        if base is not None and base._indexed is not None:
            indexed = base._indexed.more(mentions, links=links)
        if base is not None:
            links = sorted([*base.links, *links], key=lambda k: k.article_id)
        if indexed is None:
            copies = ()
            if base is not None:
                mentions = [m for event in base.events for m in event.mentions] + mentions
                copies = base._copies
            indexed = Index.of(mentions, links=links, copies=copies)
        del mentions
        # a group of the very mentions of an event of ``base`` keeps what they alone make
        known = base.events if base else ()
        built = Timeline(assemble(indexed.clusters(dated), known), records.values(), links)
    object.__setattr__(built, "_indexed", indexed)
    return built


def _span(mention: EventMention) -> tuple[int, int]:
    return (mention.start, mention.end)


def build(
    articles: Iterable[Article],
    nlp: Any = None,
    *,
    n_process: int = 1,
    cache: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int | None], object] | None = None,
) -> Timeline:
    """The canonical timeline of ``articles``: their events merged, ordered, with provenance.

    The articles (any iterable: a list, a generator, a file read line by line) are analysed
    in batches (:func:`analyse_many`: parsed, then :func:`analyse`), in ``n_process``
    worker processes if more than one, and their mentions merged (:func:`timeline_of`). Only
    a batch of articles and their parses is in memory at a time. The result does not depend
    on the order of ``articles`` nor on ``n_process``. ``nlp`` is as for :func:`analyse`;
    ``cache``, a folder where parses are kept (:class:`timeline.parses.ParseCache`), so that
    building again parses only new texts. ``progress``, if given, is called with
    ``(articles analysed, articles)`` after each article; the total is ``None`` when
    ``articles`` has no length.

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
    return timeline_of(
        analyse_many(articles, nlp, n_process=n_process, cache=cache, progress=progress)
    )


def update(
    timeline: Timeline,
    articles: Iterable[Article],
    nlp: Any = None,
    *,
    n_process: int = 1,
    cache: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int | None], object] | None = None,
) -> Timeline:
    """:meth:`timeline.Timeline.update`: ``timeline`` with ``articles`` analysed and merged
    in, equal to :func:`build` on all the articles; ids already on it are refused.

    >>> from datetime import date
    >>> text = "Iraq's parliament voted on Sunday."
    >>> first = build([Article(text, date(2020, 1, 7), "a")])
    >>> [e.articles for e in update(first, [Article(text, date(2020, 1, 8), "b")])]
    [('a', 'b')]
    """
    known = {m.article_id for event in timeline.events for m in event.mentions}
    known.update(record.id for record in timeline.articles)
    known.update(link.article_id for link in timeline.links)
    analysed = analyse_many(
        articles, nlp, n_process=n_process, cache=cache, progress=progress, known=known
    )
    return timeline_of(analysed, base=timeline)


def analyse_many(
    articles: Iterable[Article],
    nlp: Any = None,
    *,
    n_process: int = 1,
    cache: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int | None], object] | None = None,
    known: Collection[str] = (),
    batch_size: int = 64,
) -> Iterator[ArticleEvents]:
    """:func:`analyse` of each of ``articles``, in order, parsed in batches
    (:func:`timeline.nlp.parse_many`) here or in ``n_process`` worker processes
    (:func:`timeline.parallel.map_batches`, ``batch_size`` articles a batch), each loading
    ``nlp`` once. Articles get ids as
    :func:`prepare` gives them; an id met twice, or one of ``known``, is refused when met.

    >>> from datetime import date
    >>> [r.article.id for r in analyse_many([Article("He left.", id="b"), Article("A.")])]
    ['b', 'sha1:ad48308707b5']
    """
    total = len(articles) if isinstance(articles, Sized) else None
    if n_process != 1 and nlp is not None and start_method() == "spawn":
        _sendable(nlp)
    batches = map_batches(
        _analyse_batch,
        _identified(articles, set(known)),
        setup=_setup,
        argument=(nlp, None if cache is None else os.fspath(cache)),
        n_process=n_process,
        batch_size=batch_size,
    )
    done = 0
    for batch in batches:
        for result in batch:
            done += 1
            yield result
            if progress is not None:
                progress(done, total)


def _identified(articles: Iterable[Article], seen: set[str]) -> Iterator[Article]:
    """``articles`` with their ids (:func:`prepare`), refusing one met before."""
    if isinstance(articles, (str, bytes, Article)):
        raise TypeError(
            f"articles must be an iterable of timeline.Articles, not {type(articles).__name__}"
        )
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"articles must be timeline.Articles, not {type(article).__name__}")
        if not article.id:
            article = attrs.evolve(article, id=_content_id(article))
        if article.id in seen:
            raise ValueError(
                f"duplicate article ids: {article.id!r} (2 articles); give each article its own id"
            )
        seen.add(article.id)
        yield article


def _sendable(nlp: Any) -> None:
    """Refuse a pipeline that cannot be sent to worker processes, saying why."""
    try:
        pickle.dumps(check(nlp))
    except Exception as error:
        raise ValueError(
            f"the spaCy pipeline cannot be sent to worker processes ({error}); use "
            "n_process=1, or leave nlp unset so that each worker loads the installed model"
        ) from None


def _setup(argument: tuple[Any, str | None]) -> tuple[Any, ParseCache | None]:
    """In each process: the pipeline (loaded once) and the parse cache."""
    nlp, folder = argument
    pipeline = load() if nlp is None else check(nlp)
    return pipeline, None if folder is None else ParseCache(folder, pipeline)


def _analyse_batch(
    batch: list[Article], context: tuple[Any, ParseCache | None]
) -> list[ArticleEvents]:
    """The analyses of a batch of articles; a long one in pieces (:mod:`timeline.pieces`)."""
    nlp, cache = context
    pieces = [[(start, a.text[start:end]) for start, end in cut(a.text)] for a in batch]
    texts = [text for found in pieces for _, text in found]
    docs = parse_many(nlp, texts) if cache is None else cache.parse_many(texts)
    results = []
    for article, found in zip(batch, pieces, strict=True):
        if len(found) == 1:
            results.append(analyse(article, doc=next(docs)))
            continue
        parts = []
        for start, text in found:
            doc = next(docs)
            parts.append(
                (start, len(list(doc.sents)), analyse(attrs.evolve(article, text=text), doc=doc))
            )
        results.append(_joined(article, parts))
    return results


def _joined(article: Article, parts: list[tuple[int, int, ArticleEvents]]) -> ArticleEvents:
    """The analysis of ``article`` from those of its pieces: ``(offset, sentences, result)``."""
    times, mentions, constraints, conflicts, wholes = [], [], [], [], []
    sentences = 0
    for offset, count, part in parts:
        first = len(mentions)
        times.extend(moved_time(t, offset) for t in part.times)
        mentions.extend(moved_mention(m, offset, sentences) for m in part.mentions)
        for found, into in ((part.constraints, constraints), (part.conflicts, conflicts)):
            into.extend(Constraint(c.before + first, c.after + first, c.cue) for c in found)
        wholes.extend((a + first, b + first) for a, b in part.parts)
        sentences += count
    return ArticleEvents(
        article,
        tuple(times),
        tuple(mentions),
        tuple(constraints),
        tuple(conflicts),
        order(mentions, constraints),
        tuple(wholes),
    )
