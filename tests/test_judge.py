"""What the judge shows for a failed check: a hidden check's magnitude and hint, never its
values, and the earlier failed check a failure depends on."""

from types import SimpleNamespace

import numpy as np
import pytest

from autograder.checklib import CheckFailure, assert_at_least, assert_close, assert_gradient
from autograder.checkspec import CheckSpec
from autograder.judge import Judge, call_graph


def spec(grade_id: str, title: str, hidden: bool = True) -> CheckSpec:
    return CheckSpec(grade_id, title, 1.0, hidden, "look at the sign", lambda: None)


def judge(*specs: CheckSpec, reaches=None) -> Judge:
    student = SimpleNamespace(used=set(), last_used=None)
    return Judge(list(specs), student, 1.0, 10.0, reaches=reaches or {})


def failure(assertion, *args) -> CheckFailure:
    with pytest.raises(CheckFailure) as raised:
        assertion(*args)
    return raised.value


@pytest.mark.parametrize(
    ("raised", "public", "hidden"),
    [
        (
            failure(assert_close, [1.0, 5.0, 3.0], [1.0, 2.0, 3.0], "y"),
            "y is wrong at 1 of 3 entries; first at index (1,): expected 2, got 5",
            "y is wrong at 1 of 3 entries; largest relative error 4.3e-01",
        ),
        (
            failure(assert_gradient, np.array([2.0, 1.0]), np.array([1.0, 1.0]), "dW1"),
            "dW1 disagrees with the numerical gradient: relative error 3.33e-01 "
            "(should be below 1e-05)",
            "dW1 disagrees with the numerical gradient: relative error 3.33e-01 "
            "(should be below 1e-05)",
        ),
        (
            failure(assert_at_least, 0.71, 0.85, "test accuracy"),
            "test accuracy is 0.7100; it should be at least 0.85",
            "test accuracy is 0.7100; it should be at least 0.85",
        ),
    ],
)
def test_a_hidden_check_shows_the_magnitude_never_the_expected_values(raised, public, hidden):
    """Does a hidden failure say what failed and by how much, then its hint, and nothing of
    the reference (a public one keeps the full message)?"""
    hidden_spec, public_spec = spec("h", "1.1 h"), spec("p", "1.1 p", hidden=False)
    graded = judge(hidden_spec, public_spec)
    assert graded.output(public_spec, raised) == public
    assert graded.output(hidden_spec, raised) == f"{hidden}\nHint: look at the sign"
    assert "expected" not in graded.output(hidden_spec, raised)


def test_a_failure_without_a_magnitude_shows_only_the_hint():
    hidden = spec("h", "1.1 h")
    for raised in (CheckFailure("expected 3, got 4"), AssertionError("weights[0] = [1, 2]")):
        assert judge(hidden).output(hidden, raised) == "Hint: look at the sign"


def test_a_failure_names_the_earlier_failed_function_it_runs():
    """A training check that fails while its train function runs a d_sigmoid that failed its
    own check says so, and names no function it calls itself or that passed."""
    first, second = spec("d_sigmoid_public", "1.1 d_sigmoid"), spec("train", "1.5 train")
    graded = judge(first, second, reaches={"train": frozenset({"d_sigmoid", "forward"})})
    graded.student.used, graded.student.last_used = {"sigmoid", "d_sigmoid"}, "d_sigmoid"
    assert graded.result(first, CheckFailure("no")).output == "Hint: look at the sign"
    graded.student.used, graded.student.last_used = {"train"}, "train"
    assert graded.result(second, CheckFailure("no")).output == (
        "Hint: look at the sign\n"
        "This depends on your `d_sigmoid`, which failed “1.1 d_sigmoid”: fix it first."
    )


def test_the_call_graph_follows_functions_and_classes_through_cells():
    sources = [
        "def sigmoid(x):\n    return x\n\ndef d_sigmoid(x):\n    return sigmoid(x)\n",
        "%matplotlib inline\nclass Net:\n    def step(self):\n        return d_sigmoid(1)\n",
        "def train():\n    return Net().step()\n",
        "def broken(:\n",
    ]
    graph = call_graph(sources)
    assert graph["train"] == {"Net", "d_sigmoid", "sigmoid"}
    assert graph["sigmoid"] == frozenset()
