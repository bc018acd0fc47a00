"""a5_cifar_linear: the seed's printed outputs, the student module as the submission, nbgrader."""

import importlib.util
import re
import shutil

import nnkit_checks
import numpy as np
import pytest

from autograder.grade import grade
from autograder.manifest import load_assignment
from autograder.variants import load_mistakes, write_variant

A5 = load_assignment("a5_cifar_linear")


@pytest.fixture(scope="module")
def answers():
    """The reference module, imported as the notebook imports it."""
    spec = importlib.util.spec_from_file_location("a5_reference", A5.paths.source_submission)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_printed(got, printed: str) -> None:
    """`got` equals the numbers of `printed` to the digits printed (half a unit of the last)."""
    numbers = re.findall(r"-?\d+\.?\d*(?:e[-+]\d+)?", printed)
    got = np.ravel(np.asarray(got, dtype=float))
    assert len(got) == len(numbers)
    for value, text in zip(got, numbers, strict=True):
        mantissa, _, exponent = text.partition("e")
        decimals = len(mantissa.partition(".")[2])
        unit = 10.0 ** (int(exponent or 0) - decimals)
        assert abs(value - float(text)) <= 0.5 * unit * (1 + 1e-9), (value, text)


def test_softmax_and_cross_entropy_reproduce_the_printed_values(answers):
    probs = answers.softmax(np.array([[2060, 2000, 2080], [1010, 1020, 1030]]))
    assert_printed(
        probs,
        "[[2.06115362e-09 1.80485138e-35 9.99999998e-01]"
        " [2.06106005e-09 4.53978686e-05 9.99954600e-01]]",
    )
    assert_printed(probs.sum(axis=1), "[1. 1.]")
    ce = answers.cross_entropy_loss
    assert_printed(ce(np.array([[0.0, 0.0, 0.0]]), np.array([[0, 1, 0]])), "20.72326583694641")
    assert_printed(ce(np.array([[0.1, 0.3, 0.6]]), np.array([[0, 1, 0]])), "1.2039728009926025")
    three = np.array([[0.1, 0.3, 0.6], [0.2, 0.4, 0.4], [0.9, 0.05, 0.05]])
    assert_printed(ce(three, np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0]])), "0.7418746816378242")
    zeros = answers.linear_cost_func(
        np.ones((20, 3072)), np.eye(10)[np.arange(20) % 10], np.zeros((3072, 10)), np.zeros(10)
    )
    assert_printed(zeros, "2.302585082994045")


