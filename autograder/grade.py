"""The grading pipeline: load the submission, start the student process, run checks, report.

The judge (this process) reads the notebook as data, runs the checks and writes the report. The
submission's code runs only in the student process, which gets a scratch folder holding the files
the notebook expects beside it (``nnkit_checks.py``, ``nnkit_datasets/``, data). The grading data
stays with the judge.
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from pathlib import Path

from autograder import checklib
from autograder.checkspec import CheckSpec, checks_of
from autograder.grading_data import ensure_grading_data
from autograder.judge import run_checks
from autograder.manifest import Assignment, ManifestError
from autograder.notebook import CodeCell, SubmissionError, find_submission, read_code_cells
from autograder.results import CheckResult, GradeReport
from autograder.sandbox import hand_over, hide, make_sandbox
from autograder.student_process import StudentError, StudentProcess


def grade(
    assignment: Assignment,
    submission: Path,
    *,
    only: frozenset[str] | None = None,
    stop_at_first_failure: bool = False,
) -> GradeReport:
    """Grade one submission: a notebook, a ``.py`` file, or a folder holding the notebook (or,
    for an assignment with a student module, that module). Validation may run `only` some
    checks (by grade id), and stop at the first that fails."""
    started = time.perf_counter()
    checks = [c for c in load_checks(assignment) if only is None or c.grade_id in only]
    report = GradeReport(assignment.id, [])
    try:
        cells = read_code_cells(find_submission(Path(submission), assignment.graded_file))
    except SubmissionError as exc:
        report.notes.append(f"Your submission could not be graded: {exc}")
        report.results = _all_failed(checks, str(exc))
    else:
        _run(assignment, to_load(cells), checks, report, stop_at_first_failure)
    report.execution_time = time.perf_counter() - started
    return report


def to_load(cells: list[CodeCell]) -> list[dict]:
    """What the student process loads: the code cells that are not checks, as plain data."""
    return [{"index": c.index, "source": c.source, "name": c.name} for c in cells if not c.is_check]


def grade_or_report_failure(assignment: Assignment, submission: Path) -> tuple[GradeReport, bool]:
    """`grade`, but a failure of the grader itself still gives a report that says so.

    returns: (report, True) normally; (a report with no results and a note, False) when the
    grader broke (a missing checks module, unreadable grading data, a bug).
    """
    try:
        return grade(assignment, submission), True
    except Exception as exc:  # noqa: BLE001 - whatever broke, the student gets a report
        note = f"The autograder failed ({type(exc).__name__}: {exc}); please tell your instructor."
        return GradeReport(assignment.id, [], notes=[note]), False


def load_checks(assignment: Assignment) -> list[CheckSpec]:
    """The checks of the generated module ``autograder/checks/<id>.py`` of `assignment`."""
    spec = importlib.util.spec_from_file_location(
        f"nnkit_checks_{assignment.id}", assignment.checks_file
    )
    if spec is None or not assignment.checks_file.is_file():
        raise ManifestError(
            f"{assignment.checks_file} is missing; run `python -m autograder build`"
        )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return checks_of(module)


def _run(
    assignment: Assignment,
    cells: list[dict],
    checks: list,
    report: GradeReport,
    stop_at_first_failure: bool = False,
) -> None:
    sandbox = make_sandbox(assignment.memory_mb, cpu_seconds=int(assignment.total_seconds))
    support = [path for path in assignment.support_sources().values() if path.is_file()]
    grading_data = ensure_grading_data(assignment)
    if sandbox.user:
        hide([assignment.checks_file.parent, assignment.source_dir, *grading_data])
    report.protections = sandbox.describe()
    with (
        tempfile.TemporaryDirectory(prefix="nnkit-") as scratch,
        _data_from([*support, *grading_data]),
    ):
        assignment.copy_support_files(Path(scratch))
        hand_over(Path(scratch), sandbox)
        with StudentProcess(cells, Path(scratch), sandbox) as student:
            try:
                loaded = student.start()
            except StudentError as exc:
                report.notes.append(f"Loading your notebook failed: {exc}")
                report.results = _all_failed(checks, f"your notebook could not be loaded: {exc}")
                return
            report.notes += loaded.problems
            report.results = run_checks(
                checks,
                student,
                check_seconds=assignment.check_seconds,
                total_seconds=assignment.total_seconds,
                stop_at_first_failure=stop_at_first_failure,
            )


class _data_from:
    """Let the checks' `load_arrays` read the kit's own data files, never the student's copies."""

    def __init__(self, files) -> None:
        self.folders = list(dict.fromkeys(Path(f).parent for f in files))

    def __enter__(self) -> None:
        checklib.DATA_DIRS[:0] = self.folders

    def __exit__(self, *exc: object) -> None:
        del checklib.DATA_DIRS[: len(self.folders)]


def _all_failed(checks: list, why: str) -> list[CheckResult]:
    return [CheckResult(c.grade_id, c.title, 0.0, c.points, c.hidden, why) for c in checks]
