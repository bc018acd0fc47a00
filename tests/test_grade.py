import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nnkit_checks
import numpy as np
import pytest
from factories import (
    TOY_SOLUTION,
    check_cell,
    code_cell,
    data_toy_course,
    module_toy_course,
    notebook,
    side_toy_course,
    submission,
    toy_course,
    toy_notebook,
)

from autograder import grade as grading
from autograder.grade import grade
from autograder.grading_data import GradingDataMissing
from autograder.manifest import Assignment, load_assignment

CORRECT = re.sub(r" *### (BEGIN|END) SOLUTION\n", "", TOY_SOLUTION)
COUNTER = CORRECT[CORRECT.index("class Counter") :]


@pytest.fixture
def toy(tmp_path):
    return toy_course(tmp_path / "course", check_seconds=2)


def scores(report):
    return report.scores_by_check()


def test_the_reference_gets_full_marks(toy):
    report = grade(toy, toy.paths.source_notebook)
    assert scores(report) == {"double_public": 1.0, "double_hidden": 1.0, "counter_public": 2.0}
    assert report.score == report.max_score == 4.0 and report.notes == []


@pytest.mark.parametrize(
    ("double", "hidden_score", "output"),
    [
        (
            "def double(x):\n    raise NotImplementedError()\n",
            0.0,
            r"NotImplementedError: not implemented yet \(line 2 of your `double`: "
            r"`raise NotImplementedError\(\)`\)",
        ),
        (
            "def double(x):\n    return np.full(len(x), np.nan)\n",
            1.0,
            r"double\(x\) contains nan at index \(0,\)",
        ),
        (
            "def double(x):\n    return 2 * x[:, None]\n",
            0.0,
            r"expected shape \(2,\), got \(2, 1\)",
        ),
        (
            "def double(x):\n    while True:\n        pass\n",
            0.0,
            "did not finish within the time limit",
        ),
        ("def double(x):\n    import sys\n    sys.exit()\n", 0.0, r"called sys.exit\(\)"),
        ("def doubled(x):\n    return 2 * x\n", 0.0, "your notebook does not define `double`"),
    ],
)
def test_a_broken_function_loses_only_its_own_points(toy, tmp_path, double, hidden_score, output):
    """Does each way of breaking double() cost the double checks and nothing else, with a reason?"""
    report = grade(toy, submission(tmp_path, double + "\n\n" + COUNTER))
    assert scores(report) == {
        "double_public": 0.0,
        "double_hidden": hidden_score,
        "counter_public": 2.0,
    }
    public = next(r for r in report.results if r.grade_id == "double_public")
    assert public.output and re.search(output, public.output)


def test_a_failed_hidden_check_shows_its_magnitude_and_hint_not_its_values(toy, tmp_path):
    """A hidden check shows what failed and by how much (here a shape), then its hint; the
    public check's expected values stay with the public check."""
    report = grade(
        toy, submission(tmp_path, "def double(x):\n    return 2 * x[:, None]\n\n" + COUNTER)
    )
    hidden = next(r for r in report.results if r.grade_id == "double_hidden")
    assert hidden.output == (
        "double(x): expected shape (1,), got (1, 1)\nHint: keep the input's shape"
    )


def test_top_level_code_never_runs(toy, tmp_path):
    """Are a top-level infinite loop and sys.exit() skipped instead of hanging the grader?"""
    hostile = CORRECT + "\nwhile True:\n    pass\nimport sys\nsys.exit(1)\n"
    report = grade(toy, submission(tmp_path, hostile))
    assert report.score == 4.0


def test_a_syntax_error_is_a_note_and_costs_the_cell(toy, tmp_path):
    report = grade(toy, submission(tmp_path, CORRECT + "\ndef oops(:\n"))
    assert report.score == 0.0
    assert report.notes == [
        "the cell that begins `def double(x):` has a syntax error on line 14 (`def oops(:`):"
        " invalid syntax; nothing defined in that cell can be graded"
    ]


