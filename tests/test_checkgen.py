import pytest
from factories import (
    check_cell,
    code_cell,
    data_toy_course,
    data_toy_notebook,
    notebook,
    side_toy_course,
    toy_course,
    toy_notebook,
)

from autograder.checkgen import CheckCellError, global_names, render_checks_module


def test_each_check_cell_becomes_a_function_taking_the_student_names_it_uses(tmp_path):
    """Are the title, points, visibility, hint and parameters taken from the cells?"""
    source = toy_course(tmp_path).paths.checks_file.read_text()
    assert "from nnkit_checks import assert_close, assert_shape" in source
    assert (
        "@check('double_hidden', 'double: a batch of one', points=1.0, hidden=True, "
        'hint="keep the input\'s shape")\ndef test_double_hidden(double):' in source
    )
    assert "def test_counter_public(Counter):" in source
    assert "BEGIN HIDDEN" not in source and "# Hint" not in source


def test_a_check_using_a_notebook_global_is_refused(tmp_path):
    """Is a check that is not self-contained caught at build time, naming the culprit?"""
    nb = toy_notebook(
        extra_cells=[check_cell("bad", "uses data", "assert_close(double(data), data, 'x')")]
    )
    with pytest.raises(CheckCellError, match=r"check bad uses \['data'\]"):
        toy_course(tmp_path, nb)


def test_a_hidden_check_needs_a_hint(tmp_path):
    """Is a hidden check without a hint refused (students would get no guidance)?"""
    cell = code_cell(
        "# t\n### BEGIN HIDDEN TESTS\nassert True\n### END HIDDEN TESTS", "h", points=1
    )
    with pytest.raises(CheckCellError, match="needs a '# Hint:' line"):
        toy_course(tmp_path, notebook([*toy_notebook().cells, cell]))


def test_the_imports_cell_may_only_import(tmp_path):
    """Is a data load hidden in the imports cell refused?"""
    nb = toy_notebook()
    nb.cells[1].source += "\nx = np.ones(3)"
    with pytest.raises(CheckCellError, match="only import statements"):
        toy_course(tmp_path, nb)


def test_global_names_sees_names_inside_lambdas_and_comprehensions():
    """Are names used in nested scopes found, and local variables not?"""
    code = (
        "y = 3\nf = lambda v: relu(v) + y\nz = [sigmoid(i) for i in range(2)]\n"
        "assert_close(f(1), 2, 'x')"
    )
    assert global_names(code) == {"relu", "sigmoid", "range", "assert_close"}


def test_rendering_is_deterministic(tmp_path):
    """Does the same notebook always give the same module text?"""
    assignment = toy_course(tmp_path)
    assert render_checks_module(assignment) == render_checks_module(assignment)


def test_a_public_check_may_not_read_the_grading_data(tmp_path, offline_data):
    """Is a public check that reads the grader-only cut refused (students do not have it)?"""
    nb = data_toy_notebook()
    public = next(c for c in nb.cells if c.metadata["nbgrader"]["grade_id"] == "brightness_public")
    public.source += "\nload_arrays('mnist_grading.npz')"
    with pytest.raises(CheckCellError, match="public check brightness_public reads mnist_grading"):
        data_toy_course(tmp_path, nb)


def test_a_bonus_line_marks_a_check_as_extra_credit(tmp_path):
    """Does '# Bonus' in a check's header make it a bonus check, and leave the others alone?"""
    bonus = code_cell(
        "# double: extra credit\n# Hint: two times x\n# Bonus: extra credit\n"
        "### BEGIN HIDDEN TESTS\nassert_close(double(np.ones(2)), [2.0, 2.0], 'double')\n"
        "### END HIDDEN TESTS",
        "double_bonus",
        points=2,
    )
    source = toy_course(
        tmp_path, notebook([*toy_notebook().cells, bonus])
    ).paths.checks_file.read_text()
    assert "hint='two times x', bonus=True)\ndef test_double_bonus(double):" in source
    assert source.count("bonus=True") == 1 and "# Bonus" not in source


def test_a_student_side_support_function_is_a_parameter_and_never_imported(tmp_path):
    source = side_toy_course(tmp_path).paths.checks_file.read_text()
    assert (
        "support_functions={'type_name': 'inspect_toy.type_name'})\n"
        "def test_counter_kind(Counter, type_name):" in source
    )
    assert "inspect_toy" not in source.replace("'inspect_toy.type_name'", "")
