"""The pytest plugin runs the checks as the grader does; `autograder.pytest_parity` compares them.

What is proven where: `tests/test_validate.py` runs all of a1's submissions (reference, release,
17 mistakes, 5 alternatives) through both and requires the same verdict and message on every
check; this file does the same for the reference, the release and one mistake of every other
assignment, and for toy submissions that time out, crash and cannot be read.
`python -m autograder validate --pytest` runs the full comparison on every assignment.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor

import pytest
from factories import submission, toy_course

from autograder.checkspec import CheckInfo
from autograder.grade import grade
from autograder.grading_data import ensure_grading_data
from autograder.layout import KIT_ROOT
from autograder.manifest import load_assignment
from autograder.pytest_parity import disagreements, pytest_outcomes
from autograder.requirements import skip_reason
from autograder.results import CheckResult, GradeReport
from autograder.variants import load_mistakes, write_variant

A1 = load_assignment("a1_two_moons")
BACKWARD_MISTAKE = A1.paths.mistakes_dir / "backward_bias_flat.py"


def run_pytest(*arguments: str) -> subprocess.CompletedProcess:
    """`python -m pytest ARGUMENTS` in the kit's folder, as an instructor types it."""
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *arguments]
    return subprocess.run(command, cwd=KIT_ROOT, capture_output=True, text=True, timeout=300)


def junit_cases(path) -> dict[str, dict]:
    """Test case name -> its properties and failure message, from a JUnit XML report."""
    cases = {}
    for case in ET.parse(path).iter("testcase"):
        failure = case.find("failure")
        cases[case.get("name")] = {
            "properties": {p.get("name"): p.get("value") for p in case.iter("property")},
            "failure": None if failure is None else failure.get("message"),
        }
    return cases


def test_k_selects_the_backward_checks_and_junit_reports_the_graders_messages(tmp_path):
    """Does the README's command run only the backward checks of a1 on a mistake file, with
    the grader's message for each failure (what failed by how much, and the hint, for hidden
    ones) and its points?"""
    xml = tmp_path / "checks.xml"
    ran = run_pytest(
        "checks/a1_two_moons.py",
        "--submission",
        str(BACKWARD_MISTAKE.relative_to(KIT_ROOT)),
        "-k",
        "backward",
        f"--junitxml={xml}",
    )
    assert ran.returncode == 1, ran.stdout + ran.stderr
    mistake = next(m for m in load_mistakes(A1) if m.name == BACKWARD_MISTAKE.stem)
    graded = {r.grade_id: r for r in grade(A1, write_variant(A1, mistake, tmp_path)).results}
    cases = junit_cases(xml)
    assert sorted(cases) == [
        "test_backward_gradcheck_hidden",
        "test_backward_no_hidden_hidden",
        "test_backward_public",
    ]
    for case in cases.values():
        result = graded[case["properties"]["grade_id"]]
        assert case["failure"] == result.output
        assert case["properties"]["points"] == str(result.max_score)
        assert case["properties"]["score"] == "0.0"
    hidden = graded["backward_gradcheck_hidden"].output
    assert hidden == (
        "d_biases[0]: expected shape (1, 4), got (4,)\nHint: Compare with finite differences: "
        "sigmoid and ReLU derivatives, batch sums, bias shapes."
    )
    assert hidden in ran.stdout
    assert "assert_gradient" not in ran.stdout  # no line of the hidden check's code
    assert "a1_two_moons: 0 / 4 points" in ran.stdout  # the points of the checks that ran


def test_x_stops_at_the_first_failure_and_show_hidden_shows_the_checks_code():
    """On the untouched release, does `-m hidden -x --show-hidden` stop after the first hidden
    check, showing the student's message and then the check's code?"""
    ran = run_pytest(
        "checks/a1_two_moons.py",
        "--submission",
        "assignments/a1_two_moons/a1_two_moons.ipynb",
        "-m",
        "hidden",
        "-x",
        "--show-hidden",
    )
    assert ran.returncode == 1
    assert "1 failed" in ran.stdout and "stopping after 1 failures" in ran.stdout
    assert "NotImplementedError: not implemented yet (line 9 of your `relu`" in ran.stdout
    assert "Hint: Try x = +-1000 and exactly 0" in ran.stdout
    assert "sig = 0.5 * (1.0 + np.tanh(x / 2.0))" in ran.stdout  # the hidden check's code


def test_without_a_submission_pytest_says_what_to_add():
    """Does pytest without --submission stop with one line naming the option and the reference?"""
    ran = run_pytest("checks/a1_two_moons.py")
    assert ran.returncode != 0
    assert (
        "give the submission to check: --submission path/to/notebook.ipynb "
        "(the reference is solutions/a1_two_moons/a1_two_moons.ipynb)"
    ) in ran.stdout
    assert "Traceback" not in ran.stdout


def both_runners(course, path) -> tuple[GradeReport, dict]:
    report = grade(course, path)
    return report, pytest_outcomes(course, path)


