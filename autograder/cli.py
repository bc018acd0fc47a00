"""``python -m autograder VERB``: thin wrappers over the kit's functions; failures exit non-zero."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nnkit_datasets import DatasetError

from autograder.errors import KitError
from autograder.layout import KIT_ROOT
from autograder.manifest import all_assignments, load_assignment


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake told in one line like every other error of the CLI
    (its verbs' parsers are of this class too)."""

    def error(self, message: str):
        self.exit(2, f"error: {message} (see `{self.prog} --help`)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m autograder", description=__doc__)
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
    grade_all.add_argument(
        "--workers", type=_positive, default=2, help="parallel graders (default: 2)"
    )
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

    verbs.add_parser(
        "check-sandbox",
        help="as root: can student code run as nobody here (setup.sh runs this; exit 1 if not)",
    )

    validate = verbs.add_parser(
        "validate", help="reference full marks, release zero, mistakes caught"
    )
    validate.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    validate.add_argument(
        "--pytest",
        action="store_true",
        help="also run every submission through pytest and require the grader's verdicts",
    )
    validate.add_argument(
        "--mutants",
        action="store_true",
        help="also grade mutants of the reference and list the ones no check kills",
    )
    validate.add_argument(
        "--workers", type=_positive, help="parallel graders (default: the cores, at most 4)"
    )

    verbs.add_parser("demo", help="build everything, grade the reference and a wrong submission")

    args = parser.parse_args(argv)
    try:
        verb = {
            "build": _build,
            "grade": _grade,
            "grade-all": _grade_all,
            "report": _report,
            "check-sandbox": _check_sandbox,
            "validate": _validate,
            "demo": _demo,
        }[args.verb]
        return verb(args)
    except (KitError, DatasetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _positive(text: str) -> int:
    """argparse's type for a count of workers: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _selected(ids: list[str]):
    return [load_assignment(i) for i in ids] if ids else all_assignments(KIT_ROOT)


def _build(args) -> int:
    from autograder import diagnosis
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
            if not diagnosis.current_library(
                assignment.paths.diagnoses_file, assignment.paths.checks_file
            ):
                print(
                    f"  note: no mistake library for these checks, so grading names no likely"
                    f" mistakes; run `python -m autograder validate {assignment.id}`, then build"
                )
    return status


def _grade(args) -> int:
    import resource

    from autograder.grade import grade_to_file
    from autograder.grading_data import grading_data_ready
    from autograder.report import check_output_folder, format_table

    assignment = load_assignment(args.assignment)
    grading_data_ready(assignment)  # else one line: run the build (grading never cuts data)
    if not args.submission.exists():  # an empty upload is a folder, graded as such
        raise KitError(f"{args.submission} does not exist")
    if args.output:
        check_output_folder(args.output.absolute().parent)  # before grading: UnsafeOutput
    report, ok = grade_to_file(assignment, args.submission, args.output)
    print(format_table(report))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  judge: peak memory {peak_mb:.0f} MB")
    return 0 if ok else 1


def _check_sandbox(args) -> int:
    """Start a student process the way grading does, importing numpy; say what protects it."""
    from autograder.sandbox import (
        SandboxUnavailable,
        cleaned_up,
        grade_folder,
        hand_over,
        make_sandbox,
        stage_engine,
    )
    from autograder.student_process import StudentError, StudentProcess

    try:
        sandbox = make_sandbox(512, 60)
    except SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    with grade_folder() as folder, cleaned_up(sandbox):
        engine = stage_engine(folder / "engine") if sandbox.user else None
        hand_over(folder / "work", sandbox)
        cells = [{"index": 0, "source": "import numpy"}]
        try:
            with StudentProcess(cells, folder / "work", sandbox, engine) as student:
                problems = student.start().problems
        except StudentError as exc:
            problems = [str(exc)]
    if problems:
        print(f"error: the student process cannot start: {problems[0]}", file=sys.stderr)
        return 1
    print(sandbox.describe())
    return 0


def _grade_all(args) -> int:
    from autograder.bulk import grade_all
    from autograder.class_report import REPORT
    from autograder.gradebook import GRADEBOOK

    assignment = load_assignment(args.assignment)
    if not args.submissions.is_dir():
        raise KitError(f"{args.submissions} is not a folder of submissions")
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
        found = validate(assignment, workers=args.workers, with_pytest=args.pytest)
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
