import dataclasses
import os
import shutil
import stat
import subprocess
import sys
import zipfile

import nbformat
import pytest
from factories import data_toy_course, module_toy_course, toy_course, toy_notebook

from autograder.build import (
    PointsError,
    build,
    check_points,
    copy_course,
    helper_copies,
    release_outputs,
    stale_outputs,
    stub_module,
)
from autograder.gradescope import bundle_contents, write_bundle
from autograder.layout import KIT_ROOT
from autograder.manifest import all_assignments, load_assignment
from autograder.staging import support_sources

A1 = load_assignment("a1_two_moons")


@pytest.mark.parametrize("assignment_id", [a.id for a in all_assignments()])
def test_committed_generated_files_are_current(assignment_id, request):
    """Are the committed release and checks module exactly what the source notebook gives now?"""
    assignment = load_assignment(assignment_id)
    if assignment.grading_data:
        request.getfixturevalue("mirror")
    assert stale_outputs(assignment) == []


def test_the_release_has_stubs_and_no_solutions_or_hidden_checks():
    text = A1.paths.release_notebook.read_text()
    assert "raise NotImplementedError()" in text
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    assert {p.name for p in A1.paths.release_dir.iterdir()} <= set(support_sources(A1)) | {
        A1.notebook
    }


def test_the_releases_copies_of_the_kits_modules_are_not_outputs_and_git_ignores_them():
    """Are the copies of nnkit_checks.py, nnkit_datasets/ and nnkit_torch.py left out of the
    outputs `build --check` compares, and ignored by git, while the notebooks, the stub module
    and the data files are outputs git keeps?"""
    a5, a6 = load_assignment("a5_cifar_linear"), load_assignment("a6_torch_cnn")
    assert helper_copies(A1) == {"nnkit_checks.py"}
    assert helper_copies(a6) == {"nnkit_checks.py", "nnkit_torch.py", "nnkit_datasets"}
    assert [p.name for p in release_outputs(A1)] == [
        "a1_two_moons.ipynb",
        "two_moons_test.npz",
        "two_moons_train.npz",
    ]
    assert [p.name for p in release_outputs(a5)] == ["a5_answers.py", "a5_cifar_linear.ipynb"]
    if not (KIT_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    paths = [f"assignments/{a.id}/{name}" for a in (A1, a6) for name in helper_copies(a)]
    paths += ["assignments/a6_torch_cnn/nnkit_datasets/loaders.py"]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths], cwd=KIT_ROOT, capture_output=True, text=True
    ).stdout.split()
    assert ignored == paths
    kept = [str(p.relative_to(KIT_ROOT)) for p in release_outputs(A1)]
    checked = subprocess.run(["git", "check-ignore", "--no-index", *kept], cwd=KIT_ROOT)
    assert checked.returncode == 1  # none of them ignored


def test_the_gradescope_zip_has_what_gradescope_needs_and_no_solutions(tmp_path):
    path = write_bundle(A1, tmp_path)
    assert path.name == "a1_two_moons_autograder.zip"
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        modes = {i.filename: i.external_attr >> 16 for i in archive.infolist()}
        requirements = archive.read("requirements.txt").decode()
    assert {"setup.sh", "run_autograder", "requirements.txt"} <= names
    assert modes["run_autograder"] & stat.S_IXUSR and modes["setup.sh"] & stat.S_IXUSR
    assert "checks/a1_two_moons.py" in names
    assert "datasets/data/two_moons_test.npz" in names
    assert not any(n.endswith(".ipynb") or "/mistakes/" in n for n in names)
    assert all("==" in line for line in requirements.splitlines())
    assert "numpy==" in requirements and "nbformat==" in requirements


def test_the_zip_is_the_same_for_the_same_inputs(tmp_path):
    first = write_bundle(A1, tmp_path / "one").read_bytes()
    assert write_bundle(A1, tmp_path / "two").read_bytes() == first


def test_only_this_assignments_checks_go_into_its_zip(tmp_path):
    toy = toy_course(tmp_path)
    (tmp_path / "checks" / "other.py").write_text("# another assignment")
    (tmp_path / "requirements.txt").write_text(
        "numpy==1\nnbformat==2\nmatplotlib==3\ntqdm==4\nnbgrader==5\n"
    )
    names = set(bundle_contents(toy))
    assert "checks/toy.py" in names and "checks/other.py" not in names


