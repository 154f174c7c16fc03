"""The dependency tree of a parsed text, read once.

spaCy makes a new ``Token`` each time a rule asks for a word's children, and walks the
word's left and right neighbours to find them: a rule that looks at the same verb's
children many times pays for it each time. :class:`Tree` reads the heads once and keeps
each word's head and children, so that the rules of :mod:`timeline.events`,
:mod:`timeline.cues` and :mod:`timeline.references` walk the parse as plain lists (an
article's analysis reads it once: :func:`timeline.nlp.tree_of`).

>>> from timeline.nlp import load
>>> tree = Tree(load()("Parliament voted on Sunday."))
>>> [child.text for child in tree.children(tree.tokens[1])]
['Parliament', 'on', '.']
"""

from __future__ import annotations

from typing import Any

__all__ = ["Tree"]


class Tree:
    """Each token of a spaCy ``Doc``, its head, its children, in the order of the text, as
    ``token.children`` gives them, and its conjuncts, as ``token.conjuncts`` gives them.

    >>> from timeline.nlp import load
    >>> tree = Tree(load()("Iran fired missiles."))
    >>> [t.text for t in tree.children(tree.tokens[1])], tree.children(tree.tokens[0])
    (['Iran', 'missiles', '.'], ())
    >>> tree.heads, tree.below[1], tree.head(tree.tokens[0]).text
    ([1, 1, 1, 1], (0, 2, 3), 'fired')
    >>> tree = Tree(load()("Police raided homes and searched cars, trucks and boats."))
    >>> [t.text for t in tree.conjuncts(tree.tokens[7])]
    ['cars', 'boats']
    """

    __slots__ = ("_children", "_conjoined", "_hooked", "_in_chain", "below", "heads", "tokens")

    def __init__(self, doc: Any) -> None:
        import numpy  # spaCy, and numpy with it, are imported once a doc is parsed
        from spacy.symbols import conj

        #: the doc's tokens, by index
        self.tokens: list[Any] = list(doc)
        count = len(self.tokens)
        # each head is stored as an offset from its token (spaCy stores it unsigned)
        heads = numpy.arange(count) + doc.to_array("HEAD").astype("int64")
        #: the index of each token's head (a root's is its own)
        self.heads: list[int] = heads.tolist()
        #: the indices of each token's children, in the order of the text (most words have
        #: none, and the rest few: each grows one at a time)
        self.below: list[tuple[int, ...]] = [()] * count
        # each token's children as tokens, gathered alongside (the rules ask for most
        # words' children, many times)
        self._children: list[tuple[Any, ...]] = [()] * count
        below, children, tokens = self.below, self._children, self.tokens
        for i, head in enumerate(self.heads):
            if head != i:  # a root is no child of itself
                below[head] += (i,)
                children[head] += (tokens[i],)
        # whether each token is a conjunct of its head, whether it is in a chain of conjuncts
        # (a conjunct, or the head of one), and whether the doc tells conjuncts its own way
        # (a user hook, which token.conjuncts follows)
        conjoined = doc.to_array("DEP") == conj
        self._conjoined: list[bool] = conjoined.tolist()
        self._in_chain: set[int] = set()
        for i in numpy.flatnonzero(conjoined).tolist():
            self._in_chain.update((i, self.heads[i]))
        self._hooked = "conjuncts" in doc.user_token_hooks

    def head(self, token: Any) -> Any:
        """The head of ``token``, a token of the doc (a root's is itself)."""
        return self.tokens[self.heads[token.i]]

    def path(self, low: int, high: int) -> list[int] | None:
        """The indices of the words from ``low`` up to the child of ``high`` on the way, when
        ``high`` is an ancestor of ``low`` (as in ``token.ancestors``); ``None`` otherwise.

        >>> from timeline.nlp import load
        >>> tree = Tree(load()("Iran fired missiles."))
        >>> tree.path(2, 1), tree.path(1, 2), tree.path(1, 1)
        ([2], None, None)
        """
        heads, found, at = self.heads, [], low
        while heads[at] != at:
            found.append(at)
            at = heads[at]
            if at == high:
                return found
        return None

    def up(self, low: int) -> list[int]:
        """The indices of the words from ``low`` up to its root, the root left out: the
        :meth:`path` from ``low`` to its root (none for a root).

        >>> from timeline.nlp import load
        >>> tree = Tree(load()("Iran fired missiles."))
        >>> tree.up(2), tree.up(1)
        ([2], [])
        """
        heads, found, at = self.heads, [], low
        while heads[at] != at:
            found.append(at)
            at = heads[at]
        return found

    def children(self, token: Any) -> tuple[Any, ...]:
        """The children of ``token``, a token of the doc, in the order of the text."""
        return self._children[token.i]

    def conjuncts(self, token: Any) -> tuple[Any, ...]:
        """The tokens coordinated with ``token``, a token of the doc, without it: as
        ``token.conjuncts`` finds them, from the first of the chain down its conjuncts to
        the right, breadth first, without spaCy making a new token at each step."""
        if self._hooked:
            return tuple(token.conjuncts)
        if token.i not in self._in_chain:
            return ()
        heads, conjoined = self.heads, self._conjoined
        start = token.i
        while heads[start] != start and conjoined[start]:
            start = heads[start]
        found = [start]
        for word in found:  # grows as it goes: each conjunct's own come after it
            found += [c for c in self.below[word] if c > word and conjoined[c]]
        return tuple(self.tokens[w] for w in found if w != token.i)
