"""Measuring the library: readers and scorers for evaluation corpora.

>>> from timeline.evaluation import read_timeml, score_document
>>> doc = read_timeml('<TimeML><TEXT>on <TIMEX3 tid="t1" type="DATE" '
...                   'value="1998-08-07">Friday</TIMEX3></TEXT></TimeML>')
>>> score_document(doc.timexes, doc.timexes).value_f1
1.0
"""

from timeline.evaluation.coref import CorefScore, score_coref
from timeline.evaluation.ecbplus import read_ecbplus
from timeline.evaluation.semeval import read_timeline, score_timelines
from timeline.evaluation.tempeval import (
    TempEvalScore,
    TimexError,
    match_timexes,
    score_corpus,
    score_document,
)
from timeline.evaluation.timeml import (
    Event,
    MakeInstance,
    TimeMLDocument,
    Timex,
    TLink,
    parse_dct_value,
    read_timeml,
)

__all__ = [
    "CorefScore",
    "Event",
    "MakeInstance",
    "TLink",
    "TempEvalScore",
    "TimeMLDocument",
    "Timex",
    "TimexError",
    "match_timexes",
    "parse_dct_value",
    "read_ecbplus",
    "read_timeline",
    "read_timeml",
    "score_coref",
    "score_corpus",
    "score_document",
    "score_timelines",
]
