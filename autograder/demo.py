"""The main job: build every assignment, grade its reference and a realistic wrong submission.

It works in a temporary copy of the course, so the course's own nbgrader gradebook, releases
and staged files stay as they were (an export never shows assignments the demo built); only
the Gradescope zips are written into the course's ``dist/``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from autograder.build import build, copy_course
from autograder.grade import grade
from autograder.layout import KIT_ROOT
from autograder.manifest import all_assignments
from autograder.report import format_table
from autograder.requirements import skip_reason
from autograder.variants import load_mistakes, write_variant


def demo(root: Path = KIT_ROOT) -> None:
    with tempfile.TemporaryDirectory(prefix="nnkit-demo-") as scratch:
        for source in all_assignments(root):
            assignment = copy_course(source, Path(scratch))
            bundle = build(assignment, dist=root / "dist")
            print(f"== {assignment.id}: {assignment.title}")
            print("student release and checks: built in a temporary copy of the course")
            print(f"Gradescope zip: {bundle.relative_to(root)}\n")
            if skipped := skip_reason(assignment):
                print(f"Not graded here: {skipped}\n")
                continue
            print("Reference solution:")
            print(
                format_table(grade(assignment, assignment.paths.source_submission, trusted=True)),
                "\n",
            )
            mistakes = load_mistakes(assignment)
            if mistakes:
                wrong = write_variant(assignment, mistakes[0], root / "dist" / "demo" / source.id)
                print(f"A wrong submission ({mistakes[0].description}):")
                print(format_table(grade(assignment, wrong, trusted=True)), "\n")
