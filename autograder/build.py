"""Build an assignment's generated outputs from its source notebook.

0. check that the notebook's points add up to the manifest's ``points``;
1. cut the grading data into ``grading_data/<id>/``, outside the folders nbgrader copies;
2. write the checks module ``checks/<id>.py`` from the notebook's check cells;
3. run real ``nbgrader generate_assignment`` to make the student release ``assignments/<id>/``;
   the kit's step in nbgrader's pipeline (`nbgrader_steps.CompleteRelease`) copies the support
   files (``nnkit_checks.py``, ``nnkit_datasets/``, data) from the kit into the release, writes
   the stub of the student module, if the assignment has one, and gives the notebook its
   overview (`add_overview`), so plain ``nbgrader generate_assignment`` makes the same release;
   the build then checks the release holds no solution module and no grading data;
4. write the Gradescope zip ``dist/<id>_autograder.zip``.

`stale_outputs` rebuilds in a scratch copy of the course and lists committed outputs that
differ; the release's copies of the kit's helpers are not outputs (git ignores them).
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from pathlib import Path

import nbformat
from nnkit_checks import passed_line

from autograder.checkgen import regular_and_written_points, render_checks_module
from autograder.errors import KitError
from autograder.gradescope import write_bundle
from autograder.grading_data import ensure_grading_data
from autograder.manifest import Assignment, load_assignment
from autograder.nbgrader_cells import (
    SOLUTION_BEGIN,
    SOLUTION_END,
    STUB,
    grade_id,
    is_check_cell,
    parse_check_cell,
)
from autograder.nbgrader_course import generate_assignment
from autograder.staging import support_sources

OVERVIEW = """\
# Overview: run this cell last. It runs every public check above again, going on after a
# failure, and lists every check with its points (hidden checks are graded after you submit).
from nnkit_checks import overview

overview({notebook!r}, globals())"""


class ReleaseError(KitError):
    """A generated release holds what students must not get."""


class PointsError(KitError):
    """The notebook's points do not add up to what the manifest says the assignment is worth."""


def check_points(assignment: Assignment) -> None:
    """Raise PointsError unless the checks (bonus left out) and the written answers of the
    source notebook add up to the manifest's ``points``, when it gives them."""
    if assignment.points is None:
        return
    nb = nbformat.read(assignment.paths.source_notebook, as_version=4)
    code, written = regular_and_written_points(nb)
    if code + written != assignment.points:
        raise PointsError(
            f"{assignment.id}: the checks ({code:g}) and written answers ({written:g}) add up "
            f"to {code + written:g} points; the manifest says {assignment.points:g}"
        )


def generate_release(assignment: Assignment) -> None:
    """Real ``nbgrader generate_assignment`` (with the kit's course config), then a check that
    the release is clean; raises ReleaseError when it is not."""
    generate_assignment(assignment.root, assignment.id)
    if leaks := release_leaks(assignment):
        raise ReleaseError(
            f"{assignment.paths.release_dir} holds {', '.join(leaks)}: the course's "
            "nbgrader_config.py must call autograder.nbgrader_course.configure"
        )


def release_leaks(assignment: Assignment) -> list[str]:
    """What a release must not hold: grading data, or a student module that is not the stub."""
    leaks = [
        d.file for d in assignment.grading_data if (assignment.paths.release_dir / d.file).exists()
    ]
    if assignment.student_module:
        released = assignment.paths.release_submission
        if not released.is_file() or released.read_text() != release_module(assignment):
            leaks.append(f"{assignment.student_module} that is not its stub")
    return leaks


def release_module(assignment: Assignment) -> str:
    """The release's copy of the student module: a first line saying (in students' words: their
    folder has no solutions/) that it is generated and from what, then the stub."""
    name = assignment.student_module
    first = f"# Your copy of {name}, generated from the course's own with its answers taken out.\n"
    return first + stub_module(assignment.paths.source_submission.read_text())


def stub_module(source: str) -> str:
    """The student's copy of a source module: each ``### BEGIN SOLUTION`` ... ``### END
    SOLUTION`` region becomes ``raise NotImplementedError()`` at the indentation of its BEGIN
    line, as nbgrader does in notebook cells (nbgrader leaves ``.py`` files alone)."""
    lines, inside = [], False
    for number, line in enumerate(source.splitlines(), start=1):
        if SOLUTION_BEGIN in line:
            if inside:
                raise ValueError(f"line {number}: a solution region inside another")
            inside = True
            lines.append(line[: len(line) - len(line.lstrip())] + STUB)
        elif SOLUTION_END in line:
            if not inside:
                raise ValueError(f"line {number}: {SOLUTION_END} without {SOLUTION_BEGIN}")
            inside = False
        elif not inside:
            lines.append(line)
    if inside:
        raise ValueError(f"a solution region is not closed by {SOLUTION_END}")
    return "\n".join(lines) + "\n"


