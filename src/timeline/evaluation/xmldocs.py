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

from timeline.lang import words


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
    """The ``token`` elements written as text, one sentence a line, and where each lies.

    Tokens are spaced as news text spaces them (``lang/en/tokens.toml``), so that the time
    expressions and the parse see what the reporter wrote:

    >>> root = xml_root('<D>' + ''.join(
    ...     f'<token t_id="{n}" sentence="0" number="{n}">{w}</token>' for n, w in
    ...     enumerate(["``", "It", "ended", "Jan", ".", "6", "at", "3", ":", "33", "a", ".",
    ...                "m", ".", "''", "(", "AP", ")"])) + '</D>')
    >>> text, tokens = tokens_and_text(root)
    >>> text
    '“It ended Jan. 6 at 3:33 a.m.” (AP)'
    >>> text[tokens[9].start:tokens[9].end]
    '33'
    """
    elements = list(root.iter("token"))
    texts = [element.text or "" for element in elements]
    tight = _tight(texts)
    quotes = words("tokens")["quotes"]
    tokens: list[Token] = []
    pieces: list[str] = []
    position = 0
    previous: int | None = None
    for n, (element, word) in enumerate(zip(elements, texts, strict=True)):
        sentence = int(element.get("sentence", "0"))
        word = quotes.get(word, word)
        if previous is not None and (sentence != previous or not tight[n]):
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


def _letter(text: str) -> bool:
    return len(text) == 1 and text.isalpha()


def _tight(texts: list[str]) -> list[bool]:
    """For each of ``texts``, the tokens of a document, whether it has no space before it."""
    data = words("tokens")
    hyphens = () if any("-" in text.strip("-") for text in texts) else data["hyphens"]
    tight = [False] * (len(texts) + 1)
    opened = False
    for n, word in enumerate(texts):
        left = texts[n - 1] if n else ""
        right = texts[n + 1] if n + 1 < len(texts) else ""
        if word in data["close"]:
            tight[n] = True
        if word in data["open"]:
            tight[n + 1] = True
        if word in data["alternating"]:
            tight[n if opened else n + 1] = True
            opened = not opened
        elif word[:1] in data["alternating"] or word[-1:] in data["alternating"]:
            opened = word[:1] in data["alternating"] and word[-1:] not in data["alternating"]
        if word in data["joiners"] and left and right:
            tight[n] = tight[n + 1] = True
        if not (left[-1:].isalnum() and right[:1].isalnum()):
            continue
        if (
            word in hyphens
            or (word in data["apostrophes"] and right in data["contractions"])
            or (word in data["numeric"] and left[-1].isdigit() and right[0].isdigit())
            or (word in data["stops"] and (_letter(right) or right[0].islower()))
        ):
            tight[n] = tight[n + 1] = True
    return tight[: len(texts)]
