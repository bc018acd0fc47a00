"""Run the checks against a student process and turn every outcome into a `CheckResult`.

A `Judge` holds what one submission's checks share: the student process, the per-check and total
time limits, the grading's data folders, and the lines of the checks that no output may quote. It
has one method per step of running a check (`arguments`, `checking`, `output`, `result`), so the
kit's grader (`run_checks`) and the pytest plugin (`autograder/pytest_plugin.py`) run every check
the same way and differ only in the loop around the checks.

A failed check whose student functions run another student function that an earlier check
found wrong says so (`depends_on`): the judge records the names each check called through its
proxies (the last of them, in a failed check, is taken as the one found wrong), and `call_graph`
tells which of the submission's functions each one can reach.
"""

from __future__ import annotations

import ast
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from nnkit_checks import GraderProxy, data_from

from autograder.checkspec import CheckSpec
from autograder.results import FAILED, NOT_RUN, PASSED, TIMEOUT, CheckResult
from autograder.student_process import StudentError, StudentProcess
from autograder.student_server import definitions_only

# Student code that reads the checks (possible when it runs as the grader's own user) could
# show them through its error messages; those messages are dropped.
WITHHELD = "the message of this failure quoted the grader's own checks, so it is not shown"
OUT_OF_TIME = "not run: grading used up its total time limit"
# A check that would start with less time than this left is not run: it could not finish (a
# restart of the student process alone takes longer), and whether it starts would be a race.
MIN_CHECK_SECONDS = 0.25


class NotRun(Exception):
    """A check could not start (the submission did not load, or no time was left); the message
    is what the student is shown, `kind` the check's outcome (`results.OUTCOMES`)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Judge:
    """Runs one submission's checks on its student process, each with its own deadline.

    `student` is None when the submission could not be loaded; then every check fails with
    `not_loaded` as its output (`all_failed`).
    """

    checks: list[CheckSpec]
    student: StudentProcess | None
    check_seconds: float
    total_seconds: float
    not_loaded: str = ""
    ends_at: float | None = None  # when grading must be over; default `total_seconds` from now
    # each student function or class -> the others its code can reach (`call_graph`)
    reaches: dict[str, frozenset[str]] = field(default_factory=dict)
    # where the checks' `load_arrays` looks first: this grading's own data, never the student's
    data_folders: tuple[Path, ...] = ()
    end: float = field(init=False)  # time.monotonic() by which every check must have finished
    secret_lines: set[str] = field(init=False)
    # the checks that failed so far, each with the student name it called last (found wrong)
    failed: list[tuple[CheckSpec, str]] = field(init=False, default_factory=list)
    # grade id -> what the student process replied while the check ran (diagnosis.py)
    traces: dict[str, list] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.end = time.monotonic() + self.total_seconds if self.ends_at is None else self.ends_at
        self.secret_lines = _source_lines(self.checks)

    def argument(self, spec: CheckSpec, parameter: str) -> GraderProxy | None:
        """What `spec`'s `parameter` receives: a proxy to the student's object of that name (or
        to the support function it stands for), looked up in the student process at each use."""
        if self.student is None:
            return None  # never called: `begin` stops the check first
        return self.student.name(spec.target_of(parameter))

    def arguments(self, spec: CheckSpec) -> dict[str, GraderProxy | None]:
        return {name: self.argument(spec, name) for name in spec.student_names}

    def begin(self, spec: CheckSpec) -> None:
        """Start `spec`'s clock: its deadline is `check_seconds` from now, or the end of the
        grade if that comes first. Raises `NotRun` when the check cannot run at all."""
        if self.student is None:
            raise NotRun(self.not_loaded, NOT_RUN)
        self.student.used, self.student.last_used = set(), None
        if time.monotonic() >= self.end - MIN_CHECK_SECONDS:
            raise NotRun(OUT_OF_TIME, TIMEOUT)
        self.student.deadline = min(time.monotonic() + self.check_seconds, self.end)

    @contextmanager
    def checking(self, spec: CheckSpec) -> Iterator[None]:
        """The block in which `spec` runs: its clock started (`begin`, which may raise
        `NotRun`) and `load_arrays` reading this grading's data folders, in this thread only."""
        self.begin(spec)
        with data_from(self.data_folders):
            yield

    def output(self, spec: CheckSpec, exc: Exception) -> str:
        """What the student is shown for the exception `exc` that failed `spec`.

        A hidden check shows nothing its inputs could have shaped: of a student error, its type
        and where in the student's code it was raised; of any other failure, its type; and the
        hint.
        """
        hint = f"\nHint: {spec.hint}" if spec.hint else ""
        if isinstance(exc, NotRun):
            output = str(exc)
        elif isinstance(exc, StudentError):
            output = (exc.hidden if spec.hidden else str(exc)) + hint
        elif isinstance(exc, AssertionError) and spec.hidden:
            magnitude = getattr(exc, "magnitude", None)  # nnkit_checks.CheckFailure's safe line
            output = f"{magnitude}\nHint: {spec.hint}" if magnitude else f"Hint: {spec.hint}"
        elif isinstance(exc, AssertionError):
            output = str(exc) or "a check failed"
        elif spec.hidden:  # a wrong return type usually surfaces here (unpacking, indexing)
            output = f"{type(exc).__name__} while checking what your code returned{hint}"
        else:
            output = f"{type(exc).__name__}: {str(exc)[:300]}"
        if any(line in output for line in self.secret_lines):
            return WITHHELD
        return output

    def result(self, spec: CheckSpec, failure: Exception | None) -> CheckResult:
        """The verdict on `spec`: passed when `failure` is None. A failure's output ends with
        the earlier failed checks it depends on (`depends_on`); its kind is the one the
        failure names (a time limit, a crash), else failed."""
        output = ""
        if failure and isinstance(failure, NotRun):
            output = self.output(spec, failure)
        elif failure:
            used = frozenset(n for n in self.student.used if "." not in n)  # no support functions
            output = "\n".join(filter(None, [self.output(spec, failure), self.depends_on(used)]))
            if self.student.last_used in used:
                self.failed.append((spec, self.student.last_used))
        return CheckResult(spec.info, 0.0 if failure else spec.points, output, _kind(failure))

    def depends_on(self, used: frozenset[str]) -> str:
        """A line naming the student functions that the functions in `used` run without the
        check calling them itself, and that an earlier check found wrong ("" when none)."""
        through = frozenset().union(*(self.reaches.get(name, ()) for name in used)) - used
        culprits: dict[str, CheckSpec] = {}
        for spec, name in self.failed:
            if name in through:
                culprits.setdefault(name, spec)
        if not culprits:
            return ""
        if len(culprits) == 1:
            ((name, spec),) = culprits.items()
            return f"This depends on your `{name}`, which failed “{spec.title}”: fix it first."
        named = [f"your `{name}` (failed “{spec.title}”)" for name, spec in culprits.items()]
        return f"This depends on {_listed(named[:3])}: fix those first."

    def run(self, spec: CheckSpec) -> CheckResult:
        """Run one check, keeping its trace; whatever it raises fails this check only."""
        if self.student is not None:
            self.student.trace = self.traces[spec.grade_id] = []
        try:
            with self.checking(spec):
                spec.function(**self.arguments(spec))
        except Exception as exc:  # whatever the check raised is its verdict
            return self.result(spec, exc)
        finally:
            if self.student is not None:
                self.student.trace = None
        return self.result(spec, None)


