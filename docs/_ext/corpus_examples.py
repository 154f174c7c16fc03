"""``.. corpus-examples:: FAMILY``: the example corpus of one rule family as a table.

The rows come from ``tests/corpus/FAMILY.toml``, the same examples the test suite runs, so
the documentation shows only what the library is tested to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives

from corpus_loader import CORPUS_DIR, Case, load_family

COLUMNS = ("Text (expected extent in brackets)", "Published", "Type", "Value", "Mod")


def _row(case: Case) -> tuple[str, ...]:
    if case.kind == "none":
        return (case.raw, _published(case), "", "(nothing)", "")
    return (case.raw, _published(case), case.type or "", case.value or "", case.mod or "")


def _published(case: Case) -> str:
    published = "none" if case.published is None else case.published.isoformat()
    return published + (", ranges=True" if case.ranges else "")


class CorpusExamples(Directive):
    """Render the cases of one corpus family as a table."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"limit": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        family = self.arguments[0]
        path = Path(CORPUS_DIR) / f"{family}.toml"
        self.state.document.settings.record_dependencies.add(str(path))
        cases = load_family(path)[: self.options.get("limit")]
        table = nodes.table(classes=["corpus-examples"])
        group = nodes.tgroup(cols=len(COLUMNS))
        table += group
        for width in (50, 12, 10, 18, 10):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += self._table_row(COLUMNS)
        body = nodes.tbody()
        for case in cases:
            body += self._table_row(_row(case))
        group += head
        group += body
        return [table]

    @staticmethod
    def _table_row(cells: tuple[str, ...]) -> nodes.row:
        row = nodes.row()
        for text in cells:
            entry = nodes.entry()
            entry += nodes.paragraph(text="", children=[nodes.literal(text=text)] if text else [])
            row += entry
        return row


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("corpus-examples", CorpusExamples)
    return {"parallel_read_safe": True, "version": "1"}
