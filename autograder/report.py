"""The only module that knows output formats: Gradescope's results.json and the text table."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import sysconfig
import tempfile
from pathlib import Path

from nnkit_checks import TableRow, format_rows

from autograder.errors import KitError
from autograder.manifest import KIT_ROOT
from autograder.results import CheckResult, GradeReport

MAX_OUTPUT_CHARS = 2000
# A grade's own folder (sandbox.grade_folder) and the student's scratch folder inside it.
SCRATCH_PATH = re.compile(re.escape(tempfile.gettempdir()) + r"/nnkit-\w+(?:/work)?")


class UnsafeOutput(KitError):
    """The results folder could let someone else redirect or replace the report."""


def to_gradescope(report: GradeReport, hidden_visibility: str = "visible") -> dict:
    """Gradescope's results format: score, execution_time, output and one entry per check.

    A bonus check reports its points with a max_score of 0, and the total score counts them:
    Gradescope accepts a score above the assignment's points, which is how it shows extra credit.
    """
    return {
        "score": report.score,
        "execution_time": round(report.execution_time, 3),
        "output": _bounded("\n".join(report.notes).strip()),  # protections: the CLI's table
        "stdout_visibility": "hidden",
        "tests": [
            {
                "name": result.title,
                "number": result.grade_id,
                "score": result.score,
                "max_score": 0.0 if result.bonus else result.max_score,
                "status": "passed" if result.passed else "failed",
                "visibility": hidden_visibility if result.hidden else "visible",
                "output": _bounded(_feedback(result)),
            }
            for result in report.results
        ],
    }


def write_gradescope(report: GradeReport, path: Path, hidden_visibility: str = "visible") -> None:
    """Write results.json."""
    write_json(to_gradescope(report, hidden_visibility), path)


def write_json(data: dict, path: Path) -> None:
    """Write `data` as JSON atomically, so a reader never sees half a file.

    The temporary file is created exclusively (never through a link someone planted) in the
    target folder, then renamed over `path` (which replaces a link there, never follows it).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    check_output_folder(path.parent)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "w") as stream:
            stream.write(json.dumps(data, indent=2))
        os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def check_output_folder(folder: Path) -> None:
    """As root, refuse a results folder others may write to, or that sits in a folder others
    may write to without the sticky bit (they could swap it for a link): UnsafeOutput."""
    if os.geteuid() != 0:
        return
    folder = Path(folder).absolute()
    for place in [folder, *folder.parents]:
        try:
            mode = os.stat(place).st_mode
        except FileNotFoundError:
            continue
        if mode & stat.S_IWOTH and (place == folder or not mode & stat.S_ISVTX):
            raise UnsafeOutput(
                f"refusing to write results into {folder}: {place} is writable by other users "
                "(choose a folder only root can write to)"
            )


def format_table(report: GradeReport) -> str:
    """A plain-text score table with one line of feedback per failed check: the rows are the
    ones the notebook's overview prints (`nnkit_checks.format_rows`)."""
    lines = [f"{report.assignment_id}: {format_score(report)} points"]
    lines += [f"  note: {note}" for note in report.notes]
    lines += [f"  sandbox: {report.protections}"] if report.protections else []
    rows = [
        TableRow(
            r.title,
            r.score,
            r.max_score,
            ("hidden" if r.hidden else "public") + (" bonus" if r.bonus else ""),
            "" if r.passed else r.output,
            "" if r.passed else r.diagnosis,
        )
        for r in report.results
    ]
    return "\n".join(lines + format_rows(rows))


def _feedback(result: CheckResult) -> str:
    """What a student reads under a check: its output, then the likely mistake, if named."""
    return "\n".join(text for text in (result.output, result.diagnosis) if text)


def format_score(report: GradeReport, sep: str = " / ") -> str:
    """'12 / 14', or '12 / 14 + 3 / 5 bonus' when the assignment has extra credit."""
    regular = f"{round(report.score - report.bonus_score, 6):g}{sep}{report.max_score:g}"
    if not report.bonus_max_score:
        return regular
    return f"{regular} + {report.bonus_score:g}{sep}{report.bonus_max_score:g} bonus"


def _bounded(text: str) -> str:
    """What a student may see of `text`: no paths of the grader's machine, at most
    MAX_OUTPUT_CHARS characters."""
    text = SCRATCH_PATH.sub("<your folder>", text)
    for path, placeholder in _grader_paths():
        text = re.sub(re.escape(path) + r"(?=/|\b|$)", placeholder, text)
    if len(text) <= MAX_OUTPUT_CHARS:
        return text
    return text[: MAX_OUTPUT_CHARS - 20] + "\n[... output cut]"


def _grader_paths() -> list[tuple[str, str]]:
    """The grader's folders, longest first, and what students see instead: the kit, the
    Python environment and its library folders (never a bare system prefix such as /usr)."""
    paths = {
        str(KIT_ROOT): "<grader>",
        sys.prefix: "<python>",
        sys.base_prefix: "<python>",
        **{sysconfig.get_paths()[kind]: "<python>" for kind in ("stdlib", "purelib", "platlib")},
        str(Path.home()): "<home>",
    }
    shared = {"/", "/usr", "/usr/local", "/opt"}
    kept = [(p, name) for p, name in paths.items() if p not in shared and len(p) > 1]
    return sorted(kept, key=lambda x: -len(x[0]))
