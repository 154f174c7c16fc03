"""What the words of a time expression mean, before anchoring: :class:`Spec`, and reading
a recognition rule's named groups into one.

>>> read("point", {"month": "Jan.", "day": "2"}).month
1
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import attrs

from timeline.temporal.words import lexicon
from timeline.temporal.zones import lookup

#: The kinds of rule, each resolved differently (see resolve.py).
KINDS = ("point", "offset", "duration", "set", "ref", "range")


@attrs.frozen
class Spec:
    """What a time expression's words say, before anchoring.

    Calendar fields (``year`` ... ``second``) are ``None`` where the words leave them open.
    ``shift`` moves a unit relative to the anchor's (``last week`` is -1 WEEK); ``anaphoric``
    marks expressions anchored on the narrative ("the following day"). ``number`` is ``None``
    for vague quantities ("several weeks"). On a point, ``unit`` names the unit around the
    day ("the week of March 6") or, with ``nth``, the nth such unit of a month or year ("the
    first week of October"); ``direction`` keeps the side of the anchor a point lies on
    ("earlier this year" -1, "later this year" and "the rest of the year" +1). A range runs
    from its point to ``until`` or, without one, for ``number`` ``unit`` s ("three weeks
    starting March 2"). ``open_mod`` is the TIMEX3 mod of an open range ("since April":
    ``ON_OR_AFTER``), whose named time keeps its own interval and ``mod``. ``plus`` holds
    the further lengths of a compound one, as ``(number, unit)`` ("2 months and 10 days").
    ``midnight`` marks a clock named "midnight", which ends the day named with it.
    ``by_event`` marks a narrative unit placed by a happening named after it ("the day after
    his death"), which no time of the text anchors: its date stays unknown.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    part: str | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None
    century: int | None = None
    holiday: tuple[str, str] | None = None
    day_offset: int | None = None
    shift: int | None = None
    year_shift: int | None = None
    anaphoric: bool = False
    calunit: str | None = None
    number: float | None = None
    unit: str | None = None
    direction: int = 0
    span: int | None = None
    mod: str | None = None
    ref: str | None = None
    freq: str | None = None
    fiscal: bool = False
    until: Spec | None = None
    nth: int | None = None
    open_mod: str | None = None
    plus: tuple[tuple[float, str], ...] = ()
    within: bool = False
    zone: str | None = None
    midnight: bool = False
    by_event: bool = False


@attrs.frozen
class Match:
    """A span ``[start, end)`` of the text that a rule recognized, with its meaning.

    ``words`` is where the time's own words begin when an open range's word ("since")
    starts the span earlier: the clause's tense is read around those words.
    """

    start: int
    end: int
    rule: str
    spec: Spec
    words: int | None = None


class Rejected(Exception):
    """Raised while reading a match whose words do not make a time (e.g. month 13)."""


# ---------------------------------------------------------------- reading groups into a Spec


#: A figure longer than this counts no time ("10000000000000000000000000000000 years").
_MOST_DIGITS = 30


def _number(words: str) -> float | None:
    """``"two"`` -> 2, ``"twenty-five"`` -> 25, ``"1,000"`` -> 1000; vague words -> None."""
    lex = lexicon()["numbers"]
    key = " ".join(words.lower().split())
    if key in lex["vague_numbers"]:
        return None
    if key in lex:
        return float(lex[key])
    halves = 0.5 if key.endswith(("1/2", "½")) else 0.0
    digits = key.removesuffix("1/2").removesuffix("½").strip().replace(",", "")
    if len(digits) > _MOST_DIGITS:
        raise Rejected(words)
    if digits.isdigit():
        return int(digits) + halves if halves else int(digits)
    if digits.replace(".", "", 1).isdigit():
        return float(digits) + halves
    total = group = 0.0  # "two thousand five hundred": 2 x 1000 + 5 x 100
    for token in re.split(r"[\s-]+", key):
        value = lex.get(token)
        if not isinstance(value, (int, float)):
            raise Rejected(words)
        if value == 1000:
            total, group = total + (group or 1) * value, 0.0
        else:
            group = group * value if value == 100 and group else group + value
    return total + group


def _spelled_year(words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (transcripts)."""
    head, _, rest = " ".join(words.lower().split()).partition(" ")
    if head == "two":
        tail = rest.removeprefix("thousand").removeprefix(" and").strip()
        later = int(_number(tail) or 0) if tail else 0
        if not 0 <= later <= 99:
            raise Rejected(words)
        return 2000 + later
    tail = int(_number(rest) or 0)
    if not 10 <= tail <= 99:
        raise Rejected(words)
    return {"nineteen": 1900, "eighteen": 1800}[head] + tail


def _day(words: str) -> int:
    ordinals = lexicon()["ordinals"]
    key = re.sub(r"[\s-]+", "-", words.lower().rstrip("."))
    day = ordinals[key] if key in ordinals else int(re.sub(r"\D", "", key))
    if not 1 <= day <= 31:
        raise Rejected(words)
    return day


def _month(words: str) -> int:
    key = words.lower().rstrip(".")
    month = lexicon()["months"].get(key) if not key.isdigit() else int(key)
    if not month or not 1 <= month <= 12:
        raise Rejected(words)
    return month


def _year(words: str) -> int:
    digits = words.lstrip("'\u2019")
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 50 else 2000
    return year


def _hour(g: dict[str, str]) -> int:
    hour = int(g["hour"]) if g["hour"].isdigit() else int(_number(g["hour"]) or 0)
    ampm = re.sub(r"\s+", "", g.get("ampm") or "").lower()
    if ampm and not (hour == 0 and ampm.startswith("a")):  # "0:01 am" keeps its hour
        if not 1 <= hour <= 12:
            raise Rejected(g["hour"])
        afternoon = ampm.startswith("p") or ampm.endswith(("afternoon", "evening", "night"))
        small_hours = ampm.endswith("night") and (hour < 5 or hour == 12)
        hour = hour % 12 + (12 if afternoon and not small_hours else 0)
    if hour > 23:
        raise Rejected(g["hour"])
    return hour


def _told_from_the_hour(g: dict[str, str], hour: int) -> tuple[int, int]:
    """ "twenty past 4" -> (4, 20), "quarter to six" -> (5, 45)."""
    words = re.sub(r"\s+(?:minutes|mins|min)$", "", " ".join(g["clockmin"].lower().split()))
    minutes = lexicon()["clock_minutes"].get(words)
    if minutes is None:
        minutes = _number(words)
    if minutes is None or not 0 < minutes < 60 or minutes != int(minutes):
        raise Rejected(g["clockmin"])
    if g["clockdir"].lower() == "past":
        return hour, int(minutes)
    return (hour - 1) % 24, 60 - int(minutes)


def _zone(words: str) -> str:
    """The zone of ``words`` as zones.toml gives it: an offset ("GMT+3" -> "+03:00", "PDT"
    -> "-07:00"), an IANA zone whose offset follows the date ("Madrid time" ->
    "Europe/Madrid"), or "" for one the words leave open ("local time")."""
    zone = lookup(words)
    if zone is None:
        raise Rejected(words)
    return zone.code


def _decade(words: str) -> int:
    """ "1990s", "'90s", "the nineties" -> 1990; "nineteen seventies" -> 1970; "the 40s" -> 1940."""
    words = " ".join(words.lower().split())
    if words in lexicon()["decades"]:  # "the two thousands", "the twenty-tens"
        return int(lexicon()["decades"][words])
    century, _, name = words.rpartition(" ")
    named = lexicon()["decades"].get(name)
    if named is not None:
        return named if not century else int(_number(century) or 0) * 100 + named % 100
    digits = words.lstrip("'\u2019").rstrip("s").rstrip("'\u2019")
    if len(digits) == 4:
        return int(digits)
    return int(digits) + (2000 if digits in _DECADES_OF_2000 else 1900)


#: Two-digit decades of this century ("the 00s", "the '10s"); the rest are of the 1900s
#: ("the 40s", "the '20s"): a decade is named when it lies in the past.
_DECADES_OF_2000 = ("00", "10")


def _lookup(table: str) -> Callable[[str], Any]:
    def look_up(words: str) -> Any:
        key = " ".join(words.lower().split())
        entries = lexicon()[table]
        if key not in entries:
            key = key.rstrip(".")  # an abbreviation's dot: "Wed."
        try:
            return entries[key]
        except KeyError:
            raise Rejected(words) from None

    return look_up


def _holiday(words: str) -> tuple[str, str]:
    try:
        return _holidays_by_key()[name_key(words)]
    except KeyError:
        raise Rejected(words) from None


@functools.cache
def _holidays_by_key() -> dict[str, tuple[str, str]]:
    return {
        name_key(name): (family, name)
        for family, table in lexicon()["holidays"].items()
        for name in table
    }


def name_key(words: str) -> str:
    """A name as written without case, apostrophes or dots: "St. Patrick's Day" and "st
    patricks day" are both ``"st patricks day"``."""
    return " ".join(re.sub(r"['\u2019.]", "", words.lower()).split())


def _quarter(words: str) -> int:
    return {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(words.lower()) or int(words[0])


def _nth(words: str) -> int:
    """ "first" -> 1, "5th" -> 5, "last" -> -1."""
    key = words.lower()
    return -1 if key == "last" else lexicon()["ordinals"].get(key) or int(re.sub(r"\D", "", key))


def _this_year(words: str) -> int:
    return lexicon()["shifts"][words.lower().split()[0]]


#: Words before a part of day ("yesterday afternoon", "that night"): what they add.
_PART_SHIFTS: dict[str, dict[str, Any]] = {
    "this": {"day_offset": 0},
    "tomorrow": {"day_offset": 1},
    "next": {"day_offset": 1, "anaphoric": True},
    "yesterday": {"day_offset": -1},
    "that": {"anaphoric": True},
    "the": {"anaphoric": True},
    "early": {"mod": "START"},
    "mid": {"mod": "MID"},
    "late": {"mod": "END"},
}

#: How each named group is read: group -> (Spec field, reader).
_READERS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "year": ("year", _year),
    "month": ("month", _month),
    "day": ("day", _day),
    "weekday": ("weekday", _lookup("weekdays")),
    "weekdays": ("weekday", _lookup("weekdays")),
    "minute": ("minute", int),
    "second": ("second", int),
    "part": ("part", _lookup("parts_of_day")),
    "season": ("season", _lookup("seasons")),
    "quarter": ("quarter", _quarter),
    "half": ("half", lambda w: 1 if w.lower() in ("first", "1") else 2),
    "halfof": ("number", lambda w: 0.5),
    "quarterof": ("number", lambda w: (_number(w) or 1) / 4),
    "spelledyear": ("year", lambda w: _spelled_year(w)),
    "nth": ("nth", _nth),
    "every_nth": ("number", lambda w: _nth(w) if w.lower() != "other" else 2),
    "decade": ("decade", _decade),
    "century": ("century", _day),
    "holiday": ("holiday", _holiday),
    "shift": ("shift", _lookup("shifts")),
    "shift_after": ("shift", _lookup("shifts_after")),
    "ashift": ("shift", _lookup("anaphoric_shifts")),
    "this_year": ("year_shift", _this_year),
    "calunit": ("calunit", _lookup("calendar_units")),
    "reportunit": ("calunit", _lookup("reporting_units")),
    "eventunit": ("calunit", _lookup("units_before_events")),
    "quant": ("mod", _lookup("quantifiers")),
    "ref": ("ref", _lookup("references")),
    "freq": ("freq", _lookup("frequencies")),
    "span": ("span", _lookup("spans")),
    "zone": ("zone", lambda w: _zone(w)),
    "number": ("number", _number),
}


#: The number that tells apart two groups of one name in a pattern ("month_2").
_NUMBERED = re.compile(r"_\d+$")


def read(kind: str, groups: dict[str, str | None]) -> Spec:
    """The :class:`Spec` of a rule's matched groups; raises :class:`Rejected` if impossible.

    >>> read("point", {"month": "Jan.", "day": "2"})
    Spec(kind='point', year=None, month=1, day=2, ...)
    """
    g = {_NUMBERED.sub("", k): v for k, v in groups.items() if v is not None}
    end = {k.removeprefix("end_"): v for k, v in g.items() if k.startswith("end_")}
    g = {k: v for k, v in g.items() if not k.startswith("end_")}
    fields: dict[str, Any] = {"kind": kind}
    for group, words in g.items():
        if group in _READERS:
            name, reader = _READERS[group]
            fields[name] = reader(words)
    if "unitend" in g:  # "year-end": the end of the unit at hand
        fields.update(shift=0, mod="END")
    if "hour" in g:
        fields["hour"] = _hour(g)
        fields.setdefault("minute", 0)
    if "minutewords" in g:  # "seven thirty pm", "ten oh five am"
        fields["minute"] = int(_number(re.sub(r"^oh[\s-]+", "", g["minutewords"].lower())) or 0)
    if "daywords" in g:  # "June twenty one"
        fields["day"] = _day(str(int(_number(g["daywords"]) or 0)))
    if "weekno" in g:  # "week 12": the ISO week of the year named or at hand
        fields.update(nth=int(g["weekno"]), calunit=None if "year" in fields else "Y")
    if "clockmin" in g:  # "half past nine", "quarter to six"
        fields["hour"], fields["minute"] = _told_from_the_hour(g, fields["hour"])
    if "noon" in g:
        midnight = re.sub(r"[\s-]", "", g["noon"].lower()) == "midnight"
        fields["hour"], fields["minute"] = (0, 0) if midnight else (12, 0)
        fields["midnight"] = midnight
    if "dayword" in g:
        fields["day_offset"], part = _lookup("day_words")(g["dayword"])
        if part:
            fields["part"] = part
    if (
        "ashift" in g
        or "reportunit" in g
        or ("calunit" in g and "shift" not in fields and fields["calunit"] != "WE")
    ):
        fields["anaphoric"] = True  # "the week" is the narrative's; "the weekend" the news
    if "eventunit" in g:  # "hours after his arrest": when the arrest was is not told
        fields.update(anaphoric=True, by_event=True)
    if "ashift" in g and "part" in g:  # "the next night": the night of the day after
        fields["day_offset"] = fields.pop("shift")
    if "partshift" in g:
        fields.update(_PART_SHIFTS[g["partshift"].lower()])
    if "every" in g:
        fields["freq"] = "EVERY"
    if "fiscal" in g:
        fields["fiscal"] = not g["fiscal"].lower().startswith("the")
    if "andhalf" in g and fields.get("number") is not None:
        fields["number"] += 0.5
    if "unit" in g:
        if _YEAR_FIGURE.fullmatch(g.get("number", "")) and not g["unit"].lower().endswith("s"):
            raise Rejected(g["number"])  # "the 1988 quarter" is of a year, not 1988 of them
        fields["unit"], multiple = _unit(g["unit"])
        if "number" in g and fields.get("number") is not None:
            fields["number"] *= multiple
        elif "number" not in fields:
            fields["number"] = None if g["unit"].lower().endswith("s") else 1.0
    if "direction" in g:
        fields["direction"], fields["anaphoric"] = _direction(g["direction"])
    if "from_day" in g:  # "two days from tomorrow", "two days before yesterday"
        fields["direction"] = -1 if g["from_day"].lower() == "before" else 1
    if "rest" in g:  # "the rest of the year": of this year, from the publication on
        fields.update(direction=1, shift=fields.get("shift", 0), anaphoric=False)
    if "weekdays" in g:
        fields["freq"] = "weekday"
    if "yearago" in g:
        fields.update(number=1.0, unit="Y", calunit=_ago_unit(g.get("unit")))
    if fields.get("calunit") == "DE" and kind == "point" and _words_in(g, "decade_spans"):
        # "the past decade": the ten years up to now, as "the past two decades" are
        fields.update(kind="duration", number=1.0, unit="DE", span=-1, calunit=None, shift=None)
    if "weekday" in fields and _words_in(g, "weekday_ahead"):
        del fields["shift"]  # "this coming Sunday": the first Sunday ahead
        fields["day_offset"] = 0
    if "weekday" in fields and "shift" in fields and "ofweek" in g:
        fields["calunit"] = "W"
    if "weekafter" in g:  # "Monday week": a week after the coming (or next) Monday
        fields["day_offset"] = 7
    if end and "hour" in end:  # "3 to 4pm": the end's clock is its own
        shared = {k: v for k, v in g.items() if k not in _CLOCK_GROUPS}
        until = read("point", {**shared, **end})
        fields["hour"], end_hour = _clock_pair(g, end)
        fields["until"] = attrs.evolve(until, hour=end_hour)
    elif end:
        fields["until"] = until = read("point", {**g, **end})
        if "month" not in fields and until.month is not None:  # "from 4 to January 22"
            fields.update(month=until.month, year=until.year)
    return Spec(**fields)


_CLOCK_GROUPS = ("hour", "minute", "second", "ampm")


def _words_in(g: dict[str, str], table: str) -> bool:
    """Whether the shift words of the groups ``g`` are listed in the lexicon's ``table``."""
    words = g.get("shift")
    return words is not None and " ".join(words.lower().split()) in lexicon()[table]["words"]


#: A figure that names a year rather than counts ("the 1988 quarter").
_YEAR_FIGURE = re.compile(r"1[5-9]\d\d|20\d\d")


def _clock_pair(start: dict[str, str], end: dict[str, str]) -> tuple[int, int]:
    """The hours of a range of clock times, where one end's "a.m." or "p.m." serves both:
    the end is the first such hour after the start ("1 p.m. to 4" ends at 16, "11 p.m. to 3"
    at 3), the start the last such hour before the end ("11 to 3 p.m." starts at 11).
    A range of bare numbers ("4 to 2") is no time."""
    if not any(g.get(k) for g in (start, end) for k in ("ampm", "minute")):
        raise Rejected(start["hour"])
    first, last = _hour(start), _hour(end)
    minutes = (int(start.get("minute") or 0), int(end.get("minute") or 0))
    if start.get("ampm") and not end.get("ampm") and last <= 12:
        after = [h for h in (last % 12, last % 12 + 12) if (h, minutes[1]) > (first, minutes[0])]
        last = after[0] if after else last % 12
    elif end.get("ampm") and not start.get("ampm") and first <= 12:
        before = [h for h in (first % 12, first % 12 + 12) if (h, minutes[0]) < (last, minutes[1])]
        first = before[-1] if before else first % 12 + 12
    return first, last


def _unit(words: str) -> tuple[str, int]:
    key = words.lower()
    if key in ("period", "quarter"):
        return "Q", 1
    code, multiple = lexicon()["units"].get(key, ("Y", 1))
    return code, multiple


def _direction(words: str) -> tuple[int, bool]:
    key = " ".join(words.lower().split())
    if key in ("in", "within"):
        return 1, False
    sign, anaphoric = lexicon()["directions"][key]
    return sign, anaphoric


def _ago_unit(words: str | None) -> str | None:
    return {"quarter": "Q", "period": "Q", "month": "M"}.get((words or "").lower())