def test_time_limits_are_the_graders(tmp_path):
    """With 3 s per check and 5.5 s in all (loading the notebook takes some of it), does an
    endless `double` time out in both of its checks and leave the last check not run, in pytest
    as in the grader?"""
    course = toy_course(tmp_path / "course", check_seconds=3, total_seconds=5.5)
    endless = submission(tmp_path, "def double(x):\n    while True:\n        pass\n")
    report, outcomes = both_runners(course, endless)
    assert disagreements(report, outcomes) == []
    assert [output.partition("\n")[0] for _, output in outcomes.values()] == [
        "your code did not finish within the time limit (an infinite loop, or far too slow)",
        "your code did not finish within the time limit (an infinite loop, or far too slow)",
        "not run: grading used up its total time limit",
    ]


def test_the_student_process_restarts_after_a_crash_as_in_the_grader(tmp_path):
    """Does a `double` that ends its process fail its two checks, and the restarted process
    then pass the Counter check, in pytest as in the grader?"""
    course = toy_course(tmp_path / "course")
    source = "import os\n\ndef double(x):\n    os._exit(3)\n\n" + COUNTER
    report, outcomes = both_runners(course, submission(tmp_path, source))
    assert disagreements(report, outcomes) == []
    assert outcomes["double_public"] == (
        False,
        "your code stopped running (exit code 3, e.g. exit() or os._exit)",
    )
    assert outcomes["counter_public"] == (True, "")


COUNTER = (
    "class Counter:\n    def __init__(self, start):\n        self.count = start\n\n"
    "    def add(self, n):\n        self.count += n\n        return self.count\n"
)


def test_a_submission_that_cannot_be_read_fails_every_check_in_both(tmp_path):
    """Does a missing notebook fail every check with the grader's message in pytest too?"""
    course = toy_course(tmp_path / "course")
    report, outcomes = both_runners(course, tmp_path / "nothing_here.ipynb")
    assert disagreements(report, outcomes) == []
    assert set(outcomes) == {"double_public", "double_hidden", "counter_public"}
    assert not any(passed for passed, _ in outcomes.values())


def test_disagreements_name_each_check_that_differs():
    """Is every differing verdict or message reported, but not a message that differs only in
    its numbers?"""
    report = GradeReport(
        "toy",
        [
            CheckResult(CheckInfo("a", "a", 1.0, False), 1.0, ""),
            CheckResult(CheckInfo("b", "b", 1.0, False), 0.0, "b is wrong"),
            CheckResult(CheckInfo("c", "c", 1.0, True), 0.0, "Hint: c"),
            CheckResult(CheckInfo("d", "d", 1.0, False), 1.0, ""),
            CheckResult(CheckInfo("f", "f", 1.0, False), 0.0, "std near 0.01, got 0.996"),
        ],
    )
    outcomes = {"a": (False, "boom"), "b": (False, "b is off"), "c": (False, "Hint: c")}
    outcomes["f"] = (False, "std near 0.01, got 1")  # unseeded: other numbers at each grade
    assert disagreements(report, {**outcomes, "e": (True, "")}) == [
        "a: pytest says it fails, the grader passes",
        "b: pytest shows 'b is off', the grader 'b is wrong'",
        "d: pytest did not run it",
        "e: pytest ran it, the grader did not",
    ]


# a1: every submission, in tests/test_validate.py; here the largest notebook assignment (a3,
# with its bonus check) and the module one (a5): the checks of the others are generated by the
# same code, and the grader and the plugin run them through the same Judge.
OTHERS = ["a3_layers", "a5_cifar_linear"]


@pytest.mark.parametrize("assignment_id", OTHERS)
def test_pytest_gives_the_graders_verdicts_on_the_reference_release_and_a_mistake(
    assignment_id, request, tmp_path
):
    """For a3 and a5 (a1's submissions are all compared in test_validate.py), do pytest and
    the grader agree on every check of three submissions?"""
    assignment = load_assignment(assignment_id)
    if skip_reason(assignment):
        pytest.skip(skip_reason(assignment))
    if assignment.grading_data:
        request.getfixturevalue("mirror")
    ensure_grading_data(assignment)  # cut once, before the workers read it
    mistake = load_mistakes(assignment)[0]
    submissions = {
        "reference": assignment.paths.source_submission,
        "release": assignment.paths.release_submission,
        mistake.name: write_variant(assignment, mistake, tmp_path),
    }
    with ProcessPoolExecutor(max_workers=2) as pool:
        graded = [pool.submit(grade, assignment, path) for path in submissions.values()]
        by_pytest = [pool.submit(pytest_outcomes, assignment, p) for p in submissions.values()]
        found = {
            name: disagreements(report.result(), outcomes.result())
            for name, report, outcomes in zip(submissions, graded, by_pytest, strict=True)
        }
    assert found == dict.fromkeys(submissions, [])
