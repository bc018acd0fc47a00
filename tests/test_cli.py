import importlib
import json
from pathlib import Path

import pytest
from factories import data_toy_course

from autograder import cli
from autograder.cli import main
from autograder.manifest import load_assignment
from autograder.nbgrader_course import failure_line

A1 = load_assignment("a1_two_moons")


def test_grade_writes_results_and_prints_the_table(tmp_path, capsys):
    out = tmp_path / "results.json"
    assert main(["grade", "a1_two_moons", str(A1.paths.source_notebook), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["score"] == 14
    assert capsys.readouterr().out.startswith("a1_two_moons: 14 / 14 points")


def test_an_unknown_assignment_is_one_line_and_exit_2(capsys):
    assert main(["grade", "nope", "x.ipynb"]) == 2
    assert capsys.readouterr().err.startswith("error: no assignment named 'nope'")


def test_build_check_passes_on_a_current_tree(capsys):
    assert main(["build", "--check", "a1_two_moons"]) == 0
    assert "stale" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "error",
    [
        "autograder.build:PointsError",
        "autograder.build:ReleaseError",
        "autograder.nbgrader_cells:CheckCellError",
        "autograder.cluster:ClusterError",
        "autograder.nbgrader_course:NbgraderError",
        "autograder.report:UnsafeOutput",
    ],
)
def test_an_error_the_user_can_fix_is_one_line_and_exit_2(error, monkeypatch, capsys):
    """Does each error a user can cause and fix end the command with `error: ...` and exit 2,
    never a traceback?"""
    module, name = error.split(":")
    kind = getattr(importlib.import_module(module), name)

    def fails(args):
        raise kind("what went wrong, and what to run")

    monkeypatch.setattr(cli, "_build", fails)
    assert main(["build", "a1_two_moons"]) == 2
    assert capsys.readouterr().err == "error: what went wrong, and what to run\n"


def test_missing_grading_data_is_one_line_saying_to_build_and_exit_2(tmp_path, monkeypatch, capsys):
    """Does `grade` of an assignment whose grading cut was never made stop before grading,
    with one line naming the build command (grading never cuts data)?"""
    toy = data_toy_course(tmp_path / "course")
    monkeypatch.setattr(cli, "load_assignment", lambda _id: toy)
    assert main(["grade", "toy", str(toy.paths.source_notebook)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"error: the grading data {toy.paths.grading_data_dir / 'mnist_grading.npz'} is missing; "
        "run `python -m autograder build toy`\n"
    )


def test_a_submission_that_does_not_exist_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["grade", "a1_two_moons", str(tmp_path / "nope.ipynb")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.ipynb'} does not exist\n"


@pytest.mark.parametrize(
    "argv",
    [["grade-all", "a1_two_moons", ".", "--workers", "0"], ["grade"], ["bogus"]],
)
def test_a_usage_mistake_is_one_line_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_a_failed_nbgrader_command_is_told_in_one_line_with_its_log_kept():
    log = "[INFO] Updating\nTraceback (most recent call last):\n  File x\nValueError: bad cell\n"
    line = failure_line(log)
    assert line.startswith("ValueError: bad cell (whole log: ") and "\n" not in line
    kept = Path(line.rpartition("whole log: ")[2].rstrip(")"))
    assert kept.read_text() == log
    kept.unlink()
