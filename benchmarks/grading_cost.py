"""Print what grading the reference submission of each assignment costs with the kit, and with
the usual way (real ``nbgrader autograde``, which executes the whole notebook), side by side.

    .venv/bin/python benchmarks/grading_cost.py [ASSIGNMENT ...] [--runs 5]

Every run starts a fresh interpreter, as Gradescope does, and its wall time counts from the
start of that interpreter to its end. Per assignment it prints the median wall time of each way
and their ratio, the kit's CPU time (Gradescope's default is half a CPU, so a grade there takes
about twice that), the peak resident memory of each way (the kit: judge
plus student process; nbgrader: its largest process, usually the kernel), and whether the two
gave the same per-check scores, and the machine's load (1-minute average) at the end of the
assignment's runs: the figures are only as quiet as the machine. An assignment whose run fails
(say, a cell past nbgrader's timeout on a busy machine) gets one line saying so; the others go on.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))

from autograder.build import copy_course, generate_outputs  # noqa: E402
from autograder.manifest import Assignment, all_assignments, load_assignment  # noqa: E402

GRADESCOPE_MEMORY_MB = 768

KIT_RUN = """
import json, resource, sys
from pathlib import Path
from autograder.grade import grade
from autograder.manifest import load_assignment
assignment = load_assignment(sys.argv[1], Path(sys.argv[2]))
report = grade(assignment, assignment.source_submission, trusted=True)  # the reference: ours
me = resource.getrusage(resource.RUSAGE_SELF)
student = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "cpu_s": me.ru_utime + me.ru_stime + student.ru_utime + student.ru_stime,
    "peak_mb": (me.ru_maxrss + student.ru_maxrss) / 1024, "scores": report.scores_by_check(),
}))
"""

NBGRADER_RUN = """
import json, resource, sys
from pathlib import Path
from autograder.nbgrader_course import autograde
scores = autograde(Path(sys.argv[2]), sys.argv[1], "reference")
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"peak_mb": children.ru_maxrss / 1024, "scores": scores}))
"""


class RunFailed(Exception):
    """A grading run ended with an error (its last line is the message)."""


def run_fresh(script: str, assignment: Assignment) -> dict:
    env = {**os.environ, "PYTHONPATH": str(KIT_ROOT)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, assignment.id, str(assignment.root)],
        cwd=KIT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RunFailed(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "")
    return {**json.loads(done.stdout.splitlines()[-1]), "wall_s": time.perf_counter() - started}


def nbgrader_course(assignment: Assignment, scratch: Path) -> Assignment:
    """A course folder where ``submitted/reference/<id>/`` holds the reference notebook."""
    course = copy_course(assignment, scratch)
    generate_outputs(course)
    submitted = course.root / "submitted" / "reference" / course.id
    submitted.mkdir(parents=True)
    (submitted / course.notebook).write_bytes(course.source_notebook.read_bytes())
    if course.student_module:  # the notebook imports the student's code from it
        (submitted / course.student_module).write_bytes(course.source_submission.read_bytes())
    return course


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    assignments = [load_assignment(i) for i in args.assignments] or all_assignments()
    print(f"grading the reference submission, medians of {args.runs} runs each, side by side")
    print(
        f"{'assignment':<18} {'kit s':>6} {'cpu s':>6} {'kit MB':>7} "
        f"{'nbgrader s':>10} {'nbg MB':>7} {'ratio':>6}  same scores  load"
    )
    with tempfile.TemporaryDirectory(prefix="nnkit-bench-") as scratch:
        for assignment in assignments:
            if skipped := assignment.skip_reason():
                print(f"{assignment.id:<18} skipped: {skipped}")
                continue
            course = nbgrader_course(assignment, Path(scratch) / assignment.id)
            kit, nbgrader = [], []
            try:
                for _ in range(args.runs):  # interleaved, so both see the same machine load
                    kit.append(run_fresh(KIT_RUN, course))
                    nbgrader.append(run_fresh(NBGRADER_RUN, course))
            except RunFailed as exc:  # e.g. a cell past nbgrader's timeout on a busy machine
                print(f"{assignment.id:<18} failed: {exc}  load {os.getloadavg()[0]:.1f}")
                continue
            same = all(k["scores"] == n["scores"] for k, n in zip(kit, nbgrader, strict=True))
            kit_s, nbgrader_s = median(kit, "wall_s"), median(nbgrader, "wall_s")
            print(
                f"{assignment.id:<18} {kit_s:>6.2f} {median(kit, 'cpu_s'):>6.2f} "
                f"{median(kit, 'peak_mb'):>7.0f} {nbgrader_s:>10.2f} "
                f"{median(nbgrader, 'peak_mb'):>7.0f} {nbgrader_s / kit_s:>5.1f}x  "
                f"{'yes' if same else 'NO':<11}  {os.getloadavg()[0]:.1f}"
            )
    print(f"(goal: ratio >= 3x; kit MB under Gradescope's {GRADESCOPE_MEMORY_MB} MB;")
    print(f" load: the 1-minute load average at the end of the runs, on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
