"""Real nbgrader on temporary courses with the kit's course configuration: plain commands make
the kit's release, feedback keeps hidden checks hidden, scores equal the kit's, and the whole
instructor workflow runs with a local exchange."""

import csv
import filecmp
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import nnkit_checks
import pytest
from factories import submit_to_nbgrader
from nbformat.v4 import new_output

from autograder.build import (
    copy_course,
    generate_outputs,
    helper_copies,
    release_leaks,
    release_outputs,
)
from autograder.checkgen import regular_and_written_points
from autograder.grade import grade
from autograder.layout import KIT_ROOT
from autograder.manifest import all_assignments, load_assignment
from autograder.nbgrader_cells import HIDDEN_BEGIN, HIDDEN_END, is_check_cell, parse_check_cell
from autograder.nbgrader_course import autograde, execute_timeout, run_nbgrader
from autograder.staging import support_sources
from autograder.variants import load_mistakes, write_variant

LEAKED_VALUE = "expected 0.340581, got 0.1"  # what a failing check's traceback ends with
# Seconds per cell: 15 times each manifest's measured longest cell, at least nbgrader's 30.
TIMEOUTS = {
    "a1_two_moons": 30,
    "a2_mnist_backprop": 465,
    "a3_layers": 1440,
    "a4_two_layer_net": 810,
    "a5_cifar_linear": 195,
    "a6_torch_cnn": 855,
}


def source_checks(assignment):
    nb = nbformat.read(assignment.paths.source_notebook, as_version=4)
    return [parse_check_cell(cell) for cell in nb.cells if is_check_cell(cell)]


@pytest.fixture(scope="module", params=[a.id for a in all_assignments()])
def generated(request, tmp_path_factory):
    """A fresh clone's course for one assignment, after plain ``nbgrader generate_assignment``
    (what formgrader's Generate button runs), with no kit build before it."""
    course = copy_course(load_assignment(request.param), tmp_path_factory.mktemp("course"))
    run_nbgrader(course.root, "generate_assignment", course.id)
    return course


def test_plain_generate_assignment_makes_the_kits_release(generated):
    """Is the release byte for byte the committed one (the kit's build), beside exact copies
    of the kit's modules, with the student module's stub and no grading data, and is nothing
    staged in nbgrader's source folder?"""
    committed = load_assignment(generated.id)
    made = release_files(generated)
    outputs = [p.relative_to(generated.paths.release_dir) for p in release_outputs(generated)]
    assert outputs == [
        p.relative_to(committed.paths.release_dir) for p in release_outputs(committed)
    ]
    for path in outputs:
        assert filecmp.cmp(
            generated.paths.release_dir / path, committed.paths.release_dir / path, False
        )
    copies = [path for path in made if path not in outputs]
    assert {path.parts[0] for path in copies} == helper_copies(generated)
    for path in copies:
        source = support_sources(generated)[path.parts[0]].joinpath(*path.parts[1:])
        assert filecmp.cmp(generated.paths.release_dir / path, source, False)
    assert release_leaks(generated) == []
    staged = set(support_sources(generated)) | {d.file for d in generated.grading_data}
    assert not staged & {path.name for path in generated.paths.source_dir.iterdir()}


def release_files(assignment) -> list:
    return sorted(
        p.relative_to(assignment.paths.release_dir)
        for p in assignment.paths.release_dir.rglob("*")
        if p.is_file()
    )


def test_nbgraders_maximum_is_what_the_manifest_says_the_assignment_is_worth(generated):
    """Do the written answers sit in the gradebook as manually graded answers, and is
    nbgrader's maximum the manifest's ``points`` (a4: the seed's 80), checks plus written
    answers, with the bonus checks on top (nbgrader has no bonus cells)?"""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{generated.root / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_notebook(generated.notebook[: -len(".ipynb")], generated.id)
        written = {
            cell.name: cell.max_score
            for cell in notebook.grade_cells
            if cell.cell_type == "markdown"
            and gradebook.find_solution_cell(cell.name, notebook.name, generated.id)
        }
        maximum = notebook.max_score
    bonus = sum(check.points for check in source_checks(generated) if check.bonus)
    _, written_in_source = regular_and_written_points(
        nbformat.read(generated.paths.source_notebook, 4)
    )
    assert sum(written.values()) == written_in_source
    assert maximum - bonus == generated.points
    if generated.id == "a4_two_layer_net":
        assert maximum == 80  # the seed's "Maximum points"


def fake_autograde(course, student: str, passing: bool) -> None:
    """What ``nbgrader autograde`` leaves for `student`, without running the notebook: the
    source notebook (hidden checks restored) with every check's score, and for a failing
    student the kind of traceback a real run leaves: the check's code, its expected value and a
    path of the instructor's machine."""
    from nbgrader.api import Gradebook

    nb = nbformat.read(course.paths.source_notebook, as_version=4)
    if not passing:
        for cell in filter(is_check_cell, nb.cells):
            trace = [
                cell.source,
                f"File {course.root}/autograded/{student}/{course.id}/nnkit_checks.py:38",
                f"CheckFailure: {LEAKED_VALUE}",
            ]
            cell.outputs = [
                new_output("error", ename="CheckFailure", evalue=LEAKED_VALUE, traceback=trace)
            ]
    folder = course.root / "autograded" / student / course.id
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / course.notebook)
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gradebook:
        gradebook.update_or_create_student(student)
        submission = gradebook.update_or_create_submission(course.id, student)
        for notebook in submission.notebooks:
            for grade_ in notebook.grades:
                if grade_.cell_type == "code":
                    grade_.auto_score = grade_.max_score if passing else 0.0
        gradebook.db.commit()


