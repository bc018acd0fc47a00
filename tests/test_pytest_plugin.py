"""The pytest plugin runs the checks as an instructor types them: selection, JUnit, -x,
--show-hidden, and one line when the submission is missing. That its verdicts are the
grader's: tests/test_pytest_parity.py."""

import subprocess
import sys
import xml.etree.ElementTree as ET

from autograder.grade import grade
from autograder.layout import KIT_ROOT
from autograder.manifest import load_assignment
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
