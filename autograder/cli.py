"""``python -m autograder VERB``: thin wrappers over the kit's functions; failures exit non-zero."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.cluster import ClusterError
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

    grade_all = verbs.add_parser("grade-all", help="grade a folder of submissions in parallel")
    grade_all.add_argument("assignment", help="assignment id")
    grade_all.add_argument("submissions", type=Path, help="nbgrader submitted/ or one folder each")
    grade_all.add_argument(
        "-o",
        "--output",
        type=Path,
        help="where results/ and gradebook.csv go (default: graded/<id>)",
    )
    grade_all.add_argument("--workers", type=int, default=2, help="parallel graders (default: 2)")
    grade_all.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="grade on this Dask cluster instead, e.g. tcp://10.0.0.5:8786 (--workers unused)",
    )

    report = verbs.add_parser(
        "report", help="rebuild a graded folder's report.html from its results, without regrading"
    )
    report.add_argument("graded", type=Path, help="what grade-all wrote, e.g. graded/a1_two_moons")
    report.add_argument(
        "--submissions",
        type=Path,
        help="the submissions folder, for possible copying (default: the one grade-all read)",
    )
    report.add_argument("--assignment", help="assignment id (default: the one grade-all graded)")

    validate = verbs.add_parser(
        "validate", help="reference full marks, release zero, mistakes caught"
    )
    validate.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    validate.add_argument(
        "--mutants",
        action="store_true",
        help="also grade mutants of the reference and list the ones no check kills",
    )
    validate.add_argument(
        "--workers", type=int, help="parallel graders (default: the cores, at most 4)"
    )

    verbs.add_parser("demo", help="build everything, grade the reference and a wrong submission")

    args = parser.parse_args(argv)
    try:
        verb = {
            "build": _build,
            "grade": _grade,
            "grade-all": _grade_all,
            "report": _report,
            "validate": _validate,
            "demo": _demo,
        }[args.verb]
        return verb(args)
    except (ManifestError, DatasetError, ClusterError) as exc:
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
    from autograder.grade import grade_or_report_failure
    from autograder.report import format_table, write_gradescope

    assignment = load_assignment(args.assignment)
    report, ok = grade_or_report_failure(assignment, args.submission)
    status = 0 if ok else 1
    if args.output:
        write_gradescope(report, args.output, assignment.hidden_visibility)
    print(format_table(report))
    return status


def _grade_all(args) -> int:
    from autograder.bulk import GRADEBOOK, grade_all
    from autograder.class_report import REPORT

    assignment = load_assignment(args.assignment)
    if not args.submissions.is_dir():
        raise ManifestError(f"{args.submissions} is not a folder of submissions")
    out = args.output or KIT_ROOT / "graded" / assignment.id
    rows = grade_all(
        assignment, args.submissions, out, workers=args.workers, scheduler=args.scheduler
    )
    broken = [row.student for row in rows if not row.grader_ok]
    print(
        f"{len(rows) - len(broken)} submissions graded; gradebook: {out / GRADEBOOK}; "
        f"report: {out / REPORT}"
    )
    if broken:
        print(
            f"error: the grader itself failed on {len(broken)} (no score in the gradebook, "
            f"graded=False; see their results files): {', '.join(broken)}",
            file=sys.stderr,
        )
    return 1 if broken else 0


def _report(args) -> int:
    from autograder.class_report import rebuild_class_report

    page = rebuild_class_report(
        args.graded, assignment_id=args.assignment, submissions=args.submissions
    )
    if page is None:
        return 1
    print(f"report: {page}")
    return 0


def _validate(args) -> int:
    from autograder.validate import validate, validate_mutants

    status = 0
    for assignment in _selected(args.assignments):
        found = validate(assignment, workers=args.workers)
        if found.skipped:
            print(f"{assignment.id}: skipped: {found.skipped}")
            continue
        print(f"{assignment.id}: {'ok' if found.ok else 'PROBLEMS'}", flush=True)
        for line in found.lines + [f"PROBLEM: {p}" for p in found.problems]:
            print(f"  {line}")
        status |= not found.ok
        if args.mutants:
            status |= _print_mutants(validate_mutants(assignment, workers=args.workers))
    return status


def _print_mutants(run) -> bool:
    """Print a mutation run: the figures, then each survivor with its diff; True if any
    survivor is not listed as equivalent or the manifest's list does not hold."""
    print(f"  {run.summary()}")
    for mutant in run.survivors:
        print(f"  SURVIVED: {mutant.id}")
        print("\n".join(f"      {line}" for line in mutant.diff.splitlines()))
    for problem in run.problems:
        print(f"  PROBLEM: {problem}")
    return bool(run.survivors or run.problems)


def _demo(args) -> int:
    from autograder.demo import demo

    demo()
    return 0
