"""The grading pipeline: load the submission, start the student process, run checks, report.

The judge (this process) reads the notebook as data, runs the checks and writes the report. The
submission's code runs only in the student process, which gets a scratch folder holding the files
the notebook expects beside it (``nnkit_checks.py``, ``nnkit_datasets/``, data). The grading data
stays with the judge.
"""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import nnkit_checks

from autograder import diagnosis
from autograder.checkspec import CheckSpec, checks_of
from autograder.grading_data import ensure_grading_data
from autograder.judge import OUT_OF_TIME, Judge, call_graph, run_checks
from autograder.manifest import Assignment, ManifestError
from autograder.notebook import CodeCell, SubmissionError, find_submission, read_code_cells
from autograder.report import format_table, write_gradescope
from autograder.results import CheckResult, GradeReport
from autograder.sandbox import (
    SandboxUnavailable,
    cleaned_up,
    grade_folder,
    hand_over,
    kit_hidden,
    make_sandbox,
    stage_engine,
)
from autograder.student_process import StudentError, StudentProcess

# How long after `total_seconds` the watchdog writes the report itself: stopping the student
# process, removing its control group and restoring the kit's folders take a second or two.
WATCHDOG_MARGIN_SECONDS = 15.0
MISCONFIGURED = (
    "The autograder is misconfigured, so your code was not run; please tell your instructor."
)
_ON_ABORT: list[Callable[[], None]] = []  # what the watchdog undoes before it ends the grader


def grade(
    assignment: Assignment,
    submission: Path,
    *,
    trusted: bool = False,
    report: GradeReport | None = None,
    only: frozenset[str] | None = None,
    stop_at_first_failure: bool = False,
    keep_traces: bool = False,
) -> GradeReport:
    """Grade one submission: a notebook, a ``.py`` file, or a folder holding the notebook (or,
    for an assignment with a student module, that module). Validation may run `only` some
    checks (by grade id), and stop at the first that fails. A failed check gets a diagnosis
    when it behaves as one known mistake of the assignment's library (`diagnosis.py`), if
    every check ran.

    trusted: the code is the instructor's own (validate, demo): as root, it may run as root
    when no unprivileged user can run this Python. Otherwise that raises SandboxUnavailable.
    report: the report to fill in (a watchdog may read its results while it grows).
    """
    started = time.perf_counter()
    ends_at = time.monotonic() + assignment.total_seconds
    checks = [c for c in load_checks(assignment) if only is None or c.grade_id in only]
    report = report or GradeReport(assignment.id, [])
    with loaded_submission(
        assignment, Path(submission), trusted=trusted, ends_at=ends_at
    ) as loaded:
        report.notes += loaded.notes
        report.protections = loaded.protections
        judge = judge_of(assignment, checks, loaded, ends_at=ends_at)
        run_checks(judge, results=report.results, stop_at_first_failure=stop_at_first_failure)
    if only is None and not stop_at_first_failure and not all(r.passed for r in report.results):
        library = diagnosis.current_library(assignment.diagnoses_file, assignment.checks_file)
        if library:
            report.results[:] = diagnosis.diagnose(report.results, judge.traces, library)
    if keep_traces:
        report.traces = judge.traces
    report.execution_time = time.perf_counter() - started
    return report


def to_load(cells: list[CodeCell]) -> list[dict]:
    """What the student process loads: the code cells that are not checks, as plain data."""
    return [{"index": c.index, "source": c.source, "name": c.name} for c in cells if not c.is_check]


def grade_or_report_failure(
    assignment: Assignment, submission: Path, *, report: GradeReport | None = None
) -> tuple[GradeReport, bool]:
    """`grade`, but a failure of the grader itself still gives a report that says so.

    returns: (report, True) normally; (a report with no results and a note, False) when the
    grader broke (a missing checks module, unreadable grading data, a bug) or would have run
    student code as root (the why is in the report's protections line, for the instructor).
    """
    try:
        return grade(assignment, submission, report=report), True
    except SandboxUnavailable as exc:
        failed = GradeReport(assignment.id, [], notes=[MISCONFIGURED])
        failed.protections = f"autograder misconfigured: {exc}"
        return failed, False
    except Exception as exc:  # noqa: BLE001 - whatever broke, the student gets a report
        note = f"The autograder failed ({type(exc).__name__}: {exc}); please tell your instructor."
        return GradeReport(assignment.id, [], notes=[note]), False


def grade_to_file(
    assignment: Assignment, submission: Path, output: Path | None
) -> tuple[GradeReport, bool]:
    """`grade_or_report_failure` under a watchdog, writing Gradescope's results to `output`.

    If grading is not over `WATCHDOG_MARGIN_SECONDS` after the assignment's `total_seconds`
    (deadlines inside bound it long before, so this means something else hung), the watchdog
    stops the student's code, writes the report as it stands (every check not reached fails
    with the time limit), prints it and ends this process with status 0.
    """
    report = GradeReport(assignment.id, [])
    timer = threading.Timer(
        assignment.total_seconds + WATCHDOG_MARGIN_SECONDS,
        _overrun,
        (assignment, report, output),
    )
    timer.daemon = True
    timer.start()
    try:
        report, ok = grade_or_report_failure(assignment, submission, report=report)
    finally:
        timer.cancel()
    if output:
        write_gradescope(report, output, assignment.hidden_visibility)
    return report, ok


