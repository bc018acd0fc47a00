"""The class's grade files: what grade-all writes is what the class report reads back."""

import csv
import json

from autograder.checkspec import CheckInfo
from autograder.gradebook import read_gradebook, write_gradebook, write_results
from autograder.results import CheckResult, Graded, GradeReport

RELU = CheckInfo("relu_public", "1.1 relu", 4.0, False)


def report(score: float) -> GradeReport:
    return GradeReport("a1", [CheckResult(RELU, score, "" if score == 4.0 else "wrong")])


def test_rows_round_trip_and_a_grader_failure_has_no_score(tmp_path):
    """Does a row come back as written, with its report, and is a failed grade's score empty,
    never 0?"""
    bea = Graded("bea", 3.0, 14.0, {"relu_public": 3.0, "bce_public": 0.0}, True, report(3.0))
    failed = GradeReport("a1", [], notes=["The autograder failed"], grader_error="Boom: x")
    al = Graded("al", 9.0, 14.0, {"relu_public": 0.0}, False, failed)
    rows = [bea, al]
    for row in rows:
        write_results(row, tmp_path)
    path = write_gradebook(rows, tmp_path)
    with open(path, newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines == [
        ["student", "score", "max_score", "graded", "bce_public", "relu_public"],
        ["bea", "3.0", "14.0", "True", "0.0", "3.0"],
        ["al", "", "", "False", "", "0.0"],
    ]
    al_read, bea_read = read_gradebook(tmp_path)
    assert (al_read.student, al_read.score, al_read.max_score, al_read.grader_ok) == (
        "al",
        None,
        None,
        False,
    )
    assert al_read.checks == {"relu_public": 0.0}
    assert (al_read.report.notes, al_read.report.grader_error) == (
        ["The autograder failed"],
        "Boom: x",
    )
    assert (bea_read.student, bea_read.score, bea_read.checks) == (bea.student, 3.0, bea.checks)
    assert bea_read.report.results == bea.report.results


def test_the_results_file_is_gradescopes_format_with_the_instructors_extra_data(tmp_path):
    write_results(Graded.of("bea", report(3.0), True), tmp_path)
    data = json.loads((tmp_path / "results" / "bea.json").read_text())
    assert data["tests"][0]["status"] == "failed" and data["score"] == 3.0
    assert data["extra_data"]["checks"]["relu_public"]["kind"] == "failed"


def test_a_missing_results_file_reads_as_a_report_without_results(tmp_path):
    write_gradebook([Graded("cy", 1.0, 2.0, {}, True, GradeReport("a1", []))], tmp_path)
    (row,) = read_gradebook(tmp_path)
    assert (row.score, row.report.results, row.report.notes, row.checks) == (1.0, [], [], {})
