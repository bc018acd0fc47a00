import csv
import json
import multiprocessing
import os
import shutil
from unittest import mock

import pytest
from factories import TOY_SOLUTION, module_toy_course, submission, toy_course

from autograder import bulk
from autograder.bulk import find_submissions, grade_all, pack
from autograder.cli import main

WRONG = TOY_SOLUTION.replace("return 2 * np.asarray(x, dtype=float)", "return np.asarray(x) + 2")


def mixed_folder(toy, folder):
    """Four students, in the three layouts, one of them with a notebook that is not JSON."""
    nbgrader = folder / "ana" / "toy"
    nbgrader.mkdir(parents=True)
    shutil.copy(toy.source_notebook, nbgrader / "toy.ipynb")
    (folder / "ben").mkdir()
    submission(folder / "ben", WRONG)
    (folder / "cy").mkdir()
    (folder / "cy" / "toy.ipynb").write_text("{not json")
    submission(folder, TOY_SOLUTION, name="dee.ipynb")
    (folder / ".DS_Store").write_text("")


def test_every_layout_is_found_with_its_student_id(tmp_path):
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    found = {
        s.student: s.path.relative_to(tmp_path / "in").as_posix()
        for s in find_submissions(toy, tmp_path / "in")
    }
    assert found == {"ana": "ana/toy", "ben": "ben", "cy": "cy", "dee": "dee.ipynb"}


def test_grade_all_writes_a_result_per_student_and_a_gradebook(tmp_path):
    """Two workers, a broken notebook in the middle: every student still gets a row and a file."""
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    rows = grade_all(toy, tmp_path / "in", tmp_path / "out", workers=2, progress=False)
    assert [(r.student, r.score) for r in rows] == [
        ("ana", 4.0),
        ("ben", 3.0),
        ("cy", 0.0),
        ("dee", 4.0),
    ]
    assert all(r.grader_ok for r in rows)
    cy = json.loads((tmp_path / "out/results/cy.json").read_text())
    assert cy["score"] == 0 and "not a valid notebook" in cy["output"]
    with open(tmp_path / "out/gradebook.csv") as stream:
        table = list(csv.DictReader(stream))
    assert [row["student"] for row in table] == ["ana", "ben", "cy", "dee"]
    assert table[1]["score"] == "3.0" and table[1]["double_public"] == "0.0"
    assert table[1]["counter_public"] == "2.0" and table[0]["max_score"] == "4.0"


def test_the_cli_grades_a_folder(tmp_path, capsys, monkeypatch):
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    monkeypatch.setattr("autograder.cli.load_assignment", lambda _id: toy)
    assert (
        main(
            [
                "grade-all",
                "toy",
                str(tmp_path / "in"),
                "-o",
                str(tmp_path / "out"),
                "--workers",
                "1",
            ]
        )
        == 0
    )
    assert "4 submissions graded" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "out/results").iterdir()) == [
        "ana.json",
        "ben.json",
        "cy.json",
        "dee.json",
    ]


def test_a_job_carries_the_submitted_files_and_nothing_else(tmp_path):
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    ana = tmp_path / "in/ana/toy"
    (ana / ".ipynb_checkpoints").mkdir()
    (ana / ".ipynb_checkpoints/toy-checkpoint.ipynb").write_text("{}")
    (ana / "big.npz").write_bytes(b"0" * 1000)
    jobs = {s.student: pack(toy, s) for s in find_submissions(toy, tmp_path / "in")}
    assert sorted(jobs["ana"].files) == ["toy.ipynb"]
    assert jobs["dee"].files == {"toy.ipynb": (tmp_path / "in/dee.ipynb").read_bytes()}
    assert str(tmp_path / "in") not in repr(jobs["ben"])


def _dies_grading_ben(job):
    if job.student == "ben":
        os._exit(9)  # the grading process itself dies, as when the machine kills it
    return GRADE_JOB(job)


GRADE_JOB = bulk.grade_job


def test_a_grading_process_that_dies_costs_only_its_own_submission(tmp_path, monkeypatch):
    """ben's grader dies; the others, graded alongside, are not affected."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched grade_job reaches the workers only when they are forked")
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    monkeypatch.setattr(bulk, "grade_job", _dies_grading_ben)  # workers are forked: they see it
    rows = grade_all(toy, tmp_path / "in", tmp_path / "out", workers=2, progress=False)
    assert [(r.student, r.score, r.grader_ok) for r in rows] == [
        ("ana", 4.0, True),
        ("ben", 0.0, False),
        ("cy", 0.0, True),
        ("dee", 4.0, True),
    ]
    ben = json.loads((tmp_path / "out/results/ben.json").read_text())
    assert "its grading process died" in ben["output"]


def test_grade_all_on_a_local_dask_cluster_gives_the_same_gradebook(tmp_path):
    """The --scheduler path, against a real two-worker cluster on this machine."""
    distributed = pytest.importorskip("distributed")
    dask = pytest.importorskip("dask")
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    grade_all(toy, tmp_path / "in", tmp_path / "local", workers=2, progress=False)
    with (
        dask.config.set({"temporary-directory": str(tmp_path)}),  # not /tmp/dask-scratch-space
        # the cluster leaves its workers' settings (MALLOC_TRIM_THRESHOLD_, one thread, a hash
        # seed) in this process's environment, where they would slow every later test
        mock.patch.dict(os.environ),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
    ):
        rows = grade_all(
            toy,
            tmp_path / "in",
            tmp_path / "dask",
            scheduler=cluster.scheduler_address,
            progress=False,
        )
    assert [(r.student, r.score) for r in rows] == [
        ("ana", 4.0),
        ("ben", 3.0),
        ("cy", 0.0),
        ("dee", 4.0),
    ]
    local = (tmp_path / "local/gradebook.csv").read_text()
    assert (tmp_path / "dask/gradebook.csv").read_text() == local
    assert json.loads((tmp_path / "dask/results/ben.json").read_text())["score"] == 3.0


def test_loose_module_files_are_graded_as_the_module(tmp_path):
    """A folder of <student>.py files for an assignment whose students edit a module."""
    toy = module_toy_course(tmp_path / "course")
    (tmp_path / "in").mkdir()
    shutil.copy(toy.source_submission, tmp_path / "in" / "eve.py")
    rows = grade_all(toy, tmp_path / "in", tmp_path / "out", workers=1, progress=False)
    assert [(r.student, r.score, r.max_score) for r in rows] == [("eve", 4.0, 4.0)]
