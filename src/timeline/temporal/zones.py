"""Time zones named by a city of the IANA database: "8 p.m. Sao Paulo time", "10:30am
Madrid timezone". The words after the city come from ``lexicon/en.toml`` (``[zone_words]``);
the city names from the zone keys the system's tz database holds, so no list of cities is
kept here.

>>> city_zones()["sao paulo"]
'America/Sao_Paulo'
>>> import re
>>> re.fullmatch(city_zone_pattern(), "Madrid  timezone", re.I) is not None
True
"""

from __future__ import annotations

import functools
import zoneinfo

from timeline.temporal.words import alternation, lexicon

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


@functools.cache
def city_zones() -> dict[str, str]:
    """Lowercase city name -> IANA zone key, for the cities of the system's tz database
    (not those named like a holiday: "Christmas time" is no zone of Christmas Island)."""
    holidays = {name for table in lexicon()["holidays"].values() for name in table}
    cities: dict[str, str] = {}
    for key in sorted(zoneinfo.available_timezones()):
        area, _, rest = key.partition("/")
        city = rest.rpartition("/")[2].replace("_", " ").lower()
        if area in _AREAS and city and city not in holidays:
            cities.setdefault(city, key)
    return cities


@functools.cache
def city_zone_pattern() -> str:
    """A regex for a city's zone: the city, then one of en.toml's zone words ("time"); one
    that never matches where the system has no tz database."""
    if not city_zones():
        return "(?!)"
    return rf"{alternation(city_zones())}\s+{alternation(lexicon()['zone_words']['after_city'])}"


def city_zone(words: str) -> str | None:
    """The IANA key of a city's zone named by ``words`` ("Madrid time"), or None."""
    key = " ".join(words.lower().split())
    for word in sorted(lexicon()["zone_words"]["after_city"], key=len, reverse=True):
        if key.endswith(" " + word):
            return city_zones().get(key.removesuffix(" " + word))
    return None
