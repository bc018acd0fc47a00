import time

import numpy as np
import pytest
from nnkit_checks import CheckFailure, GraderProxy, call_in_place, call_without_warnings

from autograder.results import CRASHED, FAILED, TIMEOUT
from autograder.sandbox import Sandbox
from autograder.student_process import StudentError, StudentProcess, copy_back

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

def build(kind, *args):
    return kind(*args)

def batches(x, size):
    for start in range(0, len(x), size):
        yield x[start : start + size]

def setting(name):
    return os.environ.get(name)

def flood():
    return np.zeros(10_000_000)  # 80 MB, over the reply cap of a small call

def forge():
    from autograder import wire
    wire.send(int(sys.argv[2]), ["not", "a", "reply"])
    return 1

def leak(secret):
    raise ValueError(f"the input was {secret}")
"""


@pytest.fixture
def student(tmp_path):
    with StudentProcess(
        [{"index": 3, "source": CODE}], tmp_path, Sandbox(memory_mb=512, cpu_seconds=60)
    ) as proc:
        proc.start()
        yield proc


def call(student, name, *args, seconds=5.0):
    student.deadline = time.monotonic() + seconds
    return student.name(name)(*args)


def test_calls_return_plain_data(student):
    """Does a student function run in the child and return an array?"""
    np.testing.assert_array_equal(call(student, "relu", np.array([-1.0, 2.0])), [0.0, 2.0])


def test_an_exception_names_its_function_and_line(student):
    """Does a student exception come back as one line pointing into the student's function?"""
    with pytest.raises(
        StudentError, match=r"AttributeError: .*nope.* \(line 2 of your `broken`: `return x.nope`\)"
    ):
        call(student, "broken", 1)


@pytest.mark.parametrize(
    ("name", "message", "kind"),
    [
        ("spin", "did not finish within the time limit", TIMEOUT),
        ("leave", r"called sys.exit\(2\)", FAILED),
        ("vanish", "exit code 7", CRASHED),
        ("hog", "MemoryError", FAILED),
        ("missing", "your notebook does not define `missing`", FAILED),
    ],
)
def test_failures_are_reported_and_the_next_call_works(student, name, message, kind):
    """After a hang, exit, crash or memory bomb, does the next call still get an answer, and
    does the error say which outcome it gives the check?"""
    with pytest.raises(StudentError, match=message) as raised:
        call(student, name, seconds=1.0)
    assert raised.value.kind == kind
    np.testing.assert_array_equal(call(student, "relu", np.array([3.0])), [3.0])


def test_remote_objects_support_methods_and_attributes(student):
    """Can a check build a student object, call its methods and read and set attributes?"""
    box = call(student, "Box", 3)
    assert box.fill(2.0) is not None
    np.testing.assert_array_equal(box.items, [2.0, 2.0, 2.0])
    box.items = np.arange(3.0)
    np.testing.assert_array_equal(box.items, [0.0, 1.0, 2.0])


def test_a_student_generator_can_be_iterated_by_a_check(student):
    """Does a generator returned by student code give its items, computed in the child?"""
    got = list(call(student, "batches", np.arange(5.0), 2))
    assert [b.tolist() for b in got] == [[0.0, 1.0], [2.0, 3.0], [4.0]]
    assert [len(b) for b in call(student, "batches", np.arange(4.0), 3)] == [3, 1]


def test_a_student_class_can_be_passed_to_student_code(student):
    """Can a check hand one of the notebook's classes to another of its functions?"""
    box = call(student, "build", student.name("Box"), 2)
    np.testing.assert_array_equal(box.fill(3.0).items, [3.0, 3.0])
    with pytest.raises(StudentError, match="does not define `Crate`"):
        call(student, "build", student.name("Crate"), 2)


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
            "the cell that begins `def bad(:` has a syntax error on line 1 (`def bad(:`):"
            " invalid syntax; nothing defined in that cell can be graded"
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


INPLACE = """
import numpy as np

def step(weights, biases, rate):
    for w in weights:
        w -= rate
    biases[0] += 1.0
    biases.append(np.zeros(1))
    return len(weights)

def rebind(weights, rate):
    weights[1] = weights[1] - rate
"""


