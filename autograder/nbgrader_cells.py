"""nbgrader's cell conventions as the kit writes its source notebooks: the one module that
knows them.

A cell's nbgrader metadata (``metadata.nbgrader``) says whether it is graded (``grade``), holds
a solution (``solution``), its ``grade_id`` and its ``points``. A check cell (graded, no
solution) starts with ``# <title>``, then may have a ``# Hint: ...`` and a ``# Bonus`` line;
a hidden check's code sits between nbgrader's hidden-test markers. A solution region sits
between nbgrader's solution markers, and a release has `STUB` in its place.

Cells may be nbformat's or plain JSON (the judge reads submissions as data, without nbformat).
What a check cell is and how its header marks extra credit are written once, in the
student-side helpers (``nnkit_checks``), whose overview reads the same cells in the notebook
without the engine; this module takes them from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from nnkit_checks import BONUS_LINE, is_bonus
from nnkit_checks import is_check_cell as is_check_cell  # the engine's modules read it here
from nnkit_checks import nbgrader_meta as nbgrader_meta

from autograder.checkspec import CheckInfo
from autograder.errors import KitError

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
STUB = "raise NotImplementedError()"  # what a release has instead of a solution region
IMPORTS_CELL = "imports"  # the grade id of the cell whose imports the checks share
HINT_PREFIX = "# Hint:"


class CheckCellError(KitError):
    """A check cell breaks the conventions the grader relies on."""


@dataclass(frozen=True, kw_only=True)
class CheckCell(CheckInfo):
    """One check cell of the source notebook: what it states, and its code without the
    header lines and the hidden-test markers."""

    code: str


def grade_id(cell: dict) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def cell_source(cell: dict) -> str:
    """The cell's source as one string (JSON may hold it as a list of lines)."""
    source = cell.get("source", "")
    return "".join(str(s) for s in source) if isinstance(source, list) else str(source)


def is_hidden_check(cell: dict) -> bool:
    return is_check_cell(cell) and HIDDEN_BEGIN in cell_source(cell)


def is_written_answer(cell: dict) -> bool:
    """A manually graded answer: a markdown cell students write in, graded by hand."""
    meta = nbgrader_meta(cell)
    return (
        cell.get("cell_type") == "markdown"
        and bool(meta.get("grade"))
        and bool(meta.get("solution"))
    )


def parse_check_cell(cell: dict) -> CheckCell:
    """What a check cell states, and its code: CheckCellError when it breaks the conventions."""
    meta = nbgrader_meta(cell)
    source = cell_source(cell)
    lines = source.splitlines()
    if not lines or not lines[0].startswith("# "):
        raise CheckCellError(f"check cell {meta.get('grade_id')} must start with '# <title>'")
    header = lines[1:3]
    hint = next((ln[len(HINT_PREFIX) :].strip() for ln in header if ln.startswith(HINT_PREFIX)), "")
    hidden = HIDDEN_BEGIN in source
    if hidden and not hint:
        raise CheckCellError(f"hidden check cell {meta['grade_id']} needs a '{HINT_PREFIX}' line")
    body = [
        ln
        for i, ln in enumerate(lines[1:])
        if not ln.startswith(HINT_PREFIX) and not (i < 2 and ln.startswith(BONUS_LINE))
    ]
    return CheckCell(
        grade_id=meta["grade_id"],
        title=lines[0][2:].strip(),
        points=float(meta.get("points", 0)),
        hidden=hidden,
        hint=hint,
        bonus=is_bonus(lines),
        code=without_hidden_markers("\n".join(body)).strip("\n"),
    )


def without_hidden_markers(source: str) -> str:
    """The cell's code with the nbgrader hidden-test marker lines removed."""
    return "\n".join(
        line for line in source.splitlines() if line.strip() not in (HIDDEN_BEGIN, HIDDEN_END)
    )
