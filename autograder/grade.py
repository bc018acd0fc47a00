"""The grading pipeline: `STEPS`, in order, take one submission from its file to its report.

The judge (this process) reads the notebook as data, runs the checks and writes the report. The
submission's code runs only in the student process, which gets a scratch folder holding the files
the notebook expects beside it (``nnkit_checks.py``, ``nnkit_datasets/``, data). The grading data
stays with the judge, which gives its folders to each check it runs (`Judge.data_folders`): no
state is shared between gradings, so a process may run several in threads. Grading never cuts
data; when a cut is missing or stale it says to run the build (`grading_data_ready`).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from autograder import diagnosis
from autograder.checkspec import CheckSpec, checks_of
from autograder.grading_data import grading_data_ready
from autograder.judge import OUT_OF_TIME, Judge, all_failed, call_graph, run_checks
from autograder.manifest import Assignment, ManifestError
from autograder.notebook import CodeCell, SubmissionError, find_submission, read_code_cells
from autograder.report import format_table, new_report, write_gradescope
from autograder.results import TIMEOUT, GradeReport
from autograder.sandbox import (
    SandboxUnavailable,
    cleaned_up,
    grade_folder,
    hand_over,
    kit_hidden,
    make_sandbox,
    stage_engine,
)
from autograder.staging import copy_support_files, support_sources
from autograder.student_process import StudentError, StudentProcess

# How long after `total_seconds` the watchdog writes the report itself: stopping the student
# process, removing its control group and restoring the kit's folders take a second or two.
WATCHDOG_MARGIN_SECONDS = 15.0
MISCONFIGURED = (
    "The autograder is misconfigured, so your code was not run; please tell your instructor."
)
GRADER_FAILED = "The autograder failed; please tell your instructor."  # why: grader_error


def grade(
    assignment: Assignment,
    submission: Path,
    *,
    trusted: bool = False,
    report: GradeReport | None = None,
    only: frozenset[str] | None = None,
    stop_at_first_failure: bool = False,
    keep_traces: bool = False,
    on_abort: list[Callable[[], None]] | None = None,
) -> GradeReport:
    """Grade one submission: a notebook, a ``.py`` file, or a folder holding the notebook (or,
    for an assignment with a student module, that module). Validation may run `only` some
    checks (by grade id), and stop at the first that fails. A failed check gets a diagnosis
    when it behaves as one known mistake of the assignment's library (`diagnosis.py`), if
    every check ran.

    trusted: the code is the instructor's own (validate, demo): as root, it may run as root
    when no unprivileged user can run this Python. Otherwise that raises SandboxUnavailable.
    report: the report to fill in (a watchdog may read its results while it grows).
    on_abort: a list that holds, while they are needed, what a watchdog must undo before it
    ends the process (`grade_to_file`): the student process, its sandbox, the kit's folders.
    """
    with ExitStack() as stack:
        grading = Grading(
            assignment,
            Path(submission),
            report or new_report(assignment),
            stack,
            trusted=trusted,
            only=only,
            stop_at_first_failure=stop_at_first_failure,
            keep_traces=keep_traces,
            on_abort=[] if on_abort is None else on_abort,
        )
        for step in STEPS:
            step(grading)
    return grading.report


@dataclass
class Grading:
    """One submission on its way through `STEPS`: what was asked, then what each step adds."""

    assignment: Assignment
    submission: Path
    report: GradeReport
    stack: ExitStack  # holds the student process from its start to `stop_student_process`
    trusted: bool = False  # as in `grade`
    only: frozenset[str] | None = None
    stop_at_first_failure: bool = False
    keep_traces: bool = False
    on_abort: list[Callable[[], None]] = field(default_factory=list)  # as in `grade`
    ends_at: float | None = None  # time.monotonic() by which grading must be over
    started: float = field(init=False, default_factory=time.perf_counter)
    checks: list[CheckSpec] = field(init=False, default_factory=list)
    cells: list[CodeCell] = field(init=False, default_factory=list)
    unreadable: str = field(init=False, default="")  # why the submission could not be read
    code: list[dict] = field(init=False, default_factory=list)  # what the student process loads
    reaches: dict[str, frozenset[str]] = field(init=False, default_factory=dict)
    loaded: Loaded | None = field(init=False, default=None)
    judge: Judge | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.ends_at is None:
            self.ends_at = time.monotonic() + self.assignment.total_seconds


def read_checks(grading: Grading) -> None:
    """The assignment's checks (those asked for), in the notebook's order."""
    only = grading.only
    checks = load_checks(grading.assignment)
    grading.checks = [c for c in checks if only is None or c.grade_id in only]


def load_submission(grading: Grading) -> None:
    """The submission's code cells, read as data; or why it cannot be read."""
    try:
        found = find_submission(grading.submission, grading.assignment.graded_file)
        grading.cells = read_code_cells(found)
    except SubmissionError as exc:
        grading.unreadable = str(exc)


