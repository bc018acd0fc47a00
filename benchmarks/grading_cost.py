"""Print what grading the reference submission of each assignment costs with the kit, and with
the usual way (real ``nbgrader autograde``, which executes the whole notebook), side by side.

    .venv/bin/python benchmarks/grading_cost.py [ASSIGNMENT ...] [--runs 5]

Every run starts a fresh interpreter, as Gradescope does, and its wall time counts from the
start of that interpreter to its end. Per assignment it prints the median wall time of each way,
their CPU time (user + system of the interpreter and every process it waited for: the kit's
student process, nbgrader's kernel; Gradescope's default is half a CPU, so a grade there takes
about twice the kit's), the ratio of nbgrader's to the kit's, the peak resident memory of each
way (the kit: judge plus student process; nbgrader: its largest process, usually the kernel),
whether the two gave the same per-check scores, and the machine's load (1-minute average,
median of the samples taken after each run): on a shared machine wall times are only as quiet as
the machine, CPU times much less so. An assignment whose run fails (say, a cell past nbgrader's
timeout on a busy machine) gets one line saying so; the others go on.

A second table runs the reference notebook once as nbgrader's kernel does, outside nbgrader, and
prints the kernel's CPU time for the whole notebook, for its longest cell (what the manifest's
``cell_cpu_seconds`` is measured from, and the cell timeout `execute_timeout` gives it), and for
the release's last cell, the overview, had it run (under nbgrader it is skipped: the saving).
The manifests' figures are for the full datasets: the second table measures them where the
data cache holds the real MNIST (``load_mnist()`` run once online; the loaders read the cache
before the mirror) or full-size arrays under its name.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))

from autograder.build import add_overview, copy_course, generate_outputs  # noqa: E402
from autograder.grading_data import ensure_grading_data  # noqa: E402
from autograder.manifest import Assignment, all_assignments, load_assignment  # noqa: E402
from autograder.nbgrader_course import execute_timeout  # noqa: E402
from autograder.requirements import skip_reason  # noqa: E402

GRADESCOPE_MEMORY_MB = 768
# One BLAS thread for nbgrader's kernel too, as the kit's student process has: the two ways do
# the same work, and on a shared machine a BLAS thread waiting for a core spins, inflating CPU.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

KIT_RUN = """
import json, resource, sys
from pathlib import Path
from autograder.grade import grade
from autograder.manifest import load_assignment
assignment = load_assignment(sys.argv[1], Path(sys.argv[2]))
report = grade(assignment, assignment.paths.source_submission, trusted=True)  # the reference: ours
me = resource.getrusage(resource.RUSAGE_SELF)
student = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
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


def children_cpu() -> float:
    """User + system CPU seconds of every process this one has waited for, and theirs."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def run_fresh(script: str, assignment: Assignment) -> dict:
    env = {**os.environ, **ONE_THREAD, "PYTHONPATH": str(KIT_ROOT)}
    started, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(
        [sys.executable, "-c", script, assignment.id, str(assignment.root)],
        cwd=KIT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RunFailed(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "")
    return {
        **json.loads(done.stdout.splitlines()[-1]),
        "wall_s": time.perf_counter() - started,
        "cpu_s": children_cpu() - cpu,
        "load": os.getloadavg()[0],
    }


def reference_notebook(course: Assignment) -> nbformat.NotebookNode:
    """The reference's answers in the release's notebook: the source notebook with the release's
    last cell, the overview, as a student's submission has it."""
    nb = nbformat.read(course.paths.source_notebook, as_version=4)
    add_overview(nb, course)
    return nb


def nbgrader_course(assignment: Assignment, scratch: Path) -> Assignment:
    """A course folder where ``submitted/reference/<id>/`` holds the reference notebook."""
    course = copy_course(assignment, scratch)
    generate_outputs(course)
    submitted = course.root / "submitted" / "reference" / course.id
    submitted.mkdir(parents=True)
    nbformat.write(reference_notebook(course), submitted / course.notebook)
    if course.student_module:  # the notebook imports the student's code from it
        (submitted / course.student_module).write_bytes(course.paths.source_submission.read_bytes())
    return course


def kernel_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process `pid` and the children it waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(ticks) for ticks in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def notebook_cells(course: Assignment) -> dict:
    """Run the reference notebook in the source folder (support files staged, grading data on
    ``NNKIT_DATA_DIR``) as nbgrader's kernel would, but with the overview running the checks
    again as it does for a student; returns the kernel's CPU seconds for the whole run, its
    longest cell and the overview."""
    from nbclient import NotebookClient

    nb = reference_notebook(course)
    folders = sorted({str(path.parent) for path in ensure_grading_data(course)})
    env = {k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}
    env.update(ONE_THREAD, NNKIT_DATA_DIR=os.pathsep.join(folders))
    client = NotebookClient(
        nb, timeout=None, resources={"metadata": {"path": course.paths.source_dir}}
    )
    cells = []

    def started(cell, cell_index, **_):
        cells.append(-kernel_cpu(client.km.provisioner.process.pid))

    def finished(cell, cell_index, **_):
        cells[-1] += kernel_cpu(client.km.provisioner.process.pid)

    client.on_cell_execute, client.on_cell_executed = started, finished
    client.execute(env=env)
    return {"total": sum(cells), "longest": max(cells[:-1]), "overview": cells[-1]}


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
        f"{'assignment':<18} {'kit s':>6} {'kit cpu':>7} {'kit MB':>6} {'nbgrader s':>10} "
        f"{'nbg cpu':>7} {'nbg MB':>6} {'ratio':>6} {'cpu ratio':>9}  same  load"
    )
    cells = {}
    with tempfile.TemporaryDirectory(prefix="nnkit-bench-") as scratch:
        for assignment in assignments:
            if skipped := skip_reason(assignment):
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
            else:
                same = all(k["scores"] == n["scores"] for k, n in zip(kit, nbgrader, strict=True))
                kit_s, nbgrader_s = median(kit, "wall_s"), median(nbgrader, "wall_s")
                kit_cpu, nbgrader_cpu = median(kit, "cpu_s"), median(nbgrader, "cpu_s")
                print(
                    f"{assignment.id:<18} {kit_s:>6.1f} {kit_cpu:>7.1f} "
                    f"{median(kit, 'peak_mb'):>6.0f} {nbgrader_s:>10.1f} {nbgrader_cpu:>7.1f} "
                    f"{median(nbgrader, 'peak_mb'):>6.0f} {nbgrader_s / kit_s:>5.1f}x "
                    f"{nbgrader_cpu / kit_cpu:>8.1f}x  {'yes' if same else 'NO':<4}  "
                    f"{median(kit + nbgrader, 'load'):.1f}",
                    flush=True,
                )
            cells[assignment.id] = (notebook_cells(course), os.getloadavg()[0], course)
    print(f"(goal: ratio >= 3x; kit MB under Gradescope's {GRADESCOPE_MEMORY_MB} MB;")
    print(f" load: the 1-minute load average after the runs, on {os.cpu_count()} cores)")
    print("\nthe reference notebook run whole, kernel CPU seconds (on the data this machine has)")
    print(
        f"{'assignment':<18} {'notebook':>8} {'longest cell':>12} {'overview':>8} "
        f"{'manifest cell':>13} {'timeout':>7}  load"
    )
    for name, (cpu, load, course) in cells.items():
        print(
            f"{name:<18} {cpu['total']:>8.1f} {cpu['longest']:>12.1f} {cpu['overview']:>8.1f} "
            f"{course.cell_cpu_seconds:>13.0f} {execute_timeout(course):>7}  {load:.1f}"
        )


if __name__ == "__main__":
    main()
