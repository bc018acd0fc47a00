import time

import numpy as np
import pytest

from autograder.student_process import Limits, StudentError, StudentProcess

CODE = """
import numpy as np
import os, sys

def relu(x):
    return np.maximum(x, 0)

def spin():
    while True:
        pass

def leave():
    sys.exit(2)

def vanish():
    os._exit(7)

def hog():
    return np.ones(10**10)

def broken(x):
    return x.nope

class Box:
    def __init__(self, n):
        self.items = np.zeros(n)

    def fill(self, value):
        self.items[:] = value
        return self
"""


@pytest.fixture
def student(tmp_path):
    with StudentProcess([{"index": 3, "source": CODE}], tmp_path, Limits(memory_mb=512)) as proc:
        proc.start()
        yield proc


def call(student, name, *args, seconds=5.0):
    student.deadline = time.monotonic() + seconds
    return student.name(name)(*args)


def test_calls_return_plain_data(student):
    """Does a student function run in the child and return an array?"""
    np.testing.assert_array_equal(call(student, "relu", np.array([-1.0, 2.0])), [0.0, 2.0])


def test_an_exception_names_its_cell_and_line(student):
    """Does a student exception come back as one line pointing into the notebook?"""
    with pytest.raises(
        StudentError, match=r"AttributeError: .*nope.* \(in broken, cell 3 line 22\)"
    ):
        call(student, "broken", 1)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("spin", "did not finish within the time limit"),
        ("leave", r"called sys.exit\(2\)"),
        ("vanish", "exit code 7"),
        ("hog", "MemoryError"),
        ("missing", "your notebook does not define `missing`"),
    ],
)
def test_failures_are_reported_and_the_next_call_works(student, name, message):
    """After a hang, exit, crash or memory bomb, does the next call still get an answer?"""
    with pytest.raises(StudentError, match=message):
        call(student, name, seconds=1.0)
    np.testing.assert_array_equal(call(student, "relu", np.array([3.0])), [3.0])


def test_remote_objects_support_methods_and_attributes(student):
    """Can a check build a student object, call its methods and read and set attributes?"""
    box = call(student, "Box", 3)
    assert box.fill(2.0) is not None
    np.testing.assert_array_equal(box.items, [2.0, 2.0, 2.0])
    box.items = np.arange(3.0)
    np.testing.assert_array_equal(box.items, [0.0, 1.0, 2.0])


def test_objects_do_not_survive_a_restart(student):
    """Is an object made before a restart refused instead of silently pointing elsewhere?"""
    box = call(student, "Box", 2)
    with pytest.raises(StudentError):
        call(student, "spin", seconds=0.5)
    student.deadline = time.monotonic() + 5
    with pytest.raises(StudentError, match="before the grader restarted"):
        box.fill(1.0)


def test_load_reports_broken_cells_and_keeps_the_rest(tmp_path):
    """Does a syntax error in one cell leave the other cells' functions gradable?"""
    cells = [
        {"index": 0, "source": "def ok():\n    return 1\n"},
        {"index": 1, "source": "def bad(:\n"},
    ]
    with StudentProcess(cells, tmp_path) as proc:
        loaded = proc.start()
        assert loaded.problems == [
            "cell 1 has a syntax error on line 1: invalid syntax;"
            " nothing defined in that cell can be graded"
        ]
        assert loaded.defined == ["ok"]
        assert call(proc, "ok") == 1


def test_warnings_of_a_call_are_recorded(student):
    """Does an overflow inside a student call come back as a warning of that call only?"""
    call(student, "relu", np.array([1.0]))
    assert student.last_warnings == []
    student.deadline = time.monotonic() + 5.0
    student.name("np").exp(np.array([1000.0]))
    assert student.last_warnings == ["overflow encountered in exp"]
    call(student, "relu", np.array([1.0]))
    assert student.last_warnings == []
