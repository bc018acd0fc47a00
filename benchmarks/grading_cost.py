"""Print what grading the reference solution of each assignment costs: time and peak memory.

    .venv/bin/python benchmarks/grading_cost.py [ASSIGNMENT ...] [--runs 5]

Each run grades in a fresh interpreter, as Gradescope does, and reports the wall time, the CPU
time (Gradescope's default is half a CPU, so a grade there takes about twice the CPU time), and
the peak resident memory of the judge and of the student process. Medians over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))

from autograder.manifest import all_assignments  # noqa: E402

ONE_RUN = """
import json, resource, sys, time
from autograder.grade import grade
from autograder.manifest import load_assignment
assignment = load_assignment(sys.argv[1])
started = time.perf_counter()
report = grade(assignment, assignment.source_notebook)
wall = time.perf_counter() - started
me = resource.getrusage(resource.RUSAGE_SELF)
student = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "score": report.score, "wall_s": wall,
    "cpu_s": me.ru_utime + me.ru_stime + student.ru_utime + student.ru_stime,
    "judge_mb": me.ru_maxrss / 1024, "student_mb": student.ru_maxrss / 1024,
}))
"""


def measure(assignment_id: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", ONE_RUN, assignment_id],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ids = args.assignments or [a.id for a in all_assignments()]
    print(
        f"{'assignment':<16} {'score':>6} {'wall s':>7} {'cpu s':>6} {'judge MB':>9} "
        f"{'student MB':>11}   (medians of {args.runs} runs)"
    )
    for assignment_id in ids:
        runs = [measure(assignment_id) for _ in range(args.runs)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(
            f"{assignment_id:<16} {med['score']:>6g} {med['wall_s']:>7.2f} {med['cpu_s']:>6.2f} "
            f"{med['judge_mb']:>9.0f} {med['student_mb']:>11.0f}"
        )


if __name__ == "__main__":
    main()
