import csv
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from factories import TOY_SOLUTION, submission, toy_course

from autograder import bulk, class_report
from autograder.bulk import grade_all
from autograder.class_report import REPORT, rebuild_class_report
from autograder.cli import main
from autograder.grade import GRADER_FAILED
from autograder.report import to_results
from autograder.results import GradeReport

WRONG = TOY_SOLUTION.replace("return 2 * np.asarray(x, dtype=float)", "return np.asarray(x) + 2")
OWN = TOY_SOLUTION.replace(
    "    return 2 * np.asarray(x, dtype=float)\n",
    "    values = np.array(x, dtype=np.float64)\n"
    "    doubled = np.add(values, values)\n"
    "    check = np.shape(doubled)\n"
    "    result = np.copy(doubled)\n"
    "    return result\n",
)
# OWN with other names, comments and spacing, two independent lines swapped
COPIED = TOY_SOLUTION.replace(
    "    return 2 * np.asarray(x, dtype=float)\n",
    "    v = np.array(x,dtype=np.float64)  # input\n"
    "    d = np.add(v, v)\n"
    "    r = np.copy(d)\n"
    "    s = np.shape(d)\n"
    "    return r\n",
)
LOOPS = TOY_SOLUTION.replace("        self.count += n\n", "        while True:\n            pass\n")
HALF_A_CENT = 0.0051  # the page shows two decimals: within 0.005 of the value, and float error
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--window-size=1200,5000",
]


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """Six students graded by grade-all: two right, one wrong, one copy of another's own way,
    one broken notebook, one that loops in Counter.add."""
    root = tmp_path_factory.mktemp("class")
    toy = toy_course(root / "course", check_seconds=3, total_seconds=20)
    folder = root / "submitted"
    folder.mkdir()
    for student, code in [
        ("ana", TOY_SOLUTION),
        ("ben", WRONG),
        ("dee", OWN),
        ("eve", COPIED),
        ("fay", LOOPS),
        ("gus", TOY_SOLUTION),
    ]:
        (folder / student / "toy").mkdir(parents=True)
        submission(folder / student / "toy", code)
    (folder / "cy").mkdir()
    (folder / "cy" / "toy.ipynb").write_text("{not json")
    grade_all(toy, folder, root / "graded", workers=2, progress=False)
    return toy, folder, root / "graded"


