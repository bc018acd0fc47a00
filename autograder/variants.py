"""Submissions made from the reference by swapping in other definitions, kept as test fixtures.

The definitions go into the cells of the source notebook, or into the source module when the
assignment's students write their code in a module (``student_module`` in the manifest).

``solutions/<id>/mistakes/*.py`` are realistic wrong submissions: each file's docstring describes
the mistake in its first line and lists, on a line ``fails: id_a, id_b`` (continued on indented
lines), exactly the checks that must fail; every other check must still pass.
``solutions/<id>/alternatives/*.py`` are correct submissions written differently from the
reference: their docstring has no ``fails:`` line, and they must score full marks.
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
class Variant:
    """One submission made from the reference: what differs, and which checks must fail."""

    name: str
    description: str
    fails: frozenset[str]  # empty for a correct alternative
    source: str


def load_mistakes(assignment: Assignment) -> list[Variant]:
    mistakes = _load_variants(assignment.mistakes_dir)
    for mistake in mistakes:
        if not mistake.fails:
            raise ValueError(f"mistake {mistake.name}: its docstring needs a 'fails:' line")
    return mistakes


def load_alternatives(assignment: Assignment) -> list[Variant]:
    alternatives = _load_variants(assignment.alternatives_dir)
    for alternative in alternatives:
        if alternative.fails:
            raise ValueError(f"alternative {alternative.name} is correct: it may not list 'fails:'")
    return alternatives


def _load_variants(folder: Path) -> list[Variant]:
    variants = []
    for path in sorted(folder.glob("*.py")):
        source = path.read_text()
        doc = ast.get_docstring(ast.parse(source))
        if not doc:
            raise ValueError(f"{path}: the docstring must describe the submission")
        match = re.search(r"^fails:(.*(?:\n[ \t]+.*)*)", doc, re.MULTILINE)  # indented lines go on
        fails = match.group(1).split(",") if match else []
        fails = frozenset(x.strip() for x in fails if x.strip())
        variants.append(Variant(path.stem, doc.splitlines()[0], fails, source))
    return variants


def apply_variant(nb: nbformat.NotebookNode, variant: Variant) -> nbformat.NotebookNode:
    """A copy of `nb` with each definition in the variant swapped into the cell that defines it."""
    nb = copy.deepcopy(nb)
    for new in _definitions(variant):
        for cell in nb.cells:
            if cell.cell_type != "code" or is_check_cell(cell):
                continue
            old = next((n for n in ast.parse(cell.source).body if _defines(n, new.name)), None)
            if old is not None:
                cell.source = _replace(cell.source, old, _segment(variant.source, new))
                break
        else:
            raise ValueError(f"variant {variant.name}: the notebook defines no {new.name}")
    return nb


def apply_variant_to_module(source: str, variant: Variant) -> str:
    """The student module's `source` with each definition of the variant swapped in."""
    for new in _definitions(variant):
        old = next((n for n in ast.parse(source).body if _defines(n, new.name)), None)
        if old is None:
            raise ValueError(f"variant {variant.name}: the module defines no {new.name}")
        source = _replace(source, old, _segment(variant.source, new))
    return source + "\n"


def write_variant(assignment: Assignment, variant: Variant, folder: Path) -> Path:
    """Write the reference with `variant` applied, named like the file the grader reads: the
    notebook, or the student module of an assignment that has one."""
    path = Path(folder) / variant.name / assignment.graded_file
    path.parent.mkdir(parents=True, exist_ok=True)
    if assignment.student_module:
        source = assignment.source_submission.read_text()
        path.write_text(apply_variant_to_module(source, variant))
    else:
        nb = apply_variant(nbformat.read(assignment.source_notebook, as_version=4), variant)
        nbformat.write(nb, path)
    return path


def _definitions(variant: Variant) -> list[ast.stmt]:
    return [node for node in ast.parse(variant.source).body if isinstance(node, DEFINITIONS)]


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
