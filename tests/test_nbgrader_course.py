"""Real nbgrader on a temporary course: generate, autograde, and the same scores as the kit."""

import shutil

import pytest
from factories import module_toy_course, submit_to_nbgrader

from autograder.build import (
    copy_course,
    generate_outputs,
    generate_release,
    stage_support_files,
)
from autograder.grade import grade
from autograder.manifest import load_assignment
from autograder.nbgrader_course import autograde
from autograder.variants import load_mistakes, write_variant

POINTS = {"a1_two_moons": 14, "a2_mnist_backprop": 20}


@pytest.fixture(scope="module", params=sorted(POINTS))
def course(request, tmp_path_factory):
    assignment = load_assignment(request.param)
    if assignment.grading_data:
        request.getfixturevalue("mirror")  # the cut and the notebook's own load_mnist()
    course = copy_course(assignment, tmp_path_factory.mktemp("course"))
    generate_outputs(course)
    return course


def test_generate_assignment_makes_the_release_with_its_support_files(course):
    names = {p.name for p in course.release_dir.iterdir()}
    assert names == {course.notebook, *course.support_sources()}
    for cut in course.grading_data_files():  # staged for autograde, kept out of the release
        assert cut.is_file() and not (course.release_dir / cut.name).exists()


@pytest.mark.parametrize("which", ["reference", "mistake"])
def test_nbgrader_autograde_gives_the_kits_per_check_scores(course, tmp_path, which):
    """Do nbgrader's per-cell scores equal the kit's per-check scores, for right and wrong work?"""
    if which == "reference":
        notebook = course.source_notebook
    else:
        notebook = write_variant(course, load_mistakes(course)[1], tmp_path)
    submit_to_nbgrader(course, which, notebook)
    by_nbgrader = autograde(course.root, course.id, which)
    by_kit = grade(course, notebook).scores_by_check()
    assert by_nbgrader == pytest.approx(by_kit)
    if which == "mistake":
        assert sum(by_kit.values()) < POINTS[course.id]


def test_nbgrader_grades_the_submitted_module_not_the_source_one(tmp_path):
    """nbgrader overwrites submitted files with the source's copies, which for a student module
    hold the solutions: does the course config keep the student's module, so that a wrong one
    loses the same points under nbgrader as under the kit?"""
    toy = module_toy_course(tmp_path / "course")
    stage_support_files(toy)
    generate_release(toy)
    wrong = toy.source_submission.read_text().replace("return 2 * np", "return 3 * np")
    for student, module in [("right", toy.source_submission.read_text()), ("wrong", wrong)]:
        folder = toy.root / "submitted" / student / toy.id
        folder.mkdir(parents=True)
        shutil.copy(toy.release_notebook, folder / toy.notebook)
        (folder / toy.student_module).write_text(module)
        by_nbgrader = autograde(toy.root, toy.id, student)
        assert by_nbgrader == pytest.approx(grade(toy, folder).scores_by_check())
    assert by_nbgrader == {"double_public": 0.0, "double_hidden": 1.0, "counter_public": 2.0}