def test_an_unreadable_submission_still_gets_a_full_report(toy, tmp_path):
    """Does broken JSON produce a report with every check at zero and the reason?"""
    broken = tmp_path / "toy.ipynb"
    broken.write_text("{not json")
    report = grade(toy, broken)
    assert report.score == 0.0 and len(report.results) == 3
    assert "not a valid notebook" in report.notes[0]
    assert all("not a valid notebook" in r.output for r in report.results)


def numbers_course(root: Path, factor: float) -> Assignment:
    """The toy course with one more check, which compares double(x) with the `want` of the
    course's own data file numbers.npz: `factor` * x (the reference passes only for 2)."""
    reads = check_cell(
        "numbers_public",
        "double: the course's numbers",
        "numbers = load_arrays('numbers.npz')\n"
        "assert_close(double(numbers['x']), numbers['want'], 'double(numbers)')",
    )
    nb = toy_notebook(extra_cells=[reads])
    nb.cells[1].source += ", load_arrays"  # the imports cell
    toy_course(root, nb)
    (root / "data").mkdir()
    x = np.array([1.0, 2.0])
    np.savez(root / "data" / "numbers.npz", x=x, want=factor * x)
    manifest = root / "solutions" / "toy" / "assignment.toml"
    manifest.write_text('support_files = ["data/numbers.npz"]\n' + manifest.read_text())
    return load_assignment("toy", root)


def test_two_gradings_in_threads_each_read_their_own_data(tmp_path, monkeypatch):
    """Two courses whose numbers.npz differ, graded at once in two threads of one process (no
    lock): does each check read its own course's file? A barrier holds both checks inside
    load_arrays together."""
    courses = [numbers_course(tmp_path / "twice", 2.0), numbers_course(tmp_path / "thrice", 3.0)]
    together = threading.Barrier(len(courses), timeout=60)
    load_arrays = nnkit_checks.load_arrays

    def load_arrays_together(filename: str) -> dict[str, np.ndarray]:
        together.wait()
        return load_arrays(filename)

    monkeypatch.setattr(nnkit_checks, "load_arrays", load_arrays_together)  # what the checks import
    with ThreadPoolExecutor(len(courses)) as threads:
        reports = list(
            threads.map(lambda course: grade(course, course.paths.source_notebook), courses)
        )
    assert [scores(report)["numbers_public"] for report in reports] == [1.0, 0.0]
    assert reports[1].results[-1].output == (
        "double(numbers) is wrong at 2 of 2 entries; first at index (0,): expected 3, got 2"
    )
    assert [report.score for report in reports] == [5.0, 4.0]


def test_a_step_that_breaks_still_stops_the_student_process(toy, monkeypatch):
    """If a step after the start raises (a bug in the grader), is the student process stopped
    all the same, and the error raised?"""
    seen = []

    def breaks(state: grading.Grading) -> None:
        seen.append(state.loaded.student)
        raise RuntimeError("a bug in a step")

    steps = [breaks if step is grading.run_checks_on_student else step for step in grading.STEPS]
    monkeypatch.setattr(grading, "STEPS", steps)
    with pytest.raises(RuntimeError, match="a bug in a step"):
        grade(toy, toy.paths.source_notebook)
    assert seen[0] is not None and not seen[0].running


def test_a_submission_cannot_fake_the_data_the_judge_reads(tmp_path):
    """Does the judge read the course's numbers.npz, never the one the student's code writes
    into its own folder?"""
    course = numbers_course(tmp_path / "course", 2.0)
    faker = (
        "def double(x):\n"
        "    np.savez('numbers.npz', x=np.asarray(x), want=np.asarray(x))\n"
        "    return np.asarray(x, dtype=float)\n\n"
    )
    report = grade(course, submission(tmp_path, faker + COUNTER))
    assert report.results[-1].output == (
        "double(numbers) is wrong at 2 of 2 entries; first at index (0,): expected 2, got 1"
    )


