"""The class's grade files, which ``grade-all`` writes and the class report reads: where they are.

A graded folder holds ``gradebook.csv`` (a row per student) and ``results/<student>.json`` (a
class's results file); their formats are the report module's (`report.gradebook_rows`,
`report.to_results`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from autograder.report import gradebook_rows, graded_from_row, to_results, write_json
from autograder.results import Graded

RESULTS_FOLDER = "results"
GRADEBOOK = "gradebook.csv"


def write_results(graded: Graded, folder: Path) -> None:
    """``<folder>/results/<student>.json``."""
    write_json(to_results(graded.report), Path(folder) / RESULTS_FOLDER / f"{graded.student}.json")


def write_gradebook(rows: Iterable[Graded], folder: Path) -> Path:
    """``<folder>/gradebook.csv``, one line per row in the given order; returns its path."""
    path = Path(folder) / GRADEBOOK
    with open(path, "w", newline="") as stream:
        csv.writer(stream).writerows(gradebook_rows(list(rows)))
    return path


def read_gradebook(folder: Path) -> list[Graded]:
    """The rows of ``<folder>/gradebook.csv`` with their results files (a missing file reads
    as a report without results), sorted by student id."""
    folder = Path(folder)
    with open(folder / GRADEBOOK, newline="") as stream:
        lines = list(csv.DictReader(stream))
    rows = []
    for line in lines:
        path = folder / RESULTS_FOLDER / f"{line['student']}.json"
        rows.append(graded_from_row(line, json.loads(path.read_text()) if path.is_file() else {}))
    return sorted(rows, key=lambda row: row.student)
