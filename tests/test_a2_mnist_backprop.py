"""The a2 reference and checks: stable helpers, and failures a student can act on."""

import time

import numpy as np
import pytest

from autograder.grade import grade
from autograder.manifest import load_assignment
from autograder.notebook import read_code_cells
from autograder.student_process import StudentProcess
from autograder.variants import load_mistakes, write_variant

A2 = load_assignment("a2_mnist_backprop")
EDGES = [
    ("sigmoid", (np.array([-1000.0, 0.0, 1000.0]),), [0.0, 0.5, 1.0]),
    ("dsigmoid", (np.array([-1000.0, 0.0, 1000.0]),), [0.0, 0.25, 0.0]),
    ("softmax", (np.array([[1000.0, 1010.0, 1020.0]]),), [[2.06106e-9, 4.53979e-5, 0.9999546]]),
    ("cross_entropy_loss", (np.eye(3), np.eye(3)), 0.0),
]


def test_the_reference_is_stable_at_huge_inputs_and_exact_zeros(tmp_path):
    """No warning, no nan: sigmoid at +-1000, softmax of [1000, 1010, 1020], log of 0."""
    cells = [
        {"index": c.index, "source": c.source} for c in read_code_cells(A2.paths.source_notebook)
    ]
    with StudentProcess(cells, tmp_path) as student:
        student.start()
        for name, args, expected in EDGES:
            student.deadline = time.monotonic() + 10.0
            value = student.name(name)(*args)
            assert student.last_warnings == [], name
            np.testing.assert_allclose(value, expected, rtol=1e-5, atol=1e-12, err_msg=name)


@pytest.fixture(scope="module")
def graded_mistakes(mirror, tmp_path_factory):
    """Grade reports of a few realistic mistakes, by name."""
    folder = tmp_path_factory.mktemp("a2-mistakes")
    wanted = {"softmax_whole_array", "one_hot_column", "softmax_unshifted", "train_step_rebinds"}
    return {
        m.name: {r.grade_id: r for r in grade(A2, write_variant(A2, m, folder / m.name)).results}
        for m in load_mistakes(A2)
        if m.name in wanted
    }


def test_a_whole_array_softmax_is_told_which_row_is_off(graded_mistakes):
    result = graded_mistakes["softmax_whole_array"]["softmax_public"]
    assert result.score == 0
    assert result.output.startswith("softmax rows must sum to 1; row 0 sums to 0.9096")


def test_a_column_one_hot_is_told_the_shape_it_should_have(graded_mistakes):
    result = graded_mistakes["one_hot_column"]["one_hot_public"]
    assert result.output == "integer_to_one_hot(3): expected shape (10,), got (10, 1)"


def test_hidden_failures_show_the_hint_and_never_the_values(graded_mistakes):
    """An overflowing softmax and a step that never changes the network fail with what failed
    and their hints, never the inputs."""
    softmax = graded_mistakes["softmax_unshifted"]["softmax_hidden"]
    step = graded_mistakes["train_step_rebinds"]["train_one_sample_hidden"]
    assert softmax.score == 0 and step.score == 0
    assert softmax.output.startswith("softmax of rows like […, …, …] issued a warning")
    assert "\nHint: Subtract each row's own maximum" in softmax.output
    assert "1000" not in softmax.output and "0.25" not in step.output
    assert graded_mistakes["train_step_rebinds"]["train_accuracy_hidden"].score == 0
