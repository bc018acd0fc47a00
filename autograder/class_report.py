"""The class report: one self-contained HTML page an instructor reads after ``grade-all``.

It is built from what grading wrote (``gradebook.csv``, ``results/<student>.json``) and, for
possible copying, from the submissions themselves; styles and figures are inline, so the page
opens from the file system with no network. ``python -m autograder report <graded folder>``
rebuilds it without regrading.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

import numpy as np

from autograder import class_figures, class_stats
from autograder.bulk import find_submissions
from autograder.gradebook import GRADEBOOK, read_gradebook
from autograder.layout import KIT_ROOT
from autograder.manifest import Assignment, ManifestError, load_assignment
from autograder.results import PASSED, Graded
from autograder.similarity import THRESHOLD, Copying, find_copying
from autograder.solution_regions import Regions, code_names, release_code, submission_cells

REPORT = "report.html"
SOURCES = "report_sources.json"  # which assignment and submissions the page was built from
SLOWEST = 10
SHOWN_PAIRS = 30

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; padding: 0 1.5em;
       max-width: 70em; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.8em 0; }
td, th { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.flag td { background: #fff4e5; }
.how { color: #555; font-size: 0.93em; max-width: 52em; }
pre, code { font: 13px/1.35 ui-monospace, monospace; white-space: pre-wrap; margin: 0; }
figure { margin: 0.5em 0; } svg { max-width: 100%; height: auto; }
"""


def write_class_report(
    assignment: Assignment, graded: Path, submissions: Path | None = None
) -> Path | None:
    """Write ``<graded>/report.html`` and note where its inputs are, so `rebuild_class_report`
    can make it again. A report that cannot be made costs one line on stderr, never the grades.

    returns: the page's path, or None when it could not be written.
    """
    graded = Path(graded)
    sources = {
        "assignment": assignment.id,
        "submissions": str(Path(submissions).resolve()) if submissions else None,
    }
    try:
        (graded / SOURCES).write_text(json.dumps(sources, indent=2))
        page = render_class_report(assignment, graded, submissions)
    except Exception as exc:  # noqa: BLE001 - the grades are written; the page is an extra
        print(
            f"the class report could not be written: {type(exc).__name__}: {exc}", file=sys.stderr
        )
        return None
    (graded / REPORT).write_text(page, encoding="utf-8")
    return graded / REPORT


def rebuild_class_report(
    graded: Path,
    *,
    assignment_id: str | None = None,
    submissions: Path | None = None,
    root: Path = KIT_ROOT,
) -> Path | None:
    """The page again from the results in `graded`, for the assignment and submissions noted
    when it was first written (or given here)."""
    graded = Path(graded)
    if not (graded / GRADEBOOK).is_file():
        raise ManifestError(f"{graded} holds no {GRADEBOOK}; run grade-all first")
    noted = json.loads((graded / SOURCES).read_text()) if (graded / SOURCES).is_file() else {}
    assignment_id = assignment_id or noted.get("assignment") or graded.name
    folder = submissions or (Path(noted["submissions"]) if noted.get("submissions") else None)
    return write_class_report(load_assignment(assignment_id, root), graded, folder)


def render_class_report(assignment: Assignment, graded: Path, submissions: Path | None) -> str:
    """The whole page as HTML text."""
    students = read_gradebook(graded)
    copying, why_not = class_copying(assignment, submissions)
    sections = [
        _scores(students),
        _checks(students),
        _mistakes(students),
        _ungraded(students),
        _times(students),
        _copying(copying, why_not),
        _submissions(students),
    ]
    title = f"{assignment.title} ({assignment.id}): class report"
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{_e(title)}</h1>{''.join(sections)}"
        f"<script type='application/json' id='report-data'>{_data(students)}</script>"
        "</body></html>\n"
    )


def class_copying(assignment: Assignment, submissions: Path | None) -> tuple[Copying | None, str]:
    """The comparison of what each student wrote, or None and why it could not be made."""
    if submissions is None or not Path(submissions).is_dir():
        where = f" ({submissions} is not a folder)" if submissions else ""
        return None, (
            "The submissions were not found" + where + ": rebuild with "
            "`python -m autograder report <graded folder> --submissions <folder>`."
        )
    try:
        release = release_code(assignment)
        regions = Regions.of(release)
        written = {
            s.student: regions.written(submission_cells(assignment, s.path))
            for s in find_submissions(assignment, Path(submissions))
        }
        return find_copying(written, code_names(release)), ""
    except Exception as exc:  # noqa: BLE001 - the rest of the page stands without this part
        return None, f"The comparison could not be made: {type(exc).__name__}: {exc}"


