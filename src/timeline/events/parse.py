"""One article's parse as the event rules read it, built once per article.

:class:`_Parse` holds the spaCy parse of an article's text as plain lists (each token's
part of speech, dependency, tag, lowercase form, lemma, head and children, read once: spaCy
builds them anew at every access), where its sentences and paragraphs begin, what lies
aside from the news (a dateline, byline or time stamp), its headline and quotations, its
entities and their names (:mod:`timeline.events.naming`), and the word lists
(:mod:`timeline.events.lexicon`). The rules of the other modules take it, and nothing of
it changes once it is built but two memos of where each time expression lies.

>>> from timeline import Article
>>> from timeline.nlp import load
>>> text = "Iran fired missiles.\\n\\nThe Pentagon said it was an attack."
>>> parse = _Parse(load()(text), Article(text))
>>> parse.sentence_of, parse.paragraph_of(parse.tokens[6]), parse.lemma(parse.tokens[1])
([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1], 2, 'fire')
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Collection
from typing import Any

from timeline.events.lexicon import lemma_of, lexicon
from timeline.events.naming import _Names
from timeline.events.publication import _Publication
from timeline.layout import byline, dateline, headline, line_breaks, quotations, stamps
from timeline.model import Article, TimeExpression
from timeline.names import tokens_text
from timeline.nlp import token_strings, tree_of

#: sentences in which an article names the day of its news
_OPENING = 3


class _Parse:
    """The parse ``doc`` of ``article``'s text, read once for the event rules."""

    def __init__(self, doc: Any, article: Article) -> None:
        self.doc = doc
        self.article = article
        #: the day it was published, if it was
        self.publication = _Publication.of(article.published)
        #: the word lists the rules read
        self.lex = lexicon()
        #: the dependency tree, read once (:func:`timeline.nlp.tree_of`)
        self.tree = tree = tree_of(doc)
        #: each token, by index, its head's index, its head, children and conjuncts (the
        #: tree's)
        self.tokens = tree.tokens
        self.head_at = tree.heads
        self.head = tree.head
        self.children = tree.children
        self.conjuncts = tree.conjuncts
        #: the entities of the parse (spaCy builds ``doc.ents`` anew at every access)
        self.ents = list(doc.ents)
        self.names = _Names(self.ents, self.tokens, article.text)
        # a dateline, byline or time stamp says where the story was filed, who wrote it and
        # when, not who did what: its entities take part in nothing, its words are no events
        self.text = text = article.text  # the doc's (spaCy builds doc.text anew at every access)
        self.breaks = line_breaks(text)
        self.time_spans: dict[tuple[int, int], Any] = {}
        self.time_sentences: dict[tuple[int, int], int | None] = {}
        aside = [span for span in (dateline(text), byline(text)) if span is not None]
        aside += stamps(text)
        #: each token's character offset, ascending
        self.token_starts = starts = doc.to_array("IDX").tolist()
        self.aside = frozenset(
            i
            for a, b in aside
            for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))
        )
        self.entity_of = {
            i: ent
            for ent in self.ents
            if not any(start <= ent.start_char < end for start, end in aside)
            for i in range(ent.start, ent.end)
        }
        self.headline = headline(text)
        #: the spans inside quotation marks, in text order and apart, and where each begins
        self.quotations = quotations(text)
        self.quotation_starts = [start for start, _ in self.quotations]
        #: the first token of each sentence, and the sentence of each token
        self.sentence_starts = [sentence.start for sentence in doc.sents]
        ends = [*self.sentence_starts[1:], len(doc)]
        self.sentence_of = [
            number
            for number, (start, end) in enumerate(zip(self.sentence_starts, ends, strict=True))
            for _ in range(start, end)
        ]
        #: the sentences that may name the day of the article's news: the first _OPENING
        #: ones after those of its headline, dateline and byline
        told = next(
            (
                t.i
                for t in doc
                if not t.is_space and t.i not in self.aside and not self.in_headline(t)
            ),
            len(doc),
        )
        self.opening = (self.sentence_of[told] if told < len(doc) else 0) + _OPENING
        #: each token's part of speech, dependency, tag, lowercase form and lemma
        #: (:func:`~timeline.events.lexicon.lemma_of`), read once: spaCy finds a token's
        #: string anew at each access
        self.pos = token_strings(doc, "POS")
        self.dep = token_strings(doc, "DEP")
        self.tag = token_strings(doc, "TAG")
        self.lower = token_strings(doc, "LOWER")
        self.lemmas = [
            lemma_of(lemma, pos)
            for lemma, pos in zip(token_strings(doc, "LEMMA"), self.pos, strict=True)
        ]

    def lemma(self, token: Any) -> str:
        """The lemma of ``token``, a token of the parse (:func:`~.lexicon.lemma_of`)."""
        return self.lemmas[token.i]

    def sentence_root(self, sentence: int) -> Any:
        """The root of the parse of sentence number ``sentence``: its token that heads
        itself (``doc.sents``' ``root``, read from the tree without making a ``Span``)."""
        start = self.sentence_starts[sentence]
        for i in range(start, len(self.sentence_of)):
            if self.sentence_of[i] != sentence:
                break
            if self.head_at[i] == i:
                return self.tokens[i]
        return self.tokens[start].sent.root  # a sentence its parse crosses

    def written(self, span: range) -> str:
        """The text of ``span``, the indices of a run of tokens of the parse (the labels'
        phrases are such runs, not spaCy spans: spaCy makes a new ``Span`` at every slice),
        as ``doc[span.start : span.stop].text`` gives it, sliced from the article's text."""
        return tokens_text(self.text, self.tokens, span.start, span.stop)

    def passive(self, verb: Any) -> bool:
        """Whether ``verb`` is told in the passive ("was questioned")."""
        return any(self.dep[c.i] in ("auxpass", "nsubjpass") for c in self.children(verb))

    def marked(self, clause: Any, words: Collection[str]) -> bool:
        """Whether ``clause`` is opened by one of ``words`` ("if the sale had gone", "as he
        stood")."""
        return any(
            self.dep[c.i] == "mark" and self.lower[c.i] in words for c in self.children(clause)
        )

    def sharing_subject(self, verb: Any) -> Any:
        """The verb whose subject ``verb`` shares: itself, or for a verb joined to another with
        no subject of its own ("police raided two homes and searched"), the first of the chain;
        a passive joined to an active one ("DiLeo coached ... and was named") shares none."""
        while (
            self.dep[verb.i] == "conj"
            and self.pos[self.head_at[verb.i]] in ("VERB", "AUX")
            and not any(self.dep[c.i] in ("nsubj", "nsubjpass") for c in self.children(verb))
            and self.passive(verb) == self.passive(self.head(verb))
        ):
            verb = self.head(verb)
        return verb

    def without_clauses(self, head: Any) -> list[Any]:
        """The words of the phrase ``head`` heads, in order, without the clauses inside it: the
        place of "in efforts to prevent his return to Cuba" is not Cuba."""
        found, stack = [], [head]
        while stack:
            token = stack.pop()
            found.append(token)
            stack.extend(c for c in self.children(token) if self.pos[c.i] not in ("VERB", "AUX"))
        return sorted(found, key=lambda t: t.i)

    def particle(self, verb: Any) -> Any | None:
        """The particle of ``verb`` ("off" of "went off"), if it has one."""
        return next((c for c in self.children(verb) if self.dep[c.i] == "prt"), None)

    def in_headline(self, token: Any) -> bool:
        """Whether ``token`` is in the article's headline."""
        return self.headline is not None and self.headline[0] <= token.idx < self.headline[1]

    def quoted(self, offset: int) -> bool:
        """Whether the character at ``offset`` is inside a quotation: the last one that
        begins at or before it holds it, if any does."""
        last = bisect.bisect_right(self.quotation_starts, offset) - 1
        return last >= 0 and offset < self.quotations[last][1]

    def paragraph_of(self, token: Any) -> int:
        """The index of ``token``'s paragraph (paragraphs end at line breaks)."""
        return bisect.bisect_left(self.breaks, token.idx)

    def paragraphs_between(self, first: int, last: int) -> int:
        """How many paragraphs with text lie after paragraph ``first`` and before paragraph
        ``last`` (:meth:`paragraph_of`; blank lines are no paragraphs)."""
        if last <= first + 1:
            return 0
        return self.texted_before[last] - self.texted_before[first + 1]

    @functools.cached_property
    def texted_before(self) -> list[int]:
        """How many paragraphs with text come before each paragraph that ends at a line
        break, and before the last (:meth:`paragraphs_between`), counted once."""
        counts, start = [0], 0
        for end in self.breaks:
            counts.append(counts[-1] + bool(self.text[start:end].strip()))
            start = end + 1
        return counts

    def time_span(self, time: TimeExpression) -> Any:
        """The span of the tokens of ``time`` (``None`` where none lies inside it), made once
        per time: attaching it and finding its sentence both read it."""
        key = (time.start, time.end)
        if key not in self.time_spans:
            self.time_spans[key] = self.doc.char_span(*key, alignment_mode="expand")
        return self.time_spans[key]

    def time_sentence(self, time: TimeExpression) -> int | None:
        """The index of the sentence of ``time``'s head token, or ``None`` where its span
        holds no token; found once per time."""
        key = (time.start, time.end)
        if key not in self.time_sentences:
            span = self.time_span(time)
            found = self.sentence_of[span.root.i] if span is not None and len(span) else None
            self.time_sentences[key] = found
        return self.time_sentences[key]
