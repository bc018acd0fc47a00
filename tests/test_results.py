"""The result model: a check's verdict and outcome, a submission's totals, a class's row."""

import pytest

from autograder.checkspec import CheckInfo
from autograder.results import (
    CRASHED,
    FAILED,
    PASSED,
    TIMEOUT,
    CheckResult,
    Graded,
    GradeReport,
)

RELU = CheckInfo("relu", "1.1 relu", 2.0, False)
DROPOUT = CheckInfo("dropout", "2.1 dropout", 3.0, True, "scale", bonus=True)


def test_an_outcome_not_named_is_passed_or_failed_by_the_score():
    assert CheckResult(RELU, 2.0, "").kind == PASSED
    assert CheckResult(RELU, 1.0, "half right").kind == FAILED
    late = CheckResult(RELU, 0.0, "did not finish", TIMEOUT)
    assert (late.kind, late.passed, late.grade_id, late.max_score) == (TIMEOUT, False, "relu", 2.0)


@pytest.mark.parametrize(("bonus", "total"), [(3.0, 4.5), (0.0, 1.5)])
def test_bonus_points_count_in_the_score_but_not_in_the_maximum(bonus, total):
    report = GradeReport("a3", [CheckResult(RELU, 1.5, "x"), CheckResult(DROPOUT, bonus, "")])
    assert (report.score, report.max_score) == (total, 2.0)
    assert (report.bonus_score, report.bonus_max_score) == (bonus, 3.0)
    assert report.scores_by_check() == {"relu": 1.5, "dropout": bonus}


def test_a_gradebook_row_takes_its_totals_from_the_report():
    report = GradeReport("a3", [CheckResult(RELU, 0.0, "crashed", CRASHED)], grader_error="")
    row = Graded.of("ana", report, True)
    assert (row.student, row.score, row.max_score, row.checks) == ("ana", 0.0, 2.0, {"relu": 0.0})
    assert row.report.results[0].kind == CRASHED and row.grader_ok
