"""Run the checks against a student process and turn every outcome into a `CheckResult`."""

from __future__ import annotations

import time

from autograder.checkspec import CheckSpec
from autograder.results import CheckResult
from autograder.student_process import StudentError, StudentProcess


def run_checks(
    checks: list[CheckSpec],
    student: StudentProcess,
    *,
    check_seconds: float,
    total_seconds: float,
) -> list[CheckResult]:
    """Run each check with its own deadline; one failure never stops the others."""
    end = time.monotonic() + total_seconds
    results = []
    for spec in checks:
        if time.monotonic() >= end:
            results.append(_result(spec, False, "not run: grading used up its total time limit"))
            continue
        student.deadline = min(time.monotonic() + check_seconds, end)
        passed, output = run_one(spec, student)
        results.append(_result(spec, passed, output))
    return results


def run_one(spec: CheckSpec, student: StudentProcess) -> tuple[bool, str]:
    """(passed, output for the student) for one check."""
    try:
        spec.function(**{name: student.name(name) for name in spec.student_names})
    except StudentError as exc:
        return False, f"{exc}" + (f"\nHint: {spec.hint}" if spec.hint else "")
    except AssertionError as exc:
        if spec.hidden:
            return False, f"Hint: {spec.hint}"
        return False, str(exc) or "a check failed"
    except Exception as exc:  # a wrong return type usually surfaces here (unpacking, indexing)
        message = f"{type(exc).__name__}: {str(exc)[:300]}"
        return False, f"{message}\nHint: {spec.hint}" if spec.hidden else message
    return True, ""


def _result(spec: CheckSpec, passed: bool, output: str) -> CheckResult:
    return CheckResult(
        grade_id=spec.grade_id,
        title=spec.title,
        score=spec.points if passed else 0.0,
        max_score=spec.points,
        hidden=spec.hidden,
        output=output,
    )
