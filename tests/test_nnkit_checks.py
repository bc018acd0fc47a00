import json

import nnkit_checks
import numpy as np
import pytest
from nnkit_checks import (
    CheckFailure,
    assert_at_least,
    assert_close,
    assert_gradient,
    assert_scalar,
    assert_shape,
    check_gradients,
    eval_numerical_gradient,
    numerical_gradient,
    rel_error,
)


@pytest.mark.parametrize(
    ("got", "message"),
    [
        (None, r"relu\(x\) returned None; did you forget a `return`\?"),
        (np.zeros((3, 1)), r"relu\(x\): expected shape \(3,\), got \(3, 1\)"),
        (np.array([0.0, np.nan, 2.0]), r"relu\(x\) contains nan at index \(1,\)"),
        (
            np.array([0.0, -1.0, 2.0]),
            r"wrong at 1 of 3 entries; first at index \(1,\): expected 0, got -1",
        ),
        ("text", r"relu\(x\) should be numeric, got a str"),
    ],
)
def test_assert_close_says_what_is_wrong(got, message):
    """Does each kind of wrong answer get its own actionable sentence?"""
    with pytest.raises(CheckFailure, match=message):
        assert_close(got, [0.0, 0.0, 2.0], "relu(x)")


def test_assert_close_accepts_lists_and_tolerates_rounding():
    """Is a list within tolerance accepted?"""
    assert_close([0.0, 1e-12, 2.0 + 1e-9], [0.0, 0.0, 2.0], "f(x)")


def test_shape_scalar_and_threshold_messages():
    """Do the shape, scalar and threshold checks say expected vs got?"""
    with pytest.raises(CheckFailure, match=r"expected shape \(10,\), got \(10, 1\)"):
        assert_shape(np.zeros((10, 1)), (10,), "softmax(x)")
    with pytest.raises(CheckFailure, match=r"single number, got an array of shape \(2,\)"):
        assert_scalar(np.ones(2), "loss")
    assert assert_scalar(np.array([[0.5]]), "loss") == 0.5
    with pytest.raises(CheckFailure, match="test accuracy is 0.9000; it should be at least 0.95"):
        assert_at_least(0.9, 0.95, "test accuracy")


def test_numerical_gradient_matches_a_known_gradient_and_restores_x():
    """Is the centred difference of sum(x**3) equal to 3 x**2, with x left unchanged?"""
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = x.copy()
    grad = numerical_gradient(lambda v: np.sum(v**3), x)
    np.testing.assert_allclose(grad, 3 * before**2, rtol=1e-6)
    np.testing.assert_array_equal(x, before)


def test_gradient_check_uses_relative_error():
    """Is a wrong gradient rejected with its relative error, and a right one accepted?"""
    assert rel_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert rel_error(np.array([1.0]), np.array([3.0])) == pytest.approx(0.5)
    assert_gradient(np.array([2.0, 4.0]), np.array([2.0, 4.0 + 1e-9]), "dW")
    with pytest.raises(
        CheckFailure, match=r"dW disagrees with the numerical gradient: relative error 3\.33e-01"
    ):
        assert_gradient(np.array([2.0, 2.0]), np.array([2.0, 4.0]), "dW")


def test_load_arrays_searches_the_graders_then_the_configured_then_the_current_folder(
    tmp_path, monkeypatch
):
    """Does load_arrays prefer the folders the grader gives a check (`data_from`), then those of
    NNKIT_DATA_DIR (nbgrader's kernel), then the current folder, and explain a missing file?"""
    folders = [tmp_path / name for name in ("grader", "configured", "current")]
    for value, folder in enumerate(folders):
        folder.mkdir()
        np.savez(folder / "tiny.npz", samples=np.full(2, value))
    monkeypatch.setenv("NNKIT_DATA_DIR", str(folders[1]))
    monkeypatch.chdir(folders[2])
    with nnkit_checks.data_from([folders[0]]):
        assert nnkit_checks.load_arrays("tiny.npz")["samples"].tolist() == [0, 0]
    assert nnkit_checks.load_arrays("tiny.npz")["samples"].tolist() == [1, 1]
    monkeypatch.delenv("NNKIT_DATA_DIR")
    assert nnkit_checks.load_arrays("tiny.npz")["samples"].tolist() == [2, 2]
    with pytest.raises(FileNotFoundError, match="nope.npz was not found next to the notebook"):
        nnkit_checks.load_arrays("nope.npz")


def test_eval_numerical_gradient_works_on_a_copy_of_any_array_like():
    """Can a student pass integers or a list, and is their array left as it was?"""
    x = np.arange(6).reshape(2, 3)
    grad = eval_numerical_gradient(lambda v: float(np.sum(v**2)), x)
    np.testing.assert_allclose(grad, 2 * x, atol=1e-6)
    np.testing.assert_array_equal(x, np.arange(6).reshape(2, 3))
    np.testing.assert_allclose(eval_numerical_gradient(lambda v: v[0] * v[1], [2, 5]), [5, 2])


def test_a_hidden_check_s_magnitude_holds_no_expected_value():
    """Does a wrong value give a magnitude (count and relative error) without the expected
    entry, while the message keeps it for public checks?"""
    with pytest.raises(CheckFailure) as raised:
        assert_close([1.0, 2.5], [1.0, 2.0], "y")
    assert str(raised.value).endswith("expected 2, got 2.5")
    assert raised.value.magnitude == "y is wrong at 1 of 2 entries; largest relative error 1.1e-01"


