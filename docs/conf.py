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
    "timeline.sphinxext",
]
# No intersphinx: documentation builds must not need the network.

source_suffix = {".rst": "restructuredtext"}
exclude_patterns = ["_build", "_ext"]

autodoc_member_order = "bysource"

# The pages' examples are ``.. doctest::`` blocks. The ``>>>`` examples that autodoc pulls in
# from docstrings run in their own modules under pytest (--doctest-modules), not here.
doctest_test_doctest_blocks = ""

html_theme = "alabaster"
html_static_path: list[str] = []