def extract_code(grading: Grading) -> None:
    """What the student process loads (the cells that are not checks) and which of its
    functions reach which (`judge.call_graph`)."""
    grading.code = to_load(grading.cells)
    grading.reaches = call_graph([cell["source"] for cell in grading.code])


def start_student_process(grading: Grading) -> None:
    """The code loaded into a sandboxed student process, which lives (restarted after a crash
    or timeout) until `stop_student_process`; the report gets the loading's notes."""
    if grading.unreadable:
        note = f"Your submission could not be graded: {grading.unreadable}"
        grading.loaded = Loaded(None, grading.unreadable, [note])
    else:
        grading.loaded = grading.stack.enter_context(
            _student_process(
                grading.assignment,
                grading.code,
                grading.reaches,
                trusted=grading.trusted,
                ends_at=grading.ends_at,
                on_abort=grading.on_abort,
            )
        )
    grading.report.notes += grading.loaded.notes
    grading.report.protections = grading.loaded.protections


def run_checks_on_student(grading: Grading) -> None:
    """Every check, in order, on the student process; each result joins the report as it
    comes."""
    grading.judge = judge_of(
        grading.assignment, grading.checks, grading.loaded, ends_at=grading.ends_at
    )
    run_checks(
        grading.judge,
        results=grading.report.results,
        stop_at_first_failure=grading.stop_at_first_failure,
    )


def stop_student_process(grading: Grading) -> None:
    """Stop the student process, remove its sandbox and scratch folder, restore the kit's."""
    grading.stack.close()


def collect(grading: Grading) -> None:
    """Name the known mistake each failed check looks like (only when every check ran), and
    keep the checks' traces when asked."""
    report, judge = grading.report, grading.judge
    every_check_ran = grading.only is None and not grading.stop_at_first_failure
    if every_check_ran and not all(r.passed for r in report.results):
        library = diagnosis.current_library(
            grading.assignment.paths.diagnoses_file, grading.assignment.paths.checks_file
        )
        if library:
            report.results[:] = diagnosis.diagnose(report.results, judge.traces, library)
    if grading.keep_traces:
        report.traces = judge.traces


def finish_report(grading: Grading) -> None:
    """The report's execution time: every step's, the student process's stop included."""
    grading.report.execution_time = time.perf_counter() - grading.started


# The steps of a grade, in order (`loaded_submission` runs LOADING alone, for pytest).
LOADING = [
    load_submission,  # read as data; a submission that cannot be read still gets every check
    extract_code,  # before the start: the student process loads exactly this code
    start_student_process,  # after the code is known; needs the grading data cut by the build
]
STEPS = [
    read_checks,  # first: a missing checks module fails the grade before any student code runs
    *LOADING,
    run_checks_on_student,  # needs the student process (or why there is none) and the checks
    stop_student_process,  # before collecting: nothing below calls student code
    collect,  # needs every check's result and trace
    finish_report,  # last: its execution time covers every step
]


def to_load(cells: list[CodeCell]) -> list[dict]:
    """What the student process loads: the code cells that are not checks, as plain data."""
    return [{"index": c.index, "source": c.source, "name": c.name} for c in cells if not c.is_check]


def grade_or_report_failure(
    assignment: Assignment,
    submission: Path,
    *,
    report: GradeReport | None = None,
    on_abort: list[Callable[[], None]] | None = None,
) -> tuple[GradeReport, bool]:
    """`grade`, but a failure of the grader itself still gives a report that says so.

    returns: (report, True) normally; (a report with no results and a note, False) when the
    grader broke (a missing checks module, unreadable grading data, a bug: the exception is in
    the report's grader_error) or would have run student code as root (the why is in its
    protections line); both are for the instructor, never in what students see.
    """
    try:
        return grade(assignment, submission, report=report, on_abort=on_abort), True
    except SandboxUnavailable as exc:
        failed = GradeReport(assignment.id, [], notes=[MISCONFIGURED])
        failed.protections = f"autograder misconfigured: {exc}"
        return failed, False
    except Exception as exc:  # noqa: BLE001 - whatever broke, the student gets a report
        why = f"{type(exc).__name__}: {exc}"
        return GradeReport(assignment.id, [], notes=[GRADER_FAILED], grader_error=why), False


def grade_to_file(
    assignment: Assignment, submission: Path, output: Path | None
) -> tuple[GradeReport, bool]:
    """`grade_or_report_failure` under a watchdog, writing Gradescope's results to `output`.

    If grading is not over `WATCHDOG_MARGIN_SECONDS` after the assignment's `total_seconds`
    (deadlines inside bound it long before, so this means something else hung), the watchdog
    stops the student's code, writes the report as it stands (every check not reached fails
    with the time limit), prints it and ends this process with status 0.
    """
    report, on_abort = new_report(assignment), []
    timer = threading.Timer(
        assignment.total_seconds + WATCHDOG_MARGIN_SECONDS,
        _overrun,
        (assignment, report, output, on_abort),
    )
    timer.daemon = True
    timer.start()
    try:
        report, ok = grade_or_report_failure(
            assignment, submission, report=report, on_abort=on_abort
        )
    finally:
        timer.cancel()
    if output:
        write_gradescope(report, output)
    return report, ok


