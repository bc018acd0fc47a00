"""Run a submission's checks through pytest (the kit's plugin) and compare with the grader.

`validate(..., with_pytest=True)` (``python -m autograder validate --pytest``) uses it to prove,
on the reference, the release and every variant, that pytest's verdict and message for each
check equal the grader's.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from autograder.manifest import Assignment
from autograder.results import GradeReport

NUMBER = re.compile(r"[-+]?\d+(\.\d*)?(e[-+]?\d+)?")
QUIET = ["-p", "no:cacheprovider", "-p", "no:terminal", "-o", "addopts="]


class _Outcomes:
    """A pytest plugin that keeps each check's outcome: grade id -> (passed, message shown)."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[bool, str]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        grade_id = dict(report.user_properties).get("grade_id")
        if grade_id is None or not (report.when == "call" or report.failed):
            return
        self.found[grade_id] = (report.passed, "" if report.passed else str(report.longrepr))


def pytest_outcomes(assignment: Assignment, submission: Path) -> dict[str, tuple[bool, str]]:
    """grade id -> (passed, message) for each check of `assignment` on `submission`, as pytest
    reports them when it runs the checks module with the kit's plugin (in this process; the
    student's code still runs in its own)."""
    outcomes = _Outcomes()
    # the instructor's own variants, trusted as `validate` trusts them when it grades them
    arguments = [
        str(assignment.paths.checks_file),
        "--submission",
        str(Path(submission).absolute()),
        "--trusted",
    ]
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        code = pytest.main(
            [*arguments, "-p", "autograder.pytest_plugin", *QUIET], plugins=[outcomes]
        )
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise RuntimeError(f"pytest stopped ({code!r}) on {submission}: {printed.getvalue()}")
    return outcomes.found


def disagreements(report: GradeReport, outcomes: dict[str, tuple[bool, str]]) -> list[str]:
    """Where pytest's outcomes differ from the grader's report, one line per check: a verdict,
    or a message other than by its numbers (a submission that draws unseeded random numbers
    shows other values each time it is graded, by either runner)."""
    lines = []
    for result in report.results:
        graded = (result.passed, result.output)
        found = outcomes.get(result.grade_id)
        if found is None:
            lines.append(f"{result.grade_id}: pytest did not run it")
        elif found[0] != graded[0]:
            verdicts = ("passes" if found[0] else "fails", "passes" if graded[0] else "fails")
            lines.append(
                f"{result.grade_id}: pytest says it {verdicts[0]}, the grader {verdicts[1]}"
            )
        elif NUMBER.sub("#", found[1]) != NUMBER.sub("#", graded[1]):
            lines.append(f"{result.grade_id}: pytest shows {found[1]!r}, the grader {graded[1]!r}")
    extra = sorted(set(outcomes) - {r.grade_id for r in report.results})
    lines += [f"{grade_id}: pytest ran it, the grader did not" for grade_id in extra]
    return lines
