"""Assignment manifests: ``solutions/<id>/assignment.toml`` says everything the kit needs to know.

The kit never lists assignments or files in code; it reads them from the manifests.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from autograder.errors import KitError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10, as on some Gradescope images
    import tomli as tomllib

KIT_ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "assignment.toml"
# The checks' helpers, at the kit's root: a copy goes beside every notebook (`support_sources`).
CHECKS_HELPERS = "nnkit_checks.py"
# What grading imports of the kit itself: the engine, the checks' helpers, the dataset loaders.
ENGINE = ("autograder", CHECKS_HELPERS, "datasets/nnkit_datasets")
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
    """One assignment: its files, its limits, and where its generated outputs go."""

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

    def extra_requirement_pins(self) -> list[str]:
        """The lines of the extra requirements file that pin a package (``torch==2.13.0``)."""
        if self.extra_requirements is None:
            return []
        lines = (self.root / self.extra_requirements).read_text().splitlines()
        return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith(("#", "-"))]

    def extra_packages(self) -> list[str]:
        """The names of the extra required packages (``torch``), which are also what they are
        imported as."""
        return [
            re.split(r"[=<>!~\[; ]", pin, maxsplit=1)[0] for pin in self.extra_requirement_pins()
        ]

    def missing_packages(self) -> list[str]:
        """The extra requirements that are not installed in this environment."""
        return [name for name in self.extra_packages() if importlib.util.find_spec(name) is None]

    def skip_reason(self) -> str | None:
        """Why this assignment cannot be graded here (a missing optional package), or None."""
        missing = self.missing_packages()
        if not missing:
            return None
        return (
            f"{self.id} needs {', '.join(missing)}, which is not installed: "
            f"pip install -r {self.extra_requirements}"
        )

    @property
    def graded_file(self) -> str:
        """The file the grader reads: the student module if there is one, else the notebook."""
        return self.student_module or self.notebook

    @property
    def source_dir(self) -> Path:
        return self.root / "solutions" / self.id

    @property
    def release_dir(self) -> Path:
        return self.root / "assignments" / self.id

    @property
    def source_notebook(self) -> Path:
        return self.source_dir / self.notebook

    @property
    def release_notebook(self) -> Path:
        return self.release_dir / self.notebook

    @property
    def source_submission(self) -> Path:
        """The reference submission: the source module (solutions in place) or notebook."""
        return self.source_dir / self.graded_file

    @property
    def release_submission(self) -> Path:
        return self.release_dir / self.graded_file

    @property
    def mistakes_dir(self) -> Path:
        return self.source_dir / "mistakes"

    @property
    def alternatives_dir(self) -> Path:
        return self.source_dir / "alternatives"

    @property
    def checks_file(self) -> Path:
        """The generated checks module, outside the engine package (`checkgen`)."""
        return self.root / "checks" / f"{self.id}.py"

    def support_sources(self) -> dict[str, Path]:
        """Name next to the notebook -> the kit file or package folder of that name, which the
        release, the grader's student process and nbgrader's kernel get a copy of."""
        return {Path(f).name: self.root / f for f in (CHECKS_HELPERS, *self.support_files)}

    def copy_support_files(self, folder: Path) -> None:
        """Put every support file and package (its ``.py`` files only) into `folder`."""
        Path(folder).mkdir(parents=True, exist_ok=True)
        for name, source in self.support_sources().items():
            target = Path(folder) / name
            if source.is_dir():
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(source, target, ignore=_all_but_python_files)
            else:
                shutil.copy(source, target)

    @property
    def grading_data_dir(self) -> Path:
        """The grading data's folder, outside every folder nbgrader copies into a release."""
        return self.root / "grading_data" / self.id

    @property
    def diagnoses_file(self) -> Path:
        """The library of known mistakes' behaviour on the checks (diagnosis.py), recorded by
        `validate`; grading data, never in a release."""
        return self.grading_data_dir / "diagnoses.json"

    def grading_data_files(self) -> list[Path]:
        """Where the grading data lives for the judge, nbgrader's kernel and the zip."""
        return [self.grading_data_dir / data.file for data in self.grading_data]


def _all_but_python_files(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if not n.endswith(".py")]


def load_assignment(assignment_id: str, root: Path = KIT_ROOT) -> Assignment:
    """Read ``solutions/<assignment_id>/assignment.toml``."""
    path = root / "solutions" / assignment_id / MANIFEST
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
    shipped = {Path(name).stem for name in assignment.support_sources()}
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
        for path in sorted((root / "solutions").glob(f"*/{MANIFEST}"))
    ]
