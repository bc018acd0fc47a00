"""Real nbgrader on a temporary course: generate, autograde, and the same scores as the kit."""

import shutil

import pytest

from autograder.build import copy_course, stage_support_files, write_checks_module
from autograder.grade import grade
from autograder.manifest import load_assignment
from autograder.nbgrader_course import autograde, generate_assignment
from autograder.variants import load_mistakes, write_variant

A1 = load_assignment("a1_two_moons")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = copy_course(A1, tmp_path_factory.mktemp("course"))
    stage_support_files(course)
    write_checks_module(course)
    generate_assignment(course.root, course.id)
    return course


def submit(course, student: str, notebook) -> None:
    folder = course.root / "submitted" / student / course.id
    folder.mkdir(parents=True)
    shutil.copy(notebook, folder / course.notebook)


def test_generate_assignment_makes_the_release_with_its_support_files(course):
    names = {p.name for p in course.release_dir.iterdir()}
    assert names == {
        course.notebook,
        "nnkit_checks.py",
        "two_moons_train.npz",
        "two_moons_test.npz",
    }


@pytest.mark.parametrize("which", ["reference", "mistake"])
def test_nbgrader_autograde_gives_the_kits_per_check_scores(course, tmp_path, which):
    """Do nbgrader's per-cell scores equal the kit's per-check scores, for right and wrong work?"""
    if which == "reference":
        notebook = course.source_notebook
    else:
        notebook = write_variant(course, load_mistakes(course)[1], tmp_path)
    submit(course, which, notebook)
    by_nbgrader = autograde(course.root, course.id, which)
    by_kit = grade(course, notebook).scores_by_check()
    assert by_nbgrader == pytest.approx(by_kit)
    if which == "mistake":
        assert sum(by_kit.values()) < 14