def feedback_text(course, student: str) -> str:
    page = (course.root / "feedback" / student / course.id / course.notebook).with_suffix(".html")
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))


def hidden_lines(course) -> list[str]:
    """The hidden checks' code lines that appear nowhere else in the source notebook, nor in
    the helpers a public check's traceback may show."""
    nb = nbformat.read(course.paths.source_notebook, as_version=4)
    helpers = (KIT_ROOT / "nnkit_checks.py").read_text()
    elsewhere = "\n".join([helpers, *(c.source for c in nb.cells if HIDDEN_BEGIN not in c.source)])
    lines = []
    for cell in nb.cells:
        if HIDDEN_BEGIN in cell.source:
            body = cell.source.split(HIDDEN_BEGIN, 1)[1].split(HIDDEN_END, 1)[0]
            lines += [ln.strip() for ln in body.splitlines() if len(ln.strip()) >= 8]
    return [ln for ln in lines if ln not in elsewhere]


def test_feedback_leaks_nothing_of_the_hidden_checks(generated):
    """With the course config, does plain ``nbgrader generate_feedback`` show each hidden check
    as its title, points, pass or fail and hint, and no line of its code, no expected value
    and no path, for a passing and a failing submission, while public checks keep theirs?"""
    fake_autograde(generated, "passing", passing=True)
    fake_autograde(generated, "failing", passing=False)
    run_nbgrader(generated.root, "generate_feedback", generated.id)
    checks = source_checks(generated)
    secret = hidden_lines(generated)
    assert secret
    for student in ["passing", "failing"]:
        text = feedback_text(generated, student)
        assert [line for line in secret if line in text] == []
        assert str(generated.root) not in text
        for check in checks:
            assert check.title in text
        for check in [check for check in checks if check.hidden]:
            verdict = f"Failed. Hint: {check.hint}" if student == "failing" else "Passed."
            assert verdict in text
    public = [check for check in checks if not check.hidden]
    assert feedback_text(generated, "failing").count(LEAKED_VALUE) == len(public)


def test_each_assignments_cells_get_its_measured_longest_cell_times_the_margin(
    monkeypatch, tmp_path
):
    """Does autograde's Execute give each assignment's cells its own timeout (the manifest's
    measured longest cell times the margin), and validate's Execute, which does not know the
    assignment, the longest of them?"""
    from nbgrader.preprocessors import Execute
    from nbgrader.validator import Validator
    from traitlets.config import Config

    from autograder import nbgrader_steps
    from autograder.nbgrader_course import configure

    config = Config()
    configure(config, KIT_ROOT)
    timeouts = {a.id: execute_timeout(a) for a in all_assignments()}
    assert {name: timeouts[name] for name in TIMEOUTS} == TIMEOUTS
    assert Execute(parent=Validator(config=config)).timeout == max(timeouts.values())
    assert nbgrader_steps.ExecuteWithGradingData in config.Autograde.autograde_preprocessors
    used = {}
    monkeypatch.setattr(
        Execute,
        "preprocess",
        lambda self, nb, resources, km: (
            used.update({resources["nbgrader"]["assignment"]: self.timeout}) or (nb, resources)
        ),
    )
    monkeypatch.setattr(nbgrader_steps, "grading_data_ready", lambda assignment: [])
    monkeypatch.chdir(KIT_ROOT)
    for assignment_id in timeouts:
        execute = nbgrader_steps.ExecuteWithGradingData(config=config)
        resources = {"nbgrader": {"assignment": assignment_id}, "metadata": {"path": tmp_path}}
        execute.preprocess(None, resources)
    assert used == timeouts


def test_the_overview_does_not_run_the_checks_again_under_nbgrader(tmp_path, monkeypatch, capsys):
    """Under nbgrader autograde (it sets NBGRADER_EXECUTION) the check cells have just run and
    are scored one by one: does the release's last cell leave them alone?"""
    meta = {"grade": True, "solution": False, "grade_id": "a", "points": 1}
    cell = {"cell_type": "code", "metadata": {"nbgrader": meta}, "source": "# 1.1 ran\nran()"}
    (tmp_path / "hw.ipynb").write_text(json.dumps({"cells": [cell]}))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    ran = []
    nnkit_checks.overview("hw.ipynb", {"ran": lambda: ran.append(1)})
    assert ran == []
    assert "left out" in capsys.readouterr().out


