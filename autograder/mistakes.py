"""Realistic wrong submissions, kept beside each assignment as ``solutions/<id>/mistakes/*.py``.

A mistake file replaces one or more of the reference notebook's functions. Its docstring describes
the mistake in its first line and lists, on a line ``fails: id_a, id_b``, exactly the checks that
must fail; every other check must still pass.
"""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.checkgen import is_check_cell
from autograder.manifest import Assignment

DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Mistake:
    """One wrong submission: what is wrong, and which checks must catch it."""

    name: str
    description: str
    fails: frozenset[str]
    source: str


def load_mistakes(assignment: Assignment) -> list[Mistake]:
    mistakes = []
    for path in sorted(assignment.mistakes_dir.glob("*.py")):
        source = path.read_text()
        doc = ast.get_docstring(ast.parse(source)) or ""
        match = re.search(r"^fails:(.*)$", doc, re.MULTILINE)
        if not doc or not match:
            raise ValueError(f"{path}: the docstring needs a description and a 'fails:' line")
        fails = frozenset(x.strip() for x in match.group(1).split(",") if x.strip())
        mistakes.append(Mistake(path.stem, doc.splitlines()[0], fails, source))
    return mistakes


def apply_mistake(nb: nbformat.NotebookNode, mistake: Mistake) -> nbformat.NotebookNode:
    """A copy of `nb` with each definition in the mistake swapped into the cell that defines it."""
    nb = copy.deepcopy(nb)
    for new in ast.parse(mistake.source).body:
        if not isinstance(new, DEFINITIONS):
            continue
        for cell in nb.cells:
            if cell.cell_type != "code" or is_check_cell(cell):
                continue
            old = next((n for n in ast.parse(cell.source).body if _defines(n, new.name)), None)
            if old is not None:
                cell.source = _replace(cell.source, old, _segment(mistake.source, new))
                break
        else:
            raise ValueError(f"mistake {mistake.name}: the notebook defines no {new.name}")
    return nb


def write_mistake(assignment: Assignment, mistake: Mistake, folder: Path) -> Path:
    """Write the reference notebook with `mistake` applied, named like the assignment's notebook."""
    nb = apply_mistake(nbformat.read(assignment.source_notebook, as_version=4), mistake)
    path = Path(folder) / mistake.name / assignment.notebook
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _defines(node: ast.stmt, name: str) -> bool:
    return isinstance(node, DEFINITIONS) and node.name == name


def _first_line(node: ast.stmt) -> int:
    return min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])


def _segment(source: str, node: ast.stmt) -> str:
    lines = source.splitlines()
    return "\n".join(lines[_first_line(node) - 1 : node.end_lineno])


def _replace(source: str, node: ast.stmt, replacement: str) -> str:
    lines = source.splitlines()
    return "\n".join(lines[: _first_line(node) - 1] + [replacement] + lines[node.end_lineno :])
