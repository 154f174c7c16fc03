"""Whether two groups of mentions can be one happening, and how likely: their bounds leave a
common time (:func:`_compatible`), nothing vetoes the pair (:func:`_vetoed`: opposite
polarity or outcomes, different agents, different people it was done to...), and the score
of what they share (:func:`_score`: predicate, participants, day, articles published a day
or two apart, place, and, where no publication date bounds the pair, how alike their
articles are). Weights are data, in
``lang/en/merging.toml``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from timeline.lang import words
from timeline.merging.groups import _COUNTED, _NEAR, _Cluster, _meet, _spanned
from timeline.merging.likeness import _Articles
from timeline.merging.predicates import _attitudes, _general

__all__ = ["ZONE_SLACK"]

#: How far apart the times two articles give one happening may be: one moment is on two
#: calendar days in zones up to 14 hours apart, and a text gives its day in its own zone.
ZONE_SLACK = timedelta(hours=14)


_WEEK = timedelta(days=7)  # bounds at most this wide count as a week


def _undated(a: _Cluster, b: _Cluster) -> bool:
    """Whether no publication date bounds the pair: one is not bounded in time at all and its
    articles have no date; the other is bounded, if at all, by times its undated articles
    name, or by the publication of articles whose days are known, which says nothing of
    when the first happened."""
    return (
        (a.named or a.issued is not None)
        and (b.named or b.issued is not None)
        and ((a.named and a.loose) or (b.named and b.loose))
    )


def _near(a: _Cluster, b: _Cluster) -> bool:
    """Whether ``a`` and ``b`` are reports that may be near (:attr:`_Cluster.reported`) in
    articles all published within two days, not all the same ones (within an article its
    publication says nothing of two reports; groups that share one may be near through the
    others), both as done by some time or neither placed in time at all (a ceremony to
    come): reports of one kind then likely tell one happening, as an article's publication
    bounds when it could have been told. One placed in time and one nowhere ("the strike"
    of 2 January, "an exchange of attacks does not help") are not told alike, nor those
    their words tell apart (:func:`_told_apart`)."""
    if not (a.reported and b.reported) or a.articles == b.articles:
        return False
    days = _spanned(a.issued, b.issued)
    return (
        days is not None
        and days[1] - days[0] <= _NEAR
        and (a.high is None) == (b.high is None)
        and not _told_apart(a, b)
    )


#: Words of :attr:`_Cluster.written` that tell two reports apart when all of one's are the
#: first and all of the other's the second: one done at some time before now, one a
#: happening ("has been found guilty", "was found"); several happenings, one ("three sniper
#: attacks", "a fatal attack").
_APART = (frozenset({"perfect", "simple"}), frozenset({"plural", "singular"}))


def _told_apart(a: _Cluster, b: _Cluster) -> bool:
    """Whether the words of ``a`` and ``b`` tell two happenings: each done by someone, as
    they word it, and by no one in common ("Slepian worked", "conservatives working"); each
    done to someone or something (a name, a count: "three doctors", what the text words:
    "shooting skeet") and to nothing in common; or told as :data:`_APART` says."""
    for pair in _APART:
        mine, theirs = a.written & pair, b.written & pair
        if len(mine) == len(theirs) == 1 and mine != theirs:
            return True
    return _none_in_common(_tagged(a, "by "), _tagged(b, "by ")) or _none_in_common(
        _tagged(a, "to ") | _patients(a), _tagged(b, "to ") | _patients(b)
    )


def _tagged(cluster: _Cluster, tag: str) -> set[str]:
    """The words of ``cluster``'s :attr:`~_Cluster.written` that start with ``tag``."""
    return {w for w in cluster.written if w.startswith(tag)}


def _patients(cluster: _Cluster) -> set[str]:
    """The keys of those ``cluster`` names as what it was done to."""
    return {key for key, roles in cluster.roles.items() if "patient" in roles}


def _none_in_common(mine: set[str], theirs: set[str]) -> bool:
    """Whether both sets hold something and nothing in common."""
    return bool(mine and theirs and mine.isdisjoint(theirs))


