"""The kit's steps inside nbgrader's own pipelines; `nbgrader_course.configure` puts them there.

Each is an nbgrader preprocessor, so it runs whoever starts the command (the kit's build, a
terminal, formgrader's buttons), and an error in it fails the command instead of being logged
and skipped as a hook's would be. nbgrader runs preprocessors with the course folder as the
current directory, which is how they find the manifests.

- `CompleteRelease` (generate_assignment): the release gets the support files (copied from the
  kit: the source folder holds sources only), the stub of the student module instead of its
  solutions, none of the grading data, and its overview (a line per passing public check, a
  last cell with the table of all checks).
- `ExecuteWithGradingData` (autograde): runs the notebook with the kit's support files beside it
  (a student's edited ``nnkit_checks.py`` never grades itself) and the hidden checks' grading
  data reachable from the kernel, although it is never copied next to the notebook, and gives
  its cells the assignment's own timeout.
- `HideHiddenChecks` (generate_feedback): each hidden check shows its title, its points, pass or
  fail and its hint; its code, inputs, traceback and expected values stay out of the feedback,
  and so does the course folder's path.
"""

from __future__ import annotations

import os
from pathlib import Path

from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from nbgrader.utils import compute_checksum

from autograder.build import add_overview, release_module
from autograder.grading_data import ensure_grading_data, grading_data_ready
from autograder.manifest import Assignment, load_assignment
from autograder.nbgrader_cells import is_hidden_check, parse_check_cell
from autograder.nbgrader_course import execute_timeout
from autograder.staging import copy_support_files

HIDDEN_NOTE = "# (a hidden check: its code and inputs are not shown)"
ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def course_assignment(resources: dict) -> Assignment:
    """The assignment nbgrader is converting, read from the course folder it runs in."""
    return load_assignment(resources["nbgrader"]["assignment"], Path.cwd())


def complete_release(assignment: Assignment) -> None:
    """Make ``assignments/<id>/`` the kit's release, after nbgrader copied the source folder;
    cut the grading data autograde will need (generating is building: grading never cuts)."""
    copy_support_files(assignment, assignment.paths.release_dir)
    ensure_grading_data(assignment)
    if assignment.student_module:
        assignment.paths.release_submission.write_text(release_module(assignment))


def generated_from(assignment: Assignment) -> str:
    """What a release notebook's metadata says it is made from (it has no first line)."""
    return (
        f"generated from solutions/{assignment.id}/{assignment.notebook} by "
        f"`python -m autograder build {assignment.id}`; edit the source, not this file"
    )


class CompleteRelease(NbGraderPreprocessor):
    """Support files in, the student module stubbed, no grading data, the overview added, and
    the notebook's metadata naming its source (generate_assignment). It runs after nbgrader's
    checksums, so the cells it changed get theirs again (autograde still runs the source's
    check cells, without the added lines)."""

    def preprocess(self, nb, resources):
        assignment = course_assignment(resources)
        complete_release(assignment)
        add_overview(nb, assignment)
        nb.metadata["nnkit"] = {"generated_from": generated_from(assignment)}
        for cell in nb.cells:
            if "checksum" in cell.metadata.get("nbgrader", {}):
                cell.metadata.nbgrader.checksum = compute_checksum(cell)
        return nb, resources


class ExecuteWithGradingData(Execute):
    """nbgrader's Execute, with the kit's support files copied beside the notebook over any the
    student submitted, the assignment's grading data folder on the kernel's ``NNKIT_DATA_DIR``,
    where the hidden checks' `load_arrays` looks first, the assignment's own cell timeout
    (`nbgrader_course.execute_timeout`), and one BLAS thread unless the environment names
    another count (autograde).

    The timeouts come from cells measured with one thread, as the kit's own grader runs
    student code; on a loaded machine a second BLAS thread waiting for a core spins, and the
    same cell took two to six times the CPU."""

    def preprocess(self, nb, resources=None, km=None):
        assignment = course_assignment(resources)
        self.timeout = execute_timeout(assignment)
        copy_support_files(assignment, Path(resources["metadata"]["path"]))
        folders = {str(path.parent) for path in grading_data_ready(assignment)}
        self._data_dirs = os.pathsep.join(sorted(folders))
        return super().preprocess(nb, resources, km)

    def start_new_kernel(self, **kwargs):
        env = dict(kwargs.pop("env", os.environ))
        for threads in ONE_THREAD:
            env.setdefault(threads, "1")
        if self._data_dirs:
            env["NNKIT_DATA_DIR"] = os.pathsep.join(
                p for p in [self._data_dirs, env.get("NNKIT_DATA_DIR", "")] if p
            )
        return super().start_new_kernel(env=env, **kwargs)


def hide_hidden_check(cell) -> None:
    """Turn an autograded hidden check cell into its title and hint, and a pass/fail line.

    cell: a check cell whose nbgrader metadata holds ``score`` and ``points`` (GetGrades).
    """
    spec = parse_check_cell(cell)
    meta = cell.metadata.nbgrader
    passed = float(meta.get("score") or 0) >= float(meta.get("points") or 0)
    cell.source = f"# {spec.title}\n{HIDDEN_NOTE}"
    verdict = "Passed." if passed else f"Failed. Hint: {spec.hint}"
    cell.outputs = [new_output("stream", name="stdout", text=verdict + "\n")]
    cell.execution_count = None


def without_course_paths(cell, course: str) -> None:
    """Drop the course folder's path (``/home/<instructor>/course/autograded/<student>/...``)
    from a cell's outputs: tracebacks through ``nnkit_checks.py`` show it."""
    for output in cell.get("outputs", []):
        if "traceback" in output:
            output.traceback = [line.replace(course, ".") for line in output.traceback]
        if "text" in output:
            output.text = output.text.replace(course, ".")


class HideHiddenChecks(NbGraderPreprocessor):
    """Feedback shows a hidden check's title, points, pass or fail and hint, nothing else, and
    no path of the course folder (generate_feedback); public checks keep their code and
    messages."""

    def preprocess(self, nb, resources):
        course = str(Path.cwd())
        for cell in nb.cells:
            if is_hidden_check(cell):
                hide_hidden_check(cell)
            without_course_paths(cell, course)
        return nb, resources