def _scores(students: list[Graded]) -> str:
    summary = class_stats.score_summary(students)
    rows = [
        ("submissions", f"{summary['count']}"),
        ("mean", _n(summary["mean"])),
        ("median", _n(summary["median"])),
        ("standard deviation", _n(summary["std"])),
        ("maximum points", _n(summary["max_score"])),
    ]
    figure = ""
    if summary["count"]:
        scores = np.array([s.score for s in students if s.score is not None])
        figure = class_figures.score_histogram(
            scores, summary["max_score"], summary["mean"], summary["median"]
        )
    return _section(
        "scores",
        "Scores",
        "How the totals in the gradebook spread: every submission with a score counts, those "
        "that did not load included (a submission the grader itself failed on has no score). "
        "A pile-up at zero is usually submissions that did not load; two humps often mean one "
        "task split the class.",
        _table("summary", ["", "value"], rows) + _figure(figure),
    )


def _checks(students: list[Graded]) -> str:
    stats = class_stats.item_analysis(students)
    rows = [
        (
            f"<code>{_e(s.grade_id)}</code>",
            _e(s.title),
            _n(s.points),
            f"{s.passed} / {s.graded}",
            f"{100 * s.pass_rate:.0f}%",
            "n/a" if s.discrimination is None else f"{s.discrimination:.2f}",
            _e(s.flag),
        )
        for s in stats
    ]
    figure = ""
    if stats:
        figure = class_figures.check_map(
            np.array([s.pass_rate for s in stats]),
            np.array([np.nan if s.discrimination is None else s.discrimination for s in stats]),
            [s.grade_id for s in stats],
            np.array([s.stands_out for s in stats]),
        )
    head = ["check", "title", "points", "passed", "pass rate", "discrimination", "stands out"]
    return _section(
        "checks",
        "Checks: pass rate and discrimination",
        "Pass rate: the share of graded submissions that passed the check. Discrimination: the "
        "pass rate among the strongest 27 % of submissions minus that among the weakest 27 %, "
        "ranked by their score on the other checks (from -1 to 1). Above 0.3 a check separates "
        "strong from weak work well; near 0 it does not; below 0 strong submissions fail it "
        "more than weak ones. The checks that stand out come first: one nobody passes, or with "
        "a low or negative discrimination, is usually a bad check or a task explained badly.",
        _figure(figure)
        + _table(
            "checks",
            head,
            rows,
            raw=True,
            flagged=[s.stands_out for s in stats],
        ),
    )


def _mistakes(students: list[Graded]) -> str:
    groups = class_stats.common_mistakes(students)
    titles = class_stats.check_titles(students)
    parts = []
    for grade_id, found in sorted(groups.items(), key=lambda g: (-g[1].failed, g[0])):
        rows = [
            (
                str(len(m.students)),
                f"<pre>{_e(m.message)}</pre>",
                _e(", ".join(m.students[:8]) + (" ..." if len(m.students) > 8 else "")),
            )
            for m in found.groups
        ]
        parts.append(
            f"<h3><code>{_e(grade_id)}</code> {_e(titles[grade_id][0])}: "
            f"failed by {found.failed}</h3>"
            + _table(f"mistakes-{grade_id}", ["submissions", "message", "who"], rows, raw=True)
        )
    return _section(
        "mistakes",
        "Common mistakes per check",
        "For each failed check, the messages students got, grouped when they differ only in "
        "numbers, most frequent first (at most five). A large group is a mistake worth a word "
        "in the next lecture. Hidden checks show their hint plus what went wrong, if anything "
        "raised. Submissions that could not be graded normally are left out here.",
        "".join(parts) or "<p>No check failed.</p>",
    )


def _ungraded(students: list[Graded]) -> str:
    found = class_stats.ungraded(students)
    rows = [(u.student, u.kind, f"<pre>{_e(u.reason)}</pre>") for u in found]
    return _section(
        "ungraded",
        "Submissions not graded normally",
        "Grader failure: the grader itself broke (a missing checks module, misconfiguration, a "
        "grading process that died); regrade them once fixed. Not gradable: nothing usable was "
        "submitted (no notebook, not a notebook, a missing module). Crashed while loading: the "
        "code failed before any check ran. Timeout and crash: some checks ran out of time or "
        "the student's code ended the grading process; their other checks were graded.",
        _table(
            "ungraded",
            ["student", "what happened", "reason"],
            [(_e(a), _e(b), c) for a, b, c in rows],
            raw=True,
        )
        if rows
        else "<p>Every submission was graded normally.</p>",
    )


def _times(students: list[Graded]) -> str:
    times = class_stats.grading_times(students)
    seconds = np.array(list(times.values()))
    slowest = sorted(times.items(), key=lambda t: -t[1])[:SLOWEST]
    rows = [(student, _n(t)) for student, t in slowest]
    summary = (
        f"<p>Total {_n(seconds.sum())} s, median {_n(np.median(seconds))} s, "
        f"slowest {_n(seconds.max())} s.</p>"
        if len(seconds)
        else "<p>No submission was graded.</p>"
    )
    return _section(
        "times",
        "Grading time per submission",
        "Seconds the grader spent on each submission (loading it and running every check, "
        "not waiting for a worker). A long tail points at slow or looping code; if many "
        "submissions come near the time limit, the limit or a check's workload may be too "
        "tight. The full list is in the table of all submissions below.",
        summary
        + (_figure(class_figures.time_histogram(seconds)) if len(seconds) else "")
        + _table("slowest", ["student", "seconds"], rows),
    )


