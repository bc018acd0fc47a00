"""Run the real run_autograder from the zip on a tree laid out as Gradescope lays it out.

run_autograder never trusts a submission (it drops the suite's NNKIT_TRUSTED_SUBMISSIONS), so
as root its student code must run as `nobody`: the trees then get the deployed environment,
which setup.sh builds on the system Python, and live in a folder `nobody` can pass through.
"""

import nbformat
import pytest
from factories import (
    DATA_TOY_SOLUTION,
    data_toy_course,
    data_toy_notebook,
    module_toy_course,
)

from autograder.gradescope import write_bundle
from autograder.manifest import load_assignment
from autograder.variants import load_mistakes, write_variant

A1 = load_assignment("a1_two_moons")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return write_bundle(A1, tmp_path_factory.mktemp("dist"))


def test_the_reference_scores_full_marks(bundle, gradescope_run):
    results = gradescope_run(bundle, "reference", [A1.paths.source_notebook])
    assert results["score"] == sum(t["max_score"] for t in results["tests"]) == 14
    assert all(t["status"] == "passed" for t in results["tests"])


def test_a_wrong_submission_loses_the_points_its_mistake_costs(bundle, gradescope_run, tmp_path):
    mistake = load_mistakes(A1)[0]
    notebook = write_variant(A1, mistake, tmp_path / "wrong")
    results = gradescope_run(bundle, "wrong", [notebook])
    failed = {t["number"] for t in results["tests"] if t["status"] == "failed"}
    assert failed == mistake.fails
    assert 0 < results["score"] < 14


def test_an_empty_submission_still_gets_a_results_file(bundle, gradescope_run):
    results = gradescope_run(bundle, "empty", [])
    assert results["score"] == 0
    assert "no notebook was submitted; upload a1_two_moons.ipynb" in results["output"]


def test_hidden_checks_read_the_grading_data_from_the_zip(
    tmp_path, mirror, monkeypatch, gradescope_run
):
    """With the cut inside the zip, does grading need no dataset at all (an empty mirror)?"""
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("NNKIT_DATA_CACHE", str(tmp_path / "cache"))
    toy = data_toy_course(tmp_path / "course")
    bundle = write_bundle(toy, tmp_path / "dist")
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(tmp_path / "empty"))
    right = gradescope_run(bundle, "right", [toy.paths.source_notebook])
    assert [t["status"] for t in right["tests"]] == ["passed", "passed"]
    wrong = tmp_path / "wrong" / "toy.ipynb"
    wrong.parent.mkdir()
    nbformat.write(data_toy_notebook(DATA_TOY_SOLUTION.replace("scale_to_unit(", "(")), wrong)
    results = gradescope_run(bundle, "wrong", [wrong])
    hidden = next(t for t in results["tests"] if "real digits" in t["name"])
    assert hidden["status"] == "failed" and hidden["score"] == 0


def test_a_module_assignment_grades_the_uploaded_module(tmp_path, gradescope_run):
    """Uploading the module with the notebook gives full marks; the notebook alone gives zero
    and the line that says to upload the module."""
    toy = module_toy_course(tmp_path / "course")
    bundle = write_bundle(toy, tmp_path / "dist")
    both = gradescope_run(bundle, "both", [toy.paths.source_notebook, toy.paths.source_submission])
    assert both["score"] == 4.0
    alone = gradescope_run(bundle, "alone", [toy.paths.source_notebook])
    assert alone["score"] == 0
    assert "toy_answers.py was not submitted; upload toy_answers.py" in alone["output"]