def test_call_in_place_copies_the_students_updates_back(tmp_path):
    """Do in-place array updates and list changes made in the child reach the judge's objects?"""
    with StudentProcess([{"index": 0, "source": INPLACE}], tmp_path) as proc:
        proc.start()
        proc.deadline = time.monotonic() + 10
        assert isinstance(proc.name("step"), GraderProxy)  # what call_in_place looks for
        weights, biases = [np.ones((2, 2)), np.zeros(3)], [np.zeros(2)]
        first = weights[0]
        assert call_in_place(proc.name("step"), weights, biases, rate=0.5) == 2
        assert weights[0] is first
        np.testing.assert_array_equal(weights[0], np.full((2, 2), 0.5))
        np.testing.assert_array_equal(weights[1], np.full(3, -0.5))
        assert len(biases) == 2
        np.testing.assert_array_equal(biases[0], [1.0, 1.0])
        untouched = [np.ones((2, 2))]
        with pytest.raises(StudentError, match="step changed its input weights and biases"):
            proc.name("step")(untouched, [np.zeros(1)], 1.0)  # not declared in place: it fails
        np.testing.assert_array_equal(untouched[0], np.ones((2, 2)))


CHANGES_ITS_INPUTS = """
import numpy as np

def relu(x):
    x[x < 0] = 0.0
    return x

def widths(sizes, extra):
    sizes += extra
    return sizes

def scale(x, *, factor):
    factor *= 2.0
    return x * factor

def normalise(x, out=None):
    out = x if out is None else out
    out /= np.max(np.abs(x))
    return out

def shuffled(x, rng):
    return x[np.random.default_rng(rng).permutation(len(x))]

class Layer:
    def forward(self, x):
        x -= 1.0
        return x
"""


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "message"),
    [
        ("relu", (np.array([-1.0, 2.0]),), {}, "relu changed its input x in place"),
        ("widths", ([32, 32], [10]), {}, "widths changed its input sizes in place"),
        ("normalise", (np.array([1.0, -4.0]),), {}, "normalise changed its input x in place"),
        ("normalise", (np.array([1.0, -4.0]),), {"out": np.ones(2)}, "its input out in"),
    ],
)
def test_a_function_that_changes_its_input_fails_naming_it(tmp_path, name, args, kwargs, message):
    """Does a function that overwrites an argument the check gave it fail, naming the argument,
    while the judge's own arrays stay as they were?"""
    kept = [np.copy(a) if isinstance(a, np.ndarray) else list(a) for a in args]
    with StudentProcess([{"index": 0, "source": CHANGES_ITS_INPUTS}], tmp_path) as proc:
        proc.start()
        proc.deadline = time.monotonic() + 10
        with pytest.raises(StudentError, match=message):
            proc.name(name)(*args, **kwargs)
    for got, before in zip(args, kept, strict=True):
        np.testing.assert_array_equal(got, before)


def test_what_a_function_may_change_passes(tmp_path):
    """Are rebinding a number, reading an array, and changing a method's own copy of x (a
    method's input is named too) told apart correctly?"""
    with StudentProcess([{"index": 0, "source": CHANGES_ITS_INPUTS}], tmp_path) as proc:
        proc.start()
        proc.deadline = time.monotonic() + 10
        np.testing.assert_array_equal(proc.name("scale")(np.ones(2), factor=1.5), [3.0, 3.0])
        x = np.arange(4.0)
        assert sorted(proc.name("shuffled")(x, 0)) == [0.0, 1.0, 2.0, 3.0]
        layer = proc.name("Layer")()
        with pytest.raises(StudentError, match="Layer.forward changed its input x in place"):
            layer.forward(np.zeros(3))


def test_an_update_in_place_must_change_the_arrays_not_replace_them(tmp_path):
    """Does a function that should update in place fail, naming the array, when it puts a new
    array into the caller's list instead of changing the one there?"""
    with StudentProcess([{"index": 0, "source": INPLACE}], tmp_path) as proc:
        proc.start()
        proc.deadline = time.monotonic() + 10
        weights = [np.ones(2), np.ones(3)]
        with pytest.raises(StudentError, match=r"rebind replaced weights\[1\] with new arrays"):
            call_in_place(proc.name("rebind"), weights, 0.5)
        np.testing.assert_array_equal(weights[1], np.ones(3))


