from factories import check_cell, toy_course, toy_notebook

from autograder.build import stage_support_files
from autograder.manifest import load_assignment
from autograder.nbgrader_course import generate_assignment
from autograder.validate import validate


def test_a1_validates():
    """Full marks for the reference, zero for the release, every mistake caught where declared."""
    found = validate(load_assignment("a1_two_moons"))
    assert found.problems == []
    assert found.lines[0].startswith("reference: 14/14")
    assert found.lines[1] == "untouched release: 0/14"


def test_a_check_that_cannot_fail_is_reported(tmp_path):
    nb = toy_notebook(extra_cells=[check_cell("always", "always passes", "assert True")])
    toy = toy_course(tmp_path, nb)
    stage_support_files(toy)
    generate_assignment(toy.root, toy.id)
    found = validate(toy)
    assert found.problems == ["always passes on the untouched release (a check that cannot fail)"]