def _overrun(assignment: Assignment, report: GradeReport, output: Path | None) -> None:
    for undo in reversed(list(_ON_ABORT)):
        try:
            undo()
        except Exception:  # noqa: BLE001, S110 - undo the rest, whatever one of them hit
            pass
    done = {r.grade_id for r in list(report.results)}
    report.results = [*report.results] + [
        r for r in _all_failed(load_checks(assignment), OUT_OF_TIME) if r.grade_id not in done
    ]
    report.notes.append("Grading stopped at its total time limit.")
    if output:
        write_gradescope(report, output, assignment.hidden_visibility)
    print(format_table(report), flush=True)
    os._exit(0)


@contextmanager
def _undone_on_abort(undo: Callable[[], None]):
    _ON_ABORT.append(undo)
    try:
        yield
    finally:
        _ON_ABORT.remove(undo)


def load_checks_module(assignment: Assignment) -> ModuleType:
    """The generated module ``checks/<id>.py`` of `assignment`, imported as is."""
    spec = importlib.util.spec_from_file_location(
        f"nnkit_checks_{assignment.id}", assignment.checks_file
    )
    if spec is None or not assignment.checks_file.is_file():
        raise ManifestError(
            f"{assignment.checks_file} is missing; run `python -m autograder build`"
        )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_checks(assignment: Assignment) -> list[CheckSpec]:
    """The checks of `assignment`, in the order the notebook has them."""
    return checks_of(load_checks_module(assignment))


@dataclass
class Loaded:
    """A submission loaded into its student process, or why it could not be."""

    student: StudentProcess | None
    not_loaded: str = ""  # what every check says when `student` is None
    notes: list[str] = field(default_factory=list)  # about the submission as a whole
    protections: str = ""  # how the student's code is contained
    reaches: dict[str, frozenset[str]] = field(default_factory=dict)  # judge.call_graph


@contextmanager
def loaded_submission(
    assignment: Assignment,
    submission: Path,
    *,
    trusted: bool = False,
    ends_at: float | None = None,
) -> Iterator[Loaded]:
    """Load `submission`'s definitions into a sandboxed student process, which lives (and is
    restarted after a crash or timeout) until the block ends.

    trusted: as in `grade`. ends_at: when grading must be over (time.monotonic()); loading and
    restarts count in it. Default: the assignment's `total_seconds` from now.
    """
    try:
        cells = read_code_cells(find_submission(Path(submission), assignment.graded_file))
    except SubmissionError as exc:
        yield Loaded(None, str(exc), [f"Your submission could not be graded: {exc}"])
        return
    if ends_at is None:
        ends_at = time.monotonic() + assignment.total_seconds
    support = [path for path in assignment.support_sources().values() if path.is_file()]
    grading_data = ensure_grading_data(assignment)
    # CPU time one second over the total, so that wall-clock deadlines end a busy loop first
    sandbox = make_sandbox(  # its control group is removed by `cleaned_up` below
        assignment.memory_mb, cpu_seconds=int(assignment.total_seconds) + 1, trusted=trusted
    )
    private = [assignment.checks_file.parent, assignment.source_dir, *grading_data]
    with (
        grade_folder() as folder,
        kit_hidden(sandbox, private) as restore_kit,
        cleaned_up(sandbox) as clean_up,
        _undone_on_abort(restore_kit),
        _undone_on_abort(clean_up),
        _data_from([*support, *grading_data]),
    ):
        work = folder / "work"
        assignment.copy_support_files(work)
        engine = stage_engine(folder / "engine") if sandbox.user else None
        hand_over(work, sandbox)
        with StudentProcess(to_load(cells), work, sandbox, engine) as student:
            student.ends_at = ends_at
            with _undone_on_abort(student.kill):
                try:
                    started = student.start()
                except StudentError as exc:
                    loaded = Loaded(
                        None,
                        f"your notebook could not be loaded: {exc}",
                        [f"Loading your notebook failed: {exc}"],
                    )
                else:
                    loaded = Loaded(student, notes=list(started.problems))
                    loaded.reaches = call_graph([cell["source"] for cell in student.cells])
                loaded.protections = sandbox.describe()
                yield loaded


def judge_of(
    assignment: Assignment,
    checks: list[CheckSpec],
    loaded: Loaded,
    *,
    ends_at: float | None = None,
) -> Judge:
    """The judge of `checks` on `loaded`, with the assignment's time limits; its total time
    ends at `ends_at`, by default `total_seconds` from now."""
    return Judge(
        checks,
        loaded.student,
        check_seconds=assignment.check_seconds,
        total_seconds=assignment.total_seconds,
        not_loaded=loaded.not_loaded,
        ends_at=ends_at,
        reaches=loaded.reaches,
    )


class _data_from:
    """Let the checks' `load_arrays` read the kit's own data files, never the student's copies."""

    def __init__(self, files) -> None:
        self.folders = list(dict.fromkeys(Path(f).parent for f in files))

    def __enter__(self) -> None:
        nnkit_checks.DATA_DIRS[:0] = self.folders

    def __exit__(self, *exc: object) -> None:
        del nnkit_checks.DATA_DIRS[: len(self.folders)]


def _all_failed(checks: list[CheckSpec], why: str) -> list[CheckResult]:
    return [
        CheckResult(c.grade_id, c.title, 0.0, c.points, c.hidden, why, bonus=c.bonus)
        for c in checks
    ]
