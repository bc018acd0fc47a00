"""A pytest plugin that runs an assignment's checks against one submission, as the grader does.

    python -m pytest checks/a1_two_moons.py --submission path/to/a1_two_moons.ipynb

``checks/conftest.py`` loads it for the kit's own checks; for a checks module elsewhere
add ``-p autograder.pytest_plugin``. Every step but the loop around the checks is the grader's:

- collection: the module is imported by `grade.load_checks_module` (never rewritten by pytest)
  and its checks are `checkspec.checks_of`, in the notebook's order, one pytest test each;
- fixtures: `grade.loaded_submission` loads the submission into the sandboxed student process
  once per module; each parameter of a check (``relu``, ``Dense``, ...) is a fixture holding
  the `Judge`'s proxy into that process, so no student code runs in pytest's process;
- deadlines, data folders, restart after a crash, messages and verdicts: the `Judge`'s
  `checking`, `output` and `result`, the very methods the grader calls.

A failing check shows the message the student would see (a hidden check shows only its hint);
``--show-hidden`` adds pytest's traceback, values included. Each test carries the marker
``public`` or ``hidden`` (and ``bonus``), so ``-m hidden`` selects, and records its grade id,
points and score as user properties (JUnit XML ``<property>`` elements).
"""

from __future__ import annotations

import functools
import tempfile
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from autograder.checkspec import CheckSpec, checks_of
from autograder.grade import judge_of, load_checks_module, loaded_submission
from autograder.judge import Judge
from autograder.manifest import MANIFEST, Assignment, load_assignment
from autograder.report import format_score
from autograder.results import CheckResult, GradeReport

GRADING_FIXTURE = "nnkit_grading"
MARKERS = {
    "public": "a public check of an nnkit assignment (students see its message)",
    "hidden": "a hidden check of an nnkit assignment (students see only its hint)",
    "bonus": "an extra-credit check of an nnkit assignment",
}
PROVIDED = pytest.StashKey[set]()  # the student names that already have a fixture
GRADED = pytest.StashKey[list]()  # one GradeReport per checks module run


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("nnkit", "nnkit checks")
    group.addoption(
        "--submission",
        metavar="PATH",
        help="the submission to check: a notebook, a student module, a folder holding it, or "
        "a file of solutions/<id>/mistakes/ or alternatives/ (applied to the reference)",
    )
    group.addoption(
        "--trusted",
        action="store_true",
        help="the submission is your own code (the reference, a mistake, an alternative): as "
        "root it may run as root where no unprivileged user can run this Python",
    )
    group.addoption(
        "--show-hidden",
        action="store_true",
        help="show each failure in full: the message students see, then pytest's traceback "
        "with the check's code and values (hidden checks included)",
    )


def pytest_configure(config: pytest.Config) -> None:
    for name, description in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")
    config.stash[PROVIDED] = set()
    config.stash[GRADED] = []


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> Any:
    if checks_assignment(module_path) is not None:
        return ChecksModule.from_parent(parent, path=module_path)
    return None  # any other module: pytest's own collection


def checks_assignment(path: Path) -> Assignment | None:
    """The assignment whose generated checks module `path` (``checks/<id>.py``) is, or None."""
    path = Path(path).absolute()
    root = path.parent.parent
    if path.parent.name != "checks":
        return None
    if not (root / "solutions" / path.stem / MANIFEST).is_file():
        return None
    return load_assignment(path.stem, root)


class ChecksModule(pytest.Module):
    """A generated checks module, imported and collected the way the grader does it."""

    @functools.cached_property
    def assignment(self) -> Assignment:
        return checks_assignment(self.path)

    def _getobj(self) -> types.ModuleType:
        return load_checks_module(self.assignment)

    def collect(self) -> list[CheckItem]:
        if not self.config.getoption("submission"):
            raise self.CollectError(
                "give the submission to check: --submission path/to/notebook.ipynb (the "
                f"reference is solutions/{self.assignment.id}/{self.assignment.graded_file})"
            )
        self.checks = checks_of(self.obj)
        _provide_student_fixtures(self.config, {n for c in self.checks for n in c.student_names})
        self.add_marker(pytest.mark.usefixtures(GRADING_FIXTURE))
        return [CheckItem.of(self, spec) for spec in self.checks]


