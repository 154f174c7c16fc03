"""The parse read through its arrays: the same strings, line breaks and children as spaCy's
own Token and Doc attributes give, and the arguments of a trigger as with_arguments gives
them."""

import subprocess
import sys

import pytest

from timeline.layout import line_breaks
from timeline.model import EventMention
from timeline.nlp import line_breaks_of, reading, text_of, token_strings, tree_of
from timeline.references import Referents, with_arguments
from timeline.tree import Tree

pytest.importorskip("spacy")

TEXTS = [
    "Headline\n\nFirst paragraph.\nSecond.",
    "\n\n\nNAIROBI, Kenya (AP) _\n\n  Rescuers dug on.  \n \t\n",
    "a\r\nb\n",
    "One line, no break.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_line_breaks_of_a_doc_are_those_of_its_text(nlp, text):
    doc = nlp(text)
    assert line_breaks_of(doc) == line_breaks(doc.text)


@pytest.mark.parametrize("text", TEXTS)
def test_text_of_a_doc_is_its_text(nlp, text):
    doc = nlp(text)
    assert text_of(doc) == doc.text == text


@pytest.mark.parametrize("text", TEXTS)
def test_token_strings_are_the_tokens_attributes(nlp, text):
    doc = nlp(text)
    assert token_strings(doc, "ORTH") == [t.text for t in doc]
    assert token_strings(doc, "LEMMA") == [t.lemma_ for t in doc]
    assert token_strings(doc, "DEP") == [t.dep_ for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "Iran, which vowed revenge, fired missiles at two bases hosting US troops.",
        "Police raided two homes and searched cars, trucks and boats, and the FBI left.",
    ],
)
def test_a_tree_gives_each_tokens_children_as_spacy_does(nlp, text):
    doc = nlp(text)
    tree = Tree(doc)
    assert tree.tokens == list(doc)
    assert [tree.children(t) for t in doc] == [tuple(t.children) for t in doc]
    assert [tree.head(t) for t in doc] == [t.head for t in doc]
    assert [tree.conjuncts(t) for t in doc] == [t.conjuncts for t in doc]


def test_a_tree_follows_a_docs_own_conjuncts(nlp):
    doc = nlp("Police raided homes and searched cars.")
    doc.user_token_hooks["conjuncts"] = lambda token: [token]
    tree = Tree(doc)
    assert [tree.conjuncts(t) for t in doc] == [(t,) for t in doc]


def test_reading_a_doc_shares_its_columns_and_no_other_docs(nlp):
    doc, other = nlp("Parliament voted."), nlp("Iran fired missiles at two bases.")
    with reading(doc):
        assert token_strings(doc, "POS") is token_strings(doc, "POS")
        assert token_strings(other, "POS") == [t.pos_ for t in other]
        assert token_strings(doc, "LEMMA") == [t.lemma_ for t in doc]
    assert token_strings(doc, "POS") is not token_strings(doc, "POS")


def test_reading_a_doc_again_inside_keeps_what_was_read(nlp):
    doc = nlp("Parliament voted on Sunday.")
    with reading(doc):
        text, tags = text_of(doc), token_strings(doc, "TAG")
        with reading(doc):
            assert text_of(doc) is text and token_strings(doc, "TAG") is tags
        assert text_of(doc) is text == doc.text
    assert text_of(doc) == text and text_of(doc) is not text_of(doc)


def test_tree_of_a_doc_is_built_once_while_reading_it(nlp):
    doc, other = nlp("Parliament voted on Sunday."), nlp("Iran fired missiles.")
    with reading(doc):
        tree = tree_of(doc)
        assert tree_of(doc) is tree and tree_of(other) is not tree_of(other)
        assert tree.heads == [t.head.i for t in doc]
    assert tree_of(doc) is not tree


def test_referents_give_what_with_arguments_gives(nlp):
    doc = nlp("Madeleine Albright met Daniel arap Moi. She laid a wreath.")
    laid = EventMention("a", 44, 48, "laid", "lay", 1)
    [mention] = with_arguments(doc, [laid], [8])
    assert Referents(doc).arguments(8) == (mention.arguments, mention.actor)
    assert mention.actor == "Madeleine Albright"
    assert Referents(doc).arguments(8, "someone")[1] == "someone"


def test_importing_timeline_loads_no_spacy():
    # the time engine and the exports work without a parse: spaCy loads when one is needed
    code = "import sys, timeline, timeline.tree, timeline.nlp; print('spacy' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
