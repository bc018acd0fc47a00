"""Assignment manifests: ``solutions/<id>/assignment.toml`` says everything the kit needs to know.

The kit never lists assignments or files in code; it reads them from the manifests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from autograder.errors import KitError
from autograder.layout import KIT_ROOT, SOURCES, AssignmentPaths, source_dir
from autograder.staging import support_sources

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10, as on some Gradescope images
    import tomli as tomllib

MANIFEST = "assignment.toml"
GRADESCOPE_VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


class ManifestError(KitError):
    """An assignment is missing or its manifest is wrong."""


@dataclass(frozen=True)
class GradingData:
    """A fixed, balanced subset of a dataset that the hidden checks read with `load_arrays`.

    It is cut at build time from whatever source the loaders find (canonical or mirror) into
    ``grading_data/<id>/``, and ships in the Gradescope zip, never in the student release.
    """

    file: str
    dataset: str
    train_per_class: int
    test_per_class: int
    seed: int = 0

    def key(self) -> str:
        """What identifies the cut; a stored file with another key is cut again."""
        return f"{self.dataset}:{self.train_per_class}:{self.test_per_class}:{self.seed}"


@dataclass(frozen=True)
class Assignment:
    """One assignment as its manifest says: its files, its limits, its Gradescope settings."""

    id: str
    title: str
    notebook: str
    support_files: tuple[str, ...]  # kit paths of files and packages shipped beside the notebook
    grading_data: tuple[GradingData, ...]
    check_seconds: float
    total_seconds: float
    memory_mb: int
    # CPU seconds of the reference notebook's longest cell run on the full dataset (nbgrader
    # runs every cell, experiments included; `nbgrader_course.execute_timeout` scales it)
    cell_cpu_seconds: float
    hidden_visibility: str
    root: Path
    student_module: str | None = None  # a .py file beside the notebook that students edit
    # Support modules (beside the notebook) whose functions the checks call in the student
    # process, e.g. nnkit_torch: they need packages the grader itself never imports.
    student_side_modules: tuple[str, ...] = ()
    extra_requirements: str | None = None  # a pip requirements file, relative to the kit root
    # mutant id -> why no check can tell it from the reference (`validate --mutants`)
    equivalent_mutants: tuple[tuple[str, str], ...] = ()
    # What the assignment is worth: its checks (bonus left out) plus its written answers,
    # which the build holds the notebook to; None when the manifest does not say.
    points: float | None = None

    @property
    def graded_file(self) -> str:
        """The file the grader reads: the student module if there is one, else the notebook."""
        return self.student_module or self.notebook

    @property
    def paths(self) -> AssignmentPaths:
        """Where this assignment's files live (`layout`)."""
        return AssignmentPaths(
            self.root,
            self.id,
            self.notebook,
            self.graded_file,
            tuple(data.file for data in self.grading_data),
        )


def load_assignment(assignment_id: str, root: Path = KIT_ROOT) -> Assignment:
    """Read ``solutions/<assignment_id>/assignment.toml``."""
    path = source_dir(root, assignment_id) / MANIFEST
    if not path.is_file():
        known = ", ".join(a.id for a in all_assignments(root)) or "none"
        raise ManifestError(f"no assignment named {assignment_id!r} (known: {known})")
    try:
        data = tomllib.loads(path.read_text())
        limits = data.get("limits", {})
        assignment = Assignment(
            id=data["id"],
            title=data["title"],
            notebook=data["notebook"],
            support_files=tuple(data.get("support_files", [])),
            grading_data=tuple(GradingData(**entry) for entry in data.get("grading_data", [])),
            check_seconds=float(limits.get("check_seconds", 30)),
            total_seconds=float(limits.get("total_seconds", 480)),
            memory_mb=int(limits.get("memory_mb", 1024)),
            cell_cpu_seconds=float(limits.get("cell_cpu_seconds", 30)),
            hidden_visibility=data.get("gradescope", {}).get("hidden_visibility", "visible"),
            root=root,
            student_module=data.get("student_module"),
            student_side_modules=tuple(data.get("student_side_modules", [])),
            extra_requirements=data.get("extra_requirements"),
            equivalent_mutants=tuple(
                (str(entry["mutant"]), str(entry["reason"]))
                for entry in data.get("equivalent_mutants", [])
            ),
            points=float(data["points"]) if "points" in data else None,
        )
    except (KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ManifestError(f"{path}: {exc}") from None
    if assignment.id != assignment_id:
        raise ManifestError(f"{path}: id {assignment.id!r} does not match its folder")
    module = assignment.student_module
    if module is not None and (not module.endswith(".py") or Path(module).name != module):
        raise ManifestError(f"{path}: student_module must be a file name ending in .py")
    shipped = {Path(name).stem for name in support_sources(assignment)}
    unknown = [m for m in assignment.student_side_modules if m not in shipped]
    if unknown:
        raise ManifestError(f"{path}: student_side_modules {unknown} are not support files")
    if assignment.extra_requirements and not (root / assignment.extra_requirements).is_file():
        raise ManifestError(
            f"{path}: extra_requirements {assignment.extra_requirements} is missing"
        )
    if assignment.hidden_visibility not in GRADESCOPE_VISIBILITIES:
        raise ManifestError(f"{path}: hidden_visibility must be one of {GRADESCOPE_VISIBILITIES}")
    return assignment


def all_assignments(root: Path = KIT_ROOT) -> list[Assignment]:
    """Every assignment that has a manifest, in name order."""
    return [
        load_assignment(path.parent.name, root)
        for path in sorted((root / SOURCES).glob(f"*/{MANIFEST}"))
    ]
