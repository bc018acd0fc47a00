"""A corpus of broken and hostile submissions to a1_two_moons (14 points), each named with the
score it must get and the line its student must read.

Most cases are the reference notebook plus one hostile cell. Hostile code inside a function
goes into binary_cross_entropy, which wraps the reference's own; the checks that call it are
worth 3.75 points (bce_public, bce_edges_hidden, d_bce_hidden, and momentum_hidden and
train_accuracy through the training loop), so such a submission scores 10.25 when the attack
costs only its own checks.
"""

import dataclasses
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonschema
import nbformat
import pytest
from factories import code_cell
from test_report import GRADESCOPE_SCHEMA

from autograder.grade import grade
from autograder.gradescope import write_bundle
from autograder.layout import KIT_ROOT
from autograder.manifest import load_assignment
from autograder.report import to_gradescope

# Short limits keep the hangs short; the reference grades in about a second.
A1 = dataclasses.replace(load_assignment("a1_two_moons"), check_seconds=5, total_seconds=120)
FULL, WITHOUT_BCE = 14.0, 10.25


def reference() -> nbformat.NotebookNode:
    return nbformat.read(A1.paths.source_notebook, as_version=4)


def plus_cell(source: str) -> nbformat.NotebookNode:
    nb = reference()
    nb.cells.append(code_cell(source))
    return nb


def bce_that(statements: str) -> nbformat.NotebookNode:
    """The reference, with binary_cross_entropy running `statements` before its real work."""
    body = "\n".join(f"    {line}" for line in statements.splitlines())
    return plus_cell(
        "import os, sys\nimport numpy as np\n"
        "_real_bce = binary_cross_entropy\n\n"
        f"def binary_cross_entropy(predictions, labels):\n{body}\n"
        "    return _real_bce(predictions, labels)\n"
    )


def once(statements: str) -> str:
    """`statements` on the first call in each process only (the training loop calls it often)."""
    body = "\n".join(f"    {line}" for line in statements.splitlines())
    return f"if not getattr(sys, 'done_once', False):\n    sys.done_once = True\n{body}"


def without(nb, *grade_ids) -> nbformat.NotebookNode:
    nb.cells = [
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in grade_ids
    ]
    return nb


def renamed(old: str, new: str) -> nbformat.NotebookNode:
    nb = reference()
    for cell in nb.cells:
        cell.source = cell.source.replace(f"def {old}(", f"def {new}(")
    return nb


def reordered() -> nbformat.NotebookNode:
    nb = reference()
    nb.cells.reverse()
    return nb


def old_format() -> str:
    """The reference saved as an nbformat 3 notebook (worksheets, 'input' instead of 'source')."""
    return nbformat.writes(nbformat.convert(reference(), 3), version=3)


def as_python() -> str:
    cells = [c.source for c in reference().cells if c.cell_type == "code"]
    return "\n\n".join(s for s in cells if not s.startswith("%"))