class CheckItem(pytest.Function):
    """One check as a pytest test: the function the notebook's check cell became."""

    spec: CheckSpec
    result: CheckResult | None = None

    @classmethod
    def of(cls, module: ChecksModule, spec: CheckSpec) -> CheckItem:
        item = cls.from_parent(module, name=spec.function.__name__, callobj=spec.function)
        item.spec = spec
        item.add_marker("hidden" if spec.hidden else "public")
        if spec.bonus:
            item.add_marker("bonus")
        item.user_properties += [("grade_id", spec.grade_id), ("points", spec.points)]
        return item

    def runtest(self) -> None:
        grading: Grading = self.funcargs[GRADING_FIXTURE]
        try:
            with grading.judge.checking(self.spec):  # or why the check cannot run
                super().runtest()
        except Exception as exc:
            self.result = grading.judge.result(self.spec, exc)
            raise
        else:
            self.result = grading.judge.result(self.spec, None)
        finally:
            if self.result is not None:
                grading.report.results.append(self.result)
                self.user_properties.append(("score", self.result.score))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:
        if self.result is None:  # not the check's own failure (e.g. an interrupt)
            return super().repr_failure(excinfo)
        if self.config.getoption("show_hidden"):
            return f"{self.result.output}\n\n{super().repr_failure(excinfo)}"
        return self.result.output


@pytest.hookimpl(tryfirst=True)
def pytest_exception_interact(node: pytest.Item, call, report) -> None:
    """Before ``--pdb`` opens the debugger on a failed check, lift its deadline, so that the
    student's functions can still be called there (the next check sets its own)."""
    grading = getattr(node, "funcargs", {}).get(GRADING_FIXTURE)
    if grading is not None and grading.judge.student and node.config.getoption("usepdb"):
        grading.judge.student.deadline = None


@dataclass
class Grading:
    """One checks module's run: the judge of its checks and the report its results go to."""

    judge: Judge
    report: GradeReport


@pytest.fixture(scope="module", name=GRADING_FIXTURE)
def grading(request: pytest.FixtureRequest) -> Iterator[Grading]:
    """The submission loaded into its student process for the whole module, as in a grade."""
    module: ChecksModule = request.node
    assignment = module.assignment
    given = request.config.invocation_params.dir / request.config.getoption("submission")
    with (
        tempfile.TemporaryDirectory(prefix="nnkit-variant-") as scratch,
        loaded_submission(
            assignment,
            _submission(assignment, given, Path(scratch)),
            trusted=request.config.getoption("trusted"),
        ) as loaded,
    ):
        report = GradeReport(assignment.id, [], notes=loaded.notes)
        request.config.stash[GRADED].append(report)
        yield Grading(judge_of(assignment, module.checks, loaded), report)


def _student_object(request: pytest.FixtureRequest, nnkit_grading: Grading) -> Any:
    """The proxy into the student process that the check's parameter of this name receives."""
    return nnkit_grading.judge.argument(request.node.spec, request.fixturename)


def _provide_student_fixtures(config: pytest.Config, names: set[str]) -> None:
    """Give every parameter name of the checks a fixture (`_student_object`), once."""
    new = sorted(names - config.stash[PROVIDED])
    if not new:
        return
    holder = types.ModuleType("nnkit_student_objects")
    for name in new:
        setattr(holder, name, pytest.fixture(name=name)(_student_object))
    config.pluginmanager.register(holder, f"nnkit-student-objects-{','.join(new)}")
    config.stash[PROVIDED] |= set(new)


def _submission(assignment: Assignment, path: Path, scratch: Path) -> Path:
    """The file to grade for `path`: the path itself, or for a file of the assignment's
    mistakes/ or alternatives/, the reference with that variant applied (written in `scratch`)."""
    path = path.resolve()
    mistakes, alternatives = (
        assignment.paths.mistakes_dir.resolve(),
        assignment.paths.alternatives_dir.resolve(),
    )
    if path.parent not in (mistakes, alternatives):
        return path
    # variants reads notebooks with nbformat, whose import takes seconds: only for a variant
    from autograder.variants import load_alternatives, load_mistakes, write_variant

    load = load_mistakes if path.parent == mistakes else load_alternatives
    variant = next(v for v in load(assignment) if v.name == path.stem)
    return write_variant(assignment, variant, scratch)


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    """The score of each assignment's checks that ran, with the notes the grader gives."""
    for report in config.stash.get(GRADED, []):
        terminalreporter.write_sep("-", f"{report.assignment_id}: {format_score(report)} points")
        for note in report.notes:
            terminalreporter.write_line(f"note: {note}")
