"""What the corpus readers share: loading XML from a path or a string, and turning a
token-per-element document (ECB+ CROMER, SemEval CAT) into text with token offsets.

>>> root = xml_root('<Document><token t_id="1" sentence="0" number="0">Iran</token>'
...                 '<token t_id="2" sentence="0" number="1">fired</token>'
...                 '<token t_id="3" sentence="1" number="0">Missiles</token></Document>')
>>> text, tokens = tokens_and_text(root)
>>> text, tokens[2].start
('Iran fired\\nMissiles', 11)
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import attrs


def is_xml_text(source: str | os.PathLike[str]) -> bool:
    """Whether ``source`` is the XML itself rather than a path to it."""
    return isinstance(source, str) and source.lstrip().startswith("<")


def xml_root(source: str | os.PathLike[str]) -> ET.Element:
    """The root element of an XML document given as a path or as the XML itself."""
    return ET.fromstring(source) if is_xml_text(source) else ET.parse(source).getroot()


@attrs.frozen
class Token:
    """One token: its id, sentence, place in the sentence, text and offsets in the text.

    >>> Token(t_id=2, sentence=0, number=1, text="arrested", start=7, end=15).end
    15
    """

    t_id: int
    sentence: int
    number: int
    text: str
    start: int
    end: int


def tokens_and_text(root: ET.Element) -> tuple[str, tuple[Token, ...]]:
    """The ``token`` elements joined by spaces, one sentence a line, and where each lies."""
    tokens: list[Token] = []
    pieces: list[str] = []
    position = 0
    previous: int | None = None
    for element in root.iter("token"):
        sentence = int(element.get("sentence", "0"))
        word = element.text or ""
        if previous is not None:
            pieces.append("\n" if sentence != previous else " ")
            position += 1
        tokens.append(
            Token(
                int(element.get("t_id", "0")),
                sentence,
                int(element.get("number", "0")),
                word,
                position,
                position + len(word),
            )
        )
        pieces.append(word)
        position += len(word)
        previous = sentence
    return "".join(pieces), tuple(tokens)
