"""The class's grade files: what grade-all writes is what the class report reads back."""

import csv

from autograder.gradebook import Graded, read_gradebook, write_gradebook, write_results

RESULTS = {"score": 3.0, "tests": [{"name": "1.1 relu", "score": 3.0, "max_score": 4.0}]}


def test_rows_round_trip_and_a_grader_failure_has_no_score(tmp_path):
    """Does a row come back as written, and is a failed grade's score empty, never 0?"""
    rows = [
        Graded("bea", 3.0, 14.0, {"relu_public": 3.0, "bce_public": 0.0}, True, RESULTS),
        Graded("al", 9.0, 14.0, {"relu_public": 0.0}, False, {"score": 0}),
    ]
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
    al, bea = read_gradebook(tmp_path)
    assert (al.student, al.score, al.max_score, al.grader_ok) == ("al", None, None, False)
    assert al.checks == {"relu_public": 0.0} and al.results == {"score": 0}
    assert bea == rows[0]


def test_a_missing_results_file_reads_as_empty(tmp_path):
    write_gradebook([Graded("cy", 1.0, 2.0, {}, True, {})], tmp_path)
    (row,) = read_gradebook(tmp_path)
    assert (row.score, row.results, row.checks) == (1.0, {}, {})