def add_overview(nb: nbformat.NotebookNode, assignment: Assignment) -> None:
    """Give a release notebook its overview: each public check cell ends by printing its
    points (`nnkit_checks.passed_line`; it is reached only when the check passed), and a last
    cell runs every public check and prints the table of all checks (`nnkit_checks.overview`).
    Which checks are public comes from the source notebook's check cells."""
    source = nbformat.read(assignment.paths.source_notebook, as_version=4)
    checks = [parse_check_cell(c) for c in source.cells if is_check_cell(c)]
    public = {c.grade_id: c for c in checks if not c.hidden}
    for cell in nb.cells:
        check = public.get(grade_id(cell)) if is_check_cell(cell) else None
        if check is not None:
            line = passed_line(check.title, check.points, check.bonus)
            cell.source = f"{cell.source.rstrip()}\nprint({line!r})"
    overview = nbformat.v4.new_code_cell(OVERVIEW.format(notebook=assignment.notebook))
    overview.id = "overview"  # not a random id: a build gives the same release each time
    overview.metadata.update(editable=False, deletable=False)
    nb.cells.append(overview)


def write_checks_module(assignment: Assignment) -> Path:
    assignment.paths.checks_file.parent.mkdir(exist_ok=True)
    assignment.paths.checks_file.write_text(render_checks_module(assignment))
    return assignment.paths.checks_file


def build(assignment: Assignment, *, dist: Path | None = None) -> Path:
    """Regenerate the checks module and release, and write the Gradescope zip; returns the zip."""
    generate_outputs(assignment)
    return write_bundle(assignment, dist or assignment.root / "dist")


def generate_outputs(assignment: Assignment) -> None:
    """Check the points, cut the grading data, then write the checks module and the release
    (nbgrader)."""
    check_points(assignment)
    ensure_grading_data(assignment, progress=True)
    write_checks_module(assignment)
    generate_release(assignment)


def helper_copies(assignment: Assignment) -> set[str]:
    """The names beside the release notebook that are copies of the kit's own modules
    (``nnkit_checks.py``, ``nnkit_datasets/``, ``nnkit_torch.py``): git ignores them, and a
    student's environment imports the originals (`pip install -e .`)."""
    return {
        name
        for name, source in support_sources(assignment).items()
        if source.is_dir() or name.endswith(".py")
    }


def release_outputs(assignment: Assignment) -> list[Path]:
    """The release's files that the build generates and git keeps: all but the helper copies."""
    copies = helper_copies(assignment)
    return sorted(
        path
        for path in assignment.paths.release_dir.rglob("*")
        if path.is_file() and path.relative_to(assignment.paths.release_dir).parts[0] not in copies
    )


def stale_outputs(assignment: Assignment) -> list[str]:
    """Committed generated files that differ from a fresh build (empty when all are current)."""
    with tempfile.TemporaryDirectory(prefix="nnkit-build-") as scratch:
        copy = copy_course(assignment, Path(scratch))
        generate_outputs(copy)
        fresh = {copy.paths.checks_file: assignment.paths.checks_file}
        for path in release_outputs(copy):
            fresh[path] = assignment.paths.release_dir / path.relative_to(copy.paths.release_dir)
        stale = [
            str(old.relative_to(assignment.root))
            for new, old in fresh.items()
            if not old.is_file() or not filecmp.cmp(new, old, shallow=False)
        ]
        extra = set(release_outputs(assignment)) - set(fresh.values())
        stale += [str(p.relative_to(assignment.root)) for p in extra]
        return sorted(stale)


def copy_course(assignment: Assignment, scratch: Path) -> Assignment:
    """Copy what a build reads (sources, support files, pins, the grading data already cut)
    into a course folder `scratch`, which may hold other assignments."""
    shutil.copytree(
        assignment.paths.source_dir,
        scratch / "solutions" / assignment.id,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    if assignment.paths.grading_data_dir.is_dir():
        shutil.copytree(assignment.paths.grading_data_dir, scratch / "grading_data" / assignment.id)
    for path in support_sources(assignment).values():
        target = scratch / path.relative_to(assignment.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            shutil.copytree(
                path, target, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True
            )
        else:
            shutil.copy(path, target)
    for pins in ["requirements.txt", assignment.extra_requirements]:
        if pins:
            shutil.copy(assignment.root / pins, scratch / pins)
    return load_assignment(assignment.id, scratch)
