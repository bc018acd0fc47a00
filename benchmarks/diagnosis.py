"""Print how well failed checks are diagnosed on wrong submissions the library does not hold.

    .venv/bin/python benchmarks/diagnosis.py [ASSIGNMENT ...] [--workers 2]

The submissions are ``solutions/<id>/mistakes_rewritten/*.py``: each known mistake of
``mistakes/`` written again in another style (loops for vectorised code, einsum, other names,
another formula with the same effect), its docstring naming it on a line ``rewrites: <name>``, and
wrong submissions that match no known mistake (``rewrites: none``). Each is graded as a student's
would be, against the library that `validate` recorded (recorded first when it is missing or
stale). A submission's diagnosis is *right* when every failed check that names a mistake names
the one it rewrites, *wrong* when any names another (or one is named for a submission that
rewrites none), *none* when no failed check names a mistake. The grade-time cost is the CPU time
spent fingerprinting replies, loading the library and matching, against the whole grade.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))

from autograder import diagnosis  # noqa: E402
from autograder.grade import grade  # noqa: E402
from autograder.manifest import Assignment, all_assignments, load_assignment  # noqa: E402
from autograder.results import GradeReport  # noqa: E402
from autograder.validate import validate  # noqa: E402
from autograder.variants import Variant, load_mistakes, load_variants, write_variant  # noqa: E402

_SPENT = [0.0]  # CPU seconds spent in diagnosis's own code, in this (worker) process
TIMED = ("fingerprint", "diagnose", "load_library", "checks_key")


def _timing(function):
    def wrapper(*args, **kwargs):
        started = time.process_time()  # CPU time: other processes on the machine do not count
        try:
            return function(*args, **kwargs)
        finally:
            _SPENT[0] += time.process_time() - started

    wrapper.timed = True
    return wrapper


def timed_grade(assignment: Assignment, path: Path) -> tuple[GradeReport, float]:
    """Grade `path`; returns the report and the CPU seconds spent in diagnosis's own code."""
    for name in TIMED:
        if not getattr(getattr(diagnosis, name), "timed", False):
            setattr(diagnosis, name, _timing(getattr(diagnosis, name)))
    before = _SPENT[0]
    report = grade(assignment, path, trusted=True)
    return report, _SPENT[0] - before


def verdict(variant: Variant, report: GradeReport, sentences: dict[str, str]) -> str:
    """right, wrong or none (see the module's docstring)."""
    said = {r.diagnosis for r in report.results if r.diagnosis}
    if not said:
        return "none"
    expected = diagnosis.INTRO + sentences.get(variant.rewrites, "")
    return "right" if variant.rewrites != "none" and said == {expected} else "wrong"


def measure(assignment: Assignment, workers: int) -> Counter:
    key = diagnosis.checks_key(assignment.paths.checks_file)
    if diagnosis.load_library(assignment.paths.diagnoses_file, key) is None:
        print(f"{assignment.id}: recording the library (validate) ...", flush=True)
        found = validate(assignment, workers=workers)
        print("\n".join(f"  {line}" for line in found.lines if line.startswith("diagnoses")))
    sentences = {m.name: m.diagnosis for m in load_mistakes(assignment)}
    variants = load_variants(assignment.paths.source_dir / "mistakes_rewritten")
    unknown = [v.name for v in variants if v.rewrites not in {*sentences, "none"}]
    if unknown:
        raise SystemExit(f"{assignment.id}: no 'rewrites:' line naming a mistake in {unknown}")
    counts: Counter = Counter()
    with (
        tempfile.TemporaryDirectory(prefix="nnkit-rewritten-") as scratch,
        ProcessPoolExecutor(max_workers=workers) as pool,
    ):
        paths = [write_variant(assignment, v, Path(scratch)) for v in variants]
        futures = [pool.submit(timed_grade, assignment, path) for path in paths]
        for variant, future in zip(variants, futures, strict=True):
            report, spent = future.result()
            kind = "rewritten" if variant.rewrites != "none" else "unrelated"
            found = verdict(variant, report, sentences)
            counts[kind, found] += 1
            counts["seconds", "grade"] += report.execution_time
            counts["seconds", "diagnosis"] += spent
            failed = sum(not r.passed for r in report.results)
            named = sum(bool(r.diagnosis) for r in report.results)
            print(
                f"  {variant.name:<40} {kind:<9} {found:<5} "
                f"({named} of {failed} failed checks named)",
                flush=True,
            )
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="default: all with mistakes_rewritten/")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    chosen = (
        [load_assignment(a) for a in args.assignments]
        if args.assignments
        else [a for a in all_assignments() if (a.paths.source_dir / "mistakes_rewritten").is_dir()]
    )
    total: Counter = Counter()
    for assignment in chosen:
        print(f"{assignment.id}:", flush=True)
        counts = measure(assignment, args.workers)
        total += counts
        print(summary(assignment.id, counts), flush=True)
    if len(chosen) > 1:
        print(summary("all", total))
    return 0


def summary(label: str, counts: Counter) -> str:
    lines = [f"{label}:"]
    for kind in ("rewritten", "unrelated"):
        n = sum(counts[kind, v] for v in ("right", "wrong", "none"))
        if n:
            parts = ", ".join(
                f"{v} {counts[kind, v]} ({100 * counts[kind, v] / n:.0f} %)"
                for v in ("right", "wrong", "none")
            )
            lines.append(f"  {kind} mistakes ({n}): {parts}")
    graded = sum(
        counts[k, v] for k in ("rewritten", "unrelated") for v in ("right", "wrong", "none")
    )
    spent, grade_seconds = counts["seconds", "diagnosis"], counts["seconds", "grade"]
    lines.append(
        f"  grade-time cost of diagnosis: {1000 * spent / max(graded, 1):.0f} ms of CPU per "
        f"grade, {100 * spent / max(grade_seconds, 1e-9):.1f} % of the grades' "
        f"{grade_seconds / max(graded, 1):.1f} s (wall clock)"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