def _overrun(
    assignment: Assignment,
    report: GradeReport,
    output: Path | None,
    on_abort: list[Callable[[], None]],
) -> None:
    for undo in reversed(list(on_abort)):
        try:
            undo()
        except Exception:  # noqa: BLE001, S110 - undo the rest, whatever one of them hit
            pass
    done = {r.grade_id for r in list(report.results)}
    report.results = [*report.results] + [
        dataclasses.replace(r, kind=TIMEOUT)
        for r in all_failed(load_checks(assignment), OUT_OF_TIME)
        if r.grade_id not in done
    ]
    report.notes.append("Grading stopped at its total time limit.")
    if output:
        write_gradescope(report, output)
    print(format_table(report), flush=True)
    os._exit(0)


@contextmanager
def _undone_on_abort(on_abort: list[Callable[[], None]], undo: Callable[[], None]):
    """Within the block, `undo` is in `on_abort` (see `grade`)."""
    on_abort.append(undo)
    try:
        yield
    finally:
        on_abort.remove(undo)


def load_checks_module(assignment: Assignment) -> ModuleType:
    """The generated module ``checks/<id>.py`` of `assignment`, imported as is."""
    spec = importlib.util.spec_from_file_location(
        f"nnkit_checks_{assignment.id}", assignment.paths.checks_file
    )
    if spec is None or not assignment.paths.checks_file.is_file():
        raise ManifestError(
            f"{assignment.paths.checks_file} is missing; run `python -m autograder build`"
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
    data_folders: tuple[Path, ...] = ()  # where the checks read the grading data (Judge)


@contextmanager
def loaded_submission(
    assignment: Assignment,
    submission: Path,
    *,
    trusted: bool = False,
    ends_at: float | None = None,
) -> Iterator[Loaded]:
    """Load `submission`'s definitions into a sandboxed student process, as `grade` does
    (`LOADING`); the process lives (and is restarted after a crash or timeout) until the block
    ends.

    trusted: as in `grade`. ends_at: when grading must be over (time.monotonic()); loading and
    restarts count in it. Default: the assignment's `total_seconds` from now.
    """
    with ExitStack() as stack:
        report = GradeReport(assignment.id, [])
        grading = Grading(
            assignment, Path(submission), report, stack, trusted=trusted, ends_at=ends_at
        )
        for step in LOADING:
            step(grading)
        yield grading.loaded


@contextmanager
def _student_process(
    assignment: Assignment,
    code: list[dict],
    reaches: dict[str, frozenset[str]],
    *,
    trusted: bool,
    ends_at: float,
    on_abort: list[Callable[[], None]],
) -> Iterator[Loaded]:
    """`code` loaded into a student process in a sandbox and a scratch folder of its own, with
    the kit's private folders hidden from it, all undone when the block ends."""
    support = [path for path in support_sources(assignment).values() if path.is_file()]
    grading_data = grading_data_ready(assignment)
    # the checks' `load_arrays` reads the kit's own data files, never the student's copies
    data_folders = tuple(dict.fromkeys(path.parent for path in [*support, *grading_data]))
    # CPU time one second over the total, so that wall-clock deadlines end a busy loop first
    sandbox = make_sandbox(  # its control group is removed by `cleaned_up` below
        assignment.memory_mb, cpu_seconds=int(assignment.total_seconds) + 1, trusted=trusted
    )
    private = [assignment.paths.checks_file.parent, assignment.paths.source_dir, *grading_data]
    with (
        grade_folder() as folder,
        kit_hidden(sandbox, private) as restore_kit,
        cleaned_up(sandbox) as clean_up,
        _undone_on_abort(on_abort, restore_kit),
        _undone_on_abort(on_abort, clean_up),
    ):
        work = folder / "work"
        copy_support_files(assignment, work)
        engine = stage_engine(folder / "engine") if sandbox.user else None
        hand_over(work, sandbox)
        with StudentProcess(code, work, sandbox, engine) as student:
            student.ends_at = ends_at
            with _undone_on_abort(on_abort, student.kill):
                try:
                    started = student.start()
                except StudentError as exc:
                    loaded = Loaded(
                        None,
                        f"your notebook could not be loaded: {exc}",
                        [f"Loading your notebook failed: {exc}"],
                    )
                else:
                    loaded = Loaded(student, notes=list(started.problems), reaches=reaches)
                loaded.protections = sandbox.describe()
                loaded.data_folders = data_folders
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
        data_folders=loaded.data_folders,
    )