def _copying(copying: Copying | None, why_not: str) -> str:
    how = (
        "This is a prompt for review, not a verdict. Each submission's own code (what it wrote "
        "in the places the release left for it; the release's code and the stubs are left out) "
        "is compared with every other after names, numbers, strings, comments, formatting and "
        "the order of statements are set aside. Statements most of the class wrote alike weigh "
        "little, rare ones a lot; a similarity of 1 means the same rare statements throughout. "
        "Short assignments and common solutions make honest look-alikes: read the shared lines "
        "before drawing any conclusion, and talk to the students first."
    )
    if copying is None:
        return _section("copying", "Possible copying, for review", how, f"<p>{_e(why_not)}</p>")
    pairs = copying.pairs[:SHOWN_PAIRS]
    parts = [
        f"<p>{copying.compared} of {len(copying.students)} submissions wrote code to compare; "
        f"{len(copying.pairs)} pairs reach a similarity of {THRESHOLD} or more"
        + (f" (the first {SHOWN_PAIRS} are shown)" if len(copying.pairs) > SHOWN_PAIRS else "")
        + ".</p>",
        _figure(class_figures.similarity_histogram(copying.best, THRESHOLD)),
    ]
    if copying.clusters:
        rows = [(str(len(c)), _e(", ".join(c))) for c in copying.clusters]
        parts.append(
            "<h3>Groups of three or more</h3>"
            + _table("clusters", ["size", "students"], rows, raw=True)
        )
    if pairs:
        rows = [
            (
                _e(p.a),
                _e(p.b),
                f"{p.similarity:.2f}",
                f"{len(p.shared)} of {p.written[0]} / {p.written[1]}",
            )
            for p in pairs
        ]
        parts.append(
            _table(
                "pairs", ["student", "student", "similarity", "shared statements"], rows, raw=True
            )
        )
    for pair in pairs:
        side = [(f"<pre>{_e(a)}</pre>", f"<pre>{_e(b)}</pre>") for a, b in pair.shared]
        parts.append(
            f"<details><summary>{_e(pair.a)} and {_e(pair.b)}: {pair.similarity:.2f}, "
            f"shared lines side by side</summary>"
            + _table("", [_e(pair.a), _e(pair.b)], side, raw=True)
            + "</details>"
        )
    return _section("copying", "Possible copying, for review", how, "".join(parts))


def _submissions(students: list[Graded]) -> str:
    rows = [
        (
            _e(s.student),
            "n/a" if s.score is None else _n(s.score),
            "n/a" if s.max_score is None else _n(s.max_score),
            f"{sum(r.kind == PASSED for r in s.report.results)} / {len(s.report.results)}",
            _n(s.report.execution_time) if s.grader_ok else "n/a",
        )
        for s in students
    ]
    head = ["student", "score", "max score", "checks passed", "grading time (s)"]
    return _section(
        "submissions",
        "All submissions",
        "The gradebook's totals with each submission's grading time, by student id.",
        f"<details><summary>{len(rows)} submissions</summary>"
        + _table("students", head, rows, raw=True)
        + "</details>",
    )


def _data(students: list[Graded]) -> str:
    """The page's numbers as JSON, for scripts that read the page."""
    data = {
        "summary": class_stats.score_summary(students),
        "checks": [
            {
                "grade_id": s.grade_id,
                "passed": s.passed,
                "graded": s.graded,
                "discrimination": s.discrimination,
            }
            for s in class_stats.item_analysis(students)
        ],
        "grading_seconds": class_stats.grading_times(students),
    }
    return json.dumps(data).replace("</", "<\\/")


def _section(anchor: str, title: str, how: str, body: str) -> str:
    return (
        f"<section id='{anchor}'><h2>{_e(title)}</h2><p class='how'>{_e(how)}</p>{body}</section>"
    )


def _figure(svg: str) -> str:
    return f"<figure>{svg}</figure>" if svg else ""


def _table(table_id: str, head: list[str], rows, *, raw: bool = False, flagged=None) -> str:
    """A table; cells are escaped unless `raw` (the caller escaped them)."""
    flagged = flagged or [False] * len(rows)
    cells = "".join(
        f"<tr{' class=flag' if flag else ''}>"
        + "".join(f"<td{_align(c)}>{c if raw else _e(c)}</td>" for c in row)
        + "</tr>"
        for row, flag in zip(rows, flagged, strict=True)
    )
    ident = f" id='{table_id}'" if table_id else ""
    header = "".join(f"<th>{h}</th>" for h in head)
    return f"<table{ident}><thead><tr>{header}</tr></thead><tbody>{cells}</tbody></table>"


def _align(cell: str) -> str:
    plain = cell.replace(".", "").replace("%", "").replace(" / ", "")
    return " class=num" if plain.isdigit() else ""


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
