import stat
import zipfile

import nbformat
from factories import toy_course

from autograder.build import build, copy_course, stale_outputs
from autograder.gradescope import bundle_contents, write_bundle
from autograder.manifest import load_assignment

A1 = load_assignment("a1_two_moons")


def test_committed_generated_files_are_current():
    """Are the committed release and checks module exactly what the source notebook gives now?"""
    assert stale_outputs(A1) == []


def test_a_changed_source_makes_its_outputs_stale(tmp_path):
    """Does editing a check cell flag the checks module and the release notebook?"""
    course = copy_course(A1, tmp_path / "course")
    build(course)
    assert stale_outputs(course) == []
    nb = nbformat.read(course.source_notebook, as_version=4)
    check = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade"))
    check.source += "\nassert True"
    nbformat.write(nb, course.source_notebook)
    stale = stale_outputs(course)
    assert "autograder/checks/a1_two_moons.py" in stale
    assert "assignments/a1_two_moons/a1_two_moons.ipynb" in stale


def test_the_release_has_stubs_and_no_solutions_or_hidden_checks():
    text = A1.release_notebook.read_text()
    assert "raise NotImplementedError()" in text
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    assert {p.name for p in A1.release_dir.iterdir()} == set(A1.support_sources()) | {A1.notebook}


def test_the_gradescope_zip_has_what_gradescope_needs_and_no_solutions(tmp_path):
    path = write_bundle(A1, tmp_path)
    assert path.name == "a1_two_moons_autograder.zip"
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        modes = {i.filename: i.external_attr >> 16 for i in archive.infolist()}
        requirements = archive.read("requirements.txt").decode()
    assert {"setup.sh", "run_autograder", "requirements.txt"} <= names
    assert modes["run_autograder"] & stat.S_IXUSR and modes["setup.sh"] & stat.S_IXUSR
    assert "autograder/checks/a1_two_moons.py" in names
    assert "datasets/data/two_moons_test.npz" in names
    assert not any(n.endswith(".ipynb") or "/mistakes/" in n for n in names)
    assert all("==" in line for line in requirements.splitlines())
    assert "numpy==" in requirements and "nbformat==" in requirements


def test_the_zip_is_the_same_for_the_same_inputs(tmp_path):
    first = write_bundle(A1, tmp_path / "one").read_bytes()
    assert write_bundle(A1, tmp_path / "two").read_bytes() == first


def test_only_this_assignments_checks_go_into_its_zip(tmp_path):
    toy = toy_course(tmp_path)
    (tmp_path / "autograder" / "checks" / "other.py").write_text("# another assignment")
    (tmp_path / "requirements.txt").write_text(
        "numpy==1\nnbformat==2\nmatplotlib==3\ntqdm==4\nnbgrader==5\n"
    )
    names = set(bundle_contents(toy))
    assert "autograder/checks/toy.py" in names and "autograder/checks/other.py" not in names
