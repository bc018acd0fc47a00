"""a3: the seed's own bugs are caught where they should be, with messages a student can act on;
the reference loss is stable; bonus checks add extra credit without touching the 100 points."""

import nbformat
import numpy as np
import pytest

from autograder.grade import grade
from autograder.manifest import load_assignment
from autograder.report import to_gradescope
from autograder.variants import load_mistakes, write_variant

A3 = load_assignment("a3_layers")
SEED_BUGS = {
    "loss_unstable",
    "train_seed_loop",
    "minibatches_drop_last",
    "l2_seed_layer",
    "train_penalty_after_step",
    "dropout_no_rescale",
}


@pytest.fixture(scope="module")
def graded(mirror, tmp_path_factory):
    """The report of each mistake named in SEED_BUGS."""
    folder = tmp_path_factory.mktemp("a3")
    return {
        mistake.name: grade(A3, write_variant(A3, mistake, folder / mistake.name))
        for mistake in load_mistakes(A3)
        if mistake.name in SEED_BUGS
    }


def failed(report) -> dict[str, str]:
    return {r.grade_id: r.output for r in report.results if not r.passed}


def reference_definitions(*grade_ids: str) -> dict:
    """The namespace made by running the reference cells with these grade ids."""
    nb = nbformat.read(A3.paths.source_notebook, as_version=4)
    namespace = {"np": np}
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") in grade_ids:
            exec(cell.source, namespace)
    return namespace


def test_the_reference_loss_is_stable_and_exact_at_huge_logits():
    loss = reference_definitions("loss")
    logits = np.array([[1e4, -1e4, 0.0], [-3e3, 3e3, 3e3]])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        values = loss["softmax_crossentropy_with_logits"](logits, np.array([1, 1]))
        grad = loss["grad_softmax_crossentropy_with_logits"](logits, np.array([1, 1]))
    np.testing.assert_allclose(values, [2e4, np.log(2.0)])
    np.testing.assert_allclose(grad, [[0.5, -0.5, 0.0], [0.0, -0.25, 0.25]])


def test_the_seeds_unstable_loss_fails_only_the_large_logits_check(graded):
    assert failed(graded["loss_unstable"]) == {
        "loss_hidden": "the loss for logits of size … issued a warning; rewrite it so no "
        "intermediate overflows, divides by zero or takes the log of 0\nHint: Subtract each "
        "row's maximum before np.exp (log-sum-exp); divide the gradient by N."
    }


def test_the_seeds_training_loop_fails_every_check_that_trains(graded):
    assert set(failed(graded["train_seed_loop"])) == {
        "train_public",
        "train_hidden",
        "training_hidden",
        "xavier_deep_hidden",
        "l2_loss_hidden",
    }


def test_dropping_the_last_batch_is_explained_in_the_public_check(graded):
    output = failed(graded["minibatches_drop_last"])["minibatches_public"]
    assert output == "10 samples in batches of 4 come as sizes [4, 4, 2], got [4, 4]"


@pytest.mark.parametrize(
    ("mistake", "check"),
    [("l2_seed_layer", "l2_gradient_hidden"), ("train_penalty_after_step", "l2_loss_hidden")],
)
def test_the_seeds_regularisation_bugs_cost_one_check_each(graded, mistake, check):
    assert set(failed(graded[mistake])) == {check}


def test_a_wrong_bonus_costs_extra_credit_only(graded):
    report = graded["dropout_no_rescale"]
    assert (report.score, report.max_score, report.bonus_score) == (113.0, 100.0, 13.0)
    results = to_gradescope(report)
    assert results["score"] == 113.0
    bonus = [t for t in results["tests"] if t["number"].startswith(("dropout", "batchnorm"))]
    assert len(bonus) == 5 and all(t["max_score"] == 0.0 for t in bonus)
    assert sum(t["max_score"] for t in results["tests"]) == 100.0
