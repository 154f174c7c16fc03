"""The dependency tree of a parsed text, read once.

spaCy makes a new ``Token`` each time a rule asks for a word's children, and walks the
word's left and right neighbours to find them: a rule that looks at the same verb's
children many times pays for it each time. :class:`Tree` reads the heads once and keeps
each word's head and children, so that the rules of :mod:`timeline.events` and
:mod:`timeline.references` walk the parse as plain lists.

>>> from timeline.nlp import load
>>> tree = Tree(load()("Parliament voted on Sunday."))
>>> [child.text for child in tree.children(tree.tokens[1])]
['Parliament', 'on', '.']
"""

from __future__ import annotations

import operator
from typing import Any

__all__ = ["Tree"]


class Tree:
    """Each token of a spaCy ``Doc`` and its children, in the order of the text, as
    ``token.children`` gives them.

    >>> from timeline.nlp import load
    >>> tree = Tree(load()("Iran fired missiles."))
    >>> [t.text for t in tree.children(tree.tokens[1])], tree.children(tree.tokens[0])
    (['Iran', 'missiles', '.'], ())
    >>> tree.heads, tree.below[1], tree.head(tree.tokens[0]).text
    ([1, 1, 1, 1], (0, 2, 3), 'fired')
    """

    __slots__ = ("_children", "below", "heads", "tokens")

    def __init__(self, doc: Any) -> None:
        #: the doc's tokens, by index
        self.tokens: list[Any] = list(doc)
        # each head is stored as an offset from its token (spaCy stores it unsigned)
        offsets = doc.to_array("HEAD").astype("int64").tolist()
        #: the index of each token's head (a root's is its own)
        self.heads: list[int] = list(map(operator.add, range(len(offsets)), offsets))
        below: list[list[int]] = [[] for _ in offsets]
        for i, head in enumerate(self.heads):
            if head != i:  # a root is its own head, and no child of itself
                below[head].append(i)
        #: the indices of each token's children, in the order of the text
        self.below: list[tuple[int, ...]] = list(map(tuple, below))
        token_at = self.tokens.__getitem__
        self._children = [tuple(map(token_at, found)) for found in self.below]

    def head(self, token: Any) -> Any:
        """The head of ``token``, a token of the doc (a root's is itself)."""
        return self.tokens[self.heads[token.i]]

    def children(self, token: Any) -> tuple[Any, ...]:
        """The children of ``token``, a token of the doc, in the order of the text."""
        return self._children[token.i]
