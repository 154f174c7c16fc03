"""The schema of each language file in ``lang/<code>/``: its sections, keys and their types.

>>> len(SCHEMAS), sorted(SCHEMAS)[-3:]
(9, ['references', 'tokens', 'wording'])
"""

from __future__ import annotations

from timeline.lang.kinds import GROUPS, INT, NUMBER, TEXT, WORDS, Section, Table

__all__ = ["SCHEMAS"]

_EVENT_CLASSES = ("REPORTING", "PERCEPTION", "ASPECTUAL", "I_ACTION", "I_STATE", "STATE")

#: Event extraction (the ``events`` package), order cues (``cues.py``) and bounds (``bounds.py``).
EVENTS = Section(
    {
        "verbs": Section(
            {
                "not_events": WORDS,
                "possessions": WORDS,
                "copulas": WORDS,
                "attributions": WORDS,
                "light": WORDS,
                "relational": WORDS,
                "states": WORDS,
                "fillings": WORDS,
                "futurates": WORDS,
                "other_senses": WORDS,
                "feelings": WORDS,
                "results": WORDS,
                "idioms": WORDS,
                "time_subjects": WORDS,
                "schedules": WORDS,
                "speaking_terms": WORDS,
                "speech_acts": WORDS,
                "answers": WORDS,
            }
        ),
        "classes": Section(dict.fromkeys(_EVENT_CLASSES, WORDS), disjoint=True),
        "nouns": Section({"events": WORDS, "phrases": WORDS}),
        "names": Section(
            {
                "titles": WORDS,
                "suffixes": WORDS,
                "aliases": GROUPS,
                "seats": WORDS,
                "participant_labels": WORDS,
                "location_labels": WORDS,
            }
        ),
        "roles": Section(
            {
                "agent": WORDS,
                "patient": WORDS,
                "with": WORDS,
                "place": WORDS,
                "noun_patient": WORDS,
                "noun_agent": WORDS,
                "placed_by_name": WORDS,
                "theme_articles": WORDS,
                "infinitive_marks": WORDS,
                "bare_infinitive": WORDS,
                "plural_pronouns": WORDS,
                "singular_pronouns": WORDS,
                "quantities": WORDS,
                "theme_prepositions": WORDS,
                "told_on": WORDS,
                "undergoers": WORDS,
                "relatives": WORDS,
                "dismissals": WORDS,
                "posts": WORDS,
            }
        ),
        "clauses": Section(
            {"questions": WORDS, "reasons": WORDS, "speaker_pronouns": Table(WORDS)}
        ),
        "tense": Section(
            {
                "future": WORDS,
                "hypothetical": WORDS,
                "conditions": WORDS,
                "negation": WORDS,
                "unable": Table(TEXT),
                "predicate_of": WORDS,
                "negative_subjects": WORDS,
                "nonspecific": WORDS,
            }
        ),
        "ordering": Section(
            {
                "after": WORDS,
                "before": WORDS,
                "object_before": WORDS,
                "object_after": WORDS,
                "reactions": WORDS,
                "reaction_causes": WORDS,
                "medium": WORDS,
                "then": WORDS,
                "definite": WORDS,
                "during": WORDS,
                "as": WORDS,
                "consequences": WORDS,
                "with_governor": WORDS,
                "under_way": WORDS,
                "done_then": WORDS,
                "done_then_with_object": WORDS,
                "planned_for": WORDS,
                "performed": WORDS,
                "with_argument": WORDS,
                "taking_part": WORDS,
                "issuing": WORDS,
                "within_relative": WORDS,
                "compared_with": WORDS,
                "meanwhile": WORDS,
                "intended": WORDS,
                "signals": Table(TEXT),
            }
        ),
    }
)

#: Predicates that can name one happening (``merging/predicates.py``, ``cues.py``).
PREDICATES = Section(
    {
        "synonyms": Table(WORDS),
        "anaphora": GROUPS,
        "wholes": WORDS,
        "ambiguous": WORDS,
        "outcomes": Table(WORDS),
        "with_object": Table(WORDS),
    }
)

