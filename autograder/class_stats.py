"""The numbers of a graded class: its gradebook rows (`gradebook.read_gradebook`), each with
the report its results file holds.

Letters: N submissions in the class, C checks of the assignment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from autograder.results import CRASHED, PASSED, TIMEOUT, Graded

GROUP_FRACTION = 0.27  # the classic upper and lower 27 % of item analysis
WEAK_DISCRIMINATION = 0.2  # below this a check separates strong from weak submissions poorly
TOP_MISTAKES = 5
EVERYBODY_PASSES = "everybody passes"  # flagged, but not a sign of a bad check

# What the grader writes when it could not grade a submission normally, and how the page names it.
UNGRADED_NOTES = (
    ("The autograder failed", "grader failure"),
    ("Your submission could not be graded", "not gradable"),
    ("Loading your notebook failed", "crashed while loading"),
)
WHOLE_SUBMISSION = {kind for _, kind in UNGRADED_NOTES}
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class CheckStats:
    """Item analysis of one check over the graded submissions."""

    grade_id: str
    title: str
    points: float
    passed: int
    graded: int
    discrimination: float | None  # None when the class is too small to split
    flag: str  # why the check stands out, or ""

    @property
    def pass_rate(self) -> float:
        return self.passed / self.graded if self.graded else 0.0

    @property
    def stands_out(self) -> bool:
        """Worth a second look: nobody passes it, or it separates strong from weak badly."""
        return bool(self.flag) and self.flag != EVERYBODY_PASSES


@dataclass(frozen=True)
class MistakeGroup:
    """Failures of one check that gave the same message (numbers aside)."""

    grade_id: str
    message: str  # the first message of the group, as a student saw it
    students: tuple[str, ...]


@dataclass(frozen=True)
class CheckMistakes:
    """How many submissions failed one check, and their most frequent messages."""

    failed: int
    groups: list[MistakeGroup]


@dataclass(frozen=True)
class Ungraded:
    """A submission the grader could not grade normally, and why."""

    student: str
    kind: str  # grader failure, not gradable, crashed while loading, timeout, crash
    reason: str


def check_titles(students: list[Graded]) -> dict[str, tuple[str, float]]:
    """grade_id -> (title, points), in the order the checks ran."""
    titles: dict[str, tuple[str, float]] = {}
    for student in students:
        for result in student.report.results:
            titles.setdefault(result.grade_id, (result.check.title, result.max_score))
    return titles


def pass_matrix(students: list[Graded], check_ids: list[str]) -> np.ndarray:
    """passed: (N, C) booleans, True where a student passed a check; students the grader
    failed on have no row (they are listed as ungraded instead)."""
    graded = [s for s in students if s.grader_ok]
    passed = np.zeros((len(graded), len(check_ids)), dtype=bool)
    index = {c: j for j, c in enumerate(check_ids)}
    for i, student in enumerate(graded):
        for result in student.report.results:
            j = index.get(result.grade_id)
            if j is not None:
                passed[i, j] = result.kind == PASSED
    return passed


def item_analysis(students: list[Graded]) -> list[CheckStats]:
    """Each check's pass rate and discrimination index, the suspicious checks first.

    The discrimination index is the pass rate among the strongest 27 % of the submissions minus
    that among the weakest 27 %, ranked by their score on the other checks: near 1 a check
    separates strong from weak work, near 0 it does not, below 0 strong work fails it more.
    """
    titles = check_titles(students)
    ids = list(titles)
    graded = [s for s in students if s.grader_ok]
    passed = pass_matrix(students, ids)
    scores = np.array([[s.checks.get(c, 0.0) for c in ids] for s in graded], dtype=float)
    scores = scores.reshape(len(graded), len(ids))
    rest = scores.sum(axis=1, keepdims=True) - scores  # (N, C): score on the other checks
    group = int(round(GROUP_FRACTION * len(graded)))
    stats = []
    for j, grade_id in enumerate(ids):
        discrimination = None
        if group >= 1 and len(graded) >= 4:
            order = np.argsort(rest[:, j], kind="stable")
            low, high = passed[order[:group], j], passed[order[-group:], j]
            discrimination = float(high.mean() - low.mean())
        title, points = titles[grade_id]
        count = int(passed[:, j].sum())
        stats.append(
            CheckStats(
                grade_id,
                title,
                points,
                count,
                len(graded),
                discrimination,
                _flag(count, len(graded), discrimination),
            )
        )
    return sorted(stats, key=_suspicion)


def _flag(passed: int, graded: int, discrimination: float | None) -> str:
    if not graded:
        return ""
    if passed == 0:
        return "nobody passes: check the check and its explanation"
    if discrimination is not None and discrimination < 0:
        return "strong submissions fail it more often than weak ones"
    if passed == graded:
        return EVERYBODY_PASSES
    if discrimination is not None and discrimination < WEAK_DISCRIMINATION:
        return "separates strong from weak work poorly"
    return ""


def _suspicion(stats: CheckStats) -> tuple:
    order = [
        "nobody passes",
        "strong submissions",
        "separates strong",
        EVERYBODY_PASSES,
        "",
    ]
    rank = next(i for i, start in enumerate(order) if stats.flag.startswith(start))
    d = stats.discrimination if stats.discrimination is not None else 1.0
    return (rank, d, stats.pass_rate, stats.grade_id)


def common_mistakes(students: list[Graded]) -> dict[str, CheckMistakes]:
    """grade_id -> the failures of that check, the most frequent messages first.

    Messages that differ only in their numbers fall into one group (``expected 0.5, got 0.4``
    and ``expected 0.5, got 0.3`` are one mistake). Submissions that could not be graded
    normally (see `ungraded`) fail every check for one reason and are left out.
    """
    left_out = {u.student for u in ungraded(students) if u.kind in WHOLE_SUBMISSION}
    groups: dict[str, dict[str, list]] = {}
    for student in students:
        if student.student in left_out:
            continue
        for result in student.report.results:
            if result.kind == PASSED:
                continue
            message = result.output.strip() or "(no message)"
            key = NUMBER.sub("#", message.splitlines()[0])
            group = groups.setdefault(result.grade_id, {}).setdefault(key, [message, []])
            group[1].append(student.student)
    found = {}
    for grade_id, by_key in groups.items():
        ranked = sorted(by_key.values(), key=lambda g: (-len(g[1]), g[0]))
        found[grade_id] = CheckMistakes(
            sum(len(who) for _, who in ranked),
            [MistakeGroup(grade_id, first, tuple(who)) for first, who in ranked[:TOP_MISTAKES]],
        )
    return found


def ungraded(students: list[Graded]) -> list[Ungraded]:
    """The submissions the grader could not grade normally, and why: the grader's own error
    when it failed (for the instructor), else the note students got, or the first check that
    timed out or crashed."""
    found = []
    for student in students:
        output = "\n".join(student.report.notes)
        note = next((k for k in UNGRADED_NOTES if k[0] in output), None)
        if not student.grader_ok or note:
            kind = note[1] if note else "grader failure"
            reason = student.report.grader_error or _note_line(output, note)
            found.append(Ungraded(student.student, kind, reason))
            continue
        for kind, outcome in (("timeout", TIMEOUT), ("crash", CRASHED)):
            hit = [r for r in student.report.results if r.kind == outcome]
            if hit:
                names = ", ".join(r.grade_id for r in hit)
                reason = hit[0].output.splitlines()[0] if hit[0].output else outcome
                found.append(Ungraded(student.student, kind, f"{reason} (checks: {names})"))
    return found


def _note_line(output: str, note: tuple[str, str] | None) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    if note:
        lines = [line for line in lines if note[0] in line] or lines
    return lines[0] if lines else "no results"


def grading_times(students: list[Graded]) -> dict[str, float]:
    """student -> seconds the grader spent on the submission (only those it graded)."""
    return {s.student: s.report.execution_time for s in students if s.grader_ok}


def score_summary(students: list[Graded]) -> dict[str, float]:
    """Count, mean, median, standard deviation and the assignment's maximum of the totals the
    gradebook holds (a submission the grader failed on has none)."""
    scored = [s for s in students if s.score is not None]
    scores = np.array([s.score for s in scored], dtype=float)
    if not len(scores):
        return {"count": 0, "mean": 0.0, "median": 0.0, "std": 0.0, "max_score": 0.0}
    return {
        "count": len(scores),
        "mean": float(scores.mean()),
        "median": float(np.median(scores)),
        "std": float(scores.std()),
        "max_score": max(s.max_score for s in scored),
    }
