"""Self-validation: prove an assignment's checks can pass, can fail, and fail where they should.

- the reference (the source notebook) scores full marks;
- the untouched student release scores zero on every check, with a valid report;
- each realistic wrong submission in ``mistakes/`` fails exactly the checks it declares, and every
  check is failed by at least one of them (a check no wrong submission fails is unproven);
- each correct alternative in ``alternatives/`` scores full marks;
- the traces of the reference and the mistakes on the checks become the library that names a
  failed check's likely mistake (``diagnosis.py``), and each mistake is named as itself, never as
  another;
- with `validate_mutants`, the checks kill the mutants of the reference (``mutants.py``): each
  survivor is shown with its diff, unless the manifest lists it as equivalent, with a reason.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from autograder import diagnosis
from autograder.grade import grade, load_checks
from autograder.grading_data import ensure_grading_data
from autograder.manifest import Assignment
from autograder.mutants import Mutant, mutants_of, reached_names, reference_sources
from autograder.pytest_parity import disagreements, pytest_outcomes
from autograder.report import format_score, to_gradescope
from autograder.requirements import skip_reason
from autograder.results import GradeReport
from autograder.variants import Variant, load_alternatives, load_mistakes, write_variant


@dataclass
class Validation:
    """What validating one assignment found: a summary line per submission, and any problems."""

    assignment_id: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: str | None = None  # why nothing was graded (an optional package is missing)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class MutationRun:
    """What grading the mutants of one assignment's reference found."""

    assignment_id: str
    total: int = 0
    killed: int = 0
    equivalent: list[Mutant] = field(default_factory=list)  # survived, listed in the manifest
    survivors: list[Mutant] = field(default_factory=list)  # survived, not listed
    problems: list[str] = field(default_factory=list)  # manifest entries that do not hold
    seconds: float = 0.0

    @property
    def score(self) -> float:
        """The share of the non-equivalent mutants that some check kills."""
        return self.killed / max(1, self.total - len(self.equivalent))

    def summary(self) -> str:
        return (
            f"mutants: {self.killed} of {self.total} killed, {len(self.equivalent)} equivalent "
            f"(listed in the manifest), {len(self.survivors)} survived: {100 * self.score:.1f} % "
            f"of the non-equivalent killed ({self.seconds:.0f} s)"
        )


def validate(
    assignment: Assignment, *, workers: int | None = None, with_pytest: bool = False
) -> Validation:
    """Grade the reference, the release and every variant, `workers` at a time (default: the
    cores, at most 4); `with_pytest` also runs each through pytest and reports every check on
    which pytest's verdict or message differs from the grader's. An assignment whose extra
    requirements are not installed is skipped, and says so."""
    found = Validation(assignment.id, skipped=skip_reason(assignment))
    if found.skipped:
        return found

    ensure_grading_data(assignment)  # cut once, before the workers read it
    mistakes, alternatives = load_mistakes(assignment), load_alternatives(assignment)
    labels = [
        "reference",
        "untouched release",
        *(f"mistake {m.name}" for m in mistakes),
        *(f"alternative {a.name}" for a in alternatives),
    ]
    with (
        tempfile.TemporaryDirectory(prefix="nnkit-variants-") as scratch,
        ProcessPoolExecutor(max_workers=workers or min(4, os.cpu_count() or 1)) as pool,
        # pytest runs in fresh interpreters: a forked worker would inherit the caller's
        # imported modules and pytest state (the test suite's, when validate runs in it)
        ProcessPoolExecutor(
            max_workers=workers or min(2, os.cpu_count() or 1),
            mp_context=multiprocessing.get_context("spawn"),
        )
        if with_pytest
        else contextlib.nullcontext() as fresh,
    ):
        paths = [
            assignment.paths.source_submission,
            assignment.paths.release_submission,
            *(write_variant(assignment, v, Path(scratch)) for v in [*mistakes, *alternatives]),
        ]
        # all at once, in parallel; the reports come back in this order
        futures = [
            pool.submit(grade, assignment, path, trusted=True, keep_traces=True) for path in paths
        ]
        by_pytest = [fresh.submit(pytest_outcomes, assignment, p) for p in paths if with_pytest]
        reference_future, release_future, *graded = futures
        # a second run of the reference tells the diagnoses which replies are random draws
        again = pool.submit(
            grade, assignment, assignment.paths.source_submission, trusted=True, keep_traces=True
        )
        reference = reference_future.result()
        lost = [r for r in reference.results if not r.passed]
        found.lines.append(
            f"reference: {format_score(reference, '/')} ({reference.execution_time:.1f} s)"
        )
        found.problems += [f"the reference fails {r.grade_id}: {r.output}" for r in lost]
        found.problems += [f"the reference notebook: {note}" for note in reference.notes]

        release = release_future.result()
        to_gradescope(release)  # the report must serialise even when everything fails
        found.lines.append(f"untouched release: {format_score(release, '/')}")
        found.problems += [
            f"{r.grade_id} passes on the untouched release (a check that cannot fail)"
            for r in release.results
            if r.score > 0
        ]

        caught = set()
        for mistake, future in zip(mistakes, graded, strict=False):
            report = future.result()
            failed = {r.grade_id for r in report.results if not r.passed}
            caught |= failed
            found.lines.append(
                f"mistake {mistake.name}: {format_score(report, '/')}, "
                f"fails {', '.join(sorted(failed)) or 'nothing'}"
            )
            if failed != mistake.fails:
                missed = ", ".join(sorted(mistake.fails - failed)) or "-"
                extra = ", ".join(sorted(failed - mistake.fails)) or "-"
                found.problems.append(
                    f"mistake {mistake.name}: not caught by {missed}; unexpectedly failed {extra}"
                )
        found.problems += [
            f"{r.grade_id} fails none of the wrong submissions in mistakes/ (unproven)"
            for r in reference.results
            if r.grade_id not in caught
        ]
        _record_library(
            assignment,
            found,
            (reference, again.result()),
            list(zip(mistakes, [f.result() for f in graded], strict=False)),
        )
        for alternative, future in zip(alternatives, graded[len(mistakes) :], strict=True):
            report = future.result()
            found.lines.append(f"alternative {alternative.name}: {format_score(report, '/')}")
            found.problems += [
                f"alternative {alternative.name} (correct) fails {r.grade_id}: {r.output}"
                for r in report.results
                if not r.passed
            ]
        for label, future, outcomes in zip(labels, futures, by_pytest, strict=False):
            found.problems += [
                f"{label}: {line}" for line in disagreements(future.result(), outcomes.result())
            ]
        if by_pytest:
            found.lines.append(f"pytest: {len(by_pytest)} submissions run through the plugin too")
    return found


