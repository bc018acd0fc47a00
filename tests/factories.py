"""Small factories for notebooks, cells and throwaway courses used across the tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat

from autograder.build import write_checks_module
from autograder.layout import CHECKS_HELPERS, KIT_ROOT
from autograder.manifest import Assignment, load_assignment
from autograder.sandbox import TRUSTED_ENV

NBGRADER = {"schema_version": 3, "task": False}
SYSTEM_PYTHON = Path("/usr/bin/python3")  # what setup.sh builds Gradescope's environment on


def without_trust(**extra: str) -> dict[str, str]:
    """This process's environment without the suite's NNKIT_TRUSTED_SUBMISSIONS, plus `extra`:
    what a real deployment runs with."""
    env = {k: v for k, v in os.environ.items() if k != TRUSTED_ENV}
    return {**env, **extra}


def code_cell(
    source: str, grade_id: str | None = None, *, solution=False, points=None, locked=False
):
    cell = nbformat.v4.new_code_cell(source)
    if grade_id:
        cell.metadata["nbgrader"] = {
            **NBGRADER,
            "grade_id": grade_id,
            "solution": solution,
            "grade": points is not None,
            "locked": locked or points is not None,
            **({"points": points} if points is not None else {}),
        }
    return cell


def check_cell(grade_id: str, title: str, body: str, points=1.0, hint: str | None = None):
    """A test cell; a `hint` makes it a hidden check."""
    if hint is None:
        return code_cell(f"# {title}\n{body}", grade_id, points=points)
    hidden = f"# {title}\n# Hint: {hint}\n### BEGIN HIDDEN TESTS\n{body}\n### END HIDDEN TESTS"
    return code_cell(hidden, grade_id, points=points)


def notebook(cells) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


TOY_SOLUTION = '''\
def double(x):
    """x: (N,) -> (N,)"""
    ### BEGIN SOLUTION
    return 2 * np.asarray(x, dtype=float)
    ### END SOLUTION


class Counter:
    def __init__(self, start):
        self.count = start

    def add(self, n):
        ### BEGIN SOLUTION
        self.count += n
        return self.count
        ### END SOLUTION
'''

TOY_CHECKS = [
    check_cell(
        "double_public",
        "double: values",
        "assert_close(double(np.array([1.0, -2.0])), [2.0, -4.0], 'double(x)')",
    ),
    check_cell(
        "double_hidden",
        "double: a batch of one",
        "assert_shape(double(np.ones(1)), (1,), 'double(x)')",
        hint="keep the input's shape",
    ),
    check_cell(
        "counter_public",
        "Counter: add",
        "c = Counter(3)\nc.add(2)\nassert c.add(1) == 6, 'Counter(3).add(2).add(1) should be 6'\n"
        "assert c.count == 6",
        points=2.0,
    ),
]


def toy_notebook(solution: str = TOY_SOLUTION, extra_cells=()) -> nbformat.NotebookNode:
    return notebook(
        [
            nbformat.v4.new_markdown_cell("# Toy assignment"),
            code_cell(
                "import numpy as np\nfrom nnkit_checks import assert_close, assert_shape",
                "imports",
                locked=True,
            ),
            code_cell(solution, "toy_solution", solution=True),
            *TOY_CHECKS,
            *extra_cells,
        ]
    )


def toy_course(root: Path, nb: nbformat.NotebookNode | None = None, **limits) -> Assignment:
    """A one-assignment course 'toy' in `root`, with its checks module generated."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(KIT_ROOT / CHECKS_HELPERS, root / CHECKS_HELPERS)
    source = root / "solutions" / "toy"
    source.mkdir(parents=True)
    nbformat.write(nb or toy_notebook(), source / "toy.ipynb")
    limit_lines = "".join(f"{k} = {v}\n" for k, v in limits.items())
    (source / "assignment.toml").write_text(
        f'id = "toy"\ntitle = "Toy"\nnotebook = "toy.ipynb"\n[limits]\n{limit_lines}'
    )
    assignment = load_assignment("toy", root)
    write_checks_module(assignment)
    return assignment


def submission(folder: Path, solution: str, name: str = "toy.ipynb") -> Path:
    """A toy submission whose solution cell holds `solution`."""
    path = Path(folder) / name
    nbformat.write(toy_notebook(solution), path)
    return path


DATA_TOY_SOLUTION = '''\
def mean_brightness(images):
    """images: (N, 28, 28) uint8 -> (N,) mean pixel value in [0, 1]"""
    ### BEGIN SOLUTION
    return scale_to_unit(flatten(images)).mean(axis=1)
    ### END SOLUTION
'''

DATA_TOY_MANIFEST = """\
id = "toy"
title = "Toy with data"
notebook = "toy.ipynb"
support_files = ["datasets/nnkit_datasets"]

[[grading_data]]
file = "mnist_grading.npz"
dataset = "mnist"
train_per_class = 20
test_per_class = 5
seed = 3
"""


def data_toy_notebook(solution: str = DATA_TOY_SOLUTION) -> nbformat.NotebookNode:
    return notebook(
        [
            code_cell(
                "import numpy as np\n"
                "from nnkit_checks import assert_close, load_arrays\n"
                "from nnkit_datasets import flatten, scale_to_unit",
                "imports",
                locked=True,
            ),
            code_cell(solution, "toy_solution", solution=True),
            check_cell(
                "brightness_public",
                "mean_brightness: a blank and a white image",
                "images = np.zeros((2, 28, 28), np.uint8)\n"
                "images[1] = 255\n"
                "assert_close(mean_brightness(images), [0.0, 1.0], 'mean_brightness(images)')",
            ),
            check_cell(
                "brightness_hidden",
                "mean_brightness: real digits",
                "data = load_arrays('mnist_grading.npz')\n"
                "assert data['x_train'].shape == (200, 28, 28)\n"
                "x = data['x_test'][:10]\n"
                "want = flatten(x).mean(axis=1) / 255\n"
                "assert_close(mean_brightness(x), want, 'mean_brightness(digits)')",
                hint="scale pixels to [0, 1] before averaging",
            ),
        ]
    )


