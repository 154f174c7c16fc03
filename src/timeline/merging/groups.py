"""Groups of mentions as merging holds them: what the mentions of a group agree on
(:class:`_Cluster`: their bounds as instants, who did it and to whom, their predicates'
kinds, places, modalities, articles...), made from one mention and kept up to date as
groups join; and what it reads of a mention on the way (a counted object, a time only its
undated article names, when a statement may have been made).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs

from timeline.bounds import Bounds
from timeline.lang import words
from timeline.merging.predicates import (
    _attitudes,
    _mention_kinds,
    _outcome,
    _predicate,
    _statement,
    predicate_stem,
)
from timeline.model import EventMention
from timeline.moments import instant

__all__: list[str] = []

_DATED = timedelta(days=2)  # bounds at most this wide count as a date
_NEAR = timedelta(days=2)  # articles published at most this many days apart are near
_WEEK = timedelta(days=7)  # the days before its publication an article's news speaks of

#: The start of the role key of a counted object ("257 people"), apart from name keys.
_COUNTED = "#"

_ASSERTED = frozenset({"ASSERTED"})

#: The value of a cluster's sets that hold nothing: most mentions name no person, no place...
_NONE: frozenset[Any] = frozenset()


@attrs.define
class _Cluster:
    """What a group of mentions agrees on, kept up to date as groups join; its bounds are
    instants (:func:`timeline.moments.instant`).

    A cluster of one mention (``members`` is ``None``: just ``root``) holds frozen sets shared
    with the other mentions that have the same ones (one article's, one place's, one
    predicate's), and its own sets only once it grows: most mentions join nothing, and
    a set of its own for each of their dozen traits was most of the memory merging took."""

    root: int
    members: set[int] | None
    low: datetime | None
    high: datetime | None
    roles: dict[str, frozenset[str]]
    people: frozenset[str] | set[str]
    partners: frozenset[str] | set[str]  # people it was done with, neither agents nor patients
    agents: frozenset[str] | set[str]  # the keys of those who did it
    victims: frozenset[str] | set[str]  # the keys of the people it was done to
    classes: frozenset[int | str] | set[int | str]
    lemmas: frozenset[str] | set[str]
    outcome: str | None  # the outcome its predicates all tell (:func:`_outcome`)
    places: frozenset[str] | set[str]
    modalities: frozenset[str] | set[str]
    polarities: frozenset[str] | set[str]
    articles: frozenset[str] | set[str]
    #: the first of its articles' profiles (:mod:`~timeline.merging.likeness`)
    profiles: tuple[int, ...]
    named: bool  # bounded, if at all, only by times its undated articles name
    loose: bool  # some mention of it is not bounded in time at all
    timed: bool  # some mention of it names a time of its own that dates it
    reports: bool  # every mention of it is a statement ("said", "a statement")
    #: the earliest its untimed statements or presumed news may have been; none once its
    #: bounds end before that
    told: datetime | None
    #: the first and the last day its dated articles were published, if one was
    issued: tuple[date, date] | None
    #: how its texts tell it (:func:`_written`): who did it and to what as they word them,
    #: its verbs' tense and its nouns' number
    written: frozenset[str] | set[str]
    forbidden: frozenset[int] | set[int]

    @classmethod
    def of(
        cls,
        index: int,
        mention: EventMention,
        *,
        forbidden: frozenset[int] | set[int],
        published: bool,
        issued: tuple[date, date] | None,
        profile: tuple[int],
        shared: _Shared,
    ) -> _Cluster:
        """The cluster of one mention; ``published``: its article has a publication date;
        ``issued``: the day it was published, twice, if that is known;
        ``profile``: its article's profile (:class:`~timeline.merging.likeness._Articles`),
        shared by the mentions of the article."""
        unbounded = not _bounded(mention)
        roles: dict[str, frozenset[str]] = {}
        for p in mention.participants:
            roles[p.key] = shared.frozen(roles.get(p.key, _NONE) | {p.role})
        if mention.theme and _counted(mention.theme, dated=mention.time is not None):
            # "killed 257 people": a count of what was done to tells one happening as a
            # name does, in every report that gives the same count
            roles[_COUNTED + mention.theme.lower()] = shared.frozen(frozenset({"patient"}))
        people = [p for p in mention.participants if p.label == "PERSON"]
        high = None if mention.latest is None else instant(mention.latest)
        reports = mention.event_class == "REPORTING" or _statement(mention.lemma)
        # a light verb names no predicate of its own: its noun's ("made a decision"); a
        # general one is its kind with what says what it is ("made off")
        predicate = _predicate(mention)
        if mention.light:
            stems = classes = frozenset()
        elif predicate == predicate_stem(mention.lemma):
            stems, classes = frozenset({predicate}), _mention_kinds(mention)
        else:
            stems = classes = frozenset({predicate})
        return cls(
            root=index,
            members=None,
            low=None if mention.earliest is None else instant(mention.earliest),
            high=high,
            roles=shared.roles(roles),
            people=shared.frozen(frozenset(p.key for p in people)),
            partners=shared.frozen(frozenset(p.key for p in people if p.role == "other")),
            agents=shared.frozen(frozenset(k for k, r in roles.items() if "agent" in r)),
            victims=shared.frozen(frozenset(p.key for p in people if "patient" in roles[p.key])),
            classes=shared.frozen(classes),
            lemmas=shared.frozen(stems),
            outcome=_outcome(stems),
            places=shared.frozen(frozenset({mention.location} if mention.location else ())),
            modalities=shared.frozen(frozenset({mention.modality})),
            polarities=shared.frozen(frozenset({mention.polarity})),
            articles=shared.frozen(frozenset({mention.article_id})),
            profiles=profile,
            named=_named(mention, published=published),
            loose=unbounded,
            timed=mention.time is not None and mention.time.interval is not None,
            reports=reports,
            told=_told(mention, high) if reports else _presumed(mention, published=published),
            issued=issued,
            written=shared.frozen(_written(mention)),
            forbidden=forbidden,
        )

    @property
    def size(self) -> int:
        return 1 if self.members is None else len(self.members)

    def indices(self) -> Collection[int]:
        """The mentions it groups."""
        return (self.root,) if self.members is None else self.members

    def _grown(self) -> set[int]:
        """Its members, a set of its own from now on, as its roles become before they grow."""
        if self.members is None:
            self.members = {self.root}
            self.roles = dict(self.roles)
        return self.members

    def copied(
        self,
        indices: Sequence[int],
        mentions: Sequence[EventMention],
        *,
        forbidden: Iterable[frozenset[int] | set[int]],
        dated: Mapping[str, tuple[date, date] | None],
        profiles: Mapping[str, tuple[int]],
    ) -> None:
        """Take in copies of its text (:func:`~timeline.cluster._signature`) from other
        articles, ``indices`` and ``mentions``: all they add are their articles' traits, as
        :meth:`of` would give them (``forbidden`` the mentions each may not join; ``dated``
        the ``issued`` of :meth:`of` of each dated article, ``profiles`` the ``profile``)."""
        self._grown().update(indices)
        self.articles = _union(self.articles, frozenset(m.article_id for m in mentions))
        self.profiles = _first_profiles(self.profiles, *(profiles[m.article_id] for m in mentions))
        self.named = self.named and all(
            _named(m, published=m.article_id in dated) for m in mentions
        )
        for m in mentions:
            self.issued = _spanned(self.issued, dated.get(m.article_id))
        for other in forbidden:
            self.forbidden = _union(self.forbidden, other)

    def absorb(self, other: _Cluster) -> None:
        self._grown().update(other.indices())
        # the people of either that the other's roles make victims too
        victims = {k for k in other.people if "patient" in self.roles.get(k, ())}
        victims.update(k for k, r in other.roles.items() if "patient" in r and k in self.people)
        self.victims = _union(_union(self.victims, other.victims), victims)
        # groups only join when their bounds intersect
        self.low, self.high = _meet((self.low, self.high), (other.low, other.high)) or (
            self.low,
            self.high,
        )
        for key, roles in other.roles.items():
            mine = self.roles.get(key, _NONE)
            if not roles <= mine:
                self.roles[key] = _either(mine, roles)
        self.people = _union(self.people, other.people)
        if self.partners or other.partners:
            self.partners = (set(self.partners) | other.partners) - {
                k for k, r in self.roles.items() if r - {"other"}
            }
        self.agents = _union(self.agents, other.agents)  # an agent of either is one of both
        self.classes = _union(self.classes, other.classes)
        if not other.lemmas <= self.lemmas:
            self.lemmas = _union(self.lemmas, other.lemmas)
            self.outcome = _outcome(self.lemmas)
        self.places = _union(self.places, other.places)
        self.modalities = _union(self.modalities, other.modalities)
        self.polarities = _union(self.polarities, other.polarities)
        self.articles = _union(self.articles, other.articles)
        if self.profiles != other.profiles:
            self.profiles = _first_profiles(self.profiles, other.profiles)
        self.named = self.named and other.named
        self.loose = self.loose or other.loose
        self.timed = self.timed or other.timed
        self.reports = self.reports and other.reports
        self.issued = _spanned(self.issued, other.issued)
        self.written = _union(self.written, other.written)
        if other.told is not None and (self.told is None or other.told > self.told):
            self.told = other.told
        if self.told is not None and self.high is not None and self.high <= self.told:
            # joined to what happened before it could have been told: "the bombings" an
            # article presumes on the day of the search for their suspect are the bombings
            # its other mentions date a month before; that default no longer holds
            self.told = None
        self.forbidden = _union(self.forbidden, other.forbidden)

    @property
    def told_as_happened(self) -> bool:
        """Whether it is told as a happening: asserted, not a belief or a hope ("many
        believe"), nor what may happen or is called for ("to act with restraint")."""
        return self.modalities == _ASSERTED and not _attitudes(self.lemmas)

    @property
    def reported(self) -> bool:
        """Whether it may be near another group (:func:`~timeline.merging.scoring._near`):
        told as a happening in articles published within two days, with bounds, if any, that
        reach into the week before the first was published, the days their publication
        speaks of: a time its text names that places it before ("since 1993", "from 1991 to
        1997", "in 1959") says more than when it was told."""
        if self.issued is None or self.issued[1] - self.issued[0] > _NEAR:
            return False
        start = datetime.combine(max(self.issued[0], date.min + _WEEK), time()) - _WEEK
        return (
            (self.low is None or self.low >= start)
            and (self.high is None or self.high > start)
            and self.told_as_happened
        )

    @property
    def dated(self) -> bool:
        return self.within(_DATED)

    def within(self, width: timedelta) -> bool:
        """Whether it is bounded on both sides, at most ``width`` apart."""
        return self.low is not None and self.high is not None and self.high - self.low <= width


class _Shared:
    """One copy of each frozen value the clusters of single mentions hold."""

    def __init__(self) -> None:
        self.sets: dict[frozenset[Any], frozenset[Any]] = {}
        self.roles_of: dict[frozenset[Any], dict[str, frozenset[str]]] = {}

    def frozen(self, value: frozenset[Any]) -> frozenset[Any]:
        return _NONE if not value else self.sets.setdefault(value, value)

    def roles(self, roles: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        return self.roles_of.setdefault(frozenset(roles.items()), roles)


@functools.cache
def _either(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """The roles of ``first`` and of ``second``, one copy of each such set: there are few."""
    return first | second


def _first_profiles(mine: tuple[int, ...], *theirs: tuple[int, ...]) -> tuple[int, ...]:
    """The first ``context_articles`` of the profiles of ``mine`` and of each of ``theirs``:
    the first of a union are among the first of its parts, so a group keeps only those and
    compares them whatever its size."""
    return tuple(sorted({*mine, *itertools.chain(*theirs)})[: words("merging")["context_articles"]])


def _union(mine: frozenset[Any] | set[Any], theirs: frozenset[Any] | set[Any]) -> Any:
    """``mine`` with ``theirs`` added: ``mine`` itself when it has them all, grown in place
    when it is a cluster's own set, else a new set (a frozen one may be shared)."""
    if theirs <= mine:
        return mine
    if isinstance(mine, frozenset):
        return set(mine) | theirs
    mine |= theirs
    return mine


def _written(mention: EventMention) -> frozenset[str]:
    """How ``mention`` tells its happening, as words that say: ``by`` and ``to`` and the last
    word of who did it and of what it was done to where no name says ("by slepian", "to
    doctors", "to rifle"); for a verb, ``perfect`` for a present perfect ("have been
    murdered") or else ``simple``; for a noun, ``plural`` ("attacks") or ``singular``."""
    doers = [mention.actor or "", *(p.name for p in mention.participants if p.role == "agent")]
    written = {f"by {w.split()[-1].lower()}" for w in doers if w.split()}
    if mention.theme and mention.theme.split():
        written.add(f"to {mention.theme.split()[-1].lower()}")
    if mention.tense != "NONE":
        perfect = mention.tense == "PRESENT" and mention.aspect.startswith("PERFECTIVE")
        written.add("perfect" if perfect else "simple")
    else:
        word = mention.text.lower()
        written.add("plural" if word != mention.lemma and word.endswith("s") else "singular")
    return frozenset(written)


def _spanned(
    mine: tuple[date, date] | None, theirs: tuple[date, date] | None
) -> tuple[date, date] | None:
    """The first and last days of two spans of days (either may be ``None``: none)."""
    if mine is None or theirs is None or mine == theirs:
        return theirs if mine is None else mine
    return (min(mine[0], theirs[0]), max(mine[1], theirs[1]))


def _counted(theme: str, *, dated: bool) -> bool:
    """Whether an object as written gives a count of something: in figures ("257 people"),
    or in words ("one person"; not a bare "one") by a mention its own time dates ("the 1996
    bombing killed one person"), as small counts in words are common to many happenings."""
    if any(c.isdigit() for c in theme):
        return True
    first, *rest = theme.lower().split() or [""]
    return dated and bool(rest) and first in words("merging")["counts"]


def _named(mention: EventMention, *, published: bool) -> bool:
    """Whether ``mention`` is bounded, if at all, only by times its undated article names:
    its own, or its sentence's, which it inherits."""
    return not published and (
        mention.time is not None or mention.sentence_time is not None or not _bounded(mention)
    )


def _bounded(mention: EventMention) -> bool:
    return mention.earliest is not None or mention.latest is not None


def _meet(first: Bounds, second: Bounds) -> Bounds | None:
    """:func:`timeline.bounds.intersect` of bounds that are instants, as clusters hold them:
    compared as they are."""
    (low, high), (other_low, other_high) = first, second
    if low is None or (other_low is not None and other_low > low):
        low = other_low
    if high is None or (other_high is not None and other_high < high):
        high = other_high
    if low is not None and high is not None and high <= low:
        return None
    return (low, high)


def _told(mention: EventMention, high: datetime | None) -> datetime | None:
    """The earliest a statement with no time of its own may have been made: a few days
    (``statement_days`` in merging.toml) before the latest its article allows, its
    publication ("the FBI said" in an article of 2000 is not what it said in 1998)."""
    if mention.time is not None or high is None:
        return None
    return high - timedelta(days=words("merging")["statement_days"])


def _presumed(mention: EventMention, *, published: bool) -> datetime | None:
    """The earliest a happening with no time of its own that its dated article presumes on a
    day (news told in the simple past, :attr:`EventMention.presumed`) may have been: a few
    days (``statement_days``) before that day ("Iraq agreed to allow" in 1998 is not what
    Iraq agreed to in 1990)."""
    if not published or mention.time is not None or mention.presumed is None:
        return None
    return instant(mention.presumed.start) - timedelta(days=words("merging")["statement_days"])
