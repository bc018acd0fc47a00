"""Helpers for the checks in the notebooks: clear failure messages and one gradient checker.

The notebooks, nbgrader and the grader all import this module: the public checks run in the
student's notebook, nbgrader runs the same cells, and the grader runs them against the student
process. It needs nothing but numpy.

Every ``assert_*`` raises `CheckFailure` with a sentence a student can act on, naming ``what`` was
checked (for example ``"relu(x)"``), what was expected and what came back, and a shorter line a
hidden check may show (its `magnitude`): which quantity failed and by how much, never an expected
value, with the numbers of ``what`` left out (they may be the check's inputs).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

import numpy as np

RTOL = 1e-6
ATOL = 1e-8
GRADIENT_STEP = 1e-6
GRADIENT_TOLERANCE = 1e-5
GRADIENT_SAMPLES = 20  # entries per parameter that check_gradients compares
# The folders the grader gives the check running in this thread (`data_from`); none in a notebook.
_GRADER_DATA: ContextVar[tuple[Path, ...]] = ContextVar("nnkit_grader_data", default=())


class CheckFailure(AssertionError):
    """A check found a wrong answer; the message says what was expected and what came back.

    magnitude: what a hidden check may show instead: the quantity that failed and how far off
    it is (a relative error, a count, an accuracy against its bar), with no expected value and
    no input; None when there is no such line (a hidden check then shows only its hint).
    """

    def __init__(self, message: str, magnitude: str | None = None) -> None:
        super().__init__(message)
        self.magnitude = magnitude


def shown(message: str) -> CheckFailure:
    """A CheckFailure that a hidden check shows in full: for a message that names the quantity
    and holds only counts, shapes, the student's own values and facts the notebook states."""
    return CheckFailure(message, magnitude=message)


def _failure(what: str, rest: str) -> CheckFailure:
    """A CheckFailure whose message is `what` then `rest`, and whose magnitude is the same
    with the numbers of `what` left out (`rest` must hold no expected value)."""
    return CheckFailure(what + rest, magnitude=quantity(what) + rest)


def quantity(what: str) -> str:
    """A check's label as a hidden check may show it: its numbers left out, since they may be
    the check's inputs ("the weights after a step of …"), but not indices and names such as
    ``weights[0]`` or ``dW1``."""
    return _NUMBER.sub("…", what)


_NUMBER = re.compile(r"(?<![\w.])(?<![\w\]]\[)-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?!\w)")


@runtime_checkable
class GraderProxy(Protocol):
    """What a check receives for one of your functions when the grader runs it: a stand-in
    that calls your function in another process, on copies of the arguments. In a notebook
    the functions are plain, and the helpers below call them directly."""

    __slots__ = ()

    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...

    def call_in_place(self, *args: Any, **kwargs: Any) -> Any:
        """Call, then copy what the function did to its array, list and dict arguments back
        into the caller's own (for a function that updates its arguments in place)."""
        ...

    def call_with_warnings(self, *args: Any, **kwargs: Any) -> tuple[Any, list[str]]:
        """Call, and return the result with the messages of the warnings the call issued."""
        ...


@contextlib.contextmanager
def data_from(folders: Iterable[Path]) -> Iterator[None]:
    """Within the block, `load_arrays` in this thread looks in `folders` first (the grader
    gives each check the data of its own grading, so gradings in threads never mix)."""
    token = _GRADER_DATA.set(tuple(folders))
    try:
        yield
    finally:
        _GRADER_DATA.reset(token)


def load_arrays(filename: str) -> dict[str, np.ndarray]:
    """Load the arrays of an ``.npz`` file that ships next to the notebook.

    Looks in the grader's folders (`data_from`), the folders of ``NNKIT_DATA_DIR``, this
    file's folder, then the current folder.
    """
    configured = [Path(p) for p in os.environ.get("NNKIT_DATA_DIR", "").split(os.pathsep) if p]
    here = Path(__file__).resolve().parent
    for folder in [*_GRADER_DATA.get(), *configured, here, Path.cwd()]:
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
    if isinstance(function, GraderProxy):
        return function.call_in_place(*args, **kwargs)
    return function(*args, **kwargs)


