"""Sphinx configuration for the timeline documentation."""

import sys
from importlib.metadata import version as _version
from pathlib import Path

_here = Path(__file__).parent
# The corpus-examples directive (docs/_ext) reads the test corpus through tests/corpus_loader.
sys.path[:0] = [str(_here / "_ext"), str(_here.parent / "tests")]

project = "timeline"
author = "timeline developers"
copyright = "2026, timeline developers"
release = _version("news-timeline")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "myst_parser",  # only to include CHANGELOG.md
    "corpus_examples",
]
# No intersphinx: documentation builds must not need the network.

source_suffix = {".rst": "restructuredtext"}
exclude_patterns = ["_build", "_ext"]

autodoc_member_order = "bysource"

# Names every doctest may use: the docstrings that autodoc pulls in were written to run in
# their own module, where these names are defined.
doctest_global_setup = """
from datetime import date, datetime

import timeline
from timeline import *
from timeline.events import ArticleEvents, analyse, name_key
from timeline.nlp import load
"""

html_theme = "alabaster"
html_static_path: list[str] = []
