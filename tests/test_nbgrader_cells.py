"""nbgrader's cell conventions, on nbformat's cells and on plain JSON alike."""

import json

import pytest
from factories import check_cell, code_cell

from autograder.checkspec import CheckInfo
from autograder.nbgrader_cells import (
    CheckCell,
    CheckCellError,
    grade_id,
    is_check_cell,
    is_hidden_check,
    is_written_answer,
    parse_check_cell,
    without_hidden_markers,
)


def test_a_hidden_check_cell_states_its_check_and_keeps_only_its_code():
    """Are the title, points, hint and visibility read from the cell, and the header lines and
    the hidden-test markers left out of its code?"""
    cell = check_cell("relu_hidden", "1.2 relu: a batch", "assert relu(1) == 1", 2.0, "sign")
    parsed = parse_check_cell(cell)
    assert parsed == CheckCell(
        grade_id="relu_hidden",
        title="1.2 relu: a batch",
        points=2.0,
        hidden=True,
        hint="sign",
        bonus=False,
        code="assert relu(1) == 1",
    )
    assert parsed.info == CheckInfo("relu_hidden", "1.2 relu: a batch", 2.0, True, "sign")
    assert is_check_cell(cell) and is_hidden_check(cell) and grade_id(cell) == "relu_hidden"


def test_a_bonus_line_marks_extra_credit_only_in_the_header():
    cell = code_cell("# dropout\n# Bonus: extra credit\nx = 1\n# Bonus later", "d", points=3)
    parsed = parse_check_cell(cell)
    assert (parsed.bonus, parsed.hidden, parsed.code) == (True, False, "x = 1\n# Bonus later")


def test_plain_json_cells_are_read_as_nbformats_are():
    """Does a cell read as JSON (its source a list of lines) give the same answers?"""
    cell = check_cell("c", "t", "assert True", hint="h")
    raw = json.loads(json.dumps(cell))
    raw["source"] = raw["source"].splitlines(keepends=True)
    assert is_hidden_check(raw) and parse_check_cell(raw) == parse_check_cell(cell)
    odd = {"cell_type": "code", "source": "x", "metadata": {"nbgrader": "not a dict"}}
    assert not is_check_cell(odd) and grade_id(odd) is None


def test_solutions_and_written_answers_are_not_checks():
    solution = code_cell("def f(): pass", "f", solution=True)
    written = code_cell("", "answer", solution=True, points=2)
    written["cell_type"] = "markdown"
    assert not is_check_cell(solution) and not is_check_cell(written)
    assert is_written_answer(written) and not is_written_answer(solution)


def test_a_check_cell_without_a_title_is_refused():
    with pytest.raises(CheckCellError, match="check cell c must start with '# <title>'"):
        parse_check_cell(code_cell("assert True", "c", points=1))


def test_without_hidden_markers_keeps_everything_else():
    source = "a = 1\n  ### BEGIN HIDDEN TESTS\nb = 2\n### END HIDDEN TESTS"
    assert without_hidden_markers(source) == "a = 1\nb = 2"