def run_checks(
    judge: Judge,
    results: list[CheckResult] | None = None,
    *,
    stop_at_first_failure: bool = False,
) -> list[CheckResult]:
    """The kit's grader: run each check in order; one failure never stops the others, unless
    `stop_at_first_failure` (mutation testing needs only to know whether any check fails).

    results: a list to append each result to as it comes (a watchdog reads it); returned.
    """
    results = [] if results is None else results
    for spec in judge.checks:
        results.append(judge.run(spec))
        if stop_at_first_failure and not results[-1].passed:
            break
    return results


def all_failed(checks: list[CheckSpec], why: str) -> list[CheckResult]:
    """Every one of `checks` failed with `why` as its output: what a judge with no student
    gives (a watchdog's checks that were never reached)."""
    return run_checks(Judge(checks, None, check_seconds=0.0, total_seconds=0.0, not_loaded=why))


def call_graph(sources: list[str]) -> dict[str, frozenset[str]]:
    """Each top-level function and class of the submission's `sources` (its cells, or its
    module) -> the other top-level ones its code names, directly or through others. Read as
    data, never run; a cell Python cannot parse adds nothing."""
    bodies = {}
    for source in sources:
        try:
            module, _ = definitions_only(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in module.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bodies[node.name] = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    direct = {name: names & bodies.keys() - {name} for name, names in bodies.items()}
    reaches = {}
    for name in direct:
        seen, todo = set(), list(direct[name])
        while todo:
            other = todo.pop()
            if other not in seen:
                seen.add(other)
                todo += direct[other]
        reaches[name] = frozenset(seen - {name})
    return reaches


def _kind(failure: Exception | None) -> str:
    """The outcome a check's `failure` gives (`results.OUTCOMES`); None: passed."""
    if failure is None:
        return PASSED
    return failure.kind if isinstance(failure, (NotRun, StudentError)) else FAILED


def _listed(items: list[str]) -> str:
    """a, a and b, a, b and c."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _source_lines(checks: list[CheckSpec]) -> set[str]:
    """The distinctive lines of the checks' files, which no output may quote."""
    lines = set()
    for path in {Path(spec.function.__code__.co_filename) for spec in checks}:
        text = path.read_text() if path.is_file() else ""
        lines |= {line.strip() for line in text.splitlines() if len(line.strip()) >= 16}
    return lines
