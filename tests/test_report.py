import json
import os
import sys
import sysconfig
import tempfile
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import numpy as np
import pytest

from autograder.checkspec import CheckInfo
from autograder.layout import KIT_ROOT
from autograder.report import (
    MAX_OUTPUT_CHARS,
    UnsafeOutput,
    check_output_folder,
    format_table,
    from_results,
    gradebook_rows,
    graded_from_row,
    new_report,
    to_gradescope,
    to_results,
    write_gradescope,
    write_json,
)
from autograder.results import FAILED, PASSED, TIMEOUT, CheckResult, Graded, GradeReport

VISIBILITY = {"enum": ["hidden", "after_due_date", "after_published", "visible"]}
# The fields of Gradescope's documented results.json format that the kit writes.
GRADESCOPE_SCHEMA = {
    "type": "object",
    "required": ["score", "execution_time", "tests"],
    "additionalProperties": False,
    "properties": {
        "score": {"type": "number"},
        "execution_time": {"type": "number", "minimum": 0},
        "output": {"type": "string"},
        "stdout_visibility": VISIBILITY,
        "tests": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "score", "max_score", "status", "visibility", "output"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string"},
                    "number": {"type": "string"},
                    "score": {"type": "number", "minimum": 0},
                    "max_score": {"type": "number", "minimum": 0},
                    "status": {"enum": ["passed", "failed"]},
                    "visibility": VISIBILITY,
                    "output": {"type": "string"},
                },
            },
        },
    },
}


def report():
    return GradeReport(
        "a1",
        [
            CheckResult(CheckInfo("relu", "1.1 relu: values", 0.5, False), 0.5, ""),
            CheckResult(CheckInfo("init", "1.2 init: statistics", 1.0, True), 0.0, "Hint: fan_in"),
        ],
        execution_time=1.23456,
        notes=["cell 3 has a syntax error"],
    )


def test_gradescope_results_follow_the_documented_schema():
    """Does the results file validate, with hidden checks at the configured visibility?"""
    data = to_gradescope(replace(report(), hidden_visibility="after_published"))
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    assert data["score"] == 0.5 and data["execution_time"] == 1.235
    assert [t["status"] for t in data["tests"]] == ["passed", "failed"]
    assert [t["visibility"] for t in data["tests"]] == ["visible", "after_published"]
    assert data["output"] == "cell 3 has a syntax error"


def test_outputs_are_bounded():
    """Can a huge message from student code blow up the results file?"""
    big = report()
    big.results[1] = CheckResult(CheckInfo("init", "t", 1.0, False), 0.0, "x" * 10**6)
    output = to_gradescope(big)["tests"][1]["output"]
    assert len(output) <= MAX_OUTPUT_CHARS and output.endswith("[... output cut]")


def test_write_is_atomic_and_valid_json(tmp_path):
    path = tmp_path / "results" / "results.json"
    write_gradescope(report(), path)
    assert json.loads(path.read_text())["tests"][0]["name"] == "1.1 relu: values"
    assert list(path.parent.iterdir()) == [path]


def test_table_shows_scores_and_the_first_line_of_feedback():
    table = format_table(report())
    assert table.splitlines()[0] == "a1: 0.5 / 1.5 points"
    assert "  note: cell 3 has a syntax error" in table
    assert "FAIL 1.2 init: statistics" in table and "-> Hint: fan_in" in table


@pytest.mark.parametrize("score", [0.25, 0.0])
def test_report_totals(score):
    r = GradeReport("a", [CheckResult(CheckInfo("x", "x", 0.25, False), score, "")])
    assert r.score == score and r.max_score == 0.25


def test_students_never_see_the_grader_s_paths():
    """Paths of the kit, the Python installation and the scratch folder are replaced."""
    leaky = report()
    scratch = f"{tempfile.gettempdir()}/nnkit-k2j4x9/two_moons.npz"
    leaky.results[1] = CheckResult(
        CheckInfo("init", "t", 1.0, False), 0.0, f"FileNotFoundError: {scratch} ({np.__file__})"
    )
    leaky.notes = [f"The autograder failed ({KIT_ROOT}/autograder/checks/a1.py is missing)"]
    data = to_gradescope(leaky)
    site_packages = sysconfig.get_paths()["purelib"]
    assert data["tests"][1]["output"] == (
        "FileNotFoundError: <your folder>/two_moons.npz "
        f"(<python>{np.__file__.removeprefix(site_packages)})"
    )
    assert data["output"].startswith("The autograder failed (<grader>/autograder/checks/a1.py")


def test_path_filters_keep_what_follows_and_leave_system_folders_alone(monkeypatch):
    """With a system Python (prefix /usr), is /usr elsewhere kept, and does the scratch
    filter keep the quote and comma after the path?"""
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    leaky = report()
    scratch = f"{tempfile.gettempdir()}/nnkit-k2j4x9/work"
    leaky.results[1] = CheckResult(
        CheckInfo("init", "t", 1.0, False), 0.0, f"open('{scratch}/x.npz', 'r'), see /usr/share/doc"
    )
    assert to_gradescope(leaky)["tests"][1]["output"] == (
        "open('<your folder>/x.npz', 'r'), see /usr/share/doc"
    )