def test_a_message_made_to_be_shown_is_its_own_magnitude():
    """A hidden check's own message with no expected value in it is shown in full."""
    failure = nnkit_checks.shown("J_his has 99 costs, one per iteration expected")
    assert isinstance(failure, CheckFailure)
    assert str(failure) == failure.magnitude == "J_his has 99 costs, one per iteration expected"


def test_a_hidden_check_s_label_loses_its_numbers_but_not_its_indices():
    """The numbers of a label may be a hidden check's inputs; indices and names stay."""
    quantity = nnkit_checks.quantity
    assert quantity("weights[0] after a step of 0.25") == "weights[0] after a step of …"
    assert quantity("softmax of rows like [1000, -10]") == "softmax of rows like […, …]"
    assert quantity("params['W1'] of Dense(4, 3)") == "params['W1'] of Dense(…, …)"
    with pytest.raises(CheckFailure) as raised:
        assert_shape(np.zeros(3), (2,), "y for a batch of 2")
    assert raised.value.magnitude == "y for a batch of …: expected shape (2,), got (3,)"


def test_the_overview_runs_every_public_check_past_failures(tmp_path, monkeypatch, capsys):
    """Does the notebook's last cell run each public check cell in the notebook's namespace,
    go on after a failure, list hidden checks unrun, and print the grader's table?"""

    def check(grade_id, source, points):
        meta = {"grade": True, "solution": False, "grade_id": grade_id, "points": points}
        return {"cell_type": "code", "metadata": {"nbgrader": meta}, "source": source}

    cells = [
        check("a", "# 1.1 double\nassert_close(double(1.0), 2.0, 'double(1)')", 1),
        check("b", "# 1.1 double: large inputs\n# Hint: no overflow", 2),
        check("c", ["# 1.2 half\n", "assert_close(half(4.0), 2.0, 'half(4)')"], 0.5),
        {"cell_type": "code", "metadata": {}, "source": "raise SystemExit"},
    ]
    (tmp_path / "hw.ipynb").write_text(json.dumps({"cells": cells}))
    monkeypatch.chdir(tmp_path)
    namespace = {"assert_close": assert_close, "double": lambda x: 2 * x, "half": lambda x: x}
    nnkit_checks.overview("hw.ipynb", namespace)
    assert capsys.readouterr().out.splitlines() == [
        "Public checks: 1 / 1.5 points; hidden checks: 2 points, graded after you submit",
        "  ok   1.1 double                    1/1     public",
        "       1.1 double: large inputs      -/2     hidden",
        "  FAIL 1.2 half                      0/0.5   public",
        "         -> half(4) is wrong at 1 of 1 entries; first at index (): expected 2, got 4",
    ]
    assert nnkit_checks.passed_line("1.2 half", 0.5) == "✓ 1.2 half: 0.5 / 0.5 points"


def _least_squares():
    """A loss 1/N sum (x w + b - y)^2 / 2 over N = 8 samples, its parameters and gradients."""
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(8, 30)), rng.normal(size=(8, 1))
    params = {"W": rng.normal(size=(30, 1)), "b": np.array([[0.5]])}

    def loss():
        return float(np.mean((x @ params["W"] + params["b"] - y) ** 2) / 2)

    residual = x @ params["W"] + params["b"] - y
    grads = {"W": x.T @ residual / 8, "b": residual.sum(axis=0, keepdims=True) / 8}
    return loss, params, grads


def test_check_gradients_prints_a_verdict_per_parameter_and_restores_them(capsys):
    """Does a right gradient get "ok" with a tiny error, sampling 20 of W's 30 entries?"""
    loss, params, grads = _least_squares()
    before = {k: v.copy() for k, v in params.items()}
    errors = check_gradients(loss, params, grads)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["W", "b"]
    assert lines[0].endswith("ok") and lines[1].endswith("ok")
    assert max(errors.values()) < 1e-8
    assert lines[2] == nnkit_checks.CONSTANT_RATIO_HINT
    for name, value in before.items():
        np.testing.assert_array_equal(params[name], value)


def test_check_gradients_names_a_constant_ratio(capsys):
    """Is a gradient summed instead of averaged (N = 8 times too large) flagged with its ratio,
    and one of the wrong shape reported instead of compared?"""
    loss, params, grads = _least_squares()
    errors = check_gradients(loss, params, {"W": grads["W"] * 8, "b": grads["b"].ravel()})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "W  rel. error 7.8e-01  WRONG, analytic / numeric = 8 for every entry"
    assert errors["W"] == pytest.approx(7 / 9)
    assert lines[1] == "b  gradient has shape (1,), expected (1, 1)"
    assert errors["b"] == float("inf")


def test_check_gradients_names_an_inverse_ratio_only_over_several_entries(capsys):
    """Is an averaged gradient shown as 1/8, and no ratio claimed from a single entry?"""
    loss, params, grads = _least_squares()
    check_gradients(loss, params, {"W": grads["W"] / 8, "b": grads["b"] * 3})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("WRONG, analytic / numeric = 1/8 for every entry")
    assert lines[1] == "b  rel. error 5.0e-01  WRONG"


def test_check_gradients_names_no_ratio_of_one(capsys):
    """Is a gradient off by a mere 1e-4 (rounding on tiny entries) WRONG without a ratio?"""
    loss, params, grads = _least_squares()
    check_gradients(loss, params, {"W": grads["W"] * (1 + 1e-4), "b": grads["b"]})
    assert capsys.readouterr().out.splitlines()[0] == "W  rel. error 5.0e-05  WRONG"
