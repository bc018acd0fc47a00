"""The result model: what one check found, the report for one submission, and a class's row.

A check's outcome is one of `OUTCOMES`, set where it is known (the judge, the student process):
passed, failed (a wrong answer or an error of the student's code), timeout (a time limit ended
it), crashed (the student's process died or stopped answering), not_run (the submission could
not be loaded).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from autograder.checkspec import CheckInfo

PASSED, FAILED, TIMEOUT, CRASHED, NOT_RUN = "passed", "failed", "timeout", "crashed", "not_run"
OUTCOMES = (PASSED, FAILED, TIMEOUT, CRASHED, NOT_RUN)


@dataclass(frozen=True)
class CheckResult:
    """The verdict of one check; `output` is what the student is shown."""

    check: CheckInfo
    score: float
    output: str
    kind: str = ""  # one of OUTCOMES; "" means passed or failed, as the score says
    diagnosis: str = ""  # the known mistake a failure looks like, for students (diagnosis.py)

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", PASSED if self.passed else FAILED)

    @property
    def grade_id(self) -> str:
        return self.check.grade_id

    @property
    def max_score(self) -> float:
        return self.check.points

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score


@dataclass
class GradeReport:
    """All check results for one submission, plus notes about the submission as a whole.

    Only `grader_error` is for the instructor alone: the report module never shows it to
    students (Gradescope's results, the notes).
    """

    assignment_id: str
    results: list[CheckResult]
    execution_time: float = 0.0
    notes: list[str] = field(default_factory=list)
    protections: str = ""  # how the student's code was contained while it was graded
    grader_error: str = ""  # why the grader itself failed (an exception), for the instructor
    # how Gradescope shows hidden checks' results (the manifest's [gradescope] hidden_visibility)
    hidden_visibility: str = "visible"
    # grade id -> the check's trace (diagnosis.py), kept when `grade` is asked to
    traces: dict[str, list] = field(default_factory=dict, repr=False)

    @property
    def score(self) -> float:
        """Every point earned, extra credit included (so it may exceed `max_score`)."""
        return round(sum(r.score for r in self.results), 6)

    @property
    def max_score(self) -> float:
        """The points of the regular checks; bonus checks add to the score, not to this."""
        return round(sum(r.max_score for r in self.results if not r.check.bonus), 6)

    @property
    def bonus_score(self) -> float:
        return round(sum(r.score for r in self.results if r.check.bonus), 6)

    @property
    def bonus_max_score(self) -> float:
        return round(sum(r.max_score for r in self.results if r.check.bonus), 6)

    def scores_by_check(self) -> dict[str, float]:
        return {r.grade_id: r.score for r in self.results}


@dataclass(frozen=True)
class Graded:
    """One row of a class's gradebook: the student, their totals and their report.

    score, max_score: None when the grader failed (read back from a gradebook, such a row has
    no score); checks: grade_id -> score, as the gradebook holds them.
    """

    student: str
    score: float | None
    max_score: float | None
    checks: dict[str, float]
    grader_ok: bool
    report: GradeReport

    @classmethod
    def of(cls, student: str, report: GradeReport, grader_ok: bool) -> Graded:
        """The row for `student`'s `report`; `grader_ok` False when the grader itself failed."""
        return cls(
            student, report.score, report.max_score, report.scores_by_check(), grader_ok, report
        )
