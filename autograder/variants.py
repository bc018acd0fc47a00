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

A variant's function replaces the reference's function of that name whole. A variant's class
lists only what differs: each of its methods and class attributes (and its docstring) replaces the
reference's member of that name or is added, its header (bases) replaces the reference's, and every
member it leaves out stays as the reference wrote it.
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
    mistakes = load_variants(assignment.paths.mistakes_dir)
    for mistake in mistakes:
        if not mistake.fails:
            raise ValueError(f"mistake {mistake.name}: its docstring needs a 'fails:' line")
    return mistakes


def load_alternatives(assignment: Assignment) -> list[Variant]:
    alternatives = load_variants(assignment.paths.alternatives_dir)
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
        cell.source = _swap(cell.source, old, variant.source, new)
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
        source, replaced = _swap(source, old, variant.source, new), True
    if not replaced:
        raise ValueError(f"variant {variant.name} replaces none of the module's definitions")
    return "\n\n\n".join([source, *added]) + "\n"


def write_variant(assignment: Assignment, variant: Variant, folder: Path) -> Path:
    """Write the reference with `variant` applied, named like the file the grader reads: the
    notebook, or the student module of an assignment that has one."""
    path = Path(folder) / variant.name / assignment.graded_file
    path.parent.mkdir(parents=True, exist_ok=True)
    if assignment.student_module:
        source = assignment.paths.source_submission.read_text()
        path.write_text(apply_variant_to_module(source, variant))
    else:
        nb = apply_variant(nbformat.read(assignment.paths.source_notebook, as_version=4), variant)
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


def _last_line(lines: list[str], node: ast.stmt) -> int:
    """The last line of `node`, with the comment lines indented under it that follow its last
    statement (a solution region's ``### END SOLUTION``)."""
    indent = len(lines[node.lineno - 1]) - len(lines[node.lineno - 1].lstrip())
    last = node.end_lineno
    while last < len(lines) and lines[last].lstrip().startswith("#"):
        if len(lines[last]) - len(lines[last].lstrip()) <= indent:
            break
        last += 1
    return last


def _segment(source: str, node: ast.stmt) -> str:
    lines = source.splitlines()
    return "\n".join(lines[_first_line(node) - 1 : _last_line(lines, node)])


def _swap(source: str, old: ast.stmt, new_source: str, new: ast.stmt) -> str:
    """`source` with its definition `old` replaced by `new` (a statement of `new_source`): a
    function whole, a class member by member."""
    lines = source.splitlines()
    edits = [(_first_line(old), _last_line(lines, old), _segment(new_source, new))]
    if isinstance(old, ast.ClassDef) and isinstance(new, ast.ClassDef):
        edits = _class_edits(lines, old, new_source, new)
    for first, last, text in sorted(edits, reverse=True):
        lines[first - 1 : last] = text.splitlines()
    return "\n".join(lines)


def _class_edits(lines: list[str], old: ast.ClassDef, new_source: str, new: ast.ClassDef) -> list:
    """(first line, last line, replacement) edits of `lines` that give class `old` the header
    of `new` and each of its members; a member `old` lacks goes after its last line."""
    members = {_member_key(node): node for node in old.body}
    header_end = _first_line(old.body[0]) - 1
    new_header = "\n".join(
        new_source.splitlines()[_first_line(new) - 1 : _first_line(new.body[0]) - 1]
    )
    edits = [(_first_line(old), header_end, new_header)]
    added = []
    for node in new.body:
        key = _member_key(node)
        if not key:
            raise ValueError(
                f"class {new.name}: a variant's class holds only methods, class "
                "attributes and a docstring"
            )
        if key in members:
            edits.append(
                (
                    _first_line(members[key]),
                    _last_line(lines, members[key]),
                    _segment(new_source, node),
                )
            )
        else:
            added.append(_segment(new_source, node))
    if added:  # an empty range: inserted after the class's last line
        end = _last_line(lines, old)
        edits.append((end + 1, end, "\n" + "\n\n".join(added)))
    return edits


def _member_key(node: ast.stmt) -> str:
    """What a class member replaces by: its name, or "__doc__" for the docstring."""
    if isinstance(node, DEFINITIONS):
        return node.name
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        return getattr(node.targets[0], "id", "")
    if isinstance(node, ast.AnnAssign):
        return getattr(node.target, "id", "")
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return "__doc__"
    return ""