CASES = {
    # name: (submission, expected score, a phrase of the student's feedback)
    "invalid_json": ("{ this is not json", 0.0, "not a valid notebook: broken JSON"),
    "nbformat_3": (old_format, FULL, ""),
    "python_file": (as_python, FULL, ""),
    "deleted_forward_cell": (
        lambda: without(reference(), "forward"),
        9.0,
        "does not define `forward_pass`",
    ),
    "reordered_cells": (reordered, FULL, ""),
    "deleted_public_check_cell": (lambda: without(reference(), "relu_public"), FULL, ""),
    "renamed_relu": (lambda: renamed("relu", "rectifier"), 8.75, "does not define `relu`"),
    "while_true_at_top_level": (lambda: plus_cell("while True:\n    pass"), FULL, ""),
    "while_true_in_a_function": (
        lambda: bce_that("while True:\n    pass"),
        WITHOUT_BCE,
        "time limit",
    ),
    "sys_exit_at_top_level": (lambda: plus_cell("import sys\nsys.exit(0)"), FULL, ""),
    "sys_exit_in_a_function": (lambda: bce_that("sys.exit(1)"), WITHOUT_BCE, "called sys.exit(1)"),
    "os_exit_in_a_function": (lambda: bce_that("os._exit(3)"), WITHOUT_BCE, "exit code 3"),
    "keyboard_interrupt": (
        lambda: bce_that("raise KeyboardInterrupt"),
        WITHOUT_BCE,
        "KeyboardInterrupt",
    ),
    "ten_gigabytes": (lambda: bce_that("np.ones(10 * 2**30 // 8)"), WITHOUT_BCE, "MemoryError"),
    "fifty_megabytes_printed": (lambda: bce_that(once("print('x' * 50_000_000)")), FULL, ""),
    "fork_loop": (lambda: bce_that(once("for _ in range(3):\n    os.fork()")), FULL, ""),
    "changes_directory": (lambda: bce_that("os.chdir('/')"), FULL, ""),
    "reseeds_numpy_everywhere": (lambda: bce_that("np.random.seed(0)"), FULL, ""),
}


def write(submission, folder: Path) -> Path:
    made = submission() if callable(submission) else submission
    if isinstance(made, nbformat.NotebookNode):
        path = folder / A1.notebook
        nbformat.write(made, path)
    else:
        path = folder / (A1.id + (".py" if submission is as_python else ".ipynb"))
        path.write_text(made)
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_or_hostile_submission_gets_its_score_and_a_line_to_act_on(case, tmp_path):
    submission, score, phrase = CASES[case]
    report = grade(A1, write(submission, tmp_path))
    results = to_gradescope(report)
    jsonschema.validate(results, GRADESCOPE_SCHEMA)
    assert report.score == score, [(r.grade_id, r.output) for r in report.results if not r.passed]
    shown = results["output"] + "\n".join(t["output"] for t in results["tests"])
    assert phrase in shown
    assert str(KIT_ROOT) not in shown and len(json.dumps(results)) < 100_000


def test_patched_numpy_assert_and_pytest_do_not_change_a_wrong_verdict(tmp_path):
    """relu returns its input unchanged; the notebook also patches what checks might use."""
    nb = plus_cell(
        "import builtins\nimport numpy as np\nimport pytest\n"
        "np.allclose = lambda *args, **kwargs: True\n"
        "np.testing.assert_allclose = lambda *args, **kwargs: None\n"
        "pytest.approx = lambda expected, **kwargs: expected\n"
        "builtins.AssertionError = Exception\n\n"
        "def relu(x):\n    return np.asarray(x, dtype=float)\n"
    )
    report = grade(A1, write(lambda: nb, tmp_path))
    failed = {r.grade_id for r in report.results if not r.passed}
    assert {"relu_public", "activations_hidden"} <= failed


def test_files_written_all_over_the_tree_change_nothing_the_judge_reads(tmp_path):
    """Student code overwrites its copies of the checks helpers and data, and writes around."""
    nb = bce_that(  # once per process: the training loop calls it thousands of times
        once(
            "for target in ['nnkit_checks.py', 'two_moons_train.npz', '../nnkit-pwned.txt']:\n"
            "    open(target, 'w').write('def assert_close(*a, **k): pass')"
        )
    )
    report = grade(A1, write(lambda: nb, tmp_path))
    assert report.score == FULL
    # '..' is the grade's own folder, removed afterwards: nothing lands in /tmp itself
    assert not Path(tempfile.gettempdir(), "nnkit-pwned.txt").exists()
    assert load_assignment("a1_two_moons").paths.checks_file.read_text().count("def test_") == 17


