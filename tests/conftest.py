"""Shared test setup.

Tests import helper modules that live beside them (``corpus_loader``); with pytest's
``--import-mode=importlib`` the tests folder is not on ``sys.path`` by itself.
"""

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
