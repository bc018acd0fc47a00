"""The a1 reference itself: numerically sound where the seed's formulas overflow or take log(0)."""

import time

import numpy as np
import pytest

from autograder.manifest import load_assignment
from autograder.notebook import read_code_cells
from autograder.student_process import StudentProcess
from autograder.variants import load_mistakes, write_variant

A1 = load_assignment("a1_two_moons")
EDGES = [
    ("sigmoid", (np.array([-1000.0, 0.0, 1000.0]),), [0.0, 0.5, 1.0]),
    ("d_sigmoid", (np.array([-1000.0, 0.0, 1000.0]),), [0.0, 0.25, 0.0]),
    ("binary_cross_entropy", (np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]])), 0.0),
    ("binary_cross_entropy", (np.array([[1.0], [0.0]]), np.array([[0.0], [1.0]])), 27.631021),
]


def call_quietly(notebook, tmp_path):
    """Run the EDGES calls on `notebook`'s functions; returns (values, warnings) per call."""
    cells = [{"index": c.index, "source": c.source} for c in read_code_cells(notebook)]
    found = []
    with StudentProcess(cells, tmp_path) as student:
        student.start()
        for name, args, _ in EDGES:
            student.deadline = time.monotonic() + 10.0
            found.append((student.name(name)(*args), student.last_warnings))
    return found


def test_the_reference_has_no_overflow_and_no_log_of_zero(tmp_path):
    for (name, _, expected), (value, warnings) in zip(
        EDGES, call_quietly(A1.paths.source_notebook, tmp_path), strict=True
    ):
        assert warnings == [], name
        np.testing.assert_allclose(value, expected, rtol=1e-6, atol=1e-6, err_msg=name)


@pytest.mark.parametrize("mistake", ["sigmoid_exp_ratio", "bce_no_clipping"])
def test_the_textbook_formulas_do_warn(tmp_path, mistake):
    """Would this test notice? The unclipped loss and the exp ratio sigmoid both warn."""
    (variant,) = [m for m in load_mistakes(A1) if m.name == mistake]
    notebook = write_variant(A1, variant, tmp_path / "submission")
    assert any(warnings for _, warnings in call_quietly(notebook, tmp_path))
