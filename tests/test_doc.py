"""find_times with a spaCy Doc: its tags decide tense (find_times takes no pipeline, so it
cannot parse the text again)."""

from datetime import date

import pytest

import timeline

pytest.importorskip("spacy")


def test_doc_tags_decide_tense(nlp):
    text = "Iraq's parliament voted on Sunday. The minister will travel to Ankara on Friday."
    doc = nlp(text)
    values = [t.value for t in timeline.find_times(text, published=date(2020, 1, 7), doc=doc)]
    assert values == ["2020-01-05", "2020-01-10"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The envoy arrives in Ankara on Saturday.", "2020-01-11"),  # a schedule
        ("The vote is on Sunday.", "2020-01-12"),
        ("Weakness in oil stocks hurt the index on Friday.", "2020-01-03"),  # a past form
        ("Since Monday, the shares have gained 4%.", "2020-01-06"),
        ("Its share before Monday's purchases is small.", "2020-01-06"),  # dates a noun
        ("As of December, the store accounts for 70% of sales.", "2019-12"),  # a state
    ],
)
def test_a_simple_present_dated_by_a_weekday_is_a_schedule(nlp, text, value):
    [found] = timeline.find_times(text, published=date(2020, 1, 7), doc=nlp(text))
    assert found.value == value


def test_a_headline_tells_the_past_in_the_present(nlp):
    text = "Parliament votes Sunday to expel troops\n\nThe vote was close."
    [found] = timeline.find_times(text, published=date(2020, 1, 7), doc=nlp(text))
    assert found.value == "2020-01-05"


def test_a_doc_of_another_text_is_refused(nlp):
    with pytest.raises(ValueError, match="same text"):
        timeline.find_times("On Sunday.", published=date(2020, 1, 7), doc=nlp("On Monday."))