class Tables(HTMLParser):
    """The text of every table cell of a page, by table id: {id: [[cell, ...], ...]}."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tables, self.current, self.row, self.cell = {}, None, None, None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.current = self.tables.setdefault(dict(attrs).get("id", ""), [])
        elif tag == "tr" and self.current is not None:
            self.row = []
        elif tag == "td" and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row:
            self.current.append(self.row)
            self.row = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def read_results(graded: Path):
    with open(graded / "gradebook.csv") as stream:
        book = {row["student"]: row for row in csv.DictReader(stream)}
    results = {s: json.loads((graded / "results" / f"{s}.json").read_text()) for s in book}
    return book, results


def test_the_pages_numbers_equal_the_gradebook_and_the_results(graded_class):
    """Scores, per-check pass counts, summary and grading times in the page, against
    gradebook.csv and results/*.json read here independently."""
    _, _, graded = graded_class
    page = (graded / REPORT).read_text()
    tables = Tables(page).tables
    book, results = read_results(graded)

    rows = {r[0]: r for r in tables["students"]}
    assert sorted(rows) == sorted(book) == ["ana", "ben", "cy", "dee", "eve", "fay", "gus"]
    for student, row in book.items():
        shown = rows[student]
        assert float(shown[1]) == pytest.approx(float(row["score"]), abs=HALF_A_CENT)
        assert float(shown[2]) == float(row["max_score"])
        passed = sum(t["status"] == "passed" for t in results[student]["tests"])
        assert shown[3] == f"{passed} / {len(results[student]['tests'])}"
        assert float(shown[4]) == pytest.approx(results[student]["execution_time"], abs=HALF_A_CENT)

    scores = np.array([float(row["score"]) for row in book.values()])
    summary = dict(tables["summary"])
    assert int(summary["submissions"]) == len(book)
    assert float(summary["mean"]) == pytest.approx(scores.mean(), abs=HALF_A_CENT)
    assert float(summary["median"]) == pytest.approx(np.median(scores), abs=HALF_A_CENT)

    checks = [c for c in book["ana"] if c not in ("student", "score", "max_score", "graded")]
    shown = {r[0]: r for r in tables["checks"]}
    assert sorted(shown) == sorted(checks)
    for check in checks:
        passed = sum(
            t["status"] == "passed"
            for r in results.values()
            for t in r["tests"]
            if t["number"] == check
        )
        assert shown[check][3] == f"{passed} / {len(book)}"
        assert shown[check][4] == f"{100 * passed / len(book):.0f}%"
    data = json.loads(re.search(r"id='report-data'>(.*?)</script>", page).group(1))
    assert data["summary"]["mean"] == pytest.approx(scores.mean())
    assert data["grading_seconds"]["ben"] == pytest.approx(results["ben"]["execution_time"])


def test_the_page_names_the_broken_and_the_slow(graded_class):
    _, _, graded = graded_class
    tables = Tables((graded / REPORT).read_text()).tables
    kinds = {row[0]: (row[1], row[2]) for row in tables["ungraded"]}
    assert sorted(kinds) == ["cy", "fay"]
    assert kinds["cy"][0] == "not gradable" and "not a valid notebook" in kinds["cy"][1]
    assert kinds["fay"][0] == "timeout" and "counter_public" in kinds["fay"][1]


def test_the_common_mistake_is_grouped_under_its_check(graded_class):
    """ben's wrong double fails the public check with one message; the broken notebook's
    failures are not counted as mistakes."""
    _, _, graded = graded_class
    tables = Tables((graded / REPORT).read_text()).tables
    groups = tables["mistakes-double_public"]
    assert [row[0] for row in groups] == ["1"]
    assert "double(x)" in groups[0][1] and groups[0][2] == "ben"
    assert "double_public double: values: failed by 1" in page_text(graded)


def page_text(graded: Path) -> str:
    return re.sub(r"<[^>]+>", "", (graded / REPORT).read_text())


def test_the_disguised_copy_is_shown_for_review(graded_class):
    _, _, graded = graded_class
    page = (graded / REPORT).read_text()
    tables = Tables(page).tables
    # ana and gus handed in the same code: in a class of seven nothing is common, so they show
    assert sorted(row[:3] for row in tables["pairs"]) == [
        ["ana", "gus", "1.00"],
        ["dee", "eve", "1.00"],
    ]
    assert "a prompt for review, not a verdict" in page
    assert "doubled = np.add(values, values)" in page and "d = np.add(v, v)" in page
    section = page.split("id='copying'")[1].split("id='submissions'")[0]
    assert "self.count = start" not in section  # the release's own code is not compared


def test_the_report_verb_rebuilds_the_page_without_regrading(graded_class, monkeypatch, capsys):
    _, _, graded = graded_class
    before = (graded / REPORT).read_text()
    (graded / REPORT).unlink()
    monkeypatch.setattr(bulk, "grade_job", lambda job: pytest.fail("regraded"))
    monkeypatch.setattr(
        "autograder.class_report.load_assignment", lambda _id, root: graded_class[0]
    )
    assert main(["report", str(graded)]) == 0
    assert str(graded / REPORT) in capsys.readouterr().out
    assert (graded / REPORT).read_text() == before


def test_without_the_submissions_the_page_says_how_to_add_them(graded_class, tmp_path):
    toy, _, graded = graded_class
    copy = tmp_path / "graded"
    shutil.copytree(graded, copy)
    page = rebuild_class_report(copy, submissions=tmp_path / "gone", root=toy.root)
    text = page.read_text()
    assert "--submissions" in text and "id='pairs'" not in text
    assert "id='students'" in text


def test_a_grader_failure_has_no_score_on_the_page_either(graded_class, tmp_path):
    """A row the grader failed on (empty score in the gradebook): listed with its reason, left
    out of the scores and the pass rates."""
    toy, _, graded = graded_class
    copy = tmp_path / "graded"
    shutil.copytree(graded, copy)
    columns = (copy / "gradebook.csv").read_text().splitlines()[0].count(",") + 1
    with open(copy / "gradebook.csv", "a", newline="") as stream:
        csv.writer(stream).writerow(["zed", "", "", False] + [""] * (columns - 4))
    failed = GradeReport("toy", [], notes=[GRADER_FAILED], grader_error="its grading process died")
    (copy / "results/zed.json").write_text(json.dumps(to_results(failed)))
    book, _ = read_results(graded)
    tables = Tables(rebuild_class_report(copy, root=toy.root).read_text()).tables
    assert [r[:2] for r in tables["ungraded"] if r[0] == "zed"] == [["zed", "grader failure"]]
    assert "its grading process died" in dict((r[0], r[2]) for r in tables["ungraded"])["zed"]
    assert [r[1:3] for r in tables["students"] if r[0] == "zed"] == [["n/a", "n/a"]]
    assert int(dict(tables["summary"])["submissions"]) == len(book)
    assert all(r[3].endswith(f"/ {len(book)}") for r in tables["checks"])


def test_a_scheduler_run_writes_the_report_too(graded_class, tmp_path, monkeypatch):
    """grade-all --scheduler, with the cluster standing in for itself in this process (a real
    Dask cluster needs the kit installed; test_bulk has that test): the same page is written."""
    toy, folder, _ = graded_class

    def run_here(jobs, scheduler, collect):
        for job in jobs:
            collect(bulk.grade_job(job))

    monkeypatch.setattr(bulk.cluster, "check", lambda scheduler, assignment: None)
    monkeypatch.setattr(bulk, "_run_on_cluster", run_here)
    (tmp_path / "in").mkdir()
    for student in ("ben", "dee"):
        shutil.copytree(folder / student, tmp_path / "in" / student)
    grade_all(
        toy, tmp_path / "in", tmp_path / "out", scheduler="tcp://nowhere:8786", progress=False
    )
    tables = Tables((tmp_path / "out" / REPORT).read_text()).tables
    assert [(r[0], r[1]) for r in tables["students"]] == [("ben", "3"), ("dee", "4")]


def test_a_report_that_fails_costs_one_line_not_the_grades(
    graded_class, tmp_path, capsys, monkeypatch
):
    toy, folder, _ = graded_class
    monkeypatch.setattr(class_report, "render_class_report", lambda *a: 1 / 0)
    (tmp_path / "in").mkdir()
    shutil.copytree(folder / "ana", tmp_path / "in" / "ana")
    rows = grade_all(toy, tmp_path / "in", tmp_path / "out", workers=1, progress=False)
    assert [r.score for r in rows] == [4.0]
    assert "class report could not be written: ZeroDivisionError" in capsys.readouterr().err
    assert (tmp_path / "out/gradebook.csv").is_file()


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_the_page_renders_in_headless_chromium(graded_class, tmp_path):
    """Does the page draw its figures (coloured pixels that only the figures have) with no
    console message, opened from the file system? A control page without the figures and with
    a script error must show neither."""
    _, _, graded = graded_class
    page = (graded / REPORT).read_text()
    control = re.sub(r"<svg.*?</svg>", "", page, flags=re.DOTALL)
    control = control.replace("</body>", "<script>console.error('control');</script></body>")
    (tmp_path / "control.html").write_text(control)
    shown = screenshot(graded / REPORT, tmp_path / "page")
    blank = screenshot(tmp_path / "control.html", tmp_path / "control")
    assert page.count("<svg") == 4
    assert shown["console"] == [] and blank["console"] != []
    assert shown["coloured"] > 20000 and blank["coloured"] < 200


def screenshot(page: Path, folder: Path) -> dict:
    """Open `page` in headless Chromium: the coloured pixels of its screenshot and its console
    messages."""
    from matplotlib.image import imread

    folder.mkdir()
    done = subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--screenshot={folder / 'shot.png'}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (folder / "shot.png").is_file(), done.stderr[-2000:]
    pixels = imread(folder / "shot.png")[..., :3]  # (H, W, 3) floats in [0, 1]
    saturation = pixels.max(axis=2) - pixels.min(axis=2)  # grey and black text: about 0
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return {"coloured": int((saturation > 0.25).sum()), "console": console}
