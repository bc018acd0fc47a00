"""Grade a folder of submissions in parallel: one Gradescope results file per student and a
gradebook CSV, whatever any one submission does.

Accepted layouts of the folder, one entry per student (the entry's name is the student id):
- nbgrader's ``submitted/``: ``<student>/<assignment id>/<notebook>``;
- a Gradescope export or any folder per student: ``<student>/<notebook or .py>``;
- loose files: ``<student>.ipynb``.
"""

from __future__ import annotations

import csv
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from autograder.grade import grade_or_report_failure
from autograder.manifest import Assignment, load_assignment
from autograder.report import write_gradescope

RESULTS_FOLDER = "results"
GRADEBOOK = "gradebook.csv"


@dataclass(frozen=True)
class Submission:
    """One student's submission: their id and the notebook (or folder) to grade."""

    student: str
    path: Path


@dataclass(frozen=True)
class Graded:
    """What grading one submission gave: the total, and the score of each check."""

    student: str
    score: float
    max_score: float
    checks: dict[str, float]
    grader_ok: bool


def find_submissions(assignment: Assignment, folder: Path) -> list[Submission]:
    """The submissions in `folder`, sorted by student id (see the module docstring)."""
    found = []
    for entry in sorted(Path(folder).iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            nested = entry / assignment.id
            found.append(Submission(entry.name, nested if nested.is_dir() else entry))
        elif entry.suffix in (".ipynb", ".py"):
            found.append(Submission(entry.stem, entry))
    return found


def grade_one(root: Path, assignment_id: str, submission: Submission, out_dir: Path) -> Graded:
    """Grade `submission` and write ``<out_dir>/<student>.json``; runs in a worker process."""
    assignment = load_assignment(assignment_id, root)
    report, ok = grade_or_report_failure(assignment, submission.path)
    write_gradescope(report, out_dir / f"{submission.student}.json", assignment.hidden_visibility)
    return Graded(submission.student, report.score, report.max_score, report.scores_by_check(), ok)


def grade_all(
    assignment: Assignment,
    folder: Path,
    out_dir: Path,
    *,
    workers: int = 2,
    progress: bool = True,
) -> list[Graded]:
    """Grade every submission in `folder` with `workers` processes.

    Writes ``<out_dir>/results/<student>.json`` for each and ``<out_dir>/gradebook.csv``;
    returns the graded rows sorted by student id.
    """
    results_dir = Path(out_dir) / RESULTS_FOLDER
    results_dir.mkdir(parents=True, exist_ok=True)
    submissions = find_submissions(assignment, folder)
    with (
        ProcessPoolExecutor(max_workers=max(1, workers)) as pool,
        tqdm(total=len(submissions), desc=assignment.id, unit="sub", disable=not progress) as bar,
    ):
        futures = [
            pool.submit(grade_one, assignment.root, assignment.id, s, results_dir)
            for s in submissions
        ]
        rows = []
        for future in futures:
            rows.append(future.result())
            bar.update(1)
    write_gradebook(rows, Path(out_dir) / GRADEBOOK)
    return rows


def write_gradebook(rows: list[Graded], path: Path) -> None:
    """One line per student: total, maximum, whether grading itself worked, then each check."""
    checks = sorted({name for row in rows for name in row.checks})
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "score", "max_score", "graded", *checks])
        for row in rows:
            cells = [row.checks.get(name, "") for name in checks]
            writer.writerow([row.student, row.score, row.max_score, row.grader_ok, *cells])
