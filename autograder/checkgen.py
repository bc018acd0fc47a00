"""Turn the check cells of a source notebook into a checks module (``checks/<id>.py``).

Each nbgrader test cell becomes one decorated function whose parameters are the student functions
it calls, so the judge can hand it proxies into the student process; functions imported from a
student-side support module (``student_side_modules`` in the manifest, e.g. ``nnkit_torch``) are
parameters too, called in the student process, and never imported by the judge. The imports
cell supplies the module's imports as they are: the helpers that ship beside the notebook
(``nnkit_checks``, ``nnkit_datasets``) are the kit's own modules of the same names.
"""

from __future__ import annotations

import ast
import builtins
import symtable
import textwrap

import nbformat

from autograder.manifest import Assignment
from autograder.nbgrader_cells import (
    IMPORTS_CELL,
    CheckCellError,
    grade_id,
    is_check_cell,
    is_written_answer,
    nbgrader_meta,
    parse_check_cell,
)


def regular_and_written_points(nb: nbformat.NotebookNode) -> tuple[float, float]:
    """The points of the notebook's checks, bonus checks left out, and of its written answers."""
    checks = [parse_check_cell(cell) for cell in nb.cells if is_check_cell(cell)]
    written = [nbgrader_meta(cell).get("points", 0) for cell in nb.cells if is_written_answer(cell)]
    return sum(c.points for c in checks if not c.bonus), float(sum(written))


def student_names(nb: nbformat.NotebookNode) -> set[str]:
    """Top-level functions and classes the notebook defines outside its check cells."""
    names = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and not is_check_cell(cell):
            names |= defined_names(cell.source)
    return names


def defined_names(source: str) -> set[str]:
    """Top-level functions and classes of one cell or module."""
    return {
        node.name
        for node in ast.parse(source).body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }


def global_names(code: str) -> set[str]:
    """Names a check's code reads from outside itself (module globals or builtins)."""
    source = "def _check():\n" + textwrap.indent(code or "pass", "    ") + "\n"
    found: set[str] = set()

    def visit(table: symtable.SymbolTable) -> None:
        if table.get_type() != "module":
            found.update(s.get_name() for s in table.get_symbols() if s.is_global())
        for child in table.get_children():
            visit(child)

    visit(symtable.symtable(source, "<check>", "exec"))
    return found


def render_imports(nb: nbformat.NotebookNode, used: set[str]) -> list[str]:
    """The imports cell's imports that the checks use."""
    lines = []
    for node in _imports_cell(nb):
        node.names = [a for a in node.names if (a.asname or a.name.split(".")[0]) in used]
        if node.names:
            lines.append(ast.unparse(node))
    return lines


def render_checks_module(assignment: Assignment) -> str:
    """The source of ``checks/<id>.py`` for `assignment`."""
    nb = nbformat.read(assignment.paths.source_notebook, as_version=4)
    cells = [parse_check_cell(c) for c in nb.cells if is_check_cell(c)]
    if assignment.student_module:  # the notebook imports the students' code from the module
        students = defined_names(assignment.paths.source_submission.read_text())
    else:
        students = student_names(nb)
    student_side = support_functions(nb, assignment.student_side_modules)
    students |= set(student_side)  # called in the student process like the students' own
    imported = _imported_names(nb)
    functions, used = [], set()
    grading_files = [data.file for data in assignment.grading_data]
    for cell in cells:
        leaked = [f for f in grading_files if f in cell.code and not cell.hidden]
        if leaked:
            raise CheckCellError(
                f"public check {cell.grade_id} reads {leaked[0]}, which only the grader has; "
                "read grading data in hidden checks only"
            )
        names = global_names(cell.code)
        unknown = names - students - imported - set(dir(builtins))
        if unknown:
            raise CheckCellError(
                f"check {cell.grade_id} uses {sorted(unknown)}, which are neither imported in the "
                "imports cell nor defined by the notebook's functions"
            )
        used |= (names & imported) - students  # never import the student module's names
        params = ", ".join(sorted(names & students))
        support = {name: student_side[name] for name in sorted(names & set(student_side))}
        functions.append(
            f"@check({cell.grade_id!r}, {cell.title!r}, points={cell.points!r}, "
            f"hidden={cell.hidden!r}, hint={cell.hint!r}"
            + (", bonus=True" if cell.bonus else "")
            + (f", support_functions={support!r}" if support else "")
            + ")\n"
            f"def test_{cell.grade_id}({params}):\n"
            + textwrap.indent(cell.code or "pass", "    ")
            + "\n"
        )
    source = assignment.paths.source_notebook.relative_to(assignment.root)
    header = [
        f'"""Generated from the check cells of {source.as_posix()}: the checks of {assignment.id}.',
        "",
        f"Do not edit: change the notebook and run `python -m autograder build {assignment.id}`.",
        "Each check's parameters are the student functions it calls; the grader passes proxies",
        'that run them in the student process.\n"""',
        "",
        *render_imports(nb, used),
        "from autograder.checkspec import check",
    ]
    return "\n".join(header) + "\n\n\n" + "\n\n".join(functions)


def _imports_cell(nb: nbformat.NotebookNode) -> list[ast.Import | ast.ImportFrom]:
    """The statements of the imports cell, which must all be imports."""
    cell = next((c for c in nb.cells if grade_id(c) == IMPORTS_CELL), None)
    if cell is None:
        raise CheckCellError(f"the notebook needs a code cell with grade_id {IMPORTS_CELL!r}")
    nodes = ast.parse(cell.source).body
    if not all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in nodes):
        raise CheckCellError("the imports cell may hold only import statements")
    return nodes


def _imported_names(nb: nbformat.NotebookNode) -> set[str]:
    return {a.asname or a.name.split(".")[0] for node in _imports_cell(nb) for a in node.names}


def support_functions(nb: nbformat.NotebookNode, modules: tuple[str, ...]) -> dict[str, str]:
    """Name -> ``module.function`` for each function the imports cell takes from one of the
    student-side `modules` (``from nnkit_torch import train_classifier``)."""
    return {
        alias.asname or alias.name: f"{node.module}.{alias.name}"
        for node in _imports_cell(nb)
        if isinstance(node, ast.ImportFrom) and node.module in modules
        for alias in node.names
    }
