import contextlib
import csv
import dataclasses
import json
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import TOY_SOLUTION, data_toy_course, module_toy_course, submission, toy_course

from autograder import bulk, cluster
from autograder.bulk import find_submissions, grade_all, pack
from autograder.cli import main
from autograder.layout import KIT_ROOT
from autograder.manifest import load_assignment
from autograder.variants import load_mistakes, write_variant

WRONG = TOY_SOLUTION.replace("return 2 * np.asarray(x, dtype=float)", "return np.asarray(x) + 2")


def mixed_folder(toy, folder):
    """Four students, in the three layouts, one of them with a notebook that is not JSON."""
    nbgrader = folder / "ana" / "toy"
    nbgrader.mkdir(parents=True)
    shutil.copy(toy.paths.source_notebook, nbgrader / "toy.ipynb")
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
    assert ben["output"] == "The autograder failed; please tell your instructor."
    assert ben["extra_data"]["grader_error"] == "its grading process died"


def _hangs_grading_ben(job):
    if job.student == "ben":
        time.sleep(60)  # the grading process hangs, past every deadline inside it
    return GRADE_JOB(job)


def test_a_grading_process_that_hangs_is_stopped_and_recorded(tmp_path, monkeypatch):
    """ben's grader hangs: it is killed at the submission's bound and the gradebook says so."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched grade_job reaches the workers only when they are forked")
    toy = dataclasses.replace(toy_course(tmp_path / "course"), total_seconds=4.0)
    mixed_folder(toy, tmp_path / "in")
    monkeypatch.setattr(bulk, "grade_job", _hangs_grading_ben)
    monkeypatch.setattr(bulk, "JOB_MARGIN_SECONDS", 1.0)
    started = time.monotonic()
    rows = grade_all(toy, tmp_path / "in", tmp_path / "out", workers=2, progress=False)
    assert time.monotonic() - started < 30
    assert [(r.student, r.grader_ok) for r in rows if not r.grader_ok] == [("ben", False)]
    ben = json.loads((tmp_path / "out/results/ben.json").read_text())
    assert ben["output"] == "Grading did not finish within 5 s; please tell your instructor."
    assert "ran out of time" in ben["extra_data"]["grader_error"]
    with open(tmp_path / "out/gradebook.csv") as stream:
        table = {row["student"]: row for row in csv.DictReader(stream)}
    assert (table["ben"]["score"], table["ben"]["graded"]) == ("", "False")


def test_a_grader_failure_has_no_score_in_the_gradebook_and_the_cli_exits_1(
    tmp_path, monkeypatch, capsys
):
    """ben's grader dies: his row is kept apart from a student's zero (cy's broken notebook)."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched grade_job reaches the workers only when they are forked")
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    monkeypatch.setattr(bulk, "grade_job", _dies_grading_ben)
    monkeypatch.setattr("autograder.cli.load_assignment", lambda _id: toy)
    status = main(["grade-all", "toy", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert status == 1
    out, err = capsys.readouterr()
    assert "3 submissions graded" in out
    assert err.splitlines()[-1] == (
        "error: the grader itself failed on 1 (no score in the gradebook, graded=False; "
        "see their results files): ben"
    )
    with open(tmp_path / "out/gradebook.csv") as stream:
        table = {row["student"]: row for row in csv.DictReader(stream)}
    assert (table["ben"]["score"], table["ben"]["max_score"], table["ben"]["graded"]) == (
        "",
        "",
        "False",
    )
    assert (table["cy"]["score"], table["cy"]["graded"]) == ("0.0", "True")


def test_a_scheduler_out_of_reach_stops_grade_all_with_one_line(tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    (tmp_path / "in").mkdir()
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    args = ["grade-all", "a1_two_moons", str(tmp_path / "in"), "--scheduler", address]
    assert main([*args, "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot reach the Dask scheduler at {address} (")
    assert err.count("\n") == 1
    assert not list((tmp_path / "out").glob("*/*"))


@pytest.fixture
def dask_cluster(tmp_path):
    """A scheduler and two one-thread workers started with the `dask` CLI, as the README says,
    from a folder outside the kit and with no PYTHONPATH: they import the kit only if it is
    installed in the environment. Their data mirror is an empty folder: they have no MNIST.
    Yields the scheduler's address; stops all three, whatever happens."""
    pytest.importorskip("distributed")
    dask = Path(sys.executable).with_name("dask")
    if not dask.is_file():
        pytest.skip(f"no dask command beside {sys.executable}")
    folder = tmp_path / "cluster"
    folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["DASK_TEMPORARY_DIRECTORY"] = str(folder)
    env["NNKIT_DATA_MIRROR"] = str(folder / "no-data")
    env["NNKIT_DATA_CACHE"] = str(folder / "cache")
    (folder / "no-data").mkdir()
    installed = subprocess.run(
        [sys.executable, "-c", "from autograder.layout import KIT_ROOT; print(KIT_ROOT)"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if installed != str(KIT_ROOT):
        why = f"this environment's kit is {installed or 'not installed'}, not {KIT_ROOT}"
        if os.environ.get("CI"):
            pytest.fail(f"{why}: ./kit installs it with pip install -e .")
        pytest.skip(f"{why}: run pip install -e . (./kit does it)")
    started = []

    def start(name: str, *args: str) -> None:
        with open(folder / f"{name}.log", "w") as log:
            started.append(
                subprocess.Popen(
                    [str(dask), *args],
                    cwd=folder,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # a group of its own: stopped with its children
                )
            )

    try:
        port = _free_port()
        address = f"tcp://127.0.0.1:{port}"
        start(
            "scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"
        )
        for n in (1, 2):  # started at once: a worker keeps trying until the scheduler is up
            start(
                f"worker{n}",
                "worker",
                address,
                "--nthreads",
                "1",
                "--host",
                "127.0.0.1",
                "--no-dashboard",
                "--local-directory",
                str(folder / f"worker{n}"),
            )
        _wait_for_workers(address, 2)
        yield address
    finally:
        for process in started:
            _stop(process)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(count, timeout=60)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process's group (a worker's nanny and the worker it started), then
    SIGKILL if it is still there after 10 s."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


def a1_class(folder: Path) -> None:
    """Three a1 students: the reference, a wrong backward pass, and a notebook that is not
    JSON (a student's zero, graded)."""
    a1 = load_assignment("a1_two_moons")
    (folder / "ana").mkdir(parents=True)
    shutil.copy(a1.paths.source_notebook, folder / "ana")
    mistake = next(m for m in load_mistakes(a1) if m.name == "backward_bias_flat")
    shutil.copytree(write_variant(a1, mistake, folder / "made").parent, folder / "ben")
    shutil.rmtree(folder / "made")
    (folder / "dee.ipynb").write_text("{not json")


def test_a_real_dask_cluster_gives_the_local_gradebook_or_says_what_it_lacks(
    tmp_path, dask_cluster, capsys, monkeypatch
):
    """grade-all --scheduler on a scheduler and two workers started with the dask CLI: a1 gives
    the local gradebook; a course on MNIST, which the workers lack, stops before any work with
    one line naming what is missing where."""
    a1_class(tmp_path / "in")
    grade_all(load_assignment("a1_two_moons"), tmp_path / "in", tmp_path / "local", progress=False)
    out = tmp_path / "dask"
    status = main(
        [
            "grade-all",
            "a1_two_moons",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "--scheduler",
            dask_cluster,
        ]
    )
    assert status == 0, capsys.readouterr().err
    with open(out / "gradebook.csv") as stream:
        scores = {row["student"]: (row["score"], row["graded"]) for row in csv.DictReader(stream)}
    assert scores["ana"] == ("14.0", "True") and scores["dee"] == ("0.0", "True")
    assert 0 < float(scores["ben"][0]) < 14
    assert (out / "gradebook.csv").read_text() == (tmp_path / "local/gradebook.csv").read_text()
    assert "not a valid notebook" in json.loads((out / "results/dee.json").read_text())["output"]
    pages = [(run / "report.html").read_text() for run in (tmp_path / "local", out)]
    numbers = [json.loads(p.split("id='report-data'>")[1].split("</script>")[0]) for p in pages]
    assert numbers[0]["checks"] == numbers[1]["checks"]  # the class report, as for a local run

    toy = data_toy_course(tmp_path / "course")
    monkeypatch.setattr("autograder.cli.load_assignment", lambda _id: toy)
    refused = tmp_path / "refused"
    args = ["grade-all", "toy", str(tmp_path / "in"), "-o", str(refused)]
    capsys.readouterr()  # a1's progress bar
    assert main([*args, "--scheduler", dask_cluster]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(
        f"error: the cluster at {dask_cluster} cannot grade toy: DatasetError: the data mirror "
    )
    assert err[0].count("worker tcp://127.0.0.1:") == 2 and "the scheduler" not in err[0]
    assert not list(refused.glob("results/*"))


def test_loose_module_files_are_graded_as_the_module(tmp_path):
    """A folder of <student>.py files for an assignment whose students edit a module."""
    toy = module_toy_course(tmp_path / "course")
    (tmp_path / "in").mkdir()
    shutil.copy(toy.paths.source_submission, tmp_path / "in" / "eve.py")
    rows = grade_all(toy, tmp_path / "in", tmp_path / "out", workers=1, progress=False)
    assert [(r.student, r.score, r.max_score) for r in rows] == [("eve", 4.0, 4.0)]