#: Merging's blocking, stems and weights (``cluster.py`` and the modules of its steps).
MERGING = Section(
    {
        "window": INT,
        "context_articles": INT,
        "context_minimum": INT,
        "neighbours": INT,
        "neighbour_postings": INT,
        "statement_days": INT,
        "attitudes": WORDS,
        "general": WORDS,
        "endings": WORDS,
        "stem_length": INT,
        "counts": WORDS,
        "weights": Section(
            dict.fromkeys(
                (
                    "predicate",
                    "participants",
                    "dated",
                    "week",
                    "near",
                    "place",
                    "modality",
                    "undated",
                    "context",
                    "context_baseline",
                    "threshold",
                ),
                NUMBER,
            )
        ),
        "salience": Section(
            dict.fromkeys(
                (
                    "articles",
                    "mentions",
                    "mentions_full",
                    "lead",
                    "lead_sentences",
                    "dated",
                    "participants",
                    "reported",
                ),
                NUMBER,
            )
        ),
    }
)

#: Words that refer back to an entity, and the kinds of names (``references.py``).
REFERENCES = Section(
    {
        "person_pronouns": WORDS,
        "thing_pronouns": WORDS,
        "speaker_pronouns": WORDS,
        "offices": WORDS,
        "means_prepositions": WORDS,
        "determiners": WORDS,
        "descriptions": Section({"organisation": WORDS, "product": WORDS}, disjoint=True),
        "alike": Table(WORDS),
        "labels": Section(
            {"person": WORDS, "organisation": WORDS, "product": WORDS, "place": WORDS},
            disjoint=True,
        ),
        "windows": Section({"thing_pronoun": INT, "description": INT}),
        "genders": Section(
            dict.fromkeys(
                ("masculine", "feminine"),
                Section({"pronouns": WORDS, "titles": WORDS, "first_names": WORDS}),
            )
        ),
    }
)

#: An event's time in words, in every export (``export/wording.py``).
WORDING = Section(
    {
        "months": WORDS,
        "full_months": WORDS,
        "parts_of_day": Section(dict.fromkeys(("MO", "MI", "DT", "AF", "EV", "NI"), TEXT)),
        "seasons": Section(dict.fromkeys(("SP", "SU", "FA", "WI"), TEXT)),
        "phrases": Section(
            {
                **dict.fromkeys(
                    ("range", "before", "after", "undated", "decade", "century", "quarter"),
                    TEXT,
                ),
                **dict.fromkeys(("week", "weekend", "utc", "presumed", "told", "told_after"), TEXT),
                "half_year": WORDS,
            }
        ),
    }
)

#: Abbreviations whose stop ends no sentence (``export/quotes.py``).
QUOTES = Section({"abbreviations": WORDS})

#: The words of the HTML page (``export/html.py``).
PAGE = Section(
    {
        "phrases": Section(
            {
                **dict.fromkeys(
                    ("title", "confidence", "mentions", "summary", "sentence", "dated_by"), TEXT
                ),
                **dict.fromkeys(("mention", "article", "event"), WORDS),
            }
        ),
        "labels": Table(TEXT),
        "modalities": Table(TEXT),
    }
)

#: The parts of a news text that are not its narrative (``layout.py``).
LAYOUT = Section(
    {
        "dateline_separators": WORDS,
        "aside_dashes": WORDS,
        "byline_words": WORDS,
        "stamp_words": WORDS,
        "stamp_length": INT,
        "date_line_words": WORDS,
        "date_line_lines": INT,
        "update_words": WORDS,
        "stops": WORDS,
        "quote_marks": Table(TEXT),
    }
)

#: How a corpus of one token per element is written back as text (``evaluation/xmldocs.py``).
TOKENS = Section(
    {
        **dict.fromkeys(
            (
                "close",
                "open",
                "joiners",
                "hyphens",
                "apostrophes",
                "contractions",
                "numeric",
                "stops",
                "alternating",
            ),
            WORDS,
        ),
        "quotes": Table(TEXT),
    }
)

#: The schema of each file, by name.
SCHEMAS: dict[str, Section] = {
    "events": EVENTS,
    "layout": LAYOUT,
    "merging": MERGING,
    "predicates": PREDICATES,
    "references": REFERENCES,
    "wording": WORDING,
    "quotes": QUOTES,
    "page": PAGE,
    "tokens": TOKENS,
}
