"""Submissions made from the reference by swapping in other definitions, kept as test fixtures.

The definitions go into the cells of the source notebook, or into the source module when the
assignment's students write their code in a module (``student_module`` in the manifest).

``solutions/<id>/mistakes/*.py`` are realistic wrong submissions: each file's docstring describes
the mistake in its first line and lists, on a line ``fails: id_a, id_b`` (continued on indented
lines), exactly the checks that must fail; every other check must still pass. A line
``diagnosis: ...`` says what the mistake is in words for students, shown under a failed check that
behaves as this mistake does (`diagnosis.py`).
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

from autograder.manifest import Assignment
from autograder.nbgrader_cells import is_check_cell

DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Variant:
    """One submission made from the reference: what differs, and which checks must fail."""

    name: str
    description: str
    fails: frozenset[str]  # empty for a correct alternative
    source: str
    diagnosis: str = ""  # the mistake in words for students (a mistake's ``diagnosis:`` line)
    rewrites: str = ""  # the mistake a benchmark variant rewrites (``rewrites:``), or "none"


def load_mistakes(assignment: Assignment) -> list[Variant]:
    mistakes = load_variants(assignment.mistakes_dir)
    for mistake in mistakes:
        if not mistake.fails:
            raise ValueError(f"mistake {mistake.name}: its docstring needs a 'fails:' line")
    return mistakes


def load_alternatives(assignment: Assignment) -> list[Variant]:
    alternatives = load_variants(assignment.alternatives_dir)
    for alternative in alternatives:
        if alternative.fails:
            raise ValueError(f"alternative {alternative.name} is correct: it may not list 'fails:'")
    return alternatives


def load_variants(folder: Path) -> list[Variant]:
    """The variants in `folder` (``*.py``), in name order."""
    variants = []
    for path in sorted(Path(folder).glob("*.py")):
        source = path.read_text()
        doc = ast.get_docstring(ast.parse(source))
        if not doc:
            raise ValueError(f"{path}: the docstring must describe the submission")
        fails = frozenset(x.strip() for x in _field(doc, "fails").split(",") if x.strip())
        variants.append(
            Variant(
                path.stem,
                doc.splitlines()[0],
                fails,
                source,
                diagnosis=" ".join(_field(doc, "diagnosis").split()),
                rewrites=_field(doc, "rewrites").strip(),
            )
        )
    return variants


def _field(doc: str, name: str) -> str:
    """The text of the docstring's line ``name: ...`` (indented lines go on), or ""."""
    match = re.search(rf"^{name}:(.*(?:\n[ \t]+.*)*)", doc, re.MULTILINE)
    return match.group(1) if match else ""


def apply_variant(nb: nbformat.NotebookNode, variant: Variant) -> nbformat.NotebookNode:
    """A copy of `nb` with each definition of the variant swapped into the cell that defines it;
    the variant's other statements (imports, constants, classes the notebook does not define)
    go at the top of the cell of its first swapped definition."""
    nb = copy.deepcopy(nb)
    cells = [c for c in nb.cells if c.cell_type == "code" and not is_check_cell(c)]
    first_cell, added = None, []
    for new in _statements(variant):
        found = next(((c, old) for c in cells if (old := _definition(c.source, new))), None)
        if found is None:
            added.append(_segment(variant.source, new))
            continue
        cell, old = found
        cell.source = _replace(cell.source, old, _segment(variant.source, new))
        first_cell = first_cell or cell
    if first_cell is None:
        raise ValueError(f"variant {variant.name} replaces none of the notebook's definitions")
    first_cell.source = "\n\n".join([*added, first_cell.source])
    return nb


def apply_variant_to_module(source: str, variant: Variant) -> str:
    """The student module's `source` with each definition of the variant swapped in; the
    variant's other statements go at its end."""
    added, replaced = [], False
    for new in _statements(variant):
        old = _definition(source, new)
        if old is None:
            added.append(_segment(variant.source, new))
            continue
        source, replaced = _replace(source, old, _segment(variant.source, new)), True
    if not replaced:
        raise ValueError(f"variant {variant.name} replaces none of the module's definitions")
    return "\n\n\n".join([source, *added]) + "\n"


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


def _statements(variant: Variant) -> list[ast.stmt]:
    """The variant's top-level statements, without its docstring."""
    body = ast.parse(variant.source).body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return body


def _definition(source: str, new: ast.stmt) -> ast.stmt | None:
    """The function or class of `source` that `new` replaces (same kind of name), if any."""
    if not isinstance(new, DEFINITIONS):
        return None
    return next((n for n in ast.parse(source).body if _defines(n, new.name)), None)


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
