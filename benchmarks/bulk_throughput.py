"""Print how bulk grading scales: submissions per minute with 1 and 2 workers, and 20 against 60
submissions.

    .venv/bin/python benchmarks/bulk_throughput.py [ASSIGNMENT] [--counts 20 60] [--workers 1 2]

The submissions are the reference notebook and the assignment's realistic mistakes, taken in
turn, one per student in nbgrader's ``submitted/<student>/<id>/`` layout. Every (count, workers)
pair runs ``grade_all`` once, in this one run, so the figures are side by side.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))

from autograder.bulk import grade_all  # noqa: E402
from autograder.manifest import Assignment, load_assignment  # noqa: E402
from autograder.variants import load_mistakes, write_variant  # noqa: E402


def submissions_folder(assignment: Assignment, count: int, scratch: Path) -> Path:
    """`count` students, each submitting the reference or one of the mistakes, in turn."""
    variants = scratch / "variants"
    notebooks = [assignment.paths.source_notebook] + [
        write_variant(assignment, mistake, variants) for mistake in load_mistakes(assignment)
    ]
    folder = scratch / f"submitted-{count}"
    for number, notebook in zip(range(count), itertools.cycle(notebooks)):
        target = folder / f"student{number:03d}" / assignment.id / assignment.notebook
        target.parent.mkdir(parents=True)
        shutil.copy(notebook, target)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", nargs="?", default="a1_two_moons")
    parser.add_argument("--counts", type=int, nargs="+", default=[20, 60])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    assignment = load_assignment(args.assignment)
    print(f"bulk grading {assignment.id} (reference and mistakes in turn)")
    print(f"{'submissions':>11} {'workers':>7} {'total s':>8} {'s/submission':>12} {'per min':>8}")
    with tempfile.TemporaryDirectory(prefix="nnkit-bulk-bench-") as scratch:
        for count in args.counts:
            folder = submissions_folder(assignment, count, Path(scratch))
            for workers in args.workers:
                started = time.perf_counter()
                rows = grade_all(
                    assignment, folder, Path(scratch) / "out", workers=workers, progress=False
                )
                total = time.perf_counter() - started
                assert len(rows) == count and all(row.grader_ok for row in rows)
                print(
                    f"{count:>11} {workers:>7} {total:>8.1f} {total / count:>12.2f} "
                    f"{60 * count / total:>8.1f}"
                )


if __name__ == "__main__":
    main()
