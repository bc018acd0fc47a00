"""Grade a folder of submissions in parallel: one Gradescope results file per student and a
gradebook CSV, whatever any one submission does.

Accepted layouts of the folder, one entry per student (the entry's name is the student id):
- nbgrader's ``submitted/``: ``<student>/<assignment id>/<notebook>``;
- a Gradescope export or any folder per student: ``<student>/<notebook or .py>``;
- loose files: ``<student>.ipynb``.

The work runs in local worker processes, or on a Dask cluster (``scheduler=``) whose processes
have the same kit installed (checked before any work is sent: `cluster.check`). Each job
carries the submission's files and returns the results as data, so workers need no file system
shared with the machine that collects the grades.

A submission the grader itself could not grade (a bug, a worker that died) keeps its results file,
which says so, but its gradebook row has no score: it is not a student's zero.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from autograder import cluster
from autograder.grade import GRADER_FAILED, WATCHDOG_MARGIN_SECONDS, grade_or_report_failure
from autograder.gradebook import RESULTS_FOLDER, write_gradebook, write_results
from autograder.grading_data import grading_data_ready
from autograder.layout import KIT_ROOT
from autograder.manifest import Assignment, load_assignment
from autograder.report import check_output_folder
from autograder.results import Graded, GradeReport

SUBMITTED_SUFFIXES = (".ipynb", ".py")
SKIPPED_FOLDERS = {".ipynb_checkpoints", "__pycache__"}

# A submission's grade ends within its total time limit; past this margin on top, its grading
# process is killed and the gradebook records it as not graded.
JOB_MARGIN_SECONDS = WATCHDOG_MARGIN_SECONDS


@dataclass(frozen=True)
class Submission:
    """One student's submission: their id and the notebook (or folder) to grade."""

    student: str
    path: Path


@dataclass(frozen=True)
class Job:
    """What a worker needs to grade one submission: no paths of the submitting machine.

    root: the course folder of the assignment, or None for the worker's own kit (wherever it is
    installed there).
    files: relative path -> content of each notebook or ``.py`` file of the submission.
    """

    root: Path | None
    assignment_id: str
    student: str
    files: dict[str, bytes]


def find_submissions(assignment: Assignment, folder: Path) -> list[Submission]:
    """The submissions in `folder`, sorted by student id (see the module docstring)."""
    found = []
    for entry in sorted(Path(folder).iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            nested = entry / assignment.id
            found.append(Submission(entry.name, nested if nested.is_dir() else entry))
        elif entry.suffix in SUBMITTED_SUFFIXES:
            found.append(Submission(entry.stem, entry))
    return found


def pack(assignment: Assignment, submission: Submission) -> Job:
    """The job for `submission`: its notebooks and ``.py`` files, read into memory."""
    path = submission.path
    if path.is_file():  # a loose <student>.ipynb or .py: give it the name the grader looks for
        expected = assignment.graded_file if path.suffix == ".py" else assignment.notebook
        files = {expected: path.read_bytes()}
    else:
        files = {
            p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*"))
            if p.is_file()
            and p.suffix in SUBMITTED_SUFFIXES
            and not SKIPPED_FOLDERS & set(p.relative_to(path).parts)
        }
    root = None if assignment.root == KIT_ROOT else assignment.root
    return Job(root, assignment.id, submission.student, files)


def grade_job(job: Job) -> Graded:
    """Grade one packed submission in a scratch folder; runs on a worker."""
    assignment = load_assignment(job.assignment_id, job.root or KIT_ROOT)
    with tempfile.TemporaryDirectory(prefix="nnkit-bulk-") as scratch:
        for name, content in job.files.items():
            target = Path(scratch, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        report, ok = grade_or_report_failure(assignment, Path(scratch))
    return Graded.of(job.student, report, ok)


def grade_all(
    assignment: Assignment,
    folder: Path,
    out_dir: Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    progress: bool = True,
) -> list[Graded]:
    """Grade every submission in `folder`, with `workers` local processes or on the Dask
    cluster whose scheduler address is `scheduler` (e.g. ``tcp://10.0.0.5:8786``).

    Writes ``<out_dir>/results/<student>.json`` for each, ``<out_dir>/gradebook.csv`` and the
    class report ``<out_dir>/report.html``; returns the graded rows sorted by student id.
    """
    results_dir = Path(out_dir) / RESULTS_FOLDER
    results_dir.mkdir(parents=True, exist_ok=True)
    check_output_folder(results_dir)  # as root: refused before any grading if others may write
    jobs = [pack(assignment, s) for s in find_submissions(assignment, folder)]
    if scheduler:
        cluster.check(scheduler, assignment)  # before any work is sent
    else:
        grading_data_ready(assignment)  # what the local workers read: cut by the build
    rows = []
    with tqdm(total=len(jobs), desc=assignment.id, unit="sub", disable=not progress) as bar:

        def collect(graded: Graded) -> None:
            write_results(graded, out_dir)
            rows.append(graded)
            bar.update(1)

        if scheduler:
            _run_on_cluster(jobs, scheduler, collect)
        else:
            _run_locally(jobs, workers, collect, assignment.total_seconds + JOB_MARGIN_SECONDS)
    rows.sort(key=lambda row: row.student)
    write_gradebook(rows, out_dir)
    from autograder.class_report import write_class_report  # matplotlib: not on the workers

    write_class_report(assignment, Path(out_dir), folder)
    return rows


def _run_locally(
    jobs: list[Job], workers: int, collect: Callable[[Graded], None], seconds: float
) -> None:
    with ThreadPoolExecutor(max_workers=max(1, workers)) as threads:
        futures = {threads.submit(_grade_in_own_process, job, seconds): job for job in jobs}
        for future in as_completed(futures):
            collect(future.result())


def _grade_in_own_process(job: Job, seconds: float) -> Graded:
    """`grade_job` in a process of its own, so that if it dies only this submission is lost,
    and that is killed if it runs past `seconds`."""
    process = ProcessPoolExecutor(max_workers=1)
    try:
        return process.submit(grade_job, job).result(timeout=seconds)
    except TimeoutError:
        for worker in list(process._processes.values()):  # no public kill before Python 3.14
            worker.kill()
        note = f"Grading did not finish within {seconds:.0f} s; please tell your instructor."
        return _grader_failed(job, "its grading process ran out of time and was killed", note)
    except BrokenProcessPool:
        return _grader_failed(job, "its grading process died")
    except Exception as exc:  # noqa: BLE001 - one job's failure is that job's report
        return _grader_failed(job, f"{type(exc).__name__}: {exc}")
    finally:
        process.shutdown(wait=False, cancel_futures=True)


def _run_on_cluster(jobs: list[Job], scheduler: str, collect: Callable[[Graded], None]) -> None:
    from distributed import as_completed as cluster_completed  # only this path needs Dask

    with cluster.connect(scheduler) as client:
        futures = {
            client.submit(grade_job, job, pure=False, key=f"nnkit-grade-{job.student}"): job
            for job in jobs
        }
        for future in cluster_completed(futures):
            try:
                collect(future.result())
            except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after Dask's retries
                collect(_grader_failed(futures[future], f"{type(exc).__name__}: {exc}"))


def _grader_failed(job: Job, why: str, note: str = GRADER_FAILED) -> Graded:
    """The row of a submission the grader failed on: students read `note`, the instructor
    `why` too (the report's grader_error)."""
    report = GradeReport(job.assignment_id, [], notes=[note], grader_error=why)
    return Graded.of(job.student, report, False)
