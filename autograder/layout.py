"""The kit's folders: where the engine is, and where each of an assignment's files lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parent.parent
# The checks' helpers, at the kit's root: a copy goes beside every notebook (`staging`).
CHECKS_HELPERS = "nnkit_checks.py"
# What grading imports of the kit itself: the engine, the checks' helpers, the dataset loaders.
ENGINE = ("autograder", CHECKS_HELPERS, "datasets/nnkit_datasets")
SOURCES = "solutions"  # one folder per assignment: its manifest and its sources


def source_dir(root: Path, assignment_id: str) -> Path:
    """The folder of an assignment's sources: its manifest, notebook, mistakes, alternatives."""
    return root / SOURCES / assignment_id


@dataclass(frozen=True)
class AssignmentPaths:
    """Where one assignment's sources, release, checks and grading data live under `root`."""

    root: Path
    id: str
    notebook: str
    graded_file: str  # the notebook, or the student module the grader reads instead
    grading_files: tuple[str, ...]  # the file names of its grading data

    @property
    def source_dir(self) -> Path:
        return source_dir(self.root, self.id)

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
        return [self.grading_data_dir / name for name in self.grading_files]