def _compatible(a: _Cluster, b: _Cluster, *, zones: bool = False) -> bool:
    """Whether the bounds of ``a`` and ``b`` leave a common time: exactly; with ``zones``
    and across articles, with :data:`ZONE_SLACK` to spare, as two articles may give the day
    of one moment in two time zones ("on the evening of January 2" in Washington, "on
    Friday" in Baghdad) -- for pairs that share who did it or to whom, statements only when
    both name their day (a spokesman speaks every day, a strike happens once). Statements
    with no time of their own are compatible with another article's reports only from the
    day they may have been made on (:func:`~timeline.merging.groups._told`), and so is news its
    article presumes on a day (:func:`~timeline.merging.groups._presumed`); within an article, its
    own links say more than that default."""
    if a.articles.isdisjoint(b.articles) and (
        (a.told is not None and b.high is not None and b.high <= a.told)
        or (b.told is not None and a.high is not None and a.high <= b.told)
    ):
        return False  # told with no time, in articles published far apart
    if _meet((a.low, a.high), (b.low, b.high)) is not None:
        return True
    if (
        not zones
        or not a.articles.isdisjoint(b.articles)
        or (a.reports and b.reports and not (a.timed and b.timed))
    ):
        return False
    low = None if a.low is None else a.low - ZONE_SLACK
    high = None if a.high is None else a.high + ZONE_SLACK
    return _meet((low, high), (b.low, b.high)) is not None


def _vetoed(a: _Cluster, b: _Cluster) -> bool:
    """Whether ``a`` and ``b`` cannot be one happening, whatever their predicates and times:
    ordered by their article, opposite polarity or outcomes
    (:func:`~timeline.merging.predicates._outcome`), different people it was done with ("talked with
    Bagheri", "talked with Fidan"), different people it was done to, told in two articles or
    in one with no date to tell apart what it tells ("the Sixers fired Billy King" a year
    ago, "fired Maurice Cheeks" on Saturday; dated, one strike that killed two men may be
    told victim by victim), and, unless the pair is undated (:func:`_undated`), a
    hypothetical against a real event, someone who is the agent of one and the patient of
    the other, or different agents. An undated pair is only kept apart by different agents
    who are people: without dates to check them by, grammar and roles read from headlines
    and nouns ("Jackson's arrest") err more often than they tell two happenings apart."""
    if not b.forbidden.isdisjoint(a.indices()) or a.polarities != b.polarities:
        return True
    if a.outcome is not None and b.outcome is not None and a.outcome != b.outcome:
        return True  # "won", "lost"
    if a.partners and b.partners and not a.partners & b.partners:
        return True
    if (
        (a.articles.isdisjoint(b.articles) or _undated(a, b))
        and a.victims
        and b.victims
        and not a.victims & b.victims
    ):  # "fired Billy King", "fired Maurice Cheeks"
        return True
    if (
        a.articles.isdisjoint(b.articles)
        and not a.agents & b.agents
        and _attitudes(a.lemmas)
        and _attitudes(b.lemmas)
    ):  # "I felt we were not progressing", "we felt the main focus was": whose, and when?
        return True
    if _undated(a, b):
        people_a, people_b = a.agents & a.people, b.agents & b.people
        return bool(people_a and people_b and not people_a & people_b)
    if ("HYPOTHETICAL" in a.modalities) != ("HYPOTHETICAL" in b.modalities):
        return True
    if a.modalities != b.modalities and not a.articles.isdisjoint(b.articles):
        return True
    for key in a.roles.keys() & b.roles.keys():
        if {"agent", "patient"} <= (a.roles[key] | b.roles[key]) - (a.roles[key] & b.roles[key]):
            return True
    agents_a, agents_b = a.agents, b.agents
    return bool(agents_a and agents_b and agents_a.isdisjoint(agents_b))


def _score(a: _Cluster, b: _Cluster, context: _Articles) -> tuple[float, bool]:
    """The pair's score (``0.0`` when vetoed) and whether only its dates kept it apart:
    :func:`_scored`, with how alike its articles are (:class:`_Articles`) if that counts."""
    score, contested, needs = _scored(a, b, stories=context.stories)
    if needs:
        alike = context.similarity(a.profiles, b.profiles)
        if alike is not None:
            if needs == _ADDED:
                score += _context_term(alike)
            elif _unlike(alike):
                score = 0.0
    return score, contested