def test_call_in_place_is_a_plain_call_in_a_notebook():
    """Without the grader, does call_in_place simply call the function?"""
    values = [np.zeros(2)]
    assert not isinstance(call_in_place, GraderProxy)
    assert call_in_place(lambda v, k: v[0].__iadd__(k).sum(), values, k=2.0) == 4.0
    np.testing.assert_array_equal(values[0], [2.0, 2.0])


def test_copy_back_replaces_what_cannot_be_updated_in_place():
    """Is a reshaped array replaced, a dict updated, and a read-only array left alone?"""
    frozen = np.zeros(2)
    frozen.flags.writeable = False
    assert copy_back(frozen, np.ones(2)) is not frozen
    table = {"a": np.zeros(2), "gone": 1}
    copy_back(table, {"a": np.ones(2), "new": 3})
    assert set(table) == {"a", "new"} and table["a"].tolist() == [1.0, 1.0]


def test_call_without_warnings_sees_warnings_in_the_child(tmp_path):
    """Does an overflow inside the student process fail the check, and a clean call pass?"""
    with StudentProcess(
        [{"index": 0, "source": "import numpy as np\ndef grow(x):\n    return np.exp(x)"}],
        tmp_path,
    ) as proc:
        proc.start()
        proc.deadline = time.monotonic() + 10
        grow = proc.name("grow")
        assert call_without_warnings(grow, np.array([1.0]), what="grow(x)") == pytest.approx(np.e)
        with pytest.raises(CheckFailure, match=r"grow\(x\) issued a warning: 'overflow"):
            call_without_warnings(grow, np.array([1000.0]), what="grow(x)")


def test_call_without_warnings_in_a_notebook():
    """Without the grader, are the call's own warnings caught the same way?"""
    with pytest.raises(CheckFailure, match="issued a warning"):
        call_without_warnings(np.log, np.array([0.0]), what="np.log(0)")


def test_the_student_process_gets_one_thread_and_no_inherited_malloc_trimming(
    tmp_path, monkeypatch
):
    """A Dask worker's environment (grade-all --scheduler) trims malloc's heap at 64 KiB, which
    makes numpy code 1.5x slower; the student process does without it, and with one thread."""
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    monkeypatch.setenv("OMP_NUM_THREADS", "8")
    with StudentProcess([{"index": 3, "source": CODE}], tmp_path) as proc:
        proc.start()
        assert call(proc, "setting", "MALLOC_TRIM_THRESHOLD_") is None
        assert call(proc, "setting", "OMP_NUM_THREADS") == "1"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "flood",
            r"your code sent back 80 MB, more than the grader accepts for this call \(67 MB\)",
        ),
        ("forge", "wrote data the grader did not expect while it was graded"),
    ],
)
def test_a_reply_over_the_cap_or_forged_fails_that_call_only(student, name, message):
    """An 80 MB reply to a small call, or a frame student code wrote itself: one line, and the
    restarted process answers the next call."""
    with pytest.raises(StudentError, match=message):
        call(student, name)
    np.testing.assert_array_equal(call(student, "relu", np.array([-2.0])), [0.0])


def test_what_a_hidden_check_may_show_of_an_error_excludes_its_message(student):
    """Does the hidden text keep only the type and the student's function and line?"""
    with pytest.raises(StudentError) as raised:
        call(student, "leak", np.array([4.0, 2.0]))
    assert "the input was [4. 2.]" in str(raised.value)
    assert raised.value.hidden == (
        "your code raised ValueError (line 2 of your `leak`: "
        '`raise ValueError(f"the input was {secret}")`)'
    )
    with pytest.raises(StudentError) as missing:
        call(student, "missing")
    assert missing.value.hidden == "your notebook does not define `missing`"


def test_the_judge_s_libraries_never_ask_student_objects_for_protocols(student):
    """Is a dunder name (numpy's __array_interface__) refused here, never sent to the student?"""
    box = call(student, "Box", 2)
    with pytest.raises(AttributeError):
        box.__array_interface__  # noqa: B018
    np.testing.assert_array_equal(np.asarray(box.items), [0.0, 0.0])
