"""What goes beside an assignment's notebook (the checks' helpers, its support files and
packages), and the copying of it into a release, the student process's folder or nbgrader's."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from autograder.layout import CHECKS_HELPERS

if TYPE_CHECKING:
    from autograder.manifest import Assignment


def support_sources(assignment: Assignment) -> dict[str, Path]:
    """Name next to the notebook -> the kit file or package folder of that name, which the
    release, the grader's student process and nbgrader's kernel get a copy of."""
    files = (CHECKS_HELPERS, *assignment.support_files)
    return {Path(f).name: assignment.root / f for f in files}


def copy_support_files(assignment: Assignment, folder: Path) -> None:
    """Put every support file and package (its ``.py`` files only) into `folder`."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, source in support_sources(assignment).items():
        target = Path(folder) / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=_all_but_python_files)
        else:
            shutil.copy(source, target)


def _all_but_python_files(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if not n.endswith(".py")]
