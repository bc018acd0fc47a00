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
    ends_at: float | None = None,
    results: list[CheckResult] | None = None,
) -> list[CheckResult]:
    """Run each check with its own deadline; one failure never stops the others.

    ends_at: when grading must be over (time.monotonic()), default `total_seconds` from now.
    results: a list to append each result to as it comes (a watchdog reads it); returned.
    """
    end = time.monotonic() + total_seconds if ends_at is None else ends_at
    secret_lines = _source_lines(checks)
    results = [] if results is None else results
    for spec in checks:
        if time.monotonic() >= end:
            results.append(_result(spec, False, "not run: grading used up its total time limit"))
            continue
        student.deadline = min(time.monotonic() + check_seconds, end)
        passed, output = run_one(spec, student)
        if any(line in output for line in secret_lines):
            output = WITHHELD
        results.append(_result(spec, passed, output))
    return results


def _source_lines(checks: list[CheckSpec]) -> set[str]:
    """The distinctive lines of the checks' files, which no output may quote."""
    lines = set()
    for path in {Path(spec.function.__code__.co_filename) for spec in checks}:
        text = path.read_text() if path.is_file() else ""
        lines |= {line.strip() for line in text.splitlines() if len(line.strip()) >= 16}
    return lines


def run_one(spec: CheckSpec, student: StudentProcess) -> tuple[bool, str]:
    """(passed, output for the student) for one check.

    A hidden check shows nothing its inputs could have shaped: of a student error, its type
    and where in the student's code it was raised; of any other failure, its type; and the hint.
    """
    hint = f"\nHint: {spec.hint}" if spec.hint else ""
    try:
        spec.function(**{name: student.name(spec.target_of(name)) for name in spec.student_names})
    except StudentError as exc:
        return False, (exc.hidden if spec.hidden else str(exc)) + hint
    except AssertionError as exc:
        if spec.hidden:
            return False, f"Hint: {spec.hint}"
        return False, str(exc) or "a check failed"
    except Exception as exc:  # a wrong return type usually surfaces here (unpacking, indexing)
        if spec.hidden:
            return False, f"{type(exc).__name__} while checking what your code returned{hint}"
        return False, f"{type(exc).__name__}: {str(exc)[:300]}"
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
