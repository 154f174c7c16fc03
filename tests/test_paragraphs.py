"""Sentences end at blank lines: the parser alone runs a paragraph that ends in a closing
quote, or a dateline, into the next paragraph's sentence, and the times of one then date, or
miss, the events of the other."""

from datetime import date, datetime

import pytest

import timeline
from timeline.paragraphs import NAME, paragraph_starts

spacy = pytest.importorskip("spacy")

SETBACK = (
    "ATLANTA (AP) --\n\nThe company said it closed the site on Friday for violating its "
    "policy on ``threatening language.''\n\nHorsley called the move a ``temporary "
    "setback.''\n\nHe plans to move it abroad."
)


def test_the_first_word_after_a_blank_line_starts_a_sentence():
    """A blank line ends a paragraph, spaces on it or not; a single line break may only wrap
    a line, and is left to the parser."""
    text = "\n\nOne said ``no.''\n\nTwo\nthree \n \n Four"
    doc = paragraph_starts(spacy.blank("en")(text))
    assert [t.text for t in doc if t.is_sent_start] == ["\n\n", "Two", "Four"]
    assert [t.text for t in doc if t.is_sent_start is None][:2] == ["One", "said"]


def test_the_library_pipeline_marks_paragraphs_before_it_parses(nlp):
    names = nlp.pipe_names
    assert names[names.index("parser") - 1] == NAME


def test_a_quote_that_ends_a_paragraph_ends_its_sentence(nlp):
    sentences = [s.text for s in nlp(SETBACK).sents]
    assert sentences == [
        "ATLANTA (AP) --\n\n",
        "The company said it closed the site on Friday for violating its policy on "
        "``threatening language.''\n\n",
        "Horsley called the move a ``temporary setback.''\n\n",
        "He plans to move it abroad.",
    ]
    with nlp.select_pipes(disable=[NAME]):  # the parser alone reads the first three as one
        assert len(list(nlp(SETBACK).sents)) == 2


def test_a_paragraph_after_a_quote_is_told_on_the_story_day(nlp):
    """In its own sentence, the calling is told in the past in the opening that names the day
    of the news (Friday, the day before publication): it is of that day; run into the
    sentence before, which names Friday for the closing, it was only before publication."""
    mentions = timeline.extract_events(timeline.Article(SETBACK, date(1999, 2, 6), id="s"), nlp)
    called = next(m for m in mentions if m.text == "called")
    assert (called.sentence, called.earliest, called.latest) == (
        2,
        datetime(1999, 2, 5),
        datetime(1999, 2, 6),
    )


SHUT = (
    "ATLANTA (AP) --\n\nA web site that threatened doctors was shut down.\n\nIts creator "
    "called the move a setback.\n\nThe company closed the site on Friday."
)


def test_a_dateline_of_its_own_is_not_one_of_the_opening_sentences(nlp):
    """The dateline is a sentence of its own now; the opening that names the news's day is
    still the first three sentences after it, so Friday, in the third, dates the shutting."""
    mentions = timeline.extract_events(timeline.Article(SHUT, date(1999, 2, 6), id="s"), nlp)
    found = {m.text: (m.sentence, m.earliest, m.latest) for m in mentions}
    assert found["shut"] == (1, datetime(1999, 2, 5), datetime(1999, 2, 6))
    assert found["closed"] == (3, datetime(1999, 2, 5), datetime(1999, 2, 6))
