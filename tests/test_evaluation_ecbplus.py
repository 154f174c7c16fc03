"""The ECB+ reader, on a small document and, when ../shared/data is there, on the corpus."""

from pathlib import Path

import pytest

from timeline.evaluation.coref import score_coref
from timeline.evaluation.ecbplus import (
    DEV_TOPICS,
    gold_clusters,
    read_coreference_sentences,
    read_ecbplus,
    read_ecbplus_document,
)

ECBPLUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus"

XML = """<Document doc_name="7_2ecbplus.xml" doc_id="x">
<token t_id="1" sentence="0" number="0">Fire</token>
<token t_id="2" sentence="0" number="1">broke</token>
<token t_id="3" sentence="0" number="2">out</token>
<token t_id="4" sentence="1" number="0">The</token>
<token t_id="5" sentence="1" number="1">blaze</token>
<token t_id="6" sentence="1" number="2">spread</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="5"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="6"/></ACTION_OCCURRENCE>
<LOC_GEO m_id="4"><token_anchor t_id="1"/></LOC_GEO>
<ACTION_OCCURRENCE m_id="8" TAG_DESCRIPTOR="fire" instance_id="ACT9"/>
<UNKNOWN_INSTANCE_TAG m_id="9" TAG_DESCRIPTOR=""/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="5" note="ACT9"><source m_id="1"/><target m_id="8"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="6"><source m_id="2"/><target m_id="9"/></INTRA_DOC_COREF>
</Relations></Document>"""


def test_reads_tokens_mentions_and_clusters():
    doc = read_ecbplus_document(XML)
    assert (doc.name, doc.topic, doc.subtopic) == ("7_2ecbplus", "7", "ecbplus")
    assert doc.text == "Fire broke out\nThe blaze spread"
    assert [(t.text, t.start, t.end) for t in doc.tokens[3:]] == [
        ("The", 15, 18),
        ("blaze", 19, 24),
        ("spread", 25, 31),
    ]
    assert doc.token(5).text == "blaze"
    got = [(m.m_id, m.text, m.start, m.end, m.tokens, m.sentence, m.cluster) for m in doc.mentions]
    assert got == [
        ("1", "broke out", 5, 14, (2, 3), 0, "ACT9"),
        ("2", "blaze", 19, 24, (5,), 1, "INTRA_7_2ecbplus_6"),
        ("3", "spread", 25, 31, (6,), 1, "SINGLETON_7_2ecbplus_3"),
    ]
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_sentences_filter_mentions():
    doc = read_ecbplus_document(XML, sentences={1})
    assert [m.m_id for m in doc.mentions] == ["2", "3"]
    assert doc.text.startswith("Fire")  # the text stays whole


def _corpus():
    if not ECBPLUS.exists():
        pytest.skip(f"{ECBPLUS} not available (../shared/data is absent)")
    return ECBPLUS


def test_dev_topics_have_the_published_mention_count():
    root = _corpus()
    sentences = read_coreference_sentences(root / "ECBplus_coreference_sentences.csv")
    docs = read_ecbplus(root, DEV_TOPICS, sentences=sentences)
    key = gold_clusters(docs)
    assert len(docs) == 197
    assert len(key) == 1245  # the dev event mentions of Barhom et al. (2019)
    for doc in docs:
        for m in doc.mentions:
            assert doc.text[m.start : m.end] == m.text
    assert score_coref(key, key).conll_f1 == 1.0
