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


def _write_demo_page(app, exception) -> None:
    """Put the HTML page of the bundled examples' timeline beside the built pages."""
    if exception is not None or app.builder.format != "html":
        return
    import timeline
    from timeline.examples import load_examples

    articles = load_examples()
    built = timeline.build(articles).happenings()
    page = built.to_html("The bundled example articles", articles=articles)
    Path(app.outdir, "demo-timeline.html").write_text(page, encoding="utf-8")


def setup(app) -> None:
    app.connect("build-finished", _write_demo_page)
