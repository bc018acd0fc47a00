import json

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