def call_without_warnings(function: Callable, *args, what: str):
    """Call `function(*args)` and return its result; fail if the call issued a warning (an
    overflow in exp, a division by zero, log of 0). Works in a notebook and in the grader."""
    if isinstance(function, GraderProxy):
        value, caught = function.call_with_warnings(*args)
    else:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            value = function(*args)
        caught = [str(w.message) for w in record]
    if caught:
        advice = "rewrite it so no intermediate overflows, divides by zero or takes the log of 0"
        raise CheckFailure(
            f"{what} issued a warning: {caught[0]!r}; {advice}",
            magnitude=f"{quantity(what)} issued a warning; {advice}",  # no text of student code
        )
    return value


def as_array(got: object, what: str) -> np.ndarray:
    """`got` as a numeric array, or a CheckFailure saying why it is not one."""
    if got is None:
        raise _failure(what, " returned None; did you forget a `return`?")
    try:
        arr = np.asarray(got)
    except Exception:
        arr = np.asarray(None)
    if arr.dtype.kind not in "biuf":
        raise _failure(what, f" should be numeric, got a {type(got).__name__}")
    return arr


def assert_shape(got: object, shape: tuple[int, ...], what: str) -> None:
    """Check that `got` is an array of exactly `shape`."""
    actual = as_array(got, what).shape
    if actual != tuple(shape):
        raise _failure(what, f": expected shape {tuple(shape)}, got {actual}")


def assert_finite(got: object, what: str) -> None:
    """Check that `got` holds no NaN or infinity."""
    arr = as_array(got, what).astype(float)
    bad = ~np.isfinite(arr)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        raise _failure(what, f" contains {arr[index]} at index {index}")


def assert_close(
    got: object, expected: object, what: str, rtol: float = RTOL, atol: float = ATOL
) -> None:
    """Check shape, finiteness and values of `got` against `expected`."""
    expected = np.asarray(expected, dtype=float)
    arr = as_array(got, what)
    if arr.shape != expected.shape:
        raise _failure(what, f": expected shape {expected.shape}, got {arr.shape}")
    if np.isfinite(expected).all():
        assert_finite(arr, what)
    wrong = ~np.isclose(arr.astype(float), expected, rtol=rtol, atol=atol, equal_nan=True)
    if wrong.any():
        index = tuple(int(i) for i in np.argwhere(wrong)[0])
        count = f" is wrong at {int(wrong.sum())} of {wrong.size} entries"
        raise CheckFailure(
            f"{what}{count}; first at index {index}: expected {expected[index]:.6g}, "
            f"got {float(arr[index]):.6g}",
            magnitude=f"{quantity(what)}{count}; "
            f"largest relative error {rel_error(arr, expected):.1e}",
        )


def assert_scalar(got: object, what: str) -> float:
    """Check that `got` is a single finite number and return it as a float."""
    arr = as_array(got, what)
    if arr.size != 1:
        raise _failure(what, f" should be a single number, got an array of shape {arr.shape}")
    assert_finite(arr, what)
    return float(arr.reshape(()))


def assert_at_least(value: float, threshold: float, what: str) -> None:
    """Check that `value` reaches `threshold` (for accuracies and similar figures)."""
    if not value >= threshold:
        raise _failure(what, f" is {value:.4f}; it should be at least {threshold}")


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
        raise _failure(
            what,
            f" disagrees with the numerical gradient: relative error {error:.2e} "
            f"(should be below {tolerance:.0e})",
        )


class TableRow(NamedTuple):
    """One check in a score table (the grader's, and the notebook's overview)."""

    title: str
    score: float | None  # None: not run here (a hidden check, in the notebook)
    max_score: float
    kind: str  # "public" or "hidden", then " bonus" for extra credit
    feedback: str = ""  # for a failed check: the first of its lines is shown below it
    diagnosis: str = ""  # for a failed check: the common mistake it looks like, if one is named