def test_reading_the_hidden_checks_never_shows_them(tmp_path):
    """Without the switch to another user the code can read the checks; its messages are cut."""
    nb = bce_that(
        "import autograder, pathlib\n"
        "checks = pathlib.Path(autograder.__file__).parents[1] / 'checks' / 'a1_two_moons.py'\n"
        "lines = [l.strip() for l in checks.read_text().splitlines() if 'assert' in l]\n"
        "raise ValueError(lines[0])"
    )
    report = grade(A1, write(lambda: nb, tmp_path))
    assert report.score == WITHOUT_BCE
    failed = [r for r in report.results if not r.passed]
    assert {r.output.splitlines()[0] for r in failed if not r.check.hidden} == {
        "the message of this failure quoted the grader's own checks, so it is not shown"
    }  # a check that only reached binary_cross_entropy through another function says so next
    for result in (r for r in failed if r.check.hidden):  # only the type, the place and the hint
        assert result.output.startswith(
            "your code raised ValueError (line 5 of your `binary_cross_entropy`"
        )
        assert "assert" not in result.output


def test_hidden_checks_never_show_what_the_student_s_code_raised_with_their_inputs(tmp_path):
    """A function that raises its own arguments: a public check shows them, a hidden one
    shows only the exception type, the student's function and line, and the hint."""
    nb = bce_that("raise ValueError(f'inputs: {predictions!r} {labels!r}')")
    report = grade(A1, write(lambda: nb, tmp_path))
    assert report.score == WITHOUT_BCE
    by_id = {r.grade_id: r.output for r in report.results}
    assert "inputs: array(" in by_id["bce_public"]
    hidden = by_id["bce_edges_hidden"]
    assert "array" not in hidden  # the line of code is quoted, never the values it raised with
    assert re.match(
        r"your code raised ValueError \(line 2 of your `binary_cross_entropy`: `raise "
        r"ValueError\(f'inputs: {predictions!r} {labels!r}'\)`\)\nHint: ",
        hidden,
    ), hidden


def test_a_fake_results_file_is_replaced_by_the_judge_s(tmp_path, gradescope_run):
    """Gradescope's run_autograder: the submission writes results.json itself, scoring 1000."""
    nb = bce_that(
        "root = os.environ.get('AUTOGRADER_ROOT', '/autograder')\n"
        "try:\n"
        "    open(f'{root}/results/results.json', 'w').write('{\"score\": 1000}')\n"
        "except OSError:\n"
        "    pass  # as nobody it may not write there at all"
    )
    submission = write(lambda: nb, tmp_path)
    results = gradescope_run(write_bundle(A1, tmp_path / "dist"), "fake", [submission])
    jsonschema.validate(results, GRADESCOPE_SCHEMA)
    assert results["score"] == FULL


WATCHDOG_SCRIPT = """
import dataclasses, sys, time
from autograder import grade
from autograder.judge import all_failed
from autograder.manifest import load_assignment

def hang(*args, **kwargs):
    kwargs["results"].append(all_failed(grade.load_checks(a1), "first")[0])
    time.sleep(600)  # as if grading itself hung past every deadline

grade.run_checks = hang
grade.WATCHDOG_MARGIN_SECONDS = 1.0
a1 = dataclasses.replace(load_assignment("a1_two_moons"), total_seconds=10.0)
grade.grade_to_file(a1, a1.paths.source_notebook, sys.argv[1])
"""


def test_a_watchdog_writes_the_report_when_grading_itself_hangs(tmp_path):
    """Grading hangs after one check: within its total time plus the margin, is a valid report
    written (that check, then every other failed at the time limit), with exit status 0?"""
    results = tmp_path / "results.json"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", WATCHDOG_SCRIPT, str(results)],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 40  # 10 s + 1 s, and two interpreters starting
    written = json.loads(results.read_text())
    jsonschema.validate(written, GRADESCOPE_SCHEMA)
    outputs = [t["output"] for t in written["tests"]]
    assert outputs[0] == "first" and len(outputs) == 17
    assert set(outputs[1:]) == {"not run: grading used up its total time limit"}
    assert written["output"] == "Grading stopped at its total time limit."
