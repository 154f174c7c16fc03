"""``timeline`` as a spaCy pipeline component: times and events written on the ``Doc``.

Add it to your own pipeline, after the parser and the entity recognizer (and, so that
sentences end at line breaks, ``timeline_paragraphs`` before the parser:
:mod:`timeline.paragraphs`); it analyses each document (:func:`timeline.pipeline.analyse`)
and writes

- its time expressions to ``doc.spans["timeline_times"]`` (another key with the ``spans_key``
  setting), each span's ``span._.timex`` the :class:`~timeline.TimeExpression`;
- the whole result, an :class:`~timeline.pipeline.ArticleEvents` with the times, the event
  mentions and their order constraints, to ``doc._.timeline_events``.

The publication date and id come from ``doc._.timeline_article`` (a :class:`~timeline.Article`
of the doc's text) when you set it, as in the example; else the text is analysed undated.
:func:`timeline.pipeline.analyse` and :func:`timeline.build` given such a doc reuse the
result instead of finding it again. Importing :mod:`timeline.component` registers the
factory; spaCy also finds it by name through the package's entry point.

>>> from datetime import date
>>> import timeline
>>> from timeline.nlp import load
>>> nlp = load().from_bytes(load().to_bytes())  # a copy, so the shared pipeline stays as it is
>>> _ = nlp.add_pipe("timeline")
>>> text = "On Sunday, Iraq's parliament voted."
>>> doc = nlp.make_doc(text)
>>> doc._.timeline_article = timeline.Article(text, date(2020, 1, 7), id="a1")
>>> doc = nlp(doc)
>>> [(span.text, span._.timex.value) for span in doc.spans["timeline_times"]]
[('Sunday', '2020-01-05')]
>>> [m.text for m in doc._.timeline_events.mentions]
['voted']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from timeline.model import Article
from timeline.pipeline import analyse

__all__ = ["TimelineComponent", "make_timeline"]

for _name in ("timeline_article", "timeline_events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)


class TimelineComponent:
    """Finds the times and events of each document; see the module's documentation.

    >>> TimelineComponent("times").spans_key
    'times'
    """

    def __init__(self, spans_key: str = "timeline_times") -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.timeline_article
        if article is None:
            article = Article(doc.text)
        elif not isinstance(article, Article) or article.text != doc.text:
            raise ValueError("doc._.timeline_article must be a timeline.Article of the doc's text")
        result = analyse(article, doc=doc)
        spans = []
        for time in result.times:
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is not None:
                span._.timex = time
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.timeline_events = result
        return doc


@Language.factory("timeline", default_config={"spans_key": "timeline_times"})
def make_timeline(nlp: Language, name: str, spans_key: str) -> TimelineComponent:
    """The ``timeline`` component of ``nlp`` (``nlp.add_pipe("timeline")``).

    >>> make_timeline(None, "timeline", "times").spans_key
    'times'
    """
    return TimelineComponent(spans_key)