def format_rows(rows: list[TableRow]) -> list[str]:
    """The lines of a score table: ok, FAIL or blank (not run), title, points, kind, and the
    first line of each failure's feedback."""
    width = max((len(r.title) for r in rows), default=10)
    lines = []
    for r in rows:
        mark = "    " if r.score is None else "ok  " if r.score >= r.max_score else "FAIL"
        score = "-" if r.score is None else f"{r.score:g}"
        lines.append(f"  {mark} {r.title:<{width}}  {score:>5}/{r.max_score:<5g} {r.kind}")
        if mark == "FAIL":
            firsts = [text.splitlines()[0] for text in (r.feedback, r.diagnosis) if text]
            lines.extend(f"         -> {line}" for line in firsts)
    return lines


def passed_line(title: str, points: float, bonus: bool = False) -> str:
    """What a public check cell prints when it passes: ``✓ 1.2 title: 2 / 2 points``."""
    return f"✓ {title}: {points:g} / {points:g} {'bonus ' if bonus else ''}points"


def overview(notebook: str, namespace: dict) -> None:
    """Run every public check cell of `notebook` (this notebook's file, in the current folder)
    in `namespace` (the notebook's ``globals()``), going on after a failure, and print a
    table of every check with its points; hidden checks are listed, graded after submission.

    Under ``nbgrader autograde`` and ``nbgrader validate`` (nbgrader sets ``NBGRADER_EXECUTION``
    in the kernel) the check cells above have just run and nbgrader scores each of them: the
    table would run every public check a second time, so it is left out.
    """
    if os.environ.get("NBGRADER_EXECUTION"):
        print("Each check above shows its own result; the table of all checks is left out here.")
        return
    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        print(f"{notebook} is not in this folder: save this notebook under that name first")
        return
    rows = [_overview_row(cell, namespace) for cell in cells if is_check_cell(cell)]
    public = [r for r in rows if r.score is not None and "bonus" not in r.kind]
    hidden = sum(r.max_score for r in rows if r.score is None and "bonus" not in r.kind)
    print(
        f"Public checks: {sum(r.score for r in public):g} / {sum(r.max_score for r in public):g}"
        f" points; hidden checks: {hidden:g} points, graded after you submit"
    )
    print("\n".join(format_rows(rows)))


# How a check cell is written (the grader reads the same cells: autograder/nbgrader_cells.py):
# nbgrader's metadata marks it graded and without a solution, and its first lines are
# "# <title>", then maybe "# Hint: ..." and "# Bonus ...".
BONUS_LINE = "# Bonus"


def nbgrader_meta(cell: dict) -> dict:
    """The cell's nbgrader metadata ({} when it has none, or none that is a dict)."""
    meta = cell.get("metadata", {})
    meta = meta.get("nbgrader", {}) if isinstance(meta, dict) else {}
    return meta if isinstance(meta, dict) else {}


def is_check_cell(cell: dict) -> bool:
    """An autograded test cell: a code cell that is graded and holds no solution."""
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_bonus(lines: list[str]) -> bool:
    """Whether a check cell's `lines` mark it as extra credit (a header line ``# Bonus``)."""
    return any(line.startswith(BONUS_LINE) for line in lines[1:3])


def _overview_row(cell: dict, namespace: dict) -> TableRow:
    """Run one check cell (a hidden one holds only comments here) and say how it went."""
    source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    lines = source.splitlines()
    title = lines[0][2:].strip() if lines else ""
    points = float(nbgrader_meta(cell).get("points", 0))
    bonus = " bonus" if is_bonus(lines) else ""
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        return TableRow(title, None, points, "hidden" + bonus)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(source, f"<check {title}>", "exec"), namespace)  # quietly: a table
    except Exception as exc:  # noqa: BLE001 - any failure fails this check only
        message = str(exc) if isinstance(exc, AssertionError) else f"{type(exc).__name__}: {exc}"
        return TableRow(title, 0.0, points, "public" + bonus, message.strip() or "failed")
    return TableRow(title, points, points, "public" + bonus)


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
