"""Helpers for the checks in the notebooks: clear failure messages and one gradient checker.

This file is the single source of the helpers. The build copies it next to every student notebook
as ``nnkit_checks.py``, so the public checks run in the student's notebook, nbgrader runs the same
cells, and the grader runs them against the student process. It needs nothing but numpy.

Every ``assert_*`` raises `CheckFailure` with a sentence a student can act on, naming ``what`` was
checked (for example ``"relu(x)"``), what was expected and what came back.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

RTOL = 1e-6
ATOL = 1e-8
GRADIENT_STEP = 1e-6
GRADIENT_TOLERANCE = 1e-5
GRADIENT_SAMPLES = 20  # entries per parameter that check_gradients compares
DATA_DIRS = [Path(p) for p in os.environ.get("NNKIT_DATA_DIR", "").split(os.pathsep) if p]
DATA_DIRS += [Path(__file__).resolve().parent]


class CheckFailure(AssertionError):
    """A check found a wrong answer; the message says what was expected and what came back."""


def load_arrays(filename: str) -> dict[str, np.ndarray]:
    """Load the arrays of an ``.npz`` file that ships next to the notebook."""
    for folder in [*DATA_DIRS, Path.cwd()]:
        if (folder / filename).is_file():
            with np.load(folder / filename, allow_pickle=False) as data:
                return dict(data)
    raise FileNotFoundError(
        f"{filename} was not found next to the notebook; copy it from the assignment folder"
    )


def call_in_place(function: Callable, *args, **kwargs):
    """Call `function`, which updates some of its arguments in place (e.g. weights), and return
    its result. In a notebook this is a plain call; in the grader, where the student's code runs
    in another process on copies, it also copies those updates back into `args` and `kwargs`."""
    method = getattr(type(function), "call_in_place", None)
    if method is not None:
        return method(function, *args, **kwargs)
    return function(*args, **kwargs)


def call_without_warnings(function: Callable, *args, what: str):
    """Call `function(*args)` and return its result; fail if the call issued a warning (an
    overflow in exp, a division by zero, log of 0). Works in a notebook and in the grader."""
    method = getattr(type(function), "call_with_warnings", None)
    if method is not None:
        value, caught = method(function, *args)
    else:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            value = function(*args)
        caught = [str(w.message) for w in record]
    if caught:
        raise CheckFailure(
            f"{what} issued a warning: {caught[0]!r}; rewrite it so no intermediate overflows, "
            "divides by zero or takes the log of 0"
        )
    return value


def as_array(got: object, what: str) -> np.ndarray:
    """`got` as a numeric array, or a CheckFailure saying why it is not one."""
    if got is None:
        raise CheckFailure(f"{what} returned None; did you forget a `return`?")
    try:
        arr = np.asarray(got)
    except Exception:
        arr = np.asarray(None)
    if arr.dtype.kind not in "biuf":
        raise CheckFailure(f"{what} should be numeric, got a {type(got).__name__}")
    return arr


def assert_shape(got: object, shape: tuple[int, ...], what: str) -> None:
    """Check that `got` is an array of exactly `shape`."""
    actual = as_array(got, what).shape
    if actual != tuple(shape):
        raise CheckFailure(f"{what}: expected shape {tuple(shape)}, got {actual}")


def assert_finite(got: object, what: str) -> None:
    """Check that `got` holds no NaN or infinity."""
    arr = as_array(got, what).astype(float)
    bad = ~np.isfinite(arr)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        raise CheckFailure(f"{what} contains {arr[index]} at index {index}")


def assert_close(
    got: object, expected: object, what: str, rtol: float = RTOL, atol: float = ATOL
) -> None:
    """Check shape, finiteness and values of `got` against `expected`."""
    expected = np.asarray(expected, dtype=float)
    arr = as_array(got, what)
    if arr.shape != expected.shape:
        raise CheckFailure(f"{what}: expected shape {expected.shape}, got {arr.shape}")
    if np.isfinite(expected).all():
        assert_finite(arr, what)
    wrong = ~np.isclose(arr.astype(float), expected, rtol=rtol, atol=atol, equal_nan=True)
    if wrong.any():
        index = tuple(int(i) for i in np.argwhere(wrong)[0])
        raise CheckFailure(
            f"{what} is wrong at {int(wrong.sum())} of {wrong.size} entries; first at index "
            f"{index}: expected {expected[index]:.6g}, got {float(arr[index]):.6g}"
        )


def assert_scalar(got: object, what: str) -> float:
    """Check that `got` is a single finite number and return it as a float."""
    arr = as_array(got, what)
    if arr.size != 1:
        raise CheckFailure(f"{what} should be a single number, got an array of shape {arr.shape}")
    assert_finite(arr, what)
    return float(arr.reshape(()))


def assert_at_least(value: float, threshold: float, what: str) -> None:
    """Check that `value` reaches `threshold` (for accuracies and similar figures)."""
    if not value >= threshold:
        raise CheckFailure(f"{what} is {value:.4f}; it should be at least {threshold}")


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, step: float = GRADIENT_STEP
) -> np.ndarray:
    """Centred finite differences of the scalar function `f` at `x`.

    x: float array of any shape; it is changed one entry at a time and restored.
    returns: array of x's shape, d f / d x.
    """
    grad = np.zeros_like(x, dtype=float)
    for index in np.ndindex(x.shape):
        grad[index] = _centred_difference(f, x, index, step)
    return grad


def _centred_difference(
    f: Callable[[np.ndarray], float], x: np.ndarray, index: tuple[int, ...], step: float
) -> float:
    """(f(x + step e) - f(x - step e)) / (2 step), e the unit vector at `index`; x is restored."""
    saved = x[index]
    x[index] = saved + step
    f_plus = float(f(x))
    x[index] = saved - step
    f_minus = float(f(x))
    x[index] = saved
    return (f_plus - f_minus) / (2 * step)


def eval_numerical_gradient(
    f: Callable[[np.ndarray], float], x: object, step: float = GRADIENT_STEP
) -> np.ndarray:
    """`numerical_gradient` for notebooks: works on a float copy of `x`, so the caller's array
    (of any dtype, or a list) is never touched; `f` receives that copy.

    x: array-like of any shape. returns: float array of x's shape, d f / d x.
    """
    return numerical_gradient(f, np.array(x, dtype=float), step)


def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    """Largest relative error between two arrays, |a - b| / max(1e-8, |a| + |b|)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)), initial=0.0))


