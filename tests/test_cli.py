import importlib
import json

import pytest

from autograder import cli
from autograder.cli import main
from autograder.manifest import load_assignment

A1 = load_assignment("a1_two_moons")


def test_grade_writes_results_and_prints_the_table(tmp_path, capsys):
    out = tmp_path / "results.json"
    assert main(["grade", "a1_two_moons", str(A1.source_notebook), "-o", str(out)]) == 0
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
        "autograder.build:ReleaseError",
        "autograder.checkgen:CheckCellError",
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
