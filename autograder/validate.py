"""Self-validation: prove an assignment's checks can pass, can fail, and fail where they should.

- the reference (the source notebook) scores full marks;
- the untouched student release scores zero on every check, with a valid report;
- each realistic wrong submission in ``mistakes/`` fails exactly the checks it declares.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from autograder.grade import grade
from autograder.manifest import Assignment
from autograder.mistakes import load_mistakes, write_mistake
from autograder.report import to_gradescope


@dataclass
class Validation:
    """What validating one assignment found: a summary line per submission, and any problems."""

    assignment_id: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate(assignment: Assignment) -> Validation:
    found = Validation(assignment.id)

    reference = grade(assignment, assignment.source_notebook)
    lost = [r for r in reference.results if not r.passed]
    found.lines.append(
        f"reference: {reference.score:g}/{reference.max_score:g} ({reference.execution_time:.1f} s)"
    )
    found.problems += [f"the reference fails {r.grade_id}: {r.output}" for r in lost]
    found.problems += [f"the reference notebook: {note}" for note in reference.notes]

    release = grade(assignment, assignment.release_notebook)
    to_gradescope(release)  # the report must serialise even when everything fails
    found.lines.append(f"untouched release: {release.score:g}/{release.max_score:g}")
    found.problems += [
        f"{r.grade_id} passes on the untouched release (a check that cannot fail)"
        for r in release.results
        if r.score > 0
    ]

    with tempfile.TemporaryDirectory(prefix="nnkit-mistakes-") as scratch:
        for mistake in load_mistakes(assignment):
            report = grade(assignment, write_mistake(assignment, mistake, Path(scratch)))
            failed = {r.grade_id for r in report.results if not r.passed}
            found.lines.append(
                f"mistake {mistake.name}: {report.score:g}/{report.max_score:g}, "
                f"fails {', '.join(sorted(failed)) or 'nothing'}"
            )
            if failed != mistake.fails:
                missed = ", ".join(sorted(mistake.fails - failed)) or "-"
                extra = ", ".join(sorted(failed - mistake.fails)) or "-"
                found.problems.append(
                    f"mistake {mistake.name}: not caught by {missed}; unexpectedly failed {extra}"
                )
    return found