#: What the score of :func:`_scored` needs of how alike the pair's articles are (``alike``,
#: when known): nothing, :func:`_context_term` added, or to be 0 if they are :func:`_unlike`.
_FINAL, _ADDED, _GATED = 0, 1, 2


def _scored(a: _Cluster, b: _Cluster, *, stories: bool) -> tuple[float, bool, int]:
    """The pair's score but for how alike its articles are, whether only its dates kept it
    apart, and what its score needs of that likeness (:data:`_ADDED`, :data:`_GATED`);
    ``stories``: there are articles enough for their likeness to tell stories apart
    (``context_minimum``).

    An undated pair (:func:`_undated`) is scored on what is left: its predicate counts in
    full (synonyms as the same lemma), plus a share of how alike its articles are
    (:class:`_Articles`); places and modality are not held against it. A pair of reports
    of articles published within two days (:func:`_near`) gets ``near`` more where no
    day or week dates both. Two clusters of one
    mention each are scored from their traits alone, the same for every pair of mentions of
    these traits (:class:`~timeline.merging.clustering._Traits`) but for whether they are of
    one article.

    Statements are one only when one speaker made them, and, in two articles, on a common
    day: one bounded only by its article's publication may be any the speaker made before
    it. A common day counts for a statement and another word of its kind ("says", "a
    speech") only if they name someone in common."""
    if a.classes.isdisjoint(b.classes) or _vetoed(a, b):
        return 0.0, False, _FINAL
    if a.reports and b.reports and a.agents.isdisjoint(b.agents):
        return 0.0, False, _FINAL  # statements are one when one speaker made them, not one day
    weights = words("merging")["weights"]
    undated = _undated(a, b)
    # Who did it and to whom count; sharing only a bystander ("with", "on") does not, nor,
    # with no date to check them by, a place or a body ("a New Zealand climber", "a fall in
    # New Zealand": one topic's happenings share them)
    shared = sum(
        1
        for key in a.roles.keys() & b.roles.keys()
        if (a.roles[key] | b.roles[key]) - {"other"}
        and (not undated or key in a.people or key in b.people or key.startswith(_COUNTED))
    )
    if (
        not shared
        and (_general(a.lemmas) or _general(b.lemmas))
        and not (a.timed and b.timed and a.dated and b.dated)
    ):  # "went", "took": the same word in one story, done by whom, to whom, and when?
        return 0.0, False, _FINAL
    if (
        a.reports
        and b.reports
        and not undated
        and a.articles.isdisjoint(b.articles)
        and not (a.dated and b.dated)
    ):  # bounded only by its article's publication, a statement may be any the speaker made
        return 0.0, False, _FINAL
    score = weights["predicate"] * (1.0 if undated or not a.lemmas.isdisjoint(b.lemmas) else 0.8)
    if shared:
        score += weights["participants"] * shared / min(len(a.roles), len(b.roles))
    if not _compatible(a, b, zones=bool(shared)):
        return 0.0, bool(shared) and a.dated and b.dated, _FINAL
    # a day holds many statements: one and another word of its kind, naming nobody in
    # common ("says", "a speech"), are not one for being told on one day
    timely = shared or not a.lemmas.isdisjoint(b.lemmas) or not (a.reports or b.reports)
    if timely and a.dated and b.dated:
        score += weights["dated"]
    elif timely and a.within(_WEEK) and b.within(_WEEK):
        score += weights["week"]
    elif timely and not undated and _near(a, b):
        score += weights["near"]
    if undated:
        return score + weights["undated"], False, _ADDED
    # two reports that name nobody in common ("shares fell", "the market closed") are one
    # happening only if their articles tell one story (or nothing tells them apart)
    gated = not shared and a.articles.isdisjoint(b.articles) and stories
    if a.places and b.places:
        score += weights["place"] * (1 if a.places & b.places else -1)
    if a.modalities != b.modalities:
        score -= weights["modality"]
    return score, False, _GATED if gated else _FINAL


def _context_term(alike: Any) -> Any:
    """What how alike a pair's articles are (a number, or an array of them) adds to the
    score of an undated pair."""
    weights = words("merging")["weights"]
    return weights["context"] * (alike - weights["context_baseline"])


def _unlike(alike: Any) -> Any:
    """Whether articles this alike (a number, or an array of them) tell two stories."""
    return alike < words("merging")["weights"]["context_baseline"]
