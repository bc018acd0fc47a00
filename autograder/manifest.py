"""Assignment manifests: ``solutions/<id>/assignment.toml`` says everything the kit needs to know.

The kit never lists assignments or files in code; it reads them from the manifests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10, as on some Gradescope images
    import tomli as tomllib

KIT_ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "assignment.toml"
HELPERS_NAME = "nnkit_checks.py"  # the name checklib.py gets next to each notebook
GRADESCOPE_VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


class ManifestError(Exception):
    """An assignment is missing or its manifest is wrong."""


@dataclass(frozen=True)
class Assignment:
    """One assignment: its files, its limits, and where its generated outputs go."""

    id: str
    title: str
    notebook: str
    support_files: tuple[str, ...]
    check_seconds: float
    total_seconds: float
    memory_mb: int
    hidden_visibility: str
    root: Path

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
    def mistakes_dir(self) -> Path:
        return self.source_dir / "mistakes"

    @property
    def alternatives_dir(self) -> Path:
        return self.source_dir / "alternatives"

    @property
    def checks_file(self) -> Path:
        return self.root / "autograder" / "checks" / f"{self.id}.py"

    def support_sources(self) -> dict[str, Path]:
        """File name next to the notebook -> the file in the kit it is copied from."""
        files = {HELPERS_NAME: self.root / "autograder" / "checklib.py"}
        files.update({Path(f).name: self.root / f for f in self.support_files})
        return files


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
            check_seconds=float(limits.get("check_seconds", 30)),
            total_seconds=float(limits.get("total_seconds", 480)),
            memory_mb=int(limits.get("memory_mb", 1024)),
            hidden_visibility=data.get("gradescope", {}).get("hidden_visibility", "visible"),
            root=root,
        )
    except (KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ManifestError(f"{path}: {exc}") from None
    if assignment.id != assignment_id:
        raise ManifestError(f"{path}: id {assignment.id!r} does not match its folder")
    if assignment.hidden_visibility not in GRADESCOPE_VISIBILITIES:
        raise ManifestError(f"{path}: hidden_visibility must be one of {GRADESCOPE_VISIBILITIES}")
    return assignment


def all_assignments(root: Path = KIT_ROOT) -> list[Assignment]:
    """Every assignment that has a manifest, in name order."""
    return [
        load_assignment(path.parent.name, root)
        for path in sorted((root / "solutions").glob(f"*/{MANIFEST}"))
    ]
