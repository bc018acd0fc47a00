"""An assignment's extra requirements (a pip requirements file, e.g. a6's torch): what they pin,
and why the assignment cannot be graded here when one of them is not installed."""

from __future__ import annotations

import importlib.util
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from autograder.manifest import Assignment


def extra_requirement_pins(assignment: Assignment) -> list[str]:
    """The lines of the extra requirements file that pin a package (``torch==2.13.0``)."""
    if assignment.extra_requirements is None:
        return []
    lines = (assignment.root / assignment.extra_requirements).read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith(("#", "-"))]


def extra_packages(assignment: Assignment) -> list[str]:
    """The names of the extra required packages (``torch``), which are also what they are
    imported as."""
    pins = extra_requirement_pins(assignment)
    return [re.split(r"[=<>!~\[; ]", pin, maxsplit=1)[0] for pin in pins]


def missing_packages(assignment: Assignment) -> list[str]:
    """The extra requirements that are not installed in this environment."""
    return [name for name in extra_packages(assignment) if importlib.util.find_spec(name) is None]


def skip_reason(assignment: Assignment) -> str | None:
    """Why this assignment cannot be graded here (a missing optional package), or None."""
    missing = missing_packages(assignment)
    if not missing:
        return None
    return (
        f"{assignment.id} needs {', '.join(missing)}, which is not installed: "
        f"pip install -r {assignment.extra_requirements}"
    )
