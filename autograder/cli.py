"""``python -m autograder VERB``: thin wrappers over the kit's functions; failures exit non-zero."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.manifest import KIT_ROOT, ManifestError, all_assignments, load_assignment
from datasets import DatasetError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)

    build = verbs.add_parser("build", help="generate checks, student release and Gradescope zip")
    build.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    build.add_argument("--check", action="store_true", help="only report stale generated files")
    build.add_argument("--dist", type=Path, help="where the zip goes (default: dist/)")

    grade = verbs.add_parser("grade", help="grade one submission")
    grade.add_argument("assignment", help="assignment id, e.g. a1_two_moons")
    grade.add_argument("submission", type=Path, help="a notebook, or a folder holding it")
    grade.add_argument("-o", "--output", type=Path, help="write Gradescope results.json here")

    validate = verbs.add_parser(
        "validate", help="reference full marks, release zero, mistakes caught"
    )
    validate.add_argument("assignments", nargs="*", help="assignment ids (default: all)")

    verbs.add_parser("demo", help="build everything, grade the reference and a wrong submission")

    args = parser.parse_args(argv)
    try:
        return {"build": _build, "grade": _grade, "validate": _validate, "demo": _demo}[args.verb](
            args
        )
    except (ManifestError, DatasetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _selected(ids: list[str]):
    return [load_assignment(i) for i in ids] if ids else all_assignments(KIT_ROOT)


def _build(args) -> int:
    from autograder.build import build, stale_outputs

    status = 0
    for assignment in _selected(args.assignments):
        if args.check:
            stale = stale_outputs(assignment)
            for path in stale:
                print(f"stale: {path} (run `python -m autograder build {assignment.id}`)")
            status |= bool(stale)
        else:
            print(f"{assignment.id}: {build(assignment, dist=args.dist)}")
    return status


def _grade(args) -> int:
    from autograder.grade import grade
    from autograder.report import format_table, write_gradescope
    from autograder.results import GradeReport

    assignment = load_assignment(args.assignment)
    status = 0
    try:
        report = grade(assignment, args.submission)
    except Exception as exc:  # the grader itself broke: still leave a report that says so
        note = f"The autograder failed ({type(exc).__name__}: {exc}); please tell your instructor."
        report, status = GradeReport(assignment.id, [], notes=[note]), 1
    if args.output:
        write_gradescope(report, args.output, assignment.hidden_visibility)
    print(format_table(report))
    return status


def _validate(args) -> int:
    from autograder.validate import validate

    status = 0
    for assignment in _selected(args.assignments):
        found = validate(assignment)
        print(f"{assignment.id}: {'ok' if found.ok else 'PROBLEMS'}")
        for line in found.lines + [f"PROBLEM: {p}" for p in found.problems]:
            print(f"  {line}")
        status |= not found.ok
    return status


def _demo(args) -> int:
    from autograder.demo import demo

    demo()
    return 0