def _record_library(
    assignment: Assignment,
    found: Validation,
    references: tuple[GradeReport, GradeReport],
    graded: list[tuple[Variant, GradeReport]],
) -> None:
    """Write the library of the mistakes' traces (diagnosis.py) from them and two runs of the
    reference, then diagnose each mistake with it: it must be named as itself or not at all."""
    library = diagnosis.make_library(
        diagnosis.checks_key(assignment.paths.checks_file),
        (references[0].traces, references[1].traces),
        [
            (
                m.name,
                m.diagnosis,
                frozenset(r.grade_id for r in report.results if not r.passed),
                report.traces,
            )
            for m, report in graded
        ],
    )
    diagnosis.write_library(library, assignment.paths.diagnoses_file)
    found.problems += [
        f"mistake {m.name}: no 'diagnosis:' line" for m, _ in graded if not m.diagnosis
    ]
    named = 0
    for mistake, report in graded:
        diagnosed = diagnosis.diagnose(report.results, report.traces, library)
        said = {r.diagnosis for r in diagnosed if r.diagnosis}
        if said - {diagnosis.INTRO + mistake.diagnosis}:
            found.problems.append(f"mistake {mistake.name} is diagnosed as another: {sorted(said)}")
        named += bool(said)
    found.lines.append(
        f"diagnoses: {len(library.mistakes)} of {len(graded)} mistakes recognisable, "
        f"{named} named as themselves on a failed check"
    )


def validate_mutants(
    assignment: Assignment,
    *,
    workers: int | None = None,
    mutants: list[Mutant] | None = None,
) -> MutationRun:
    """Grade every mutant of the reference (or the given `mutants`), `workers` at a time, each
    with only the checks that can reach the definition it changes, stopping at the first that
    fails. A mutant that no check fails survives; the manifest's `equivalent_mutants` lists the
    survivors no check can tell from the reference, and each listed one must still survive."""
    started = time.perf_counter()
    mutants = mutants_of(assignment) if mutants is None else mutants  # tests grade a few
    run = MutationRun(assignment.id, total=len(mutants))
    listed = dict(assignment.equivalent_mutants)
    reached = reached_names(reference_sources(assignment))
    checks = load_checks(assignment)
    ensure_grading_data(assignment)
    with (
        tempfile.TemporaryDirectory(prefix="nnkit-mutants-") as scratch,
        ProcessPoolExecutor(max_workers=workers or min(4, os.cpu_count() or 1)) as pool,
    ):
        graded = []
        for mutant in mutants:
            relevant = frozenset(
                c.grade_id
                for c in checks
                if any(mutant.scope in reached.get(c.target_of(n), ()) for n in c.student_names)
            )
            path = write_variant(assignment, mutant.variant, Path(scratch))
            graded.append(
                pool.submit(
                    grade,
                    assignment,
                    path,
                    trusted=True,
                    only=relevant,
                    stop_at_first_failure=True,
                )
                if relevant
                else None  # no check runs its code: it survives
            )
        for mutant, future in zip(mutants, graded, strict=True):
            results = future.result().results if future else []
            killer = next((r.grade_id for r in results if not r.passed), None)
            if killer and mutant.id in listed:
                run.problems.append(
                    f"{mutant.id} is listed as an equivalent mutant; {killer} kills it"
                )
            if killer:
                run.killed += 1
            elif mutant.id in listed:
                run.equivalent.append(mutant)
            else:
                run.survivors.append(mutant)
    known = {m.id for m in mutants_of(assignment)}
    run.problems += [
        f"the manifest lists {name!r} as an equivalent mutant, but there is no such mutant"
        for name in listed
        if name not in known
    ]
    run.seconds = time.perf_counter() - started
    return run