@pytest.fixture(scope="module")
def a2_course(mirror, tmp_path_factory):
    course = copy_course(load_assignment("a2_mnist_backprop"), tmp_path_factory.mktemp("course"))
    generate_outputs(course)
    return course


def test_nbgrader_autograde_gives_the_kits_per_check_scores_for_the_reference(a2_course):
    """Do nbgrader's per-cell scores equal the kit's per-check scores (full marks), with the
    hidden checks reading the grading data from outside the notebook's folder? (Wrong work,
    and a5's student module, go through nbgrader in the workflow test below.)"""
    course = a2_course
    submit_to_nbgrader(course, "reference", course.paths.source_notebook)
    by_nbgrader = autograde(course.root, course.id, "reference")
    by_kit = grade(course, course.paths.source_notebook).scores_by_check()
    assert by_nbgrader == pytest.approx(by_kit)
    assert sum(by_kit.values()) == 20


# The README's set-up lines, added to the course's nbgrader_config.py as it tells instructors.
COURSE_SETUP = 'c.CourseDirectory.course_id = "nnkit"\nc.Exchange.root = "{exchange}"\n'


def nbgrader(cwd, *args):
    """`nbgrader ARGS` as a person types it in `cwd`; returns the log, fails on an error."""
    env = {  # the kit's environment: its packages importable, its commands (alembic) on PATH
        **os.environ,
        "PYTHONPATH": str(KIT_ROOT),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0 and "[ERROR]" not in log, log[-3000:]
    return log


def test_the_readmes_nbgrader_workflow_runs_end_to_end(mirror, tmp_path, monkeypatch):
    """The README's nbgrader section, followed literally with a local exchange, for a notebook
    assignment (a1) and a module assignment (a5), each with a wrong submission: generate, release,
    fetch, submit, collect, autograde (the kit's scores; for a5 the submitted module's, not the
    source's solutions), feedback without hidden lines,
    release and fetch feedback, export of only the assignments the course released."""
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")  # the notebooks' kernels; the box is shared
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    root, home, exchange = tmp_path / "course", tmp_path / "student", tmp_path / "exchange"
    a1 = copy_course(load_assignment("a1_two_moons"), root)
    a5 = copy_course(load_assignment("a5_cifar_linear"), root)
    home.mkdir()
    exchange.mkdir()
    shutil.copy(KIT_ROOT / "nbgrader_config.py", root)
    with (root / "nbgrader_config.py").open("a") as config:
        config.write(COURSE_SETUP.format(exchange=exchange))
    student = ["--course", "nnkit", f"--Exchange.root={exchange}"]
    uphill = next(m for m in load_mistakes(a5) if m.name == "gd_uphill")  # loses 5 of 60
    work = {
        a1.id: write_variant(a1, load_mistakes(a1)[0], tmp_path),
        a5.id: write_variant(a5, uphill, tmp_path),
    }
    for assignment in (a1, a5):
        nbgrader(root, "generate_assignment", assignment.id)
        nbgrader(root, "release_assignment", assignment.id)
        nbgrader(home, "fetch_assignment", assignment.id, *student)
        fetched = home / assignment.id
        assert not release_leaks(load_assignment(assignment.id, root))
        shutil.copy(work[assignment.id], fetched / assignment.graded_file)
        nbgrader(home, "submit", assignment.id, *student)
        nbgrader(root, "collect", assignment.id)
        nbgrader(root, "autograde", assignment.id)
        submitted = next((root / "submitted").glob(f"*/{assignment.id}"))
        kit = load_assignment(assignment.id)  # the kit's own checks: plain nbgrader wrote none
        by_kit = grade(kit, submitted / assignment.graded_file).scores_by_check()
        by_nbgrader = autograde_scores(root, assignment.id, submitted.parent.name)
        assert by_nbgrader == pytest.approx(by_kit)
        nbgrader(root, "generate_feedback", assignment.id)
        nbgrader(root, "release_feedback", assignment.id)
        nbgrader(home, "fetch_feedback", assignment.id, *student)
        pages = list((home / assignment.id / "feedback").rglob("*.html"))
        assert len(pages) == 1
        text = html.unescape(re.sub(r"<[^>]+>", "", pages[0].read_text()))
        assert [line for line in hidden_lines(assignment) if line in text] == []
    student_id = submitted.parent.name
    assert sum(autograde_scores(root, a1.id, student_id).values()) < 14
    assert sum(autograde_scores(root, a5.id, student_id).values()) == pytest.approx(55)
    nbgrader(root, "export")
    with (root / "grades.csv").open() as grades:
        assert {row["assignment"] for row in csv.DictReader(grades)} == {a1.id, a5.id}


def autograde_scores(root, assignment_id: str, student_id: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(assignment_id, student_id)
        return {g.name: float(g.score) for nb in submission.notebooks for g in nb.grades}
