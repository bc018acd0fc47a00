"""Run the checks against a student process and turn every outcome into a `CheckResult`."""

from __future__ import annotations

import time
from pathlib import Path

from autograder.checkspec import CheckSpec
from autograder.results import CheckResult
from autograder.student_process import StudentError, StudentProcess

# Student code that reads the checks (possible when it runs as the grader's own user) could
# show them through its error messages; those messages are dropped.
WITHHELD = "the message of this failure quoted the grader's own checks, so it is not shown"


def run_checks(
    checks: list[CheckSpec],
    student: StudentProcess,
    *,
    check_seconds: float,
    total_seconds: float,
    stop_at_first_failure: bool = False,
) -> list[CheckResult]:
    """Run each check with its own deadline; one failure never stops the others, unless
    `stop_at_first_failure` (mutation testing needs only to know whether any check fails)."""
    end = time.monotonic() + total_seconds
    secret_lines = _source_lines(checks)
    results = []
    for spec in checks:
        if time.monotonic() >= end:
            results.append(_result(spec, False, "not run: grading used up its total time limit"))
            continue
        student.deadline = min(time.monotonic() + check_seconds, end)
        passed, output = run_one(spec, student)
        if any(line in output for line in secret_lines):
            output = WITHHELD
        results.append(_result(spec, passed, output))
        if stop_at_first_failure and not passed:
            break
    return results


def _source_lines(checks: list[CheckSpec]) -> set[str]:
    """The distinctive lines of the checks' files, which no output may quote."""
    lines = set()
    for path in {Path(spec.function.__code__.co_filename) for spec in checks}:
        text = path.read_text() if path.is_file() else ""
        lines |= {line.strip() for line in text.splitlines() if len(line.strip()) >= 16}
    return lines


def run_one(spec: CheckSpec, student: StudentProcess) -> tuple[bool, str]:
    """(passed, output for the student) for one check."""
    try:
        spec.function(**{name: student.name(spec.target_of(name)) for name in spec.student_names})
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
        bonus=spec.bonus,
    )
