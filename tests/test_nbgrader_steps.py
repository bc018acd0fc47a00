"""The kit's steps in nbgrader's pipelines, one cell at a time (the whole pipelines run in
tests/test_nbgrader_course.py)."""

from factories import check_cell, notebook
from nbformat.v4 import new_output

from autograder.nbgrader_steps import HIDDEN_NOTE, HideHiddenChecks, without_course_paths


def autograded(cell, score: float, course: str):
    """`cell` as nbgrader's GetGrades leaves it in `course`: its score in its metadata, and
    the traceback of a failure through the course's copy of nnkit_checks.py."""
    cell.metadata.nbgrader["score"] = score
    traceback = [
        f"File {course}/autograded/ada/a1/nnkit_checks.py:80, in assert_close",
        "CheckFailure: relu(x) is wrong: expected 0.340581, got 0.1",
    ]
    cell.outputs = [new_output("error", ename="CheckFailure", evalue="", traceback=traceback)]
    return cell


def test_feedback_shows_a_hidden_check_as_title_verdict_and_hint_only(tmp_path, monkeypatch):
    """Is a failed hidden check's code, traceback and expected value gone from the feedback,
    and a public check's message kept, without the course's path?"""
    monkeypatch.chdir(tmp_path)  # nbgrader runs in the course folder
    course = str(tmp_path)
    hidden_cell = check_cell("relu_hidden", "1.2 relu again", "assert False", 2.0, "clip at 0")
    hidden = autograded(hidden_cell, 0.0, course)
    public = autograded(
        check_cell("relu_public", "1.1 relu", "assert_close(relu(x), y)"), 0.0, course
    )
    nb, _ = HideHiddenChecks().preprocess(notebook([hidden, public]), {})
    assert nb.cells[0].source == f"# 1.2 relu again\n{HIDDEN_NOTE}"
    assert [o.get("text") for o in nb.cells[0].outputs] == ["Failed. Hint: clip at 0\n"]
    assert nb.cells[1].source.startswith("# 1.1 relu\nassert_close(relu(x), y)")
    assert nb.cells[1].outputs[0].traceback == [
        "File ./autograded/ada/a1/nnkit_checks.py:80, in assert_close",
        "CheckFailure: relu(x) is wrong: expected 0.340581, got 0.1",
    ]


def test_a_passed_hidden_check_says_passed(tmp_path):
    hidden_cell = check_cell("h", "2.1 backward", "assert True", 1.0, "sum over N")
    nb, _ = HideHiddenChecks().preprocess(notebook([autograded(hidden_cell, 1.0, "/c")]), {})
    assert [o.get("text") for o in nb.cells[0].outputs] == ["Passed.\n"]


def test_the_course_folder_leaves_every_output():
    cell = autograded(check_cell("p", "1.1 relu", "assert False"), 0.0, "/home/teacher/course")
    cell.outputs.append(new_output("stream", name="stdout", text="in /home/teacher/course/x"))
    without_course_paths(cell, "/home/teacher/course")
    assert cell.outputs[0].traceback[0].startswith("File ./autograded/ada/a1/nnkit_checks.py")
    assert cell.outputs[1].text == "in ./x"
