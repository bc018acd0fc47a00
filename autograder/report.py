"""The only module that knows output formats: Gradescope's results.json, the gradebook CSV,
the class's results files and the text table.

What students see (Gradescope's results, the notes) never holds the report's `grader_error`;
the instructor reads it in the text table (Gradescope shows a run's printed output to
instructors only), in grade-all's results files and in the class report.
"""

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

from autograder.checkspec import CheckInfo
from autograder.errors import KitError
from autograder.layout import KIT_ROOT
from autograder.manifest import Assignment
from autograder.results import CheckResult, Graded, GradeReport

MAX_OUTPUT_CHARS = 2000
# A grade's own folder (sandbox.grade_folder) and the student's scratch folder inside it.
SCRATCH_PATH = re.compile(re.escape(tempfile.gettempdir()) + r"/nnkit-\w+(?:/work)?")
GRADEBOOK_COLUMNS = ("student", "score", "max_score", "graded")  # then one column per check


class UnsafeOutput(KitError):
    """The results folder could let someone else redirect or replace the report."""


def new_report(assignment: Assignment) -> GradeReport:
    """An empty report for a submission of `assignment`, whose Gradescope results show hidden
    checks as its manifest says (``[gradescope] hidden_visibility``)."""
    return GradeReport(assignment.id, [], hidden_visibility=assignment.hidden_visibility)


def to_gradescope(report: GradeReport) -> dict:
    """Gradescope's results format: score, execution_time, output and one entry per check.

    A bonus check reports its points with a max_score of 0, and the total score counts them:
    Gradescope accepts a score above the assignment's points, which is how it shows extra credit.
    A hidden check's entry has the report's `hidden_visibility`.
    """
    return {
        "score": report.score,
        "execution_time": round(report.execution_time, 3),
        "output": _bounded("\n".join(report.notes).strip()),  # protections: the CLI's table
        "stdout_visibility": "hidden",
        "tests": [
            {
                "name": result.check.title,
                "number": result.grade_id,
                "score": result.score,
                "max_score": 0.0 if result.check.bonus else result.max_score,
                "status": "passed" if result.passed else "failed",
                "visibility": report.hidden_visibility if result.check.hidden else "visible",
                "output": _bounded(_feedback(result)),
            }
            for result in report.results
        ],
    }


def write_gradescope(report: GradeReport, path: Path) -> None:
    """Write results.json."""
    write_json(to_gradescope(report), path)


def to_results(report: GradeReport) -> dict:
    """A class's results file (``results/<student>.json``): Gradescope's results, with what
    only the instructor reads in Gradescope's ``extra_data``: why the grader failed, and each
    check as its cell states it with its outcome (`results.OUTCOMES`)."""
    checks = {
        r.grade_id: {
            "points": r.check.points,
            "hidden": r.check.hidden,
            "hint": r.check.hint,
            "bonus": r.check.bonus,
            "kind": r.kind,
        }
        for r in report.results
    }
    extra = {"grader_error": report.grader_error, "checks": checks}
    return {**to_gradescope(report), "extra_data": extra}


def from_results(data: dict, assignment_id: str = "") -> GradeReport:
    """The report a results file (`to_results`) holds, as far as it was written down: each
    check's output is what the student saw (diagnosis included). An older file without
    ``extra_data`` gives each check its Gradescope status as its outcome."""
    extra = data.get("extra_data") if isinstance(data.get("extra_data"), dict) else {}
    stated = extra.get("checks", {})
    results = []
    for test in data.get("tests", []):
        if not isinstance(test, dict):
            continue
        grade_id = str(test.get("number"))
        cell = stated.get(grade_id, {})
        info = CheckInfo(
            grade_id,
            str(test.get("name", grade_id)),
            float(cell.get("points", test.get("max_score", 0.0))),
            bool(cell.get("hidden", test.get("visibility", "visible") != "visible")),
            str(cell.get("hint", "")),
            bool(cell.get("bonus", False)),
        )
        kind = str(cell.get("kind", test.get("status", "")))
        results.append(
            CheckResult(info, float(test.get("score", 0.0)), str(test.get("output", "")), kind)
        )
    return GradeReport(
        assignment_id,
        results,
        execution_time=float(data.get("execution_time", 0.0)),
        notes=[line for line in str(data.get("output", "")).splitlines() if line.strip()],
        grader_error=str(extra.get("grader_error", "")),
    )


def gradebook_rows(rows: list[Graded]) -> list[list]:
    """The gradebook's CSV rows: a header, then a row per student in the given order (total,
    maximum, whether grading itself worked, then each check's score, checks sorted by id).
    A row the grader failed on has empty score cells, never a zero."""
    checks = sorted({name for row in rows for name in row.checks})
    table = [[*GRADEBOOK_COLUMNS, *checks]]
    for row in rows:
        cells = [row.checks.get(name, "") for name in checks]
        totals = [row.score, row.max_score] if row.grader_ok else ["", ""]
        table.append([row.student, *totals, row.grader_ok, *cells])
    return table


def graded_from_row(line: dict[str, str], results: dict) -> Graded:
    """One gradebook row read back (csv.DictReader's `line`) with its results file."""
    return Graded(
        student=line["student"],
        score=_number(line["score"]),
        max_score=_number(line["max_score"]),
        checks={
            c: float(v)
            for c, v in line.items()
            if c is not None and c not in GRADEBOOK_COLUMNS and v not in ("", None)
        },
        grader_ok=line.get("graded", "True") == "True",
        report=from_results(results),
    )


def _number(cell: str | None) -> float | None:
    return float(cell) if cell not in ("", None) else None


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
    ones the notebook's overview prints (`nnkit_checks.format_rows`). For the instructor: it
    names why the grader failed, if it did."""
    lines = [f"{report.assignment_id}: {format_score(report)} points"]
    lines += [f"  note: {note}" for note in report.notes]
    lines += [f"  grader error: {report.grader_error}"] if report.grader_error else []
    lines += [f"  sandbox: {report.protections}"] if report.protections else []
    rows = [
        TableRow(
            r.check.title,
            r.score,
            r.max_score,
            ("hidden" if r.check.hidden else "public") + (" bonus" if r.check.bonus else ""),
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
