"""Token-per-element corpora written back as text: spaced as news text is, offsets exact."""

import pytest

from timeline.evaluation.xmldocs import tokens_and_text, xml_root


def _text(*sentences: str) -> str:
    elements = "".join(
        f'<token t_id="{n}" sentence="{s}" number="{n}">{word}</token>'
        for s, sentence in enumerate(sentences)
        for n, word in enumerate(sentence.split(" "))
    )
    text, tokens = tokens_and_text(xml_root(f"<D>{elements}</D>"))
    for token in tokens:
        assert text[token.start : token.end] == token.text
    return text


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("It ended Jan . 6 at 3 : 33 a . m . ,", "It ended Jan. 6 at 3:33 a.m.,"),
        ("the U . S . Air Force 's $ 40 billion bid", "the U.S. Air Force's $40 billion bid"),
        ("`` We wo n't go , '' he said ( AP )", "\u201cWe won't go,\u201d he said (AP)"),
        ('He said " no " and left', 'He said "no" and left'),
        ("I \u2019 m sure Gray \u2019 s team won", "I\u2019m sure Gray\u2019s team won"),
        ("on 8 / 2 / 13 at 9 . 35am", "on 8/2/13 at 9.35am"),
        ("July 02 , 2008", "July 02, 2008"),
        ("a 90 - day court - ordered stay", "a 90-day court-ordered stay"),
        ("the first-time host - and that 's why", "the first-time host - and that's why"),
        ("http : / / query . nytimes . com / gst", "http://query.nytimes.com/gst"),
    ],
)
def test_tokens_are_spaced_as_news_text(tokens, text):
    assert _text(tokens) == text


def test_a_quote_mark_kept_on_its_word_opens_or_closes_too():
    assert _text('"We won , " he said') == '"We won," he said'
    assert _text('He said " we won . "') == 'He said "we won."'


def test_sentences_are_lines_and_quotes_alternate_across_them():
    assert _text('" It rained .', 'It stopped . "', "Then") == '"It rained.\nIt stopped."\nThen'