def test_grading_never_cuts_data_and_says_to_run_the_build(tmp_path):
    """Is a missing grading cut one line naming the build command, with nothing cut? (A stale
    one: test_grading_data.py.)"""
    toy = data_toy_course(tmp_path / "course")
    with pytest.raises(GradingDataMissing) as missing:
        grade(toy, toy.paths.source_notebook)
    assert str(missing.value) == (
        f"the grading data {toy.paths.grading_data_dir / 'mnist_grading.npz'} is missing; "
        "run `python -m autograder build toy`"
    )
    assert not toy.paths.grading_data_dir.exists()


def test_patching_numpy_or_assertions_in_the_student_process_changes_no_verdict(toy, tmp_path):
    """Does a wrong double() that sabotages isclose, allclose and AssertionError still fail?"""
    saboteur = (
        "import builtins\n"
        "np.isclose = np.allclose = lambda *args, **kwargs: True\n"
        "np.testing.assert_allclose = lambda *args, **kwargs: None\n"
        "builtins.AssertionError = type('Quiet', (Exception,), {})\n\n"
        "def double(x):\n"
        "    np.isclose = lambda *args, **kwargs: np.ones(np.shape(args[0]), bool)\n"
        "    return np.asarray(x, dtype=float)\n\n"
    )
    report = grade(toy, submission(tmp_path, saboteur + COUNTER))
    assert scores(report) == {"double_public": 0.0, "double_hidden": 1.0, "counter_public": 2.0}
    public = next(r for r in report.results if r.grade_id == "double_public")
    assert "expected 2, got 1" in public.output


def test_a_bonus_check_adds_to_the_score_and_not_to_the_maximum(tmp_path):
    """Does a check marked '# Bonus' reach the report as extra credit?"""
    bonus = code_cell(
        "# double: a matrix\n# Bonus: extra credit\n"
        "assert_close(double(np.ones((2, 2))), 2 * np.ones((2, 2)), 'double(x)')",
        "double_bonus",
        points=3.0,
    )
    course = toy_course(tmp_path / "course", notebook([*toy_notebook().cells, bonus]))
    report = grade(course, course.paths.source_notebook)
    assert (report.score, report.max_score, report.bonus_score) == (7.0, 4.0, 3.0)
    assert [r.grade_id for r in report.results if r.check.bonus] == ["double_bonus"]
    unreadable = grade(course, tmp_path / "missing.ipynb")  # every check fails, bonus kept apart
    assert (unreadable.score, unreadable.max_score, unreadable.bonus_max_score) == (0, 4.0, 3.0)


def test_a_student_module_is_graded_as_a_file_or_in_a_folder(tmp_path):
    """Is the module graded (the notebook beside it is not read), and does a folder without the
    module get zero with one line saying what to upload?"""
    toy = module_toy_course(tmp_path / "course")
    assert scores(grade(toy, toy.paths.source_submission)) == {
        "double_public": 1.0,
        "double_hidden": 1.0,
        "counter_public": 2.0,
    }
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "toy.ipynb").write_bytes(toy.paths.source_notebook.read_bytes())
    missing = grade(toy, folder)
    assert missing.score == 0.0
    assert missing.notes == [
        "Your submission could not be graded: toy_answers.py was not submitted; upload "
        "toy_answers.py, the module your notebook imports (the grader reads your code from it, "
        "not from the notebook)"
    ]
    (folder / "toy_answers.py").write_text(
        "import numpy as np\n\n" + CORRECT.replace("return 2 * np", "return 3 * np")
    )
    report = grade(toy, folder)
    assert scores(report) == {"double_public": 0.0, "double_hidden": 1.0, "counter_public": 2.0}
    assert "expected 2, got 3" in report.results[0].output


def test_a_student_side_support_function_runs_in_the_student_process(tmp_path):
    course = side_toy_course(tmp_path)
    report = grade(course, course.paths.source_notebook)
    assert scores(report)["counter_kind"] == 1.0 and report.score == report.max_score == 5.0
    assert "inspect_toy" not in sys.modules  # the judge never imported it
    broken = submission(tmp_path, COUNTER.replace("class Counter:", "class Tally:"))
    report = grade(course, broken)
    assert report.results[-1].output == "your notebook does not define `Counter`"