def with_bonus(score: float) -> GradeReport:
    bonus = CheckResult(
        CheckInfo("dropout", "dropout: extra credit", 2.0, True, bonus=True), score, ""
    )
    return GradeReport("a3", [*report().results, bonus])


@pytest.mark.parametrize("score", [2.0, 0.0])
def test_bonus_points_count_in_the_score_but_not_in_the_maximum(score):
    """Is extra credit added to the total (which may exceed the maximum), never to the maximum?"""
    r = with_bonus(score)
    assert (r.score, r.max_score) == (0.5 + score, 1.5)
    assert (r.bonus_score, r.bonus_max_score) == (score, 2.0)
    data = to_gradescope(r)
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    assert data["score"] == 0.5 + score
    assert data["tests"][2]["score"] == score and data["tests"][2]["max_score"] == 0.0
    assert data["tests"][2]["status"] == ("passed" if score else "failed")


def test_the_table_shows_bonus_points_apart():
    table = format_table(with_bonus(2.0))
    assert table.splitlines()[0] == "a3: 0.5 / 1.5 + 2 / 2 bonus points"
    assert table.splitlines()[-1].endswith("2/2     hidden bonus")


def test_results_are_never_written_through_a_planted_link(tmp_path):
    """Links where the report goes, and at the old predictable results.partial: is the report
    a file of its own afterwards, and are the links' targets untouched?"""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (tmp_path / "results.partial").symlink_to(victim)
    (tmp_path / "results.json").symlink_to(victim)
    write_json({"score": 1}, tmp_path / "results.json")
    assert victim.read_text() == "keep"
    assert not (tmp_path / "results.json").is_symlink()
    assert json.loads((tmp_path / "results.json").read_text()) == {"score": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "results.json",
        "results.partial",
        "victim.txt",
    ]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root refuses folders others may write to")
def test_as_root_a_results_folder_others_may_write_to_is_refused(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    with pytest.raises(UnsafeOutput, match=f"refusing to write results into {shared}"):
        write_json({"score": 1}, shared / "results.json")
    assert list(shared.iterdir()) == []
    check_output_folder(Path(tempfile.gettempdir()) / "nnkit-not-yet-made")  # /tmp: sticky


def test_a_grader_error_reaches_the_instructor_never_the_students_results():
    """Is the exception of a failed grade in the table the CLI prints (Gradescope shows it
    to instructors only) and in the class's results file, but not in Gradescope's results?"""
    failed = GradeReport("a1", [], notes=["The autograder failed"], grader_error="OSError: /x")
    assert "OSError" not in json.dumps(to_gradescope(failed))
    assert "  grader error: OSError: /x" in format_table(failed).splitlines()
    assert to_results(failed)["extra_data"]["grader_error"] == "OSError: /x"


def test_a_results_file_reads_back_as_the_report_it_was_written_from():
    """Do the checks come back with what their cells state and their outcomes, and the notes
    and the grader's error with them?"""
    original = with_bonus(2.0)
    original.results[0] = replace(original.results[0], kind=TIMEOUT)
    original.grader_error, original.execution_time, original.notes = "x", 1.23456, ["a", "b"]
    back = from_results(json.loads(json.dumps(to_results(original))), "a3")
    assert back.results == original.results
    assert (back.notes, back.grader_error, back.execution_time) == (["a", "b"], "x", 1.235)
    assert (back.score, back.max_score, back.bonus_score) == (2.5, 1.5, 2.0)


def test_a_results_file_without_extra_data_takes_its_outcomes_from_gradescopes_status():
    back = from_results(to_gradescope(report()))
    assert [(r.kind, r.check.hidden) for r in back.results] == [(PASSED, False), (FAILED, False)]


def test_the_gradebook_has_a_row_per_student_and_no_score_where_the_grader_failed():
    ok = Graded.of("bea", report(), True)
    broken = Graded.of("al", GradeReport("a1", [], grader_error="x"), False)
    assert gradebook_rows([ok, broken]) == [
        ["student", "score", "max_score", "graded", "init", "relu"],
        ["bea", 0.5, 1.5, True, 0.0, 0.5],
        ["al", "", "", False, "", ""],
    ]
    line = {"student": "al", "score": "", "max_score": "", "graded": "False", "relu": ""}
    read = graded_from_row(line, to_results(broken.report))
    assert (read.score, read.checks, read.grader_ok, read.report.grader_error) == (
        None,
        {},
        False,
        "x",
    )


def test_a_new_report_shows_hidden_checks_as_the_manifest_says():
    assignment = SimpleNamespace(id="a1", hidden_visibility="after_due_date")
    fresh = new_report(assignment)
    fresh.results += report().results
    assert [t["visibility"] for t in to_gradescope(fresh)["tests"]] == ["visible", "after_due_date"]
