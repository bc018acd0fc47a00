"""The numbers of a graded class, computed from its gradebook rows (`results.Graded`)."""

import pytest

from autograder.checkspec import CheckInfo
from autograder.class_stats import (
    check_titles,
    common_mistakes,
    grading_times,
    item_analysis,
    score_summary,
    ungraded,
)
from autograder.results import CRASHED, TIMEOUT, CheckResult, Graded, GradeReport


def student(name: str, passed: list[bool], ok: bool = True, kinds=None, **report) -> Graded:
    """A row whose check j is c{j}, worth 1 point, passed or failed with "wrong" (or the
    outcome in `kinds`)."""
    kinds = kinds or {}
    results = [
        CheckResult(
            CheckInfo(f"c{j}", f"check {j}", 1.0, False),
            float(p),
            "" if p else f"wrong by {j + 0.5}",
            kinds.get(j, ""),
        )
        for j, p in enumerate(passed)
    ]
    graded = Graded.of(name, GradeReport("toy", results, execution_time=1.5, **report), ok)
    return graded if ok else Graded(name, None, None, {}, False, graded.report)


def test_item_analysis_puts_the_suspicious_checks_first():
    """c0 tells strong from weak, c1 is passed only by weak students, c2 by nobody."""
    students = [student(f"s{i}", [i >= 5, i < 3, False, i >= 2, i >= 4, i >= 6]) for i in range(10)]
    stats = {s.grade_id: s for s in item_analysis(students)}
    order = [s.grade_id for s in item_analysis(students)]
    assert order[:2] == ["c2", "c1"]
    assert stats["c2"].flag.startswith("nobody passes") and stats["c2"].pass_rate == 0
    assert stats["c1"].discrimination == pytest.approx(-1.0)
    assert stats["c0"].discrimination == pytest.approx(1.0) and stats["c0"].flag == ""
    assert stats["c0"].passed == 5 and stats["c0"].graded == 10
    assert check_titles(students)["c3"] == ("check 3", 1.0)


def test_grader_failures_are_listed_with_the_graders_own_error_and_left_out_of_the_pass_rates():
    """Is the reason of a grader failure the instructor's error, not the students' note?"""
    students = [
        student("a", [True]),
        student("b", [False]),
        student("z", [], ok=False, notes=["The autograder failed; tell"], grader_error="Boom: x"),
    ]
    assert [(u.student, u.kind, u.reason) for u in ungraded(students)] == [
        ("z", "grader failure", "Boom: x")
    ]
    assert item_analysis(students)[0].graded == 2
    assert grading_times(students) == {"a": 1.5, "b": 1.5}
    assert score_summary(students)["count"] == 2


def test_timeouts_and_crashes_are_told_by_their_outcome_not_by_their_message():
    """A check that timed out or crashed is named by its kind, whatever its message says; a
    message that only reads like a timeout is a plain failure."""
    students = [
        student("t", [True, False, False], kinds={1: TIMEOUT, 2: TIMEOUT}),
        student("k", [False, True], kinds={0: CRASHED}),
        student("m", [False]),  # "wrong by 0.5"
    ]
    students[2].report.results[0] = CheckResult(
        students[2].report.results[0].check, 0.0, "your code stopped running, says the check"
    )
    assert [(u.student, u.kind, u.reason) for u in ungraded(students)] == [
        ("t", "timeout", "wrong by 1.5 (checks: c1, c2)"),
        ("k", "crash", "wrong by 0.5 (checks: c0)"),
    ]


def test_mistakes_group_messages_that_differ_only_in_their_numbers():
    students = [student(name, [False]) for name in ("a", "b")] + [student("c", [True])]
    students[1].report.results[0] = CheckResult(
        students[1].report.results[0].check, 0.0, "wrong by 7"
    )
    (group,) = common_mistakes(students)["c0"].groups
    assert (group.message, group.students) == ("wrong by 0.5", ("a", "b"))
