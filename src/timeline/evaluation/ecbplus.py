"""Reading ECB+ (Cybulska and Vossen, 2014): documents, gold event mentions and their clusters.

Each ECB+ file is CROMER XML: ``<token t_id sentence number>`` elements, then
``<Markables>`` (mentions anchored to tokens, and instances with no tokens), then
``<Relations>`` (``CROSS_DOC_COREF`` chains whose ``note`` is the instance id, and
``INTRA_DOC_COREF`` chains). :func:`read_ecbplus_document` turns one into an
:class:`ECBDocument` whose ``text`` is its tokens joined by spaces, one sentence a line, so
that every token and mention has character offsets into it:

>>> doc = read_ecbplus_document('''<Document doc_name="3_1ecb.xml" doc_id="d">
... <token t_id="1" sentence="0" number="0">Police</token>
... <token t_id="2" sentence="0" number="1">arrested</token>
... <token t_id="3" sentence="0" number="2">him</token>
... <token t_id="4" sentence="1" number="0">He</token>
... <token t_id="5" sentence="1" number="1">was</token>
... <token t_id="6" sentence="1" number="2">held</token>
... <Markables>
... <ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
... <NEG_ACTION_OCCURRENCE m_id="2"><token_anchor t_id="5"/><token_anchor t_id="6"/>
... </NEG_ACTION_OCCURRENCE>
... <HUMAN_PART_PER m_id="3"><token_anchor t_id="1"/></HUMAN_PART_PER>
... <ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="arrest" instance_id="ACT1"/>
... </Markables>
... <Relations>
... <CROSS_DOC_COREF r_id="7" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
... </Relations></Document>''')
>>> (doc.name, doc.topic, doc.subtopic)
('3_1ecb', '3', 'ecb')
>>> doc.text
'Police arrested him\\nHe was held'
>>> [(m.text, m.start, m.end, m.sentence, m.cluster) for m in doc.mentions]
[('arrested', 7, 15, 0, 'ACT1'), ('was held', 23, 31, 1, 'SINGLETON_3_1ecb_2')]

Conventions, as in the usual ECB+ event coreference setups (Cybulska and Vossen, 2015;
Barhom et al., 2019):

- **event mentions** are the markables tagged ``ACTION_*`` or ``NEG_ACTION_*`` that have
  token anchors; their span runs from the first anchored token to the last;
- a mention's **cluster** is the instance id of its ``CROSS_DOC_COREF`` chain; a mention only
  in an ``INTRA_DOC_COREF`` chain gets ``INTRA_<doc>_<r_id>`` (a within-document cluster);
  any other mention is a singleton ``SINGLETON_<doc>_<m_id>``;
- **standard evaluation** keeps only the mentions of the sentences listed in
  ``ECBplus_coreference_sentences.csv`` (:func:`read_coreference_sentences`); pass those
  sentences to :func:`read_ecbplus`.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

import attrs

from timeline.evaluation.xmldocs import Token, tokens_and_text, xml_root

__all__ = [
    "DEV_TOPICS",
    "ECBDocument",
    "ECBMention",
    "ECBToken",
    "gold_clusters",
    "read_coreference_sentences",
    "read_ecbplus",
    "read_ecbplus_document",
]

#: The ECB+ development topics of the usual split (train 1-22 minus these, test 36-45).
DEV_TOPICS: tuple[int, ...] = (2, 5, 12, 18, 21, 23, 34, 35)


#: A token of an ECB+ document.
ECBToken = Token


@attrs.frozen
class ECBMention:
    """A gold event mention: its markable, tag, anchored tokens, extent and gold cluster.

    ``key`` names it uniquely across the corpus (``<doc>/<m_id>``); ``tokens`` lists the
    anchored token ids, which need not be contiguous; ``start``/``end`` run from the first
    anchored token to the last.

    >>> m = ECBMention("3_1ecb", "1", "ACTION_OCCURRENCE", (2,), 7, 15, "arrested", 0, "ACT1")
    >>> m.key
    '3_1ecb/1'
    """

    doc: str
    m_id: str
    tag: str
    tokens: tuple[int, ...]
    start: int
    end: int
    text: str
    sentence: int
    cluster: str

    @property
    def key(self) -> str:
        """``<doc>/<m_id>``: unique across the corpus."""
        return f"{self.doc}/{self.m_id}"


@attrs.frozen
class ECBDocument:
    """One ECB+ document: its name (``3_1ecb``), topic, sub-topic, text, tokens and mentions.

    ``subtopic`` is ``"ecb"`` or ``"ecbplus"``: the two halves of each topic report two
    similar but distinct happenings. ``mentions`` are the gold event mentions in text order.
    """

    name: str
    topic: str
    subtopic: str
    text: str
    tokens: tuple[ECBToken, ...]
    mentions: tuple[ECBMention, ...]

    def token(self, t_id: int) -> ECBToken:
        """The token with id ``t_id``."""
        guess = t_id - 1  # ids usually count tokens from 1
        if 0 <= guess < len(self.tokens) and self.tokens[guess].t_id == t_id:
            return self.tokens[guess]
        for token in self.tokens:
            if token.t_id == t_id:
                return token
        raise KeyError(t_id)


def _split_name(name: str) -> tuple[str, str]:
    topic, _, rest = name.partition("_")
    subtopic = "ecbplus" if rest.endswith("ecbplus") else "ecb"
    return topic, subtopic


def read_ecbplus_document(
    source: str | os.PathLike[str], *, sentences: Collection[int] | None = None
) -> ECBDocument:
    """Read one CROMER XML file (a path, or the XML itself) into an :class:`ECBDocument`.

    With ``sentences``, only the mentions in those sentences are kept (the text keeps all).
    """
    root = xml_root(source)
    name = root.get("doc_name", "")
    name = name[:-4] if name.endswith(".xml") else name
    if not name and isinstance(source, os.PathLike):
        name = Path(source).stem
    topic, subtopic = _split_name(name)

    text, tokens = tokens_and_text(root)
    by_id = {t.t_id: t for t in tokens}

    anchored: dict[str, tuple[str, tuple[int, ...]]] = {}
    markables = root.find("Markables")
    for element in markables if markables is not None else ():
        tag = element.tag
        if not (tag.startswith("ACTION_") or tag.startswith("NEG_ACTION_")):
            continue
        ids = tuple(sorted(int(a.get("t_id", "0")) for a in element.iter("token_anchor")))
        if ids and all(i in by_id for i in ids):
            anchored[element.get("m_id", "")] = (tag, ids)

    cluster_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        sources = [s.get("m_id", "") for s in relation.iter("source")]
        if relation.tag == "CROSS_DOC_COREF":
            chain = relation.get("note", "") or f"CROSS_{name}_{relation.get('r_id')}"
            for m_id in sources:
                cluster_of[m_id] = chain
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"INTRA_{name}_{relation.get('r_id')}"
            for m_id in sources:
                cluster_of.setdefault(m_id, chain)

    mentions = []
    for m_id, (tag, ids) in anchored.items():
        first, last = by_id[ids[0]], by_id[ids[-1]]
        if sentences is not None and first.sentence not in sentences:
            continue
        start, end = first.start, last.end
        mentions.append(
            ECBMention(
                name,
                m_id,
                tag,
                ids,
                start,
                end,
                text[start:end],
                first.sentence,
                cluster_of.get(m_id, f"SINGLETON_{name}_{m_id}"),
            )
        )
    mentions.sort(key=lambda m: (m.start, m.end, m.m_id))
    return ECBDocument(name, topic, subtopic, text, tokens, tuple(mentions))


def read_coreference_sentences(path: str | os.PathLike[str]) -> dict[str, frozenset[int]]:
    """``ECBplus_coreference_sentences.csv``: document name (``1_10ecbplus``) -> sentences.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "s.csv"
    ...     _ = p.write_text("Topic,File,Sentence Number\\n1,10ecbplus,1\\n1,10ecbplus,3\\n")
    ...     read_coreference_sentences(p)
    {'1_10ecbplus': frozenset({1, 3})}
    """
    found: dict[str, set[int]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        for row in rows:
            if len(row) >= 3 and row[2].strip().isdigit():
                found.setdefault(f"{row[0].strip()}_{row[1].strip()}", set()).add(int(row[2]))
    return {name: frozenset(numbers) for name, numbers in found.items()}


def read_ecbplus(
    root: str | os.PathLike[str],
    topics: Iterable[int | str] | None = None,
    *,
    sentences: Mapping[str, Collection[int]] | None = None,
) -> list[ECBDocument]:
    """The documents of ``root/topics/<n>/*.xml``, by topic then file name.

    ``topics`` selects topics (all by default). With ``sentences`` (see
    :func:`read_coreference_sentences`), each document keeps only the mentions of its listed
    sentences, and a document with none listed keeps no mention.
    """
    base = Path(root) / "topics"
    wanted = (
        sorted(base.iterdir(), key=lambda p: (len(p.name), p.name))
        if topics is None
        else [base / str(t) for t in topics]
    )
    docs = []
    for folder in wanted:
        files = sorted(folder.glob("*.xml"), key=lambda p: _file_key(p.stem))
        for path in files:
            kept = None if sentences is None else sentences.get(path.stem, frozenset())
            docs.append(read_ecbplus_document(path, sentences=kept))
    return docs


def _file_key(stem: str) -> tuple[int, str, int]:
    topic, _, rest = stem.partition("_")
    digits = "".join(ch for ch in rest if ch.isdigit())
    return (int(topic) if topic.isdigit() else 0, rest.lstrip("0123456789"), int(digits or 0))


def gold_clusters(docs: Iterable[ECBDocument]) -> dict[str, str]:
    """``mention key -> gold cluster id`` over documents, ready for the coreference scorer.

    >>> doc = read_ecbplus_document('<Document doc_name="1_1ecb.xml"><token t_id="1" '
    ...     'sentence="0" number="0">won</token><Markables><ACTION_OCCURRENCE m_id="4">'
    ...     '<token_anchor t_id="1"/></ACTION_OCCURRENCE></Markables></Document>')
    >>> gold_clusters([doc])
    {'1_1ecb/4': 'SINGLETON_1_1ecb_4'}
    """
    return {m.key: m.cluster for doc in docs for m in doc.mentions}
