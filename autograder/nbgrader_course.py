"""nbgrader for this kit: the course settings, and nbgrader's own commands run on a course folder.

A course folder is laid out as nbgrader expects, with the kit's names: ``solutions/<id>/`` holds
the source notebooks, ``assignments/<id>/`` the generated student releases, and nbgrader's usual
``submitted/``, ``autograded/``, ``feedback/`` and ``gradebook.db`` sit beside them. The
grading data the hidden checks read lives in ``grading_data/<id>/``, outside every folder
nbgrader copies from, and reaches nbgrader's kernel through the kit's steps.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from autograder.errors import KitError
from autograder.layout import KIT_ROOT
from autograder.manifest import MANIFEST, Assignment, all_assignments

IGNORED = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    MANIFEST,
    "mistakes",
    "alternatives",
    "mistakes_rewritten",  # benchmarks/diagnosis.py
]
CONFIG_FILE = "nbgrader_config.py"


class NbgraderError(KitError):
    """An nbgrader command failed; the message gives its last error line and where its log
    is."""


def configure(c, course_root: Path) -> None:
    """Apply the kit's settings to an nbgrader config object (nbgrader_config.py calls this
    with the folder it sits in). The kit's steps (`nbgrader_steps`) join nbgrader's own
    pipelines, so they run whoever starts the command, formgrader's buttons included."""
    from nbgrader.converters import Autograde, GenerateAssignment, GenerateFeedback
    from nbgrader.preprocessors import Execute

    from autograder import nbgrader_steps as steps  # imports nbgrader: only its config needs it

    c.CourseDirectory.source_directory = "solutions"
    c.CourseDirectory.release_directory = "assignments"
    c.CourseDirectory.ignore = IGNORED
    # nbgrader validate's Execute does not know the assignment: it gets the longest of them;
    # autograde's ExecuteWithGradingData gives each assignment its own
    c.Execute.timeout = max(execute_timeout(a) for a in all_assignments(course_root))
    c.Autograde.exclude_overwriting = student_modules(course_root)
    # after nbgrader has copied the source folder and cleared the notebook's solutions
    c.GenerateAssignment.preprocessors = [
        *nbgrader_default(GenerateAssignment, "preprocessors"),
        steps.CompleteRelease,
    ]
    c.Autograde.autograde_preprocessors = [
        steps.ExecuteWithGradingData if step is Execute else step
        for step in nbgrader_default(Autograde, "autograde_preprocessors")
    ]
    # after GetGrades has put each cell's score into its metadata, before the HTML is written
    feedback = nbgrader_default(GenerateFeedback, "preprocessors")
    feedback.insert(1, steps.HideHiddenChecks)
    c.GenerateFeedback.preprocessors = feedback


def nbgrader_default(converter: type, name: str) -> list[type]:
    """nbgrader's own list of preprocessors `name` of `converter`, which the kit extends."""
    return list(converter.class_traits()[name].default())


# A cell's timeout, in wall seconds, per CPU second of the reference's longest cell: 10 for the
# load (20 runnable processes on 2 cores, the most measured on this project's machine, leave each
# a tenth of a core) times 1.5 for a correct answer written less efficiently than the reference.
CELL_MARGIN = 15
SHORTEST_TIMEOUT = 30  # nbgrader's own default: no cell gets less


def execute_timeout(assignment: Assignment) -> int:
    """Seconds nbgrader lets one cell of `assignment`'s notebook run: its manifest's
    ``cell_cpu_seconds`` (the reference notebook's longest cell on the full dataset, measured
    by benchmarks/grading_cost.py with one BLAS thread, as autograde's kernel gets) times
    `CELL_MARGIN`, and never under nbgrader's default.

    nbgrader's timeout counts wall time per cell, and nbgrader runs every cell, experiments
    included; on a loaded machine a cell's wall time is its CPU time times the load per core,
    so the timeout is a measured CPU figure times a stated load, not a guess. It only stops a
    hung cell: the kit's own grader keeps ``check_seconds`` and ``total_seconds``."""
    return max(SHORTEST_TIMEOUT, math.ceil(CELL_MARGIN * assignment.cell_cpu_seconds))


def student_modules(course_root: Path) -> dict[str, list[str]]:
    """Assignment id -> [its student module], for the assignments that have one.

    ``nbgrader autograde`` overwrites every submitted file that also exists in the source folder
    with the source's copy; for a student module that copy holds the solutions, so every
    submission would pass. These modules are excluded from that (jupyter/nbgrader#940).
    """
    return {a.id: [a.student_module] for a in all_assignments(course_root) if a.student_module}


def prepare_course(course_root: Path) -> None:
    """Give a course folder the kit's nbgrader_config.py (the kit's own root already has it)."""
    target = Path(course_root) / CONFIG_FILE
    if not target.exists():
        shutil.copy(KIT_ROOT / CONFIG_FILE, target)


def run_nbgrader(course_root: Path, *args: str) -> str:
    """Run ``nbgrader ARGS`` in `course_root`; returns its log, raises NbgraderError on failure."""
    prepare_course(course_root)
    env = {
        **os.environ,
        # nbgrader runs helper commands (alembic) by name: the environment's bin must be on PATH
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "PYTHONPATH": os.pathsep.join([str(KIT_ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course_root,
        env=env,
        capture_output=True,
        text=True,
    )
    log = done.stdout + done.stderr
    if done.returncode != 0 or "[ERROR]" in log:
        raise NbgraderError(f"nbgrader {' '.join(args)} failed: {failure_line(log)}")
    return log


def failure_line(log: str) -> str:
    """One line for an nbgrader log that failed: its last error line (else its last line), and
    where the whole log is kept."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    errors = [line for line in lines if "[ERROR]" in line or "Error" in line]
    with tempfile.NamedTemporaryFile("w", prefix="nbgrader-", suffix=".log", delete=False) as kept:
        kept.write(log)
    return f"{(errors or lines or ['no output'])[-1]} (whole log: {kept.name})"


def generate_assignment(course_root: Path, assignment_id: str) -> None:
    """Real ``nbgrader generate_assignment``: solutions/<id>/ -> assignments/<id>/."""
    run_nbgrader(course_root, "generate_assignment", assignment_id, "--force")


def autograde(course_root: Path, assignment_id: str, student_id: str) -> dict[str, float]:
    """Real ``nbgrader autograde`` of submitted/<student>/<id>/; returns grade_id -> score of
    each autograded cell (written answers wait for manual grading and are left out)."""
    from nbgrader.api import Gradebook  # nbgrader is heavy to import; only this path needs it

    run_nbgrader(
        course_root, "autograde", assignment_id, "--student", student_id, "--create", "--force"
    )
    scores = {}
    with Gradebook(f"sqlite:///{Path(course_root) / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(assignment_id, student_id)
        for notebook in submission.notebooks:
            scores.update(
                {g.name: float(g.score) for g in notebook.grades if g.auto_score is not None}
            )
    return scores
