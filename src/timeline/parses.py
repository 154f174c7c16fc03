"""A folder of spaCy parses, so that building again does not parse again.

:class:`ParseCache` keeps each parse in a file of its own, a spaCy ``DocBin`` named by a hash
of the text and of the pipeline that parsed it (its language, name, version, components and
the spaCy version): a text parsed by another model, or another version of it, is parsed
again. :func:`timeline.build` and :meth:`timeline.Timeline.update` take one as ``cache=`` (or
the folder's path). Files are written whole, then renamed into place, so several processes
can share a folder.

>>> import tempfile
>>> from timeline.nlp import load
>>> cache = ParseCache(tempfile.mkdtemp(), load())
>>> cache.get("Iraq's parliament voted.") is None
True
>>> [doc.text for doc in cache.parse_many(["Iraq's parliament voted."])]
["Iraq's parliament voted."]
>>> cache.get("Iraq's parliament voted.")[2].lemma_
'parliament'
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.nlp import check, parse_many

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ParseCache", "model_id"]


def model_id(nlp: Any) -> str:
    """What names the parses of ``nlp``: language, name and version of the pipeline, its
    components and the spaCy version.

    >>> from timeline.nlp import load
    >>> model_id(load()).startswith("en_core_web_sm")
    True
    """
    import spacy

    meta = getattr(nlp, "meta", {}) or {}
    parts = (
        f"{meta.get('lang', nlp.lang)}_{meta.get('name', '')}",
        str(meta.get("version", "")),
        ",".join(nlp.pipe_names),
        f"spacy-{spacy.__version__}",
    )
    return " ".join(parts)


class ParseCache:
    """The parses of ``nlp`` kept in ``folder`` (made if missing)."""

    def __init__(self, folder: str | os.PathLike[str], nlp: Any) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise NotADirectoryError(f"parse cache {str(self.folder)!r} is not a folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.nlp = check(nlp)
        self.model = model_id(nlp)

    def path(self, text: str) -> Path:
        """Where the parse of ``text`` is kept."""
        digest = hashlib.sha256(f"{self.model}\0{text}".encode("utf-8", "surrogatepass"))
        name = digest.hexdigest()
        return self.folder / name[:2] / f"{name}.spacy"

    def get(self, text: str) -> Doc | None:
        """The kept parse of ``text``, or ``None``."""
        from spacy.tokens import DocBin

        path = self.path(text)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        docs = list(DocBin().from_bytes(data).get_docs(self.nlp.vocab))
        return docs[0] if len(docs) == 1 and docs[0].text == text else None

    def put(self, doc: Doc) -> None:
        """Keep ``doc``, the parse of its text."""
        from spacy.tokens import DocBin

        path = self.path(doc.text)
        path.parent.mkdir(exist_ok=True)
        found = DocBin(store_user_data=False)
        found.add(doc)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(found.to_bytes())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def parse_many(self, texts: Sequence[str]) -> Iterator[Doc]:
        """The parse of each of ``texts``, in order: kept ones read, the others parsed
        (:func:`timeline.nlp.parse_many`) and kept."""
        kept = [self.get(text) for text in texts]
        parsed = parse_many(
            self.nlp, [t for t, doc in zip(texts, kept, strict=True) if doc is None]
        )
        for doc in kept:
            if doc is None:
                doc = next(parsed)
                self.put(doc)
            yield doc
