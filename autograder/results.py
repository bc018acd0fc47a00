"""The result model: what one check found, and the report for one submission."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CheckResult:
    """The verdict of one check; `output` is what the student is shown."""

    grade_id: str
    title: str
    score: float
    max_score: float
    hidden: bool
    output: str
    bonus: bool = False  # extra credit: counted in the score, not in the maximum
    diagnosis: str = ""  # the known mistake a failure looks like, for students (diagnosis.py)

    @property
    def passed(self) -> bool:
        return self.score >= self.max_score


@dataclass
class GradeReport:
    """All check results for one submission, plus notes about the submission as a whole."""

    assignment_id: str
    results: list[CheckResult]
    execution_time: float = 0.0
    notes: list[str] = field(default_factory=list)
    protections: str = ""  # how the student's code was contained while it was graded
    # grade id -> the check's trace (diagnosis.py), kept when `grade` is asked to
    traces: dict[str, list] = field(default_factory=dict, repr=False)

    @property
    def score(self) -> float:
        """Every point earned, extra credit included (so it may exceed `max_score`)."""
        return round(sum(r.score for r in self.results), 6)

    @property
    def max_score(self) -> float:
        """The points of the regular checks; bonus checks add to the score, not to this."""
        return round(sum(r.max_score for r in self.results if not r.bonus), 6)

    @property
    def bonus_score(self) -> float:
        return round(sum(r.score for r in self.results if r.bonus), 6)

    @property
    def bonus_max_score(self) -> float:
        return round(sum(r.max_score for r in self.results if r.bonus), 6)

    def scores_by_check(self) -> dict[str, float]:
        return {r.grade_id: r.score for r in self.results}
