"""Time zones named in English words, read from ``lexicon/zones.toml``: abbreviations
("PDT"), region names with the offset they fix ("pacific daylight saving time"), offsets in
figures ("UTC+4", "MSK+7"), numbered zones ("Russia time zone 3") and the cities of the
system's tz database ("8 p.m. Sao Paulo time", "10:30am Madrid timezone"), so no list of
cities is kept here. ``find_times`` reads a zone after a clock time through
:func:`zone_pattern` and :func:`lookup`, and ``find_zones`` reads zones anywhere through the
same two.

>>> lookup("pacific daylight saving time")
Zone(name='America/Los_Angeles', offset='-07:00', form='name')
>>> lookup("Madrid  timezone")
Zone(name='Europe/Madrid', offset=None, form='city')
>>> lookup("MSK+7").offset
'+10:00'
>>> import re
>>> re.fullmatch(zone_pattern(), "UTC + 4", re.I) is not None
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zoneinfo
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Literal

import attrs

from timeline.temporal.words import alternation, lexicon, load_toml, trie

#: Areas of the tz database whose keys end in a city ("Europe/Madrid").
_AREAS = (
    "Africa",
    "America",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
#: The widest offsets in use: UTC-12 (Baker Island, "anywhere on Earth") to UTC+14 (Line Islands).
_LEAST, _MOST = timedelta(hours=-12), timedelta(hours=14)

Form = Literal["name", "abbreviation", "city"]


@attrs.frozen
class Zone:
    """What words name: an IANA zone, a fixed offset ("+HH:MM") when the words fix one, and
    the form of the words (an abbreviation and a city need context to count alone)."""

    name: str | None
    offset: str | None
    form: Form = "name"

    @property
    def code(self) -> str:
        """The zone as a clock time keeps it: the offset, else the IANA zone, else ""."""
        return self.offset or self.name or ""


@functools.cache
def data() -> dict[str, Any]:
    """The tables of ``lexicon/zones.toml``, checked by :func:`check`."""
    return check(load_toml("zones.toml"))


_REGION_KEYS = {"names", "zone", "standard", "daylight", "abbreviations"}
_OFFSET = re.compile(r"[+-](?:0\d|1[0-4]):[0-5]\d")


def check(tables: dict[str, Any]) -> dict[str, Any]:
    """``tables`` if they make a zone table; else a ``ValueError`` naming the place, so that
    a misspelt key or offset is refused rather than silently ignored.

    >>> check({"regions": {"x": {"names": ["x"], "zone": "UTC", "standard": "+1"}}})
    Traceback (most recent call last):
    ...
    ValueError: zones.toml: regions.x.standard: '+1' is no offset "+HH:MM"
    """

    def fail(place: str, message: str) -> ValueError:
        return ValueError(f"zones.toml: {place}: {message}")

    def offset(place: str, value: Any) -> None:
        if not isinstance(value, str) or not _OFFSET.fullmatch(value):
            raise fail(place, f'{value!r} is no offset "+HH:MM"')

    for key, region in tables.get("regions", {}).items():
        place = f"regions.{key}"
        if set(region) - _REGION_KEYS or not {"names", "zone", "standard"} <= set(region):
            raise fail(place, f"keys {sorted(region)}, expected among {sorted(_REGION_KEYS)}")
        for kind in ("standard", "daylight"):
            if kind in region:
                offset(f"{place}.{kind}", region[kind])
        for abbreviation, kind in region.get("abbreviations", {}).items():
            if kind not in ("zone", "standard", "daylight") or kind not in {
                "zone",
                *region,
            }:
                raise fail(f"{place}.abbreviations.{abbreviation}", f"no {kind!r} offset")
    for table in ("names", "abbreviations"):
        for key, entry in tables.get(table, {}).items():
            if set(entry) - {"offset", "zone"}:
                raise fail(f"{table}.{key}", f"keys {sorted(entry)}, expected offset and zone")
            if "offset" in entry:
                offset(f"{table}.{key}.offset", entry["offset"])
    for key, region in tables.get("stamps", {}).items():
        if region not in tables.get("regions", {}):
            raise fail(f"stamps.{key}", f"no region {region!r}")
    return tables


@functools.cache
def zone_table() -> dict[str, Zone]:
    """Lower-case words -> the zone they name, for every region name with each of its kinds
    ("pacific standard time"), every abbreviation and every name of ``[names]``."""
    table: dict[str, Zone] = {}
    kinds = data()["kinds"]
    for region in data()["regions"].values():
        offsets = {
            "zone": _region_zone(region).offset,
            "standard": region["standard"],
            "daylight": region.get("daylight"),
        }
        for name in region["names"]:
            for kind, words in kinds.items():
                if offsets[kind] is not None or kind == "zone":
                    zone = Zone(region["zone"], offsets[kind])
                    table.update({f"{name} {word}": zone for word in words})
        for abbreviation, kind in region.get("abbreviations", {}).items():
            table[abbreviation] = Zone(region["zone"], offsets[kind], "abbreviation")
    for key, entry in data()["names"].items():
        table[key] = Zone(entry.get("zone"), entry.get("offset"))
    for key, entry in data()["abbreviations"].items():
        table[key] = Zone(entry.get("zone"), entry.get("offset"), "abbreviation")
    return table


def _region_zone(region: dict[str, Any]) -> Zone:
    """The zone a region of zones.toml names with no kind ("uk time"): its IANA zone, and
    its offset when the region keeps one all year."""
    return Zone(region["zone"], None if "daylight" in region else region["standard"])


@functools.cache
def city_zones() -> dict[str, str]:
    """Lowercase city name -> IANA zone key, for the cities of the system's tz database
    (not those named like a holiday: "Christmas time" is no zone of Christmas Island) and
    of ``[cities.more]``, with the spellings of ``[cities] spellings`` ("saint barthelemy"
    for "st barthelemy").

    >>> city_zones()["sao paulo"]
    'America/Sao_Paulo'
    """
    holidays = {name for table in lexicon()["holidays"].values() for name in table}
    spellings = data()["cities"]["spellings"]
    cities: dict[str, str] = {}
    for key in sorted(zoneinfo.available_timezones()):
        area, _, rest = key.partition("/")
        city = rest.rpartition("/")[2].replace("_", " ").lower()
        if area in _AREAS and city and city not in holidays:
            cities.setdefault(city, key)
    for city, key in data()["cities"]["more"].items():
        cities.setdefault(city, key)
    for city, key in list(cities.items()):
        first, _, others = city.partition(" ")
        for spelling in spellings.get(first, ()) if others else ():
            cities.setdefault(f"{spelling} {others}", key)
    return cities


@functools.cache
def _figures() -> re.Pattern[str]:
    figures = data()["figures"]
    return re.compile(figures["pattern"].replace("{base}", alternation(figures["bases"])), re.I)


@functools.cache
def _numbered() -> re.Pattern[str]:
    return re.compile(rf"(?P<name>{alternation(data()['numbered'])})\s+(?P<n>\d\d?)", re.I)


@functools.cache
def _city() -> str:
    """A regex for a city's zone: the city, then one of zones.toml's words after a city
    ("time")."""
    return rf"{trie(city_zones())}\s+{alternation(data()['cities']['after'])}"


@functools.cache
def zone_pattern() -> str:
    """A regex (no groups, for case-insensitive matching) for every zone :func:`lookup`
    reads: offsets in figures, numbered zones, the names of ``[names]``, region names with
    the words of their kinds, cities, then abbreviations, so that words come before shorter
    ones they begin with ("west coast time" before "west")."""
    regions = data()["regions"].values()
    kinds = data()["kinds"]
    daylight = trie(name for r in regions if "daylight" in r for name in r["names"])
    fixed = trie(name for r in regions if "daylight" not in r for name in r["names"])
    every_kind = trie(word for words in kinds.values() for word in words)
    fixed_kinds = trie(
        word for kind, words in kinds.items() if kind != "daylight" for word in words
    )
    abbreviations = trie(key for key, zone in zone_table().items() if zone.form == "abbreviation")
    parts = (
        re.sub(r"\(\?P<\w+>", "(?:", _figures().pattern),
        re.sub(r"\(\?P<\w+>", "(?:", _numbered().pattern),
        trie(data()["names"]),
        rf"{daylight}\s+{every_kind}",
        rf"{fixed}\s+{fixed_kinds}",
        _city(),
        abbreviations,
    )
    return "(?:" + "|".join(parts) + ")"


def stamp_zone_pattern() -> str:
    """A regex (for case-insensitive matching) for a region's name that a page's time stamp
    writes alone after its clock time, before a comma ("11:39am UK, Monday 09 September
    2013"; ``[stamps]`` of zones.toml): :func:`lookup` reads it as the region's zone.

    >>> re.match(stamp_zone_pattern(), "UK, Monday", re.I) is not None
    True
    >>> re.match(stamp_zone_pattern(), "UK officials", re.I) is None
    True
    """
    return rf"{trie(data()['stamps'])}(?=\s*,)"


def fold(text: str) -> str:
    """``text`` with each accented letter as its plain letter, the length kept ("São" ->
    "Sao"), so that offsets into one are offsets into the other.

    >>> fold("Saint Barthélemy")
    'Saint Barthelemy'
    """
    return "".join(_plain(c) for c in text)


@functools.cache
def _plain(char: str) -> str:
    letters = unicodedata.normalize("NFD", char)
    marks = letters[1:]
    return letters[0] if marks and all(unicodedata.combining(m) for m in marks) else char


def lookup(words: str) -> Zone | None:
    """The zone ``words`` name ("PDT", "beijing time", "UTC+4", "Madrid time", a stamp's
    region alone: "UK"), or None."""
    key = " ".join(fold(words).lower().split())
    if key in zone_table():
        return zone_table()[key]
    if key in data()["stamps"]:  # "11:39am UK, Monday ...": the region's zone
        return _region_zone(data()["regions"][data()["stamps"][key]])
    figures = _figures().fullmatch(key)
    if figures is not None:
        sign = -1 if figures["sign"] in ("-", "\u2212") else 1
        shift = timedelta(hours=int(figures["hours"]), minutes=int(figures["minutes"] or 0))
        base = zone_table()[figures["base"].lower()].offset
        return _fixed(offset_delta(base or "+00:00") + sign * shift)
    numbered = _numbered().fullmatch(key)
    if numbered is not None:
        entry = data()["numbered"][" ".join(numbered["name"].split())]
        n = int(numbered["n"])
        first = offset_delta(entry["first"])
        return (
            _fixed(first + timedelta(hours=n - 1)) if 1 <= n <= entry["count"] else Zone(None, None)
        )
    for word in sorted(data()["cities"]["after"], key=len, reverse=True):
        city = key.removesuffix(" " + word)
        if city != key and city in city_zones():
            return Zone(city_zones()[city], None, "city")
    return None


def _fixed(offset: timedelta) -> Zone:
    """A zone of fixed offset, or one left open beyond the offsets in use ("UTC-13")."""
    if not _LEAST <= offset <= _MOST:
        return Zone(None, None)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return Zone(None, f"{sign}{minutes // 60:02d}:{minutes % 60:02d}")


def offset_delta(offset: str) -> timedelta:
    """An offset of zones.toml ("-03:30") as a timedelta.

    >>> offset_delta("-03:30")
    datetime.timedelta(days=-1, seconds=73800)
    """
    hours, minutes = offset[1:].split(":")
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return -delta if offset[0] == "-" else delta


def zone_on(code: str, day: datetime) -> tzinfo | None:
    """The zone of a :attr:`Zone.code` on ``day``: a fixed offset, or an IANA zone's offset at
    noon that day ("ET" is EST in winter, EDT in summer); ``None`` for a zone the words leave
    open ("local time").

    >>> zone_on("America/New_York", datetime(2020, 7, 1))
    datetime.timezone(datetime.timedelta(days=-1, seconds=72000), 'EDT')
    """
    if not code:
        return None
    if code[0] in "+-":
        return timezone(offset_delta(code))
    local = day.replace(hour=12, tzinfo=zoneinfo.ZoneInfo(code))
    return timezone(local.utcoffset() or timedelta(0), local.tzname())