def test_the_layers_reproduce_the_printed_values(answers):
    out = answers.OutputLayer()
    assert_printed(
        out.forward(np.array([[3, -10, 0.7]]), np.array([[0, 1, 0]])), "13.095060867144417"
    )
    assert_printed(out.backward(), "[[0.90887517 -0.99999795 0.09112277]]")
    rows = np.array([[3, -10, 0.7], [9, 15, -1], [-5, 1, -1]])
    assert_printed(
        out.forward(rows, np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]])), "7.075548386844261"
    )
    assert_printed(
        out.backward(),
        "[[3.02958391e-01 -3.33332649e-01 3.03742579e-02] [-3.32509126e-01 3.32509088e-01"
        " 3.74189683e-08] [7.26173786e-04 2.92959414e-01 -2.93685588e-01]]",
    )
    relu = answers.ReLU()
    assert_printed(relu.forward(np.array([[3, -10, 0.7]])), "[[3. -0. 0.7]]")
    assert_printed(relu.backward(np.array([[-10, 1, 0]])), "[[-10 0 0]]")
    assert_printed(relu.forward(rows), "[[ 3. -0. 0.7] [ 9. 15. -0. ] [-0. 1. -0. ]]")
    assert_printed(
        relu.backward(np.array([[3, 5, -10], [5, -4, 2], [-3, -5, 3]])),
        "[[ 3 0 -10] [ 5 -4 0] [ 0 -5 0]]",
    )
    sigmoid = answers.Sigmoid()
    one = np.array([[3, -10, 0.7]])
    assert_printed(sigmoid.forward(one), "[[9.52574127e-01 4.53978687e-05 6.68187772e-01]]")
    assert_printed(sigmoid.backward(one), "[[0.13552998 -0.00045396 0.15519901]]")
    assert_printed(
        sigmoid.forward(rows),
        "[[9.52574127e-01 4.53978687e-05 6.68187772e-01] [9.99876605e-01 9.99999694e-01"
        " 2.68941421e-01] [6.69285092e-03 7.31058579e-01 2.68941421e-01]]",
    )
    assert_printed(
        sigmoid.backward(rows),
        "[[ 1.35529979e-01 -4.53958077e-04 1.55199011e-01] [ 1.11041415e-03 4.58853200e-06"
        " -1.96611933e-01] [-3.32402834e-02 1.96611933e-01 -1.96611933e-01]]",
    )
    affine = answers.Affine(
        np.array([[0.2, -0.3, 0.6], [-0.9, 0.1, -0.4]]), np.array([[0.2, -0.3, 0.6]])
    )
    assert_printed(
        affine.forward(np.array([[0.2, -0.3], [-0.9, 0.1]])),
        "[[0.51 -0.39 0.84] [-0.07 -0.02 0.02]]",
    )
    dx = affine.backward(np.array([[0.1, 0.5, -0.8], [0.4, 0.7, -0.2]]))
    assert_printed(dx, "[[-0.61 0.28] [-0.25 -0.21]]")
    assert_printed(affine.dW, "[[-0.34 -0.53 0.02] [ 0.01 -0.08 0.22]]")
    assert affine.db.shape == (3,)
    assert_printed(affine.db, "[ 0.5 1.2 -1. ]")


def test_backpropagation_matches_finite_differences_in_the_network(answers):
    net = answers.TwoLayerNet(64, 10, 10, weight_init_std=0.1, regularization=0.01, seed=2)
    rng = np.random.default_rng(0)
    x, t = rng.normal(size=(20, 64)), np.eye(10)[rng.integers(0, 10, 20)]
    backprop, numeric = net.gradient(x, t), net.numerical_gradient(x, t)
    for key in ("W1", "b1", "W2", "b2"):
        nnkit_checks.assert_gradient(backprop[key], numeric[key], key)


@pytest.fixture(scope="module")
def graded_reference(mirror):
    return grade(A5, A5.paths.source_submission)


def test_the_reference_module_scores_full_marks_quickly(graded_reference):
    assert graded_reference.score == graded_reference.max_score == 60.0
    assert graded_reference.execution_time < 60


def test_the_untouched_stub_module_tells_what_to_do(mirror):
    """Does each check of the release say which function of the module is not written yet?"""
    report = grade(A5, A5.paths.release_submission)
    assert report.score == 0.0
    first = report.results[0].output
    assert re.fullmatch(
        r"NotImplementedError: not implemented yet \(line \d+ of a5_answers.py, in your "
        r"`softmax`: `raise NotImplementedError\(\)`\)",
        first,
    )


def test_a_folder_with_the_module_is_graded_and_the_notebook_alone_is_refused(mirror, tmp_path):
    both = tmp_path / "both"
    both.mkdir()
    shutil.copy(A5.paths.release_notebook, both)
    shutil.copy(A5.paths.source_submission, both)
    assert grade(A5, both).score == 60.0
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(A5.paths.release_notebook, alone)
    report = grade(A5, alone)
    assert report.score == 0.0
    assert report.notes == [
        "Your submission could not be graded: a5_answers.py was not submitted; upload "
        "a5_answers.py, the module your notebook imports (the grader reads your code from it, "
        "not from the notebook)"
    ]


def test_an_unstable_softmax_sees_the_overflow_in_its_public_check(mirror, tmp_path):
    mistake = next(m for m in load_mistakes(A5) if m.name == "softmax_unshifted")
    report = grade(A5, write_variant(A5, mistake, tmp_path))
    public = next(r for r in report.results if r.grade_id == "softmax_public")
    assert public.output.startswith(
        "softmax of scores in the thousands issued a warning: 'overflow encountered in exp'"
    )