def assert_gradient(
    analytic: object, numeric: np.ndarray, what: str, tolerance: float = GRADIENT_TOLERANCE
) -> None:
    """Check an analytic gradient against a numerical one by relative error."""
    numeric = np.asarray(numeric, dtype=float)
    assert_shape(analytic, numeric.shape, what)
    assert_finite(analytic, what)
    error = rel_error(analytic, numeric)
    if error > tolerance:
        raise CheckFailure(
            f"{what} disagrees with the numerical gradient: relative error {error:.2e} "
            f"(should be below {tolerance:.0e})"
        )


CONSTANT_RATIO_HINT = (
    "A ratio analytic / numeric that is the same for every entry names the mistake: "
    "N (the batch size) or 1/N means summed where the loss averages over the batch, or the "
    "other way round; 2 or 1/2 means a missing or extra factor 1/2."
)


def check_gradients(
    loss: Callable[[], float],
    params: dict[str, np.ndarray],
    grads: dict[str, object],
    samples: int = GRADIENT_SAMPLES,
    tolerance: float = GRADIENT_TOLERANCE,
    seed: int = 0,
) -> dict[str, float]:
    """Compare analytic gradients with centred differences of `loss` and print one line per
    parameter (name, relative error, verdict) and a last line on constant ratios.

    loss: no arguments; returns the scalar loss computed from the current values in `params`.
    params: name -> float array the loss reads; entries are changed in place one at a time
        and restored.
    grads: name -> the analytic gradient of the loss for that parameter, of its shape.
    samples: how many entries per parameter are compared, drawn at random without repeats
        (every entry of a smaller parameter).
    returns: name -> the largest relative error (`rel_error`) over the compared entries.
    """
    rng = np.random.default_rng(seed)
    errors = {}
    width = max(len(name) for name in params)
    for name, param in params.items():
        analytic = as_array(grads[name], f"the gradient of {name}").astype(float)
        if analytic.shape != param.shape:
            print(f"{name:<{width}}  gradient has shape {analytic.shape}, expected {param.shape}")
            errors[name] = float("inf")
            continue
        chosen = rng.choice(param.size, size=min(samples, param.size), replace=False)
        indices = [np.unravel_index(i, param.shape) for i in np.sort(chosen)]
        numeric = np.array(
            [_centred_difference(lambda _: loss(), param, i, GRADIENT_STEP) for i in indices]
        )
        picked = np.array([analytic[i] for i in indices])
        errors[name] = rel_error(picked, numeric)
        verdict = "ok" if errors[name] <= tolerance else "WRONG" + _constant_ratio(picked, numeric)
        print(f"{name:<{width}}  rel. error {errors[name]:.1e}  {verdict}")
    print(CONSTANT_RATIO_HINT)
    return errors


def _constant_ratio(analytic: np.ndarray, numeric: np.ndarray) -> str:
    """ ", analytic / numeric = r for every entry" when that ratio is one number r over at least
    two entries (r written as 1/k when it is the inverse of a whole number k), else ""."""
    large = np.abs(numeric) > 1e-6 * np.max(np.abs(numeric), initial=0.0)
    if large.sum() < 2:
        return ""
    ratios = analytic[large] / numeric[large]
    if np.ptp(ratios) > 1e-3 * np.max(np.abs(ratios)) or not np.all(ratios):
        return ""
    ratio, inverse = float(np.mean(ratios)), float(np.mean(1.0 / ratios))
    if abs(ratio - 1.0) < 1e-3:  # right up to rounding: the error comes from tiny entries
        return ""
    if abs(inverse) > 1.5 and abs(inverse - round(inverse)) < 1e-3 * abs(inverse):
        return f", analytic / numeric = 1/{round(inverse)} for every entry"
    return f", analytic / numeric = {ratio:.3g} for every entry"