@pytest.fixture(scope="module")
def data_toy(tmp_path_factory, mirror):
    """A built toy course whose notebook imports nnkit_datasets and whose hidden check reads a
    grading cut of MNIST, cut from the offline mirror."""
    root = tmp_path_factory.mktemp("data-course")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("NNKIT_DATA_MIRROR", str(mirror))
        env.setenv("NNKIT_DATA_CACHE", str(root / "cache"))
        toy = data_toy_course(root / "course")
        zip_path = build(toy, dist=root / "dist")
    return toy, zip_path


def test_the_release_ships_the_loaders_but_never_the_grading_data(data_toy):
    """Does the release get nnkit_datasets/ (Python files only) and no grading cut?"""
    toy, _ = data_toy
    released = {
        p.relative_to(toy.paths.release_dir).as_posix() for p in toy.paths.release_dir.rglob("*")
    }
    assert {"toy.ipynb", "nnkit_checks.py", "nnkit_datasets/loaders.py"} <= released
    assert not any(name.endswith(".npz") or "__pycache__" in name for name in released)
    assert (toy.paths.grading_data_dir / "mnist_grading.npz").is_file()  # for nbgrader's kernel
    assert not (toy.paths.source_dir / "mnist_grading.npz").exists()  # never where nbgrader copies


def test_the_zip_holds_exactly_the_grading_data_the_checks_read(data_toy):
    """Is the cut the zip's only data file, beside the loaders the engine cuts with?"""
    _, zip_path = data_toy
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
    assert [n for n in names if n.endswith(".npz")] == ["grading_data/toy/mnist_grading.npz"]
    assert {"datasets/nnkit_datasets/loaders.py", "datasets/nnkit_datasets/fetch.py"} <= names


def test_the_checks_import_the_loaders_as_the_notebook_does(data_toy):
    """Does the checks module keep the imports cell's `from nnkit_datasets import ...`?"""
    toy, _ = data_toy
    assert "from nnkit_datasets import flatten\n" in toy.paths.checks_file.read_text()


