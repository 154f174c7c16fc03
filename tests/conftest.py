"""Shared test setup.

Tests import helper modules that live beside them (``corpus_loader``, ``seeds``); with
pytest's ``--import-mode=importlib`` the tests folder is not on ``sys.path`` by itself.
The ``nlp`` fixture is the library's own cached English pipeline, or a skip without one.
Property tests have no deadline: a test asserts no timing, and a loaded machine must not
fail a property that holds.
"""

import sys
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("timeline", deadline=None)
settings.load_profile("timeline")

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)


@pytest.fixture(scope="session")
def nlp():
    pytest.importorskip("spacy")
    from timeline.nlp import load

    try:
        return load()
    except OSError:
        pytest.skip("no English spaCy model installed")
