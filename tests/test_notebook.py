import json

import nbformat
import pytest
from factories import toy_notebook

from autograder.notebook import SubmissionError, find_submission, read_code_cells


def test_code_cells_keep_their_index_and_check_flag(tmp_path):
    """Are check cells flagged, so the grader never runs the student's copy of them?"""
    path = tmp_path / "toy.ipynb"
    nbformat.write(toy_notebook(), path)
    cells = read_code_cells(path)
    assert [c.index for c in cells] == [1, 2, 3, 4, 5]
    assert [c.is_check for c in cells] == [False, False, True, True, True]
    assert cells[1].grade_id == "toy_solution"


def test_broken_json_is_explained(tmp_path):
    """Does a corrupted notebook get a sentence saying what to do?"""
    path = tmp_path / "toy.ipynb"
    path.write_text('{"cells": [')
    with pytest.raises(
        SubmissionError, match="not a valid notebook: broken JSON at line 1; open it in Jupyter"
    ):
        read_code_cells(path)


def test_an_old_or_odd_notebook_still_yields_its_code(tmp_path):
    """Is a notebook that fails schema validation still read from its raw cells?"""
    path = tmp_path / "toy.ipynb"
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": ["x = 1\n", "y = 2"]}]}))
    assert read_code_cells(path)[0].source == "x = 1\ny = 2"


def test_a_python_file_is_one_cell(tmp_path):
    path = tmp_path / "answers.py"
    path.write_text("def f():\n    return 1\n")
    assert read_code_cells(path)[0].source.startswith("def f")


def test_finding_the_notebook_in_a_submission_folder(tmp_path):
    """Is the named notebook preferred, a lone notebook accepted, and ambiguity explained?"""
    with pytest.raises(SubmissionError, match="no notebook was submitted; upload toy.ipynb"):
        find_submission(tmp_path, "toy.ipynb")
    (tmp_path / "mine.ipynb").write_text("{}")
    assert find_submission(tmp_path, "toy.ipynb").name == "mine.ipynb"
    (tmp_path / "other.ipynb").write_text("{}")
    with pytest.raises(SubmissionError, match="several notebooks were submitted"):
        find_submission(tmp_path, "toy.ipynb")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "toy.ipynb").write_text("{}")
    assert find_submission(tmp_path, "toy.ipynb") == tmp_path / "sub" / "toy.ipynb"


def test_a_student_module_is_found_by_its_name_and_named_in_messages(tmp_path):
    """Is the module the file graded, and are a missing module, a lone notebook and two copies
    of the module each one clear line?"""
    (tmp_path / "toy.ipynb").write_text("{}")
    with pytest.raises(SubmissionError, match=r"^toy_answers.py was not submitted; upload toy_"):
        find_submission(tmp_path, "toy_answers.py")
    with pytest.raises(SubmissionError, match="grades your module toy_answers.py; upload"):
        find_submission(tmp_path / "toy.ipynb", "toy_answers.py")
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "toy_answers.py").write_text("def f():\n    return 1\n")
    found = find_submission(tmp_path, "toy_answers.py")
    assert found == tmp_path / "work" / "toy_answers.py"
    assert read_code_cells(found)[0].name == "toy_answers.py"
    (tmp_path / "toy_answers.py").write_text("")
    with pytest.raises(SubmissionError, match=r"several copies of toy_answers.py .*work/toy_ans"):
        find_submission(tmp_path, "toy_answers.py")
