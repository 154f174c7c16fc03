"""Resolution: a :class:`~timeline.temporal.grammar.Spec` plus its anchor -> TIMEX3 and Interval.

Deictic expressions ("yesterday", "last week") anchor on the publication date; anaphoric
ones ("the following day", "two days later") on the narrative's last resolved time fine
enough for them. Bare weekdays, months, seasons and holidays take the occurrence the tense
of their clause points to. Granularity is never invented, and without an anchor the value
keeps its unknown parts as ``X`` and there is no interval.

>>> from datetime import date
>>> resolve("two days ago", published=date(2020, 1, 7)).timex
'2020-01-05'
>>> resolve("on Sunday", published=date(2020, 1, 7), tense="future").timex
'2020-01-12'
>>> resolve("Sunday") is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo

import attrs

from timeline.model import Anchor, Interval
from timeline.temporal.calendar import UNIT_GRANULARITY, floor, holiday, move, season_start
from timeline.temporal.grammar import scan
from timeline.temporal.spec import Spec
from timeline.temporal.timex3 import PARTS_OF_DAY, Granularity, format_value, span
from timeline.temporal.words import lexicon
from timeline.temporal.zones import zone_on

G = Granularity
_RANK = {g: i for i, g in enumerate(Granularity)}
TENSES = ("past", "present", "future")


@attrs.frozen
class Mention:
    """A time resolved earlier in the narrative, available as an anchor. ``ends_day``: a
    midnight that ends the day before its interval ("midnight Friday" is Friday's end), the
    day a following "the next morning" counts from."""

    interval: Interval
    start: int
    ends_day: bool = False


@attrs.frozen
class Context:
    """What an expression is resolved against.

    ``published`` is the publication moment (midnight when only a date is known), or
    ``None``; ``history`` the times resolved so far in the text, latest last (anchoring asks
    only for the latest time of a granularity, so the latest of each is enough).
    ``verb_past`` says the past tense is that of a verb right before the expression ("won
    3-2 on January 13") or of a happening the expression dates ("the Aug. 7 bombings"): the
    time is that event's, and a near date ahead is no reading.
    """

    published: datetime | None = None
    history: tuple[Mention, ...] = ()
    tense: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(TENSES))
    )
    verb_past: bool = False


@attrs.frozen
class Resolution:
    """The TIMEX3 annotation and interval of one expression."""

    type: str
    value: str
    interval: Interval | None = None
    mod: str | None = None
    anchor: Anchor | None = None
    quant: str | None = None
    #: Whether later anaphoric expressions may anchor on this one.
    narrative: bool = True


def as_moment(published: date | datetime | None) -> datetime | None:
    """A publication date or datetime as the moment relative times count from.

    >>> as_moment(date(2020, 1, 7))
    datetime.datetime(2020, 1, 7, 0, 0)
    """
    if published is None or isinstance(published, datetime):
        return published
    if isinstance(published, date):
        return datetime.combine(published, time())
    raise TypeError(
        f"published must be a date, a datetime or None, not {type(published).__name__}; "
        "parse strings first, e.g. date.fromisoformat('2020-01-07')"
    )


def resolve(
    expression: str, published: date | datetime | None = None, tense: str | None = None
) -> Interval | None:
    """The interval one time expression names, resolved against a publication date.

    ``tense`` (``"past"``, ``"present"`` or ``"future"``) is the tense of the clause the
    expression modifies; it decides which Sunday "on Sunday" is. Returns ``None`` when the
    expression names no single span (durations, sets, ``recently``) or nothing anchors it.

    >>> resolve("the evening of January 2", published=date(2020, 1, 7)).timex
    '2020-01-02TEV'
    >>> resolve("last week", published=date(2020, 1, 7)).timex
    '2020-W01'
    """
    if not isinstance(expression, str):
        raise TypeError(f"expression must be a str, not {type(expression).__name__}")
    matches = scan(expression)
    if not matches:
        return None
    longest = max(matches, key=lambda m: m.end - m.start)
    try:
        return resolve_spec(longest.spec, Context(as_moment(published), tense=tense)).interval
    except ValueError:  # a date that does not exist: "February 29, 2021"
        return None


def resolve_spec(spec: Spec, ctx: Context) -> Resolution:
    """Resolve a Spec in a context: the heart of :func:`find_times` and :func:`resolve`.

    An expression whose time lies beyond the calendar (years 1 to 9999), or whose anchor
    does ("tomorrow" published on 31 December 9999), is resolved as if nothing anchored it,
    and where even that leaves the calendar, to its value alone, without an interval.
    Raises ``ValueError`` for a date that does not exist ("February 29, 2021").

    >>> from datetime import datetime
    >>> from timeline.temporal.spec import read
    >>> beyond = resolve_spec(read("point", {"dayword": "tomorrow"}), Context(datetime.max))
    >>> beyond.value, beyond.interval
    ('XXXX-XX-XX', None)
    """
    resolver = _RESOLVERS[spec.kind]
    for context in (ctx, Context(tense=ctx.tense)):
        try:
            resolution = resolver(spec, context)
        except (OverflowError, ValueError) as error:
            if not _beyond_calendar(error):
                raise
            continue
        return resolution if spec.open_mod is None else attrs.evolve(resolution, mod=spec.open_mod)
    return Resolution("TIME" if spec.hour is not None else "DATE", _unanchored(spec))


def _beyond_calendar(error: Exception) -> bool:
    """Whether ``error`` says a moment fell outside the years ``datetime`` can hold."""
    return isinstance(error, OverflowError) or str(error).startswith("year ")


# ---------------------------------------------------------------- anchors


def _publication_anchor(ctx: Context) -> tuple[datetime, Anchor] | None:
    if ctx.published is None:
        return None
    return ctx.published, _publication(ctx.published.replace(tzinfo=None), ctx.published.tzinfo)


@functools.lru_cache(maxsize=256)
def _publication(published: datetime, zone: tzinfo | None) -> Anchor:
    """The anchor of a publication moment, ``published`` as its zone ``zone`` tells it: the
    same for every time of an article, made once."""
    moment = published.replace(tzinfo=zone)
    value = (
        format_value(floor(moment, G.DAY).replace(tzinfo=None), G.DAY)
        if moment.time() == time()
        else published.isoformat(timespec="minutes")
    )
    return Anchor("publication", value)


def _anchor(
    ctx: Context, anaphoric: bool, finest: Granularity, *, by_day: bool = False
) -> tuple[datetime, Anchor] | None:
    """The narrative's last time at ``finest`` or finer when ``anaphoric``; else publication.
    ``by_day``: the anchor's day is what counts, so a midnight that ends a day stands for
    that day ("midnight Friday ... the next morning" is Saturday's)."""
    if anaphoric:
        for mention in reversed(ctx.history):
            if _RANK[mention.interval.granularity] <= _RANK[finest]:
                interval = mention.interval
                moment = interval.start
                if by_day and mention.ends_day:
                    moment -= timedelta(microseconds=1)
                return moment, Anchor("narrative", interval.timex, mention.start)
    return _publication_anchor(ctx)


def _tz(ctx: Context) -> tzinfo | None:
    return ctx.published.tzinfo if ctx.published else None


def _interval(start: datetime, granularity: Granularity) -> Interval:
    return Interval(*span(start, granularity), granularity)


# ---------------------------------------------------------------- points


def _point(spec: Spec, ctx: Context) -> Resolution:
    timed = spec.hour is not None or spec.part is not None
    kind = "TIME" if timed else "DATE"
    found = _date_part(spec, ctx) if spec.unit is None else _unit_around(spec, ctx)
    if found is None:
        value = {"W": "XXXX-WXX", "D": "XXXX-XX-XX"}.get(spec.unit or "", "") or _unanchored(spec)
        return Resolution(kind, value, mod=_position(spec))
    interval, anchor = found
    if timed and _RANK[interval.granularity] <= _RANK[G.DAY]:
        narrated = anchor is not None and anchor.kind == "narrative"
        interval = _with_time(spec, interval, ctx.tense, narrated)
    elif timed:
        kind = "DATE"
    mod = _position(spec) or spec.mod
    side = _side(interval, ctx, spec.direction) if spec.direction else None
    if side is not None:
        interval = side
    elif mod in ("START", "MID", "END"):
        interval = _narrow(interval, mod)
    # "the 1988 quarter" is the base of a comparison, not a time the story moves to
    compared = _year_unit(spec)
    return Resolution(kind, interval.timex, interval, mod, anchor, narrative=not compared)


def _side(interval: Interval, ctx: Context, direction: int) -> Interval | None:
    """The part of ``interval`` before (``direction`` -1) or from (+1) the publication, when
    it falls inside: "earlier this year", "later this month", "the rest of the week"."""
    if ctx.published is None:
        return None
    pivot = ctx.published
    if _RANK[interval.granularity] > _RANK[G.DAY]:
        pivot = floor(pivot, G.DAY)
    if not interval.start <= pivot < interval.end or (direction < 0 and pivot == interval.start):
        return None
    start, end = (interval.start, pivot) if direction < 0 else (pivot, interval.end)
    return Interval(start, end, interval.granularity)


def _unit_around(spec: Spec, ctx: Context) -> tuple[Interval, Anchor | None] | None:
    """The week around a day ("the week of March 6") or the nth week of a month or year ("the
    first week of October"), counting weeks from the one holding the first Thursday, as ISO
    8601 counts the weeks of a year."""
    found = _date_part(attrs.evolve(spec, unit=None, nth=None, number=None), ctx)
    if found is None:
        return None
    around, anchor = found
    if spec.nth is None:
        granularity = UNIT_GRANULARITY[spec.unit or "W"]
        return _interval(floor(around.start, granularity), granularity), anchor
    if spec.unit == "D":  # "the last day of the month", "the first day of next year"
        day = floor(around.start, G.DAY) + timedelta(days=spec.nth - 1)
        if spec.nth < 0:
            day = floor(around.end - timedelta(seconds=1), G.DAY) + timedelta(days=spec.nth + 1)
        if not around.start <= day < around.end:
            raise ValueError(f"{around.timex} has no day {spec.nth}")
        return _interval(day, G.DAY), anchor
    first = floor(around.start + timedelta(days=3), G.WEEK)
    last = floor(around.end - timedelta(days=4), G.WEEK)
    start = move(first, G.WEEK, spec.nth - 1) if spec.nth > 0 else move(last, G.WEEK, spec.nth + 1)
    if not first <= start <= last:
        raise ValueError(f"{around.timex} has no week {spec.nth}")
    return _interval(start, G.WEEK), anchor


def _date_part(spec: Spec, ctx: Context) -> tuple[Interval, Anchor | None] | None:
    tz = _tz(ctx)
    if spec.decade is not None:
        return _interval(datetime(spec.decade, 1, 1, tzinfo=tz), G.DECADE), None
    if spec.century is not None:
        return _interval(
            datetime(max((spec.century - 1) * 100, 1), 1, 1, tzinfo=tz), G.CENTURY
        ), None
    if _year_unit(spec):
        return _unit_of_year(spec, ctx), None
    if spec.year is not None:
        return _in_year(spec, spec.year, tz), None
    if spec.by_event:
        return None
    finest = _finest_named(spec)
    anaphoric = spec.anaphoric or _time_of_day_only(spec)
    if spec.calunit == "Y" and spec.shift is None:
        ctx = _without_years_ahead(ctx)
    by_day = spec.day_offset is not None or spec.calunit == "D"
    anchored = _anchor(ctx, anaphoric, finest or G.DAY, by_day=by_day)
    if anchored is None:
        return None
    moment, anchor = anchored
    if spec.year_shift is not None:
        return _in_year(spec, moment.year + spec.year_shift, tz), anchor
    if spec.weekday is not None and (spec.nth is not None or spec.calunit == "W"):
        return _weekday_in(spec, moment, ctx), anchor
    if spec.day is not None and spec.month is None and spec.calunit is None:
        return _day_of_month(spec, moment, ctx.tense), anchor
    if spec.month is not None or spec.season or spec.holiday or spec.quarter or spec.half:
        return _nearest_occurrence(spec, moment, ctx.tense, tz, ctx.verb_past), anchor
    if spec.weekday is not None:
        return _weekday(spec, moment, ctx.tense), anchor
    if spec.day_offset is not None:
        return _interval(floor(moment, G.DAY) + timedelta(days=spec.day_offset), G.DAY), anchor
    if spec.calunit == "M" and spec.day is not None:
        month = _calendar_unit(spec, moment, ctx)
        return _interval(month.start.replace(day=spec.day), G.DAY), anchor
    if spec.calunit is not None:
        return _calendar_unit(spec, moment, ctx), anchor
    return _interval(floor(moment, G.DAY), G.DAY), anchor


def _without_years_ahead(ctx: Context) -> Context:
    """``ctx`` without the times of its narrative that fall in a year after the publication's:
    a year only looked ahead to is not "the year" the story is in ("expects a profit next
    year ... cut costs by the end of the year", "aims at a 50% share by 1992 ... forecast
    higher earnings for the full year")."""
    if ctx.published is None:
        return ctx
    this_year = ctx.published.year
    return attrs.evolve(
        ctx, history=tuple(m for m in ctx.history if m.interval.start.year <= this_year)
    )


def _time_of_day_only(spec: Spec) -> bool:
    """ "At 3 p.m." names no day: it is on the day the narrative is at."""
    return spec.hour is not None and all(
        v is None
        for v in (spec.month, spec.day, spec.weekday, spec.day_offset, spec.holiday, spec.calunit)
    )


def _finest_named(spec: Spec) -> Granularity | None:
    """For an expression anchored on the narrative, the unit its anchor must be known to."""
    if spec.calunit is not None and spec.anaphoric:
        return UNIT_GRANULARITY[spec.calunit]
    if spec.weekday is not None and spec.anaphoric:
        return G.DAY
    return None


def _year_unit(spec: Spec) -> bool:
    """Whether ``spec`` is a unit of a year it names ("the 1988 quarter")."""
    return spec.year is not None and spec.calunit is not None and spec.anaphoric


def _unit_of_year(spec: Spec, ctx: Context) -> Interval:
    """ "The 1988 quarter", "the 1989 period": the quarter the narrative is at (else the last
    complete one), in the year named; the year alone when neither is known."""
    granularity, year = UNIT_GRANULARITY[spec.calunit or "Y"], spec.year
    moment = ctx.history[-1].interval.start if ctx.history else ctx.published
    if moment is None:
        return _in_year(spec, year, _tz(ctx))
    at = _the_unit(granularity, moment, ctx).start
    return _interval(at.replace(year=year), granularity)


def _in_year(spec: Spec, year: int, tz: tzinfo | None) -> Interval:
    if spec.holiday is not None:
        day = _holiday_date(spec.holiday, year)
        return _interval(datetime.combine(day, time(), tz), G.DAY)
    if spec.month is not None and spec.day is not None:
        return _interval(datetime(year, spec.month, spec.day, tzinfo=tz), G.DAY)
    if spec.month is not None:
        return _interval(datetime(year, spec.month, 1, tzinfo=tz), G.MONTH)
    if spec.quarter is not None:
        return _interval(datetime(year, 3 * spec.quarter - 2, 1, tzinfo=tz), G.QUARTER)
    if spec.half is not None:
        return _interval(datetime(year, 1 if spec.half == 1 else 7, 1, tzinfo=tz), G.HALF_YEAR)
    if spec.season is not None:
        return _interval(season_start(year, spec.season).replace(tzinfo=tz), G.SEASON)
    return _interval(datetime(year, 1, 1, tzinfo=tz), G.YEAR)


def _holiday_date(key: tuple[str, str], year: int) -> date:
    family, name = key
    return holiday(family, lexicon()["holidays"][family][name], year)


def _nearest_occurrence(
    spec: Spec, moment: datetime, tense: str | None, tz: tzinfo | None, verb_past: bool = False
) -> Interval:
    candidates = []
    for year in (moment.year - 1, moment.year, moment.year + 1):
        try:
            candidate = _in_year(spec, year, tz)
        except ValueError:
            continue
        if spec.weekday is None or candidate.start.isoweekday() == spec.weekday:
            candidates.append(candidate)
    if not candidates:
        raise ValueError("no such date in the years around the anchor")
    unit = candidates[0].granularity
    if spec.shift == 0:
        return next((c for c in candidates if c.start.year == moment.year), candidates[1])
    if spec.shift is not None and spec.shift < 0:
        before = [c for c in candidates if c.start < floor(moment, unit)]
        return before[-1] if before else candidates[0]
    if spec.shift is not None and spec.shift > 0:
        return next((c for c in candidates if c.start > moment), candidates[-1])
    if unit in (G.QUARTER, G.HALF_YEAR) and tense == "future":
        return next(c for c in candidates if c.end > moment - _REPORTING_LAG)
    chosen = _by_tense(candidates, moment, tense, default="nearest")
    far = tense == "past" and not verb_past and _distance(chosen, moment) > _FAR
    if far and (spec.day is not None or unit is G.MONTH):
        ahead = next((c for c in candidates if c.start > moment), None)
        if ahead is not None and _distance(ahead, moment) <= _NEAR:
            return ahead
    return chosen


#: A month and day, or a month, that a past tense would put this far back gives way to the
#: same date this near ahead: news names coming deadlines and plans inside past-tense
#: reporting ("extended its offer to Nov. 20", "said the hearing is on Feb. 10", "told oil
#: companies of a cutback in September"), while a past event almost a year back usually
#: comes with its year, or with its verb right before it ("won 3-2 on Jan. 13").
_FAR = timedelta(days=300)
_NEAR = timedelta(days=62)

#: A quarter is still spoken of in the future tense while its results are being reported
#: ("will report third-quarter earnings" in early November; quarterly reports are due
#: within 40 to 45 days of the quarter's end).
_REPORTING_LAG = timedelta(days=45)


def _by_tense(
    candidates: Sequence[Interval], moment: datetime, tense: str | None, default: str
) -> Interval:
    """Past: the latest on or before ``moment``; future: the first not over by then."""
    choice = tense if tense in ("past", "future") else default
    if choice == "past":
        on_or_before = [c for c in candidates if c.start <= moment]
        return on_or_before[-1] if on_or_before else candidates[0]
    if choice == "future":
        return next((c for c in candidates if c.end > moment), candidates[-1])
    return min(candidates, key=lambda c: _distance(c, moment))


def _distance(interval: Interval, moment: datetime) -> timedelta:
    if moment in interval:
        return timedelta(0)
    return interval.start - moment if interval.start > moment else moment - interval.end


def _weekday(spec: Spec, moment: datetime, tense: str | None) -> Interval:
    day = floor(moment, G.DAY)
    days = _weekdays_around(day, 13, spec.weekday) if spec.weekday is not None else []
    candidates = [_interval(d, G.DAY) for d in days]
    if spec.day_offset is not None:  # "Thursday week": days after the coming Thursday
        weekday = _weekday(attrs.evolve(spec, day_offset=None), moment, "future")
        return _interval(weekday.start + timedelta(days=spec.day_offset), G.DAY)
    if spec.shift is not None and not spec.anaphoric:
        week = move(floor(moment, G.WEEK), G.WEEK, spec.shift)
        return _on_calendar(c for c in candidates if floor(c.start, G.WEEK) == week)
    if spec.shift is not None and spec.shift < 0:
        return _on_calendar(reversed([c for c in candidates if c.start < day]))
    if spec.shift is not None and spec.shift > 0:
        return _on_calendar(c for c in candidates if c.start > day)
    if tense == "future":
        return _on_calendar(c for c in candidates if c.start >= day)
    chosen = _by_tense(candidates, moment, tense, default="past")
    if chosen.start > moment:  # the calendar's first week: no such day before it
        raise OverflowError(f"no {spec.weekday} before {moment:%Y-%m-%d}")
    return chosen


def _on_calendar(candidates: Iterable[Interval]) -> Interval:
    """The first of ``candidates``; none means the day wanted lies beyond the calendar."""
    for candidate in candidates:
        return candidate
    raise OverflowError("the day lies beyond the calendar")


def _weekdays_around(day: datetime, reach: int, weekday: int) -> list[datetime]:
    """The days of ``weekday`` (ISO, Monday 1) from ``reach`` days before ``day`` to
    ``reach`` after whose whole span lies inside the calendar, stepping a week at a time."""
    lowest, highest = datetime.min.toordinal(), datetime.max.toordinal() - 1
    first = -reach + (weekday - day.isoweekday() + reach) % 7
    return [
        day + timedelta(days=k)
        for k in range(first, reach + 1, 7)
        if lowest <= day.toordinal() + k <= highest
    ]


def _weekday_in(spec: Spec, moment: datetime, ctx: Context) -> Interval:
    """ "Friday next week" (a weekday of a week), "the first Friday of July" (of a month)."""
    if spec.nth is None:
        week = _calendar_unit(attrs.evolve(spec, weekday=None), moment, ctx)
        return _interval(week.start + timedelta(days=(spec.weekday or 1) - 1), G.DAY)
    bare = attrs.evolve(spec, weekday=None, nth=None, day=None)
    if spec.month is not None and spec.year is not None:
        month = _in_year(bare, spec.year, _tz(ctx))
    elif spec.month is not None:
        month = _nearest_occurrence(bare, moment, ctx.tense, _tz(ctx))
    else:
        month = _calendar_unit(attrs.evolve(bare, calunit="M"), moment, ctx)
    days = [month.start + timedelta(days=k) for k in range((month.end - month.start).days)]
    matching = [d for d in days if d.isoweekday() == spec.weekday]
    nth = spec.nth or 1
    if nth > len(matching):
        raise ValueError(f"there is no {nth}th such weekday in {month.timex}")
    return _interval(matching[nth - 1 if nth > 0 else -1], G.DAY)


def _day_of_month(spec: Spec, moment: datetime, tense: str | None) -> Interval:
    """ "The 27th" (of a month the anchor or tense picks); with a weekday, a month where the
    day falls on it ("Thursday the 21st")."""
    this_month = floor(moment, G.MONTH)
    candidates = []
    for k in range(-12, 13):
        first = move(this_month, G.MONTH, k)
        try:
            day = first.replace(day=spec.day or 1)
        except ValueError:
            continue
        if spec.weekday is None or day.isoweekday() == spec.weekday:
            candidates.append(_interval(day, G.DAY))
    if not candidates:
        raise ValueError(f"no month around {moment:%Y-%m} has that day")
    if spec.weekday is not None:
        return min(candidates, key=lambda c: _distance(c, moment))
    near = [c for c in candidates if abs((c.start - moment).days) < 62]
    return _by_tense(near, moment, tense, default="nearest")


def _calendar_unit(spec: Spec, moment: datetime, ctx: Context) -> Interval:
    granularity = UNIT_GRANULARITY[spec.calunit or "D"]
    if spec.shift is None:
        return _the_unit(granularity, moment, ctx)
    return _interval(move(floor(moment, granularity), granularity, spec.shift), granularity)


def _the_unit(granularity: Granularity, moment: datetime, ctx: Context) -> Interval:
    """ "The quarter", "the year": the last one the narrative named, else the one at hand.

    A weekend is the one the tense points to; a quarter not named before is the last
    complete one (what a company reports on).
    """
    named = _last_named(ctx, granularity)
    if named is not None:
        return _interval(floor(named.interval.start, granularity), granularity)
    if granularity is G.WEEKEND:
        weekends = [
            _interval(move(floor(moment, G.WEEKEND), G.WEEK, k), G.WEEKEND) for k in (-1, 0, 1)
        ]
        return _by_tense(weekends, moment, ctx.tense, default="past")
    start = floor(moment, granularity)
    if granularity is G.QUARTER:
        start = move(start, G.QUARTER, -1)
    return _interval(start, granularity)


def _with_time(
    spec: Spec, day_interval: Interval, tense: str | None, narrated: bool = False
) -> Interval:
    """The time of day on that day; a midnight ahead ("expires at midnight") ends the day, as
    does one on a day the narrative is at (``narrated``: "in the evening ... went to bed at
    midnight"). A zone named with the time ("0300 GMT") is kept as its offset on that wall
    clock."""
    day = floor(day_interval.start, G.DAY)
    zone = zone_on(spec.zone, day) if spec.zone else None
    if zone is not None:
        day = day.replace(tzinfo=zone)
    if spec.hour is not None:
        start = day.replace(hour=spec.hour, minute=spec.minute or 0, second=spec.second or 0)
        if start == day and (
            tense == "future" or (spec.midnight and (narrated or _names_day(spec)))
        ):
            start += timedelta(days=1)
        return _interval(start, G.SECOND if spec.second is not None else G.MINUTE)
    return _interval(day + timedelta(hours=PARTS_OF_DAY[spec.part or "MO"][0]), G.PART_OF_DAY)


def _names_day(spec: Spec) -> bool:
    """Whether ``spec`` names its day ("midnight Friday", "midnight on Jan. 5"): midnight
    then ends that day, as news uses it for deadlines and curfews."""
    return (
        spec.weekday is not None
        or spec.day is not None
        or spec.holiday is not None
        or spec.day_offset is not None
    )


def _position(spec: Spec) -> str | None:
    return spec.mod if spec.mod in ("START", "MID", "END") else None


#: How long before midnight a late night begins: past midnight, news names the next day
#: ("late Thursday night" before it, "early Friday" after it).
_LATE_NIGHT = timedelta(hours=2)


def _narrow(interval: Interval, mod: str) -> Interval:
    """The first, middle or last third of an interval, on day boundaries when coarser; a
    late night is the last hours before its midnight."""
    if mod == "END" and interval.granularity is G.PART_OF_DAY and interval.timex.endswith("NI"):
        midnight = floor(interval.start, G.DAY) + timedelta(days=1)
        return Interval(midnight - _LATE_NIGHT, midnight, G.PART_OF_DAY)
    third = (interval.end - interval.start) / 3
    start = interval.start + third * {"START": 0, "MID": 1, "END": 2}[mod]
    end = start + third
    if _RANK[interval.granularity] > _RANK[G.DAY]:
        start, end = floor(start, G.DAY), floor(end, G.DAY)
    return Interval(
        start, min(end, interval.end) if mod != "END" else interval.end, interval.granularity
    )


def _unanchored(spec: Spec) -> str:
    """The TIMEX3 value of a point with nothing to anchor it (unknown parts are X), or of
    one beyond the calendar ("9999-12-31"), which keeps the year it names."""
    if spec.year is not None and spec.month is not None:
        day = f"-{spec.day:02d}" if spec.day else ""
        date_value = f"{spec.year:04d}-{spec.month:02d}{day}"
    elif spec.year is not None and spec.holiday and spec.holiday[0] == "fixed":
        month, day = lexicon()["holidays"]["fixed"][spec.holiday[1]]
        date_value = f"{spec.year:04d}-{month:02d}-{day:02d}"
    elif spec.year is not None:
        date_value = f"{spec.year:04d}"
    elif spec.decade is not None:
        date_value = f"{spec.decade // 10:03d}"
    elif spec.century is not None:
        date_value = f"{spec.century - 1:02d}"
    elif spec.weekday is not None:
        date_value = f"XXXX-WXX-{spec.weekday}"
    elif spec.month is not None:
        date_value = f"XXXX-{spec.month:02d}" + (f"-{spec.day:02d}" if spec.day else "")
    elif spec.season:
        date_value = f"XXXX-{spec.season}"
    elif spec.quarter:
        date_value = f"XXXX-Q{spec.quarter}"
    elif spec.half:
        date_value = f"XXXX-H{spec.half}"
    elif spec.holiday and spec.holiday[0] == "fixed":
        month, day = lexicon()["holidays"]["fixed"][spec.holiday[1]]
        date_value = f"XXXX-{month:02d}-{day:02d}"
    elif spec.calunit is not None:
        date_value = {
            "W": "XXXX-WXX",
            "WE": "XXXX-WXX-WE",
            "M": "XXXX-XX",
            "Q": "XXXX-QX",
            "Y": "XXXX",
            "DE": "XXX",
            "CE": "XX",
        }.get(spec.calunit, "XXXX-XX-XX")
    else:
        date_value = "XXXX-XX-XX"
    if spec.hour is not None:
        seconds = f":{spec.second:02d}" if spec.second is not None else ""
        return f"{date_value}T{spec.hour:02d}:{spec.minute or 0:02d}{seconds}"
    if spec.part is not None:
        return f"{date_value}T{spec.part}"
    return date_value


# ---------------------------------------------------------------- ranges


def _range(spec: Spec, ctx: Context) -> Resolution:
    """From one point to another, both included, or for a length from a point: a DURATION
    with the interval they span. Clock times are moments: "3 to 4pm" ends at 16:00, and an
    end not after its start is on the next day ("11 p.m. to 3")."""
    point = attrs.evolve(spec, kind="point", until=None)
    if spec.until is None and spec.number is not None and spec.unit is not None:
        return _length_from(attrs.evolve(point, number=None, unit=None), spec, ctx)
    first = _endpoint(point, ctx)
    last = _day_of_start(spec.until, first) or _endpoint(spec.until or spec, ctx)
    if first is None or last is None:
        return Resolution("DURATION", "PXD")
    interval, anchor = first
    end = last[0]
    if _RANK[end.granularity] <= _RANK[G.HOUR]:
        until = end.start
        if until <= interval.start:
            until += timedelta(days=1)
        whole = Interval(interval.start, until, interval.granularity)
        value = duration_value((until - interval.start).total_seconds() / 3600, "H")
        return Resolution("DURATION", value, whole, anchor=anchor or last[1])
    if end.end <= interval.start and spec.until is not None and spec.until.year is None:
        # the end's next occurrence: a weekday's in a week ("from Monday to Friday"), a
        # date's in a year ("from December 20 to January 5")
        bare_weekday = spec.until.weekday is not None and spec.until.month is None
        step = G.WEEK if bare_weekday and spec.until.day is None else G.YEAR
        end = Interval(move(end.start, step, 1), move(end.end, step, 1), end.granularity)
    if end.end <= interval.start:
        raise ValueError(f"a range cannot end ({end}) before it starts ({interval})")
    granularity = min(interval.granularity, end.granularity, key=_RANK.__getitem__)
    whole = Interval(interval.start, end.end, granularity)
    return Resolution("DURATION", _span_value(whole), whole, anchor=anchor or last[1])


def _day_of_start(
    end: Spec | None, first: tuple[Interval, Anchor | None] | None
) -> tuple[Interval, Anchor | None] | None:
    """ "From the 2nd to the 10th": a bare day of the month ends the range in the start's
    month, or in the next when it comes before the start ("from the 30th to the 2nd")."""
    bare = end is not None and end.day is not None and end.month is None and end.year is None
    if not bare or first is None or first[0].granularity is not G.DAY or end.calunit:
        return None
    start = first[0].start
    month = (
        floor(start, G.MONTH) if end.day >= start.day else move(floor(start, G.MONTH), G.MONTH, 1)
    )
    return _interval(month.replace(day=end.day), G.DAY), first[1]


def _length_from(point: Spec, spec: Spec, ctx: Context) -> Resolution:
    """ "Three weeks starting March 2": the length, on the interval it runs from the point."""
    unit = spec.unit or "D"
    value = duration_value(spec.number, unit)
    found = _endpoint(point, ctx)
    if found is None or unit not in UNIT_GRANULARITY or spec.number is None:
        return Resolution("DURATION", value)
    start, anchor = found
    end = _shift(start.start, [(spec.number, unit)], 1)
    if end <= start.start:
        return Resolution("DURATION", value)
    return Resolution(
        "DURATION", value, Interval(start.start, end, start.granularity), anchor=anchor
    )


def _endpoint(spec: Spec, ctx: Context) -> tuple[Interval, Anchor | None] | None:
    if spec.ref == "PRESENT_REF":
        anchored = _publication_anchor(ctx)
        return (_interval(floor(anchored[0], G.DAY), G.DAY), anchored[1]) if anchored else None
    resolution = _point(spec, ctx)
    return (resolution.interval, resolution.anchor) if resolution.interval else None


def _span_value(interval: Interval) -> str:
    """The length of a span in the unit it is known to: ``P19D``, ``P3M``, ``P4Y``."""
    start, end = interval.start, interval.end
    months = (end.year - start.year) * 12 + end.month - start.month
    whole_years = months % 12 == 0 and (start.month, start.day) == (end.month, end.day)
    if interval.granularity in (G.YEAR, G.DECADE, G.CENTURY) and whole_years:
        return duration_value(months // 12, "Y")
    if _RANK[interval.granularity] >= _RANK[G.MONTH] and start.day == end.day:
        return duration_value(months, "M")
    return duration_value((end - start).days or 1, "D")


# ---------------------------------------------------------------- offsets


def _offset(spec: Spec, ctx: Context) -> Resolution:
    if spec.plus:
        return _compound_offset(spec, ctx)
    if spec.until is not None:
        return _unit_next_to(spec, ctx)
    unit = spec.unit or "D"
    granularity = G.WEEK if unit == "WE" else UNIT_GRANULARITY.get(unit, G.DAY)
    finest = G.DAY if _RANK[granularity] <= _RANK[G.DAY] else granularity
    anchored = _anchor(ctx, spec.anaphoric, finest)
    sign = spec.direction or -1
    if spec.number is None:
        if anchored is not None and unit in ("S", "MIN", "H") and _day_anchor(*anchored):
            # "minutes later", "a few hours earlier" than a day told without a clock time
            day = _interval(floor(anchored[0], G.DAY), G.DAY)
            return Resolution("DATE", day.timex, day, spec.mod, anchored[1])
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolution("DATE", ref, mod=spec.mod, anchor=anchored[1] if anchored else None)
    if anchored is None:
        return Resolution("DATE", _unanchored_unit(granularity), mod=spec.mod)
    moment, anchor = anchored
    count = round(spec.number) * sign
    if spec.day_offset is not None:  # "three weeks from tomorrow": a day, counted from that day
        day = floor(moment, G.DAY) + timedelta(days=spec.day_offset)
        interval = _interval(move(day, granularity, count), G.DAY)
        return Resolution("DATE", interval.timex, interval, spec.mod, anchor)
    if unit in ("S", "MIN", "H"):
        return _clock_offset(spec, moment, anchor, count, unit)
    comparison = False
    if unit == "Y" and abs(count) == 1:
        moment, granularity, anchor = _year_ago_unit(spec, ctx, moment, anchor)
        # a quarter borrowed from the narrative, or "a year ago", "a year earlier": the base
        # of a comparison, where the story does not move ("up from $4 a year earlier")
        comparison = granularity is not G.YEAR or count < 0
    steps = count * {G.QUARTER: 4, G.MONTH: 12}.get(granularity, 1) if unit == "Y" else count
    target = move(floor(moment, granularity), granularity, steps)
    interval = _interval(target, granularity)
    return Resolution("DATE", interval.timex, interval, spec.mod, anchor, narrative=not comparison)


def _unit_next_to(spec: Spec, ctx: Context) -> Resolution:
    """ "The day after Christmas", "the week before the vote": the unit just after (before)
    the time named, which must be known to that unit or finer."""
    unit = UNIT_GRANULARITY[spec.unit or "D"]
    base = _point(spec.until, ctx)  # type: ignore[arg-type]
    if base.interval is None or _RANK[base.interval.granularity] > _RANK[unit]:
        return Resolution("DATE", _unanchored_unit(unit), mod=spec.mod)
    start = floor(move(base.interval.start, unit, spec.direction or 1), unit)
    interval = _interval(start, unit)
    return Resolution("DATE", interval.timex, interval, spec.mod, base.anchor)


def _last_named(ctx: Context, granularity: Granularity) -> Mention | None:
    """The last time the narrative named of ``granularity`` (a quarter, a month), if any."""
    return next((m for m in reversed(ctx.history) if m.interval.granularity is granularity), None)


def _year_ago_unit(
    spec: Spec, ctx: Context, moment: datetime, anchor: Anchor
) -> tuple[datetime, Granularity, Anchor]:
    """ "A year ago" in a report about a quarter or a month means that quarter or month; "the
    year-ago quarter" is a year before the quarter the narrative named last, else before the
    one at hand (for a quarter, the last complete one: what a company reports on)."""
    wanted = UNIT_GRANULARITY[spec.calunit] if spec.calunit else None
    if wanted is None:
        last = ctx.history[-1] if ctx.history else None
        if last is None or last.interval.granularity not in (G.QUARTER, G.MONTH):
            return moment, G.YEAR, anchor
        wanted = last.interval.granularity
    named = _last_named(ctx, wanted)
    if named is not None:
        return named.interval.start, wanted, Anchor("narrative", named.interval.timex, named.start)
    return _the_unit(wanted, moment, ctx).start, wanted, anchor


def _clock_offset(
    spec: Spec, moment: datetime, anchor: Anchor, count: int, unit: str
) -> Resolution:
    seconds = {"S": 1, "MIN": 60, "H": 3600}[unit] * count
    if _day_anchor(moment, anchor):  # "two hours later" than Monday: on Monday, no clock time
        interval = _interval(floor(moment + timedelta(seconds=seconds), G.DAY), G.DAY)
        return Resolution("DATE", interval.timex, interval, spec.mod, anchor)
    granularity = {"S": G.SECOND, "MIN": G.MINUTE, "H": G.HOUR}[unit]
    interval = _interval(floor(moment + timedelta(seconds=seconds), granularity), granularity)
    return Resolution("TIME", interval.timex, interval, spec.mod, anchor)


def _day_anchor(moment: datetime, anchor: Anchor) -> bool:
    """Whether ``anchor`` names a day, not a time of it: a publication day, or a day of the
    narrative ("on Monday ... two hours later")."""
    if anchor.kind == "publication":
        return moment.time() == time()
    return "T" not in anchor.value


def _unanchored_unit(granularity: Granularity) -> str:
    return {G.WEEK: "XXXX-WXX", G.MONTH: "XXXX-XX", G.QUARTER: "XXXX-QX", G.YEAR: "XXXX"}.get(
        granularity, "XXXX-XX-XX"
    )


# ---------------------------------------------------------------- durations, sets, references


#: Durations TimeML writes in another unit: quarters in months, decades and centuries in years.
_IN_OTHER_UNITS = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}


_CLOCK_UNITS = ("H", "MIN", "S")
_DESIGNATOR = {"H": "H", "MIN": "M", "S": "S"}
#: Where half a unit goes: half a year is six months, half an hour thirty minutes.
_SMALLER = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}


def duration_value(number: float | None, unit: str) -> str:
    """The TIMEX3 duration value of ``number`` ``unit`` s (``None`` for an unknown number).

    >>> duration_value(3, "D"), duration_value(None, "W"), duration_value(1.5, "H")
    ('P3D', 'PXW', 'PT1H30M')
    >>> duration_value(2.5, "Y"), duration_value(0.5, "H")
    ('P2Y6M', 'PT30M')
    >>> duration_value(2, "Q"), duration_value(2, "DE")
    ('P6M', 'P20Y')
    """
    if unit in _IN_OTHER_UNITS:
        factor, unit = _IN_OTHER_UNITS[unit]
        number = None if number is None else number * factor
    if number is None:
        return f"PTX{_DESIGNATOR[unit]}" if unit in _CLOCK_UNITS else f"PX{unit}"
    whole, fraction = divmod(number, 1)
    parts = [(whole, unit)] if whole else []
    if fraction and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        parts.append((fraction * per, smaller))
    elif fraction:
        parts = [(number, unit)]
    date_part = "".join(f"{_figure(n)}{u}" for n, u in parts if u not in _CLOCK_UNITS)
    time_part = "".join(f"{_figure(n)}{_DESIGNATOR[u]}" for n, u in parts if u in _CLOCK_UNITS)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


#: Units in the order ISO 8601 writes them.
_UNIT_ORDER = ("CE", "DE", "Y", "Q", "M", "W", "WE", "D", "H", "MIN", "S")


def lengths_value(parts: Sequence[tuple[float | None, str]]) -> str:
    """The TIMEX3 value of a length made of several units.

    >>> lengths_value([(10, "D"), (2, "M")]), lengths_value([(1, "D"), (5, "H")])
    ('P2M10D', 'P1DT5H')
    """
    values = [duration_value(n, u) for n, u in sorted(parts, key=lambda p: _UNIT_ORDER.index(p[1]))]
    date_part = "".join(v[1:].partition("T")[0] for v in values)
    time_part = "".join(v.partition("T")[2] for v in values)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _shift(moment: datetime, parts: Sequence[tuple[float, str]], sign: int) -> datetime:
    """``moment`` moved by each length in turn, forward (``sign`` 1) or back (-1); a
    ValueError when that leaves the calendar."""
    try:
        for number, unit in parts:
            step = UNIT_GRANULARITY[unit]
            if step in _CLOCK_STEPS:
                moment += sign * timedelta(seconds={"S": 1, "MIN": 60, "H": 3600}[unit] * number)
            else:
                moment = move(moment, G.WEEK if step is G.WEEKEND else step, sign * round(number))
    except OverflowError:
        raise ValueError(f"{parts} from {moment} is beyond the calendar") from None
    return moment


def _compound_offset(spec: Spec, ctx: Context) -> Resolution:
    """ "1 month 21 days ago": the day (or minute, with clock units) that far from the anchor."""
    parts = [(spec.number or 0.0, spec.unit or "D"), *spec.plus]
    clock = any(u in ("S", "MIN", "H") for _, u in parts)
    anchored = _anchor(ctx, spec.anaphoric, G.MINUTE if clock else G.DAY)
    if anchored is None:
        return Resolution("DATE", "XXXX-XX-XX", mod=spec.mod)
    moment, anchor = anchored
    timed = clock and not (anchor.kind == "publication" and moment.time() == time())
    granularity = G.MINUTE if timed else G.DAY
    target = _shift(moment if timed else floor(moment, G.DAY), parts, spec.direction or -1)
    interval = _interval(floor(target, granularity), granularity)
    return Resolution("TIME" if timed else "DATE", interval.timex, interval, spec.mod, anchor)


_CLOCK_STEPS = (G.SECOND, G.MINUTE, G.HOUR)


def _figure(number: float) -> str:
    """A number as ISO 8601 writes it: every digit of a whole number, never an exponent."""
    return str(int(number)) if number == int(number) else f"{number:g}"


def _duration(spec: Spec, ctx: Context) -> Resolution:
    unit = spec.unit or "D"
    from_moment = _from_publication_moment(spec, ctx)
    if from_moment is not None:
        return from_moment
    if spec.plus:
        return _compound_duration(spec, ctx)
    value = duration_value(spec.number, unit)
    if spec.direction and spec.number is not None:
        return _duration_pointing(spec, ctx, value)
    interval = None
    anchored = _publication_anchor(ctx) if spec.span else None
    if anchored is not None and spec.number is not None and unit in UNIT_GRANULARITY:
        moment, _ = anchored
        step = UNIT_GRANULARITY[unit]
        count = round(spec.number)
        if count < 1 or (step in _CLOCK_STEPS and moment.time() == time()):
            anchored = None
        elif step in _CLOCK_STEPS:  # "the past 3 minutes" of a publication time
            other = _shift(moment, [(count, unit)], spec.span)
            start, end = sorted((moment, other))
            interval = Interval(start, end, G.SECOND if step is G.SECOND else G.MINUTE)
        else:
            edge = floor(moment, G.DAY) + (timedelta(days=1) if spec.span > 0 else timedelta(0))
            other = move(edge, step if step is not G.WEEKEND else G.WEEK, count * spec.span)
            start, end = sorted((edge, other))
            interval = Interval(start, end, G.DAY)
    return Resolution("DURATION", value, interval, spec.mod, anchored[1] if interval else None)


def _from_publication_moment(spec: Spec, ctx: Context) -> Resolution | None:
    """A length in clock units ahead of a publication time, to the second: "within 15
    seconds" of 16:12 runs to 16:12:15, "within the next 1 day and 5 hours" to 21:12 the
    next day. ``None`` when the length does not run from the publication or only its day
    is known."""
    parts = [(spec.number, spec.unit or "D"), *spec.plus]
    ahead = (spec.within and ctx.tense != "past") or (spec.span or 0) > 0
    anchored = _publication_anchor(ctx)
    if (
        not ahead
        or anchored is None
        or anchored[0].time() == time()
        or any(n is None or u not in UNIT_GRANULARITY for n, u in parts)
        or not any(UNIT_GRANULARITY[u] in _CLOCK_STEPS for _, u in parts)
    ):
        return None
    start = floor(anchored[0], G.SECOND)
    lengths = [(float(n or 0), u) for n, u in parts]
    try:
        end = _shift(start, lengths, 1)
    except ValueError:
        return None
    granularity = G.SECOND if any(u == "S" for _, u in parts) else G.MINUTE
    value = lengths_value(lengths) if spec.plus else duration_value(spec.number, spec.unit or "D")
    return Resolution("DURATION", value, Interval(start, end, granularity), spec.mod, anchored[1])


def _compound_duration(spec: Spec, ctx: Context) -> Resolution:
    """ "The past 2 months and 10 days": the length, anchored on the publication day after a
    span word as one length is."""
    parts = [(spec.number or 0.0, spec.unit or "D"), *spec.plus]
    value = lengths_value(parts)
    if spec.within:
        return _within(parts, ctx, Resolution("DURATION", value, mod=spec.mod))
    anchored = _publication_anchor(ctx) if spec.span else None
    if anchored is None or any(u not in UNIT_GRANULARITY for _, u in parts):
        return Resolution("DURATION", value, mod=spec.mod)
    edge = floor(anchored[0], G.DAY) + (timedelta(days=1) if (spec.span or 0) > 0 else timedelta(0))
    start, end = sorted((edge, _shift(edge, parts, spec.span or 0)))
    interval = Interval(start, end, G.DAY) if end > start else None
    return Resolution("DURATION", value, interval, spec.mod, anchored[1] if interval else None)


def _duration_pointing(spec: Spec, ctx: Context, value: str) -> Resolution:
    """A duration that names a time too: "in three days" the day three days on, "within the
    next hour" the time up to it, "four days from Friday" four days on from that Friday.
    In a past clause "in three days" is how long something took, and names no time."""
    plain = Resolution("DURATION", value, mod=spec.mod)
    if spec.within:
        return _within([(spec.number or 0.0, spec.unit or "D")], ctx, plain)
    ahead = attrs.evolve(spec, kind="offset", until=None, span=None, anaphoric=False, mod=None)
    if spec.until is not None:  # the time counted from, as read on its own
        base = _point(spec.until, ctx)
        unit = UNIT_GRANULARITY.get(spec.unit or "D", G.DAY)
        if base.interval is None or _RANK[base.interval.granularity] > _RANK[unit]:
            return plain
        count = round(spec.number or 0) * spec.direction
        start = move(base.interval.start, unit, count)
        interval = _interval(start, base.interval.granularity)
        return Resolution("DURATION", value, interval, spec.mod, base.anchor)
    if ctx.tense == "past":
        return plain
    reached = _offset(ahead, Context(ctx.published, (), ctx.tense))
    if reached.interval is None:
        return plain
    return Resolution("DURATION", value, reached.interval, spec.mod, reached.anchor)


def _within(parts: Sequence[tuple[float, str]], ctx: Context, plain: Resolution) -> Resolution:
    """ "Within three years", "within the next 1 day and 5 hours": from the publication up
    to the lengths on; from a publication day, up to the end of the day they reach (the
    moment in that day is unknown). In a past clause it is how long something took."""
    anchored = _publication_anchor(ctx)
    if ctx.tense == "past" or anchored is None or any(u not in UNIT_GRANULARITY for _, u in parts):
        return plain
    moment, anchor = anchored
    try:
        if moment.time() == time():
            start, granularity = floor(moment, G.DAY), G.DAY
            end = floor(_shift(start, parts, 1), G.DAY) + timedelta(days=1)
        else:
            start, granularity = floor(moment, G.MINUTE), G.MINUTE
            end = _shift(start, parts, 1)
    except ValueError:
        return plain
    if end <= start:
        return plain
    return attrs.evolve(plain, interval=Interval(start, end, granularity), anchor=anchor)


def _set(spec: Spec, ctx: Context) -> Resolution:
    """A recurrence: its TIMEX3 value, with the time of day it recurs at ("each Friday at
    5pm" ``XXXX-WXX-5T17:00``, "every evening" ``XXXX-XX-XXTEV``)."""
    quant = "EVERY" if spec.freq == "EVERY" else None
    clock = (
        f"T{spec.hour:02d}:{spec.minute or 0:02d}"
        if spec.hour is not None
        else f"T{spec.part}"
        if spec.part
        else ""
    )
    if spec.weekday is not None:
        value = f"XXXX-WXX-{spec.weekday}" + clock
    elif spec.month is not None:
        value = f"XXXX-{spec.month:02d}"
    elif spec.season is not None:
        value = f"XXXX-{spec.season}"
    elif clock and spec.unit in (None, "D") and spec.number in (None, 1):
        value = "XXXX-XX-XX" + clock
    elif spec.unit is not None:
        value = (
            f"P{spec.number or 1:g}{spec.unit}"
            if spec.unit == "Q"
            else duration_value(spec.number or 1, spec.unit)
        )
    else:
        value = spec.freq if spec.freq not in (None, "EVERY") else "P1D"
    return Resolution("SET", value, mod=_position(spec), quant=quant)


def _reference(spec: Spec, ctx: Context) -> Resolution:
    value = spec.ref or "PRESENT_REF"
    anchored = _publication_anchor(ctx)
    if value == "PRESENT_REF" and anchored is not None:
        interval = _interval(floor(anchored[0], G.DAY), G.DAY)
        return Resolution("DATE", value, interval, anchor=anchored[1])
    return Resolution("DATE", value, anchor=anchored[1] if anchored else None)


_RESOLVERS = {
    "point": _point,
    "offset": _offset,
    "duration": _duration,
    "set": _set,
    "ref": _reference,
    "range": _range,
}