def data_toy_course(root: Path, nb: nbformat.NotebookNode | None = None) -> Assignment:
    """A course 'toy' whose notebook imports the dataset package and whose hidden check reads a
    grading-data cut of MNIST (the loaders must find MNIST: a mirror or a cache)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(KIT_ROOT / CHECKS_HELPERS, root / CHECKS_HELPERS)
    shutil.copytree(KIT_ROOT / "datasets", root / "datasets", ignore=shutil.ignore_patterns("data"))
    shutil.copy(KIT_ROOT / "requirements.txt", root / "requirements.txt")
    source = root / "solutions" / "toy"
    source.mkdir(parents=True)
    nbformat.write(nb or data_toy_notebook(), source / "toy.ipynb")
    (source / "assignment.toml").write_text(DATA_TOY_MANIFEST)
    assignment = load_assignment("toy", root)
    write_checks_module(assignment)
    return assignment


def submit_to_nbgrader(course: Assignment, student: str, notebook: Path) -> None:
    """Put `notebook` where nbgrader autograde looks: submitted/<student>/<id>/<notebook>."""
    folder = course.root / "submitted" / student / course.id
    folder.mkdir(parents=True)
    shutil.copy(notebook, folder / course.notebook)


def run_autograder(
    bundle: Path, root: Path, submitted: list[Path], venv: Path | None = None
) -> dict:
    """Unzip into root/source, put the files into root/submission, run, read the results.

    venv: the environment to grade with, as root/venv (Gradescope's place for it); without it,
    run_autograder falls back to the first python3 on PATH, this process's."""
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(root / "source")
    (root / "submission").mkdir()
    (root / "results").mkdir()
    if venv is not None:
        (root / "venv").symlink_to(venv)
    for path in submitted:
        shutil.copy(path, root / "submission" / path.name)
    script = root / "run_autograder"
    shutil.copy(root / "source" / "run_autograder", script)
    script.chmod(0o755)
    env = without_trust(
        AUTOGRADER_ROOT=str(root),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    )
    subprocess.run([str(script)], env=env, check=True, capture_output=True, timeout=600)
    return json.loads((root / "results" / "results.json").read_text())


MODULE_TOY_MANIFEST = """\
id = "toy"
title = "Toy with a student module"
notebook = "toy.ipynb"
student_module = "toy_answers.py"
"""


def module_toy_notebook() -> nbformat.NotebookNode:
    """The toy notebook for students who write their code in toy_answers.py."""
    return notebook(
        [
            code_cell("%load_ext autoreload\n%autoreload 2"),
            code_cell(
                "import numpy as np\n"
                "from nnkit_checks import assert_close, assert_shape\n"
                "from toy_answers import Counter, double",
                "imports",
                locked=True,
            ),
            code_cell("print(double(np.arange(3.0)))"),
            *TOY_CHECKS,
        ]
    )


def module_toy_course(root: Path) -> Assignment:
    """A course 'toy' whose students edit toy_answers.py, imported by the notebook."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(KIT_ROOT / CHECKS_HELPERS, root / CHECKS_HELPERS)
    shutil.copy(KIT_ROOT / "requirements.txt", root / "requirements.txt")
    source = root / "solutions" / "toy"
    source.mkdir(parents=True)
    nbformat.write(module_toy_notebook(), source / "toy.ipynb")
    (source / "toy_answers.py").write_text("import numpy as np\n\n\n" + TOY_SOLUTION)
    (source / "assignment.toml").write_text(MODULE_TOY_MANIFEST)
    assignment = load_assignment("toy", root)
    write_checks_module(assignment)
    return assignment


# A support module whose functions the checks call in the student process; `inspect_toy` is
# imported by no one but the student process (the judge must never import it).
INSPECT_TOY = '''\
"""Looks at student objects where they live."""


def type_name(obj):
    return type(obj).__name__
'''

SIDE_TOY_MANIFEST = """\
id = "toy"
title = "Toy with a student-side support module"
notebook = "toy.ipynb"
support_files = ["support/inspect_toy.py"]
student_side_modules = ["inspect_toy"]
extra_requirements = "requirements-extra.txt"
"""


def side_toy_course(root: Path, extra_requirements: str = "# nothing more\n") -> Assignment:
    """The toy course with a check that calls `inspect_toy.type_name` on a student object."""
    (root / "support").mkdir(parents=True)
    (root / "support" / "inspect_toy.py").write_text(INSPECT_TOY)
    (root / "requirements-extra.txt").write_text(extra_requirements)
    nb = toy_notebook(
        extra_cells=[
            check_cell(
                "counter_kind",
                "Counter: a class of its own",
                "assert type_name(Counter(1)) == 'Counter', 'Counter(1) should be a Counter'",
            )
        ]
    )
    nb.cells[1].source += "\nfrom inspect_toy import type_name"
    course = toy_course(root, nb)
    (course.paths.source_dir / "assignment.toml").write_text(SIDE_TOY_MANIFEST)
    assignment = load_assignment("toy", root)
    write_checks_module(assignment)
    return assignment
