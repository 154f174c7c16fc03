r"""Sentences end where paragraphs do: a spaCy component that tells the parser so.

The parser of the small English pipelines often runs a sentence on across a blank line: a
paragraph that ends in a closing quote (``...setback.''`` then ``Horsley called``) or a
dateline (``NAIROBI, Kenya (AP) _``) is read as the start of the next paragraph's sentence,
so a time of one paragraph dates the events of the other, or the other loses the time of its
own. :func:`paragraph_starts` marks the first word after each blank line as a sentence start
before the parser runs, and the parser keeps the marks. A single line break is left to the
parser: it may only wrap a line of a paragraph.

:func:`timeline.nlp.load` puts the component, ``timeline_paragraphs``, before the parser of
the pipeline it loads; add it to a pipeline of your own the same way:

>>> from timeline.nlp import load
>>> nlp = load()
>>> nlp.pipe_names.index("timeline_paragraphs") < nlp.pipe_names.index("parser")
True
>>> doc = nlp("He called it a ``setback.''\n\nOn Friday, lawyers filed a petition.")
>>> [sentence.text for sentence in doc.sents]
["He called it a ``setback.''\n\n", 'On Friday, lawyers filed a petition.']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["NAME", "paragraph_starts"]

#: The name the component is registered under.
NAME = "timeline_paragraphs"


@Language.component(NAME)
def paragraph_starts(doc: Doc) -> Doc:
    r"""``doc``, its first word after each blank line (two line breaks, white space
    between them or not) marked as a sentence start; the white space before its first word
    is part of its first sentence.

    >>> import spacy
    >>> doc = paragraph_starts(spacy.blank("en")("\nOne, ''\n\nTwo\nthree \n \nFour"))
    >>> [token.text for token in doc if token.is_sent_start]
    ['\n', 'Two', 'Four']
    """
    words = False  # whether a word came before
    breaks = 0  # the line breaks since the last word
    for token in doc:
        if token.is_space:
            breaks += token.text.count("\n")
            continue
        if words and breaks > 1:
            token.is_sent_start = True
        words = True
        breaks = 0
    return doc
