"""The Gradescope autograder zip: ``setup.sh`` and ``run_autograder`` at its root, pinned
requirements (with the assignment's extra requirements, e.g. torch), the grading engine, the
checks' helpers and the dataset loaders, one assignment's checks, its manifest, its support
files and its grading data.

The zip mirrors the kit's layout, so the engine finds everything as it does in the kit. The
grading data (the fixed subsets the hidden checks read) is cut at build time and shipped, so
grading never downloads anything. The zip holds no solutions: the reference notebook stays with
the instructor.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from autograder import diagnosis
from autograder.grading_data import ensure_grading_data
from autograder.layout import ENGINE, KIT_ROOT
from autograder.manifest import MANIFEST, Assignment
from autograder.requirements import extra_packages, extra_requirement_pins
from autograder.staging import support_sources

TEMPLATES = Path(__file__).parent / "gradescope_files"
GRADING_PACKAGES = (
    "numpy",
    "nbformat",
    "matplotlib",
    "tqdm",
)  # what the judge and notebooks import
ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the same inputs give the same zip
# Where Gradescope's pip finds the CPU-only build of an extra requirement: PyPI's Linux torch
# wheels pull in gigabytes of CUDA libraries that a CPU grader never uses.
CPU_INDEXES = {"torch": "--extra-index-url https://download.pytorch.org/whl/cpu"}


def grading_requirements(root: Path) -> str:
    """The pins of the grading packages, taken from the kit's requirements.txt."""
    pins = {}
    for line in (root / "requirements.txt").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==", line.strip())
        if match:
            pins[match.group(1).lower()] = line.strip()
    missing = [p for p in GRADING_PACKAGES if p not in pins]
    if missing:
        raise ValueError(f"requirements.txt pins none of {missing}")
    lines = [pins[p] for p in GRADING_PACKAGES] + ['tomli==2.2.1; python_version < "3.11"']
    return "\n".join(lines) + "\n"


def bundle_requirements(assignment: Assignment) -> str:
    """The zip's requirements.txt: the grading pins, then the assignment's extra requirements
    (with the index of their CPU build, if they have one)."""
    indexes = sorted({CPU_INDEXES[n] for n in extra_packages(assignment) if n in CPU_INDEXES})
    lines = [*indexes, *extra_requirement_pins(assignment)]
    return grading_requirements(assignment.root) + "".join(f"{line}\n" for line in lines)


def bundle_contents(assignment: Assignment) -> dict[str, bytes]:
    """Archive name -> bytes of every file in the zip.

    The engine, the checks' helpers and the loaders are this kit's own; the checks, manifest,
    pins, support files and data come from the assignment's course.
    """
    root, paths = assignment.root, assignment.paths
    files = {
        "setup.sh": (TEMPLATES / "setup.sh").read_bytes(),
        "run_autograder": (TEMPLATES / "run_autograder")
        .read_text()
        .replace("@ASSIGNMENT_ID@", assignment.id)
        .encode(),
        "requirements.txt": bundle_requirements(assignment).encode(),
        f"solutions/{assignment.id}/{MANIFEST}": (paths.source_dir / MANIFEST).read_bytes(),
        paths.checks_file.relative_to(root).as_posix(): paths.checks_file.read_bytes(),
    }
    for module in engine_files():
        files[module.relative_to(KIT_ROOT).as_posix()] = module.read_bytes()
    for path in support_sources(assignment).values():
        for module in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            files[module.relative_to(root).as_posix()] = module.read_bytes()
    if assignment.extra_requirements:  # the manifest names the file
        files[assignment.extra_requirements] = (root / assignment.extra_requirements).read_bytes()
    for path in ensure_grading_data(assignment):
        files[path.relative_to(root).as_posix()] = path.read_bytes()
    if diagnosis.current_library(paths.diagnoses_file, paths.checks_file):
        # recorded by validate for these checks; without it, no diagnoses
        files[paths.diagnoses_file.relative_to(root).as_posix()] = paths.diagnoses_file.read_bytes()
    return files


def engine_files() -> list[Path]:
    """The kit's own Python files that grading imports (`layout.ENGINE`)."""
    paths = [KIT_ROOT / name for name in ENGINE]
    return sorted(m for p in paths for m in (sorted(p.glob("*.py")) if p.is_dir() else [p]))


def write_bundle(assignment: Assignment, out_dir: Path) -> Path:
    """Write ``<out_dir>/<id>_autograder.zip`` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{assignment.id}_autograder.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(bundle_contents(assignment).items()):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.external_attr = (0o755 if name in ("setup.sh", "run_autograder") else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path
