"""The class's grade files, which ``grade-all`` writes and the class report reads: one owner.

A graded folder holds ``gradebook.csv`` (a row per student: total, maximum, whether grading
itself worked, then each check's score) and ``results/<student>.json`` (Gradescope's format).
A row the grader failed on has ``graded`` False and empty score cells, never a zero.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from autograder.report import write_json

RESULTS_FOLDER = "results"
GRADEBOOK = "gradebook.csv"
FIXED_COLUMNS = ("student", "score", "max_score", "graded")


@dataclass(frozen=True)
class Graded:
    """What grading one submission gave: the total, each check's score, the results file.

    score, max_score: None when the grader failed (read back from a gradebook, such a row has
    no score); checks: grade_id -> score.
    """

    student: str
    score: float | None
    max_score: float | None
    checks: dict[str, float]
    grader_ok: bool
    results: dict  # Gradescope's results.json


def write_results(graded: Graded, folder: Path) -> None:
    """``<folder>/results/<student>.json``."""
    write_json(graded.results, Path(folder) / RESULTS_FOLDER / f"{graded.student}.json")


def write_gradebook(rows: Iterable[Graded], folder: Path) -> Path:
    """``<folder>/gradebook.csv``, one line per row in the given order; returns its path."""
    rows = list(rows)
    checks = sorted({name for row in rows for name in row.checks})
    path = Path(folder) / GRADEBOOK
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([*FIXED_COLUMNS, *checks])
        for row in rows:
            cells = [row.checks.get(name, "") for name in checks]
            totals = [row.score, row.max_score] if row.grader_ok else ["", ""]
            writer.writerow([row.student, *totals, row.grader_ok, *cells])
    return path


def read_gradebook(folder: Path) -> list[Graded]:
    """The rows of ``<folder>/gradebook.csv`` with their results files ({} when a file is
    missing), sorted by student id."""
    folder = Path(folder)
    with open(folder / GRADEBOOK, newline="") as stream:
        lines = list(csv.DictReader(stream))
    check_ids = [c for c in (lines[0].keys() if lines else []) if c not in FIXED_COLUMNS]
    rows = []
    for line in lines:
        path = folder / RESULTS_FOLDER / f"{line['student']}.json"
        rows.append(
            Graded(
                student=line["student"],
                score=_number(line["score"]),
                max_score=_number(line["max_score"]),
                checks={c: float(line[c]) for c in check_ids if line.get(c) not in ("", None)},
                grader_ok=line.get("graded", "True") == "True",
                results=json.loads(path.read_text()) if path.is_file() else {},
            )
        )
    return sorted(rows, key=lambda row: row.student)


def _number(cell: str | None) -> float | None:
    return float(cell) if cell not in ("", None) else None
