"""The dependency tree of a parsed text, read once.

spaCy makes a new ``Token`` each time a rule asks for a word's children, and walks the
word's left and right neighbours to find them: a rule that looks at the same verb's
children many times pays for it each time. :class:`Tree` reads the heads once and keeps
each word's children, so that the rules of :mod:`timeline.events` walk the parse as plain
lists.

>>> from timeline.nlp import load
>>> tree = Tree(load()("Parliament voted on Sunday."))
>>> [child.text for child in tree.children(tree.tokens[1])]
['Parliament', 'on', '.']
"""

from __future__ import annotations

from typing import Any

__all__ = ["Tree"]


class Tree:
    """Each token of a spaCy ``Doc`` and its children, in the order of the text, as
    ``token.children`` gives them.

    >>> from timeline.nlp import load
    >>> tree = Tree(load()("Iran fired missiles."))
    >>> [t.text for t in tree.children(tree.tokens[1])], tree.children(tree.tokens[0])
    (['Iran', 'missiles', '.'], ())
    """

    __slots__ = ("_children", "tokens")

    def __init__(self, doc: Any) -> None:
        #: the doc's tokens, by index
        self.tokens: list[Any] = list(doc)
        children: list[list[Any]] = [[] for _ in self.tokens]
        # each head as an offset from its token (spaCy stores it unsigned)
        for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist()):
            if offset:  # a root is its own head, and no child of itself
                children[i + offset].append(self.tokens[i])
        self._children = [tuple(found) for found in children]

    def children(self, token: Any) -> tuple[Any, ...]:
        """The children of ``token``, a token of the doc, in the order of the text."""
        return self._children[token.i]
