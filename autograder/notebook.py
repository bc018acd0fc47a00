"""Reading notebooks: a submission's code cells, and the parts of a source notebook.

Only the judge reads notebooks, and only as data. A file that is not a readable notebook raises
`SubmissionError` with a sentence for the student.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from autograder.nbgrader_cells import cell_source, grade_id, is_check_cell


class SubmissionError(Exception):
    """The submission cannot be graded at all (missing, not a notebook, unreadable)."""


@dataclass(frozen=True)
class CodeCell:
    """One code cell: its position, source, and nbgrader metadata if any."""

    index: int
    source: str
    grade_id: str | None = None
    is_check: bool = False
    name: str | None = None  # how messages name it: a module's file name; cells go by index


def find_submission(path: Path, name: str) -> Path:
    """The file to grade: `path` itself, or the file `name` inside the folder `path`.

    `name` is the assignment's notebook, or its student module (a ``.py`` file) when students
    write their code in a module; a folder must then hold exactly one file of that name.
    """
    path = Path(path)
    if path.is_file():
        if name.endswith(".py") and path.suffix == ".ipynb":
            raise SubmissionError(f"this assignment grades your module {name}; upload {name}")
        return path
    if not path.is_dir():
        raise SubmissionError(f"nothing was submitted at {path.name}")
    if name.endswith(".py"):
        return _find_module(path, name)
    named = sorted(path.rglob(name))
    notebooks = named or sorted(
        p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )
    if len(notebooks) == 1:
        return notebooks[0]
    scripts = sorted(path.rglob("*.py"))
    if not notebooks and len(scripts) == 1:
        return scripts[0]
    if not notebooks:
        raise SubmissionError(f"no notebook was submitted; upload {name}")
    names = ", ".join(p.name for p in notebooks)
    raise SubmissionError(f"several notebooks were submitted ({names}); upload only {name}")


def _find_module(folder: Path, name: str) -> Path:
    found = sorted(p for p in folder.rglob(name) if ".ipynb_checkpoints" not in p.parts)
    if len(found) == 1:
        return found[0]
    if not found:
        raise SubmissionError(
            f"{name} was not submitted; upload {name}, the module your notebook imports "
            "(the grader reads your code from it, not from the notebook)"
        )
    places = ", ".join(str(p.relative_to(folder)) for p in found)
    raise SubmissionError(f"several copies of {name} were submitted ({places}); upload one")


def read_code_cells(path: Path) -> list[CodeCell]:
    """The code cells of a notebook, or of a ``.py`` file taken as one cell."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SubmissionError(f"{path.name} is not a text file ({type(exc).__name__})") from None
    if path.suffix == ".py":
        return [CodeCell(0, text, name=path.name)]
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SubmissionError(
            f"{path.name} is not a valid notebook: broken JSON at line {exc.lineno}; "
            "open it in Jupyter, save it again and resubmit"
        ) from None
    if isinstance(raw, dict) and isinstance(raw.get("cells"), list):
        cells = raw["cells"]  # version 4, read as plain data even if its schema is off
    else:
        import nbformat  # only here: importing it (and jsonschema) costs about a second

        try:  # an older version (worksheets): let nbformat convert it
            cells = nbformat.reads(text, as_version=4).cells
        except Exception:
            cells = []
    if not isinstance(cells, list) or not cells:
        raise SubmissionError(f"{path.name} has no cells; is it the assignment notebook?")
    return [
        _code_cell(i, cell)
        for i, cell in enumerate(cells)
        if isinstance(cell, dict) and cell.get("cell_type") == "code"
    ]


def _code_cell(index: int, cell: dict) -> CodeCell:
    return CodeCell(index, cell_source(cell), grade_id(cell), is_check_cell(cell))