def run_in_release_copy(release_dir, tmp_path, code, **env):
    """Run `code` with the venv's Python in a copy of the release folder, away from the kit."""
    copy = tmp_path / "student"
    shutil.copytree(release_dir, copy)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NNKIT_", "PYTHON"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=copy,
        env={**clean, "NNKIT_DATA_CACHE": str(tmp_path / "cache"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_copied_release_loads_mnist_in_one_line(data_toy, mirror, tmp_path):
    """Does `load_mnist()` work from a release folder copied alone (here from a mirror)?"""
    toy, _ = data_toy
    done = run_in_release_copy(
        toy.paths.release_dir,
        tmp_path,
        "from nnkit_datasets import load_mnist; print(load_mnist().x_train.shape)",
        NNKIT_DATA_MIRROR=str(mirror),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(5000, 28, 28)"


def test_without_network_a_copied_release_says_what_to_do(data_toy, tmp_path):
    """With no network, mirror or cache, is the error one line naming the manual alternative?"""
    toy, _ = data_toy
    done = run_in_release_copy(
        toy.paths.release_dir,
        tmp_path,
        "from nnkit_datasets import load_mnist, DatasetError\n"
        "try:\n    load_mnist(progress=False)\nexcept DatasetError as e:\n    print(e)",
    )
    assert done.returncode == 0, done.stderr
    message = done.stdout.strip()
    assert "\n" not in message and message.startswith("could not download mnist.npz")
    assert "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz" in message
    assert "NNKIT_DATA_MIRROR" in message and str(tmp_path / "cache") in message
    assert not (tmp_path / "cache" / "mnist.npz").exists()


def test_a_stub_module_keeps_signatures_and_raises_where_the_solutions_were():
    source = (
        "def f(x):\n"
        '    """x: (N,)"""\n'
        "    # TODO: double it.\n"
        "    ### BEGIN SOLUTION\n"
        "    return 2 * x\n"
        "    ### END SOLUTION\n"
    )
    assert stub_module(source) == (
        'def f(x):\n    """x: (N,)"""\n    # TODO: double it.\n    raise NotImplementedError()\n'
    )
    with pytest.raises(ValueError, match="not closed"):
        stub_module("### BEGIN SOLUTION\nx = 1\n")
    with pytest.raises(ValueError, match="line 1: ### END SOLUTION without"):
        stub_module("### END SOLUTION\n")


@pytest.fixture(scope="module")
def module_toy(tmp_path_factory):
    root = tmp_path_factory.mktemp("module-course")
    toy = module_toy_course(root / "course")
    return toy, build(toy, dist=root / "dist")


def test_the_release_gets_the_stub_module_and_the_zip_no_solutions(module_toy):
    """Does the release hold the module without solutions (nbgrader copies the source's as it
    is), and does the zip leave the source module out?"""
    toy, zip_path = module_toy
    released = toy.paths.release_submission.read_text()
    assert "raise NotImplementedError()" in released and "SOLUTION" not in released
    assert {p.name for p in toy.paths.release_dir.iterdir()} == {
        "toy.ipynb",
        "toy_answers.py",
    } | set(support_sources(toy))
    with zipfile.ZipFile(zip_path) as archive:
        assert not any(name.endswith("toy_answers.py") for name in archive.namelist())


def test_a_changed_source_makes_its_outputs_stale(module_toy, tmp_path):
    """Does editing a check cell flag the checks module and the release notebook, and editing
    the source module its release stub?"""
    toy, _ = module_toy
    course = copy_course(toy, tmp_path / "course")
    build(course, dist=tmp_path / "dist")
    assert stale_outputs(course) == []
    nb = nbformat.read(course.paths.source_notebook, as_version=4)
    check = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade"))
    check.source += "\nassert True"
    nbformat.write(nb, course.paths.source_notebook)
    module = course.paths.source_submission
    module.write_text(module.read_text() + "\nLIMIT = 3\n")
    assert stale_outputs(course) == [
        "assignments/toy/toy.ipynb",
        "assignments/toy/toy_answers.py",
        "checks/toy.py",
    ]


def test_the_build_holds_the_notebook_to_the_manifests_points(tmp_path):
    """Do the checks and the written answers have to add up to the manifest's ``points``, and
    does the error give both parts?"""
    written = nbformat.v4.new_markdown_cell("**Why?**\n\n### BEGIN SOLUTION\n### END SOLUTION")
    written.metadata["nbgrader"] = {
        "schema_version": 3,
        "grade_id": "why",
        "grade": True,
        "solution": True,
        "points": 2.0,
    }
    toy = toy_course(tmp_path, toy_notebook(extra_cells=[written]))
    checks = 4.0  # the toy's three checks: 1 + 1 + 2 points
    check_points(dataclasses.replace(toy, points=checks + 2))
    check_points(toy)  # a manifest without points: nothing to hold the notebook to
    with pytest.raises(PointsError, match=r"checks \(4\) and written answers \(2\) add up to 6"):
        check_points(dataclasses.replace(toy, points=checks))


def test_the_release_prints_passing_checks_and_ends_with_the_overview():
    """Does each public check cell of the release end by printing its points, no hidden one,
    and is the last cell the overview of this notebook's checks?"""
    nb = nbformat.read(A1.paths.release_notebook, as_version=4)
    checks = {
        c.metadata.nbgrader["grade_id"]: c.source
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }
    assert checks["forward_public"].endswith(
        "\nprint('✓ 1.3 forward_pass: output and stored values of a small fixed net: 1 / 1 points')"
    )
    assert "print(" not in checks["forward_hidden"]
    assert nb.cells[-1].source.endswith("overview('a1_two_moons.ipynb', globals())")
    assert nb.cells[-1].metadata["editable"] is False


@pytest.mark.parametrize("assignment", all_assignments(), ids=lambda a: a.id)
def test_every_generated_file_in_git_names_its_source(assignment):
    """Does the checks module say in its first line, and the release notebook in its metadata
    (a notebook has no first line), which source notebook they are generated from, and the
    student module's release copy (in students' words) that it is generated?"""
    source = f"solutions/{assignment.id}/{assignment.notebook}"
    first = assignment.paths.checks_file.read_text().splitlines()[0]
    assert first.startswith(f'"""Generated from the check cells of {source}')
    release = nbformat.read(assignment.paths.release_notebook, as_version=4)
    assert release.metadata.nnkit.generated_from.startswith(f"generated from {source} by")
    if assignment.student_module:
        module = assignment.paths.release_submission.read_text().splitlines()[0]
        assert module == (
            f"# Your copy of {assignment.student_module}, generated from the course's own with "
            "its answers taken out."
        )
