"""The main job: build every assignment, grade its reference and a realistic wrong submission."""

from __future__ import annotations

from pathlib import Path

from autograder.build import build
from autograder.grade import grade
from autograder.manifest import KIT_ROOT, all_assignments
from autograder.report import format_table
from autograder.variants import load_mistakes, write_variant


def demo(root: Path = KIT_ROOT) -> None:
    for assignment in all_assignments(root):
        bundle = build(assignment)
        print(f"== {assignment.id}: {assignment.title}")
        print(f"student release: {assignment.release_dir.relative_to(root)}/")
        print(f"Gradescope zip:  {bundle.relative_to(root)}\n")
        if skipped := assignment.skip_reason():
            print(f"Not graded here: {skipped}\n")
            continue
        print("Reference solution:")
        print(format_table(grade(assignment, assignment.source_submission)), "\n")
        mistakes = load_mistakes(assignment)
        if mistakes:
            wrong = write_variant(assignment, mistakes[0], root / "dist" / "demo" / assignment.id)
            print(f"A wrong submission ({mistakes[0].description}):")
            print(format_table(grade(assignment, wrong)), "\n")
