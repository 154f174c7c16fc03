"""Sphinx configuration for the timeline documentation."""

from importlib.metadata import version as _version

project = "timeline"
author = "timeline developers"
copyright = "2026, timeline developers"
release = _version("news-timeline")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "myst_parser",  # only to include CHANGELOG.md
]
# No intersphinx: documentation builds must not need the network.

source_suffix = {".rst": "restructuredtext"}
exclude_patterns = ["_build"]

autodoc_member_order = "bysource"

# Names every doctest may use: the docstrings that autodoc pulls in were written to run in
# their own module, where these names are defined.
doctest_global_setup = """
from datetime import date, datetime

import timeline
from timeline import *
"""

html_theme = "alabaster"
html_static_path: list[str] = []
