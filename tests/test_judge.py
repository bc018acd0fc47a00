"""What the judge shows for a failed check: a hidden check's magnitude and hint, never its
values, and the earlier failed check a failure depends on; and what students see for one known
mistake per assignment."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import numpy as np
import pytest
from nnkit_checks import (
    CheckFailure,
    assert_at_least,
    assert_close,
    assert_gradient,
    load_arrays,
)

from autograder.checkspec import CheckSpec
from autograder.grade import grade
from autograder.judge import OUT_OF_TIME, Judge, NotRun, all_failed, call_graph, run_checks
from autograder.manifest import load_assignment
from autograder.results import CRASHED, FAILED, NOT_RUN, PASSED, TIMEOUT
from autograder.student_process import StudentError
from autograder.variants import load_mistakes, write_variant


def spec(grade_id: str, title: str, hidden: bool = True) -> CheckSpec:
    return CheckSpec(grade_id, title, 1.0, hidden, "look at the sign", function=lambda: None)


def judge(*specs: CheckSpec, reaches=None, data_folders=()) -> Judge:
    student = SimpleNamespace(used=set(), last_used=None)
    return Judge(list(specs), student, 1.0, 10.0, reaches=reaches or {}, data_folders=data_folders)


def failure(assertion, *args) -> CheckFailure:
    with pytest.raises(CheckFailure) as raised:
        assertion(*args)
    return raised.value


@pytest.mark.parametrize(
    ("raised", "public", "hidden"),
    [
        (
            failure(assert_close, [1.0, 5.0, 3.0], [1.0, 2.0, 3.0], "y"),
            "y is wrong at 1 of 3 entries; first at index (1,): expected 2, got 5",
            "y is wrong at 1 of 3 entries; largest relative error 4.3e-01",
        ),
        (
            failure(assert_gradient, np.array([2.0, 1.0]), np.array([1.0, 1.0]), "dW1"),
            "dW1 disagrees with the numerical gradient: relative error 3.33e-01 "
            "(should be below 1e-05)",
            "dW1 disagrees with the numerical gradient: relative error 3.33e-01 "
            "(should be below 1e-05)",
        ),
        (
            failure(assert_at_least, 0.71, 0.85, "test accuracy"),
            "test accuracy is 0.7100; it should be at least 0.85",
            "test accuracy is 0.7100; it should be at least 0.85",
        ),
    ],
)
def test_a_hidden_check_shows_the_magnitude_never_the_expected_values(raised, public, hidden):
    """Does a hidden failure say what failed and by how much, then its hint, and nothing of
    the reference (a public one keeps the full message)?"""
    hidden_spec, public_spec = spec("h", "1.1 h"), spec("p", "1.1 p", hidden=False)
    graded = judge(hidden_spec, public_spec)
    assert graded.output(public_spec, raised) == public
    assert graded.output(hidden_spec, raised) == f"{hidden}\nHint: look at the sign"
    assert "expected" not in graded.output(hidden_spec, raised)


def test_a_failure_without_a_magnitude_shows_only_the_hint():
    hidden = spec("h", "1.1 h")
    for raised in (CheckFailure("expected 3, got 4"), AssertionError("weights[0] = [1, 2]")):
        assert judge(hidden).output(hidden, raised) == "Hint: look at the sign"


def test_a_failure_names_the_earlier_failed_function_it_runs():
    """A training check that fails while its train function runs a d_sigmoid that failed its
    own check says so, and names no function it calls itself or that passed."""
    first, second = spec("d_sigmoid_public", "1.1 d_sigmoid"), spec("train", "1.5 train")
    graded = judge(first, second, reaches={"train": frozenset({"d_sigmoid", "forward"})})
    graded.student.used, graded.student.last_used = {"sigmoid", "d_sigmoid"}, "d_sigmoid"
    assert graded.result(first, CheckFailure("no")).output == "Hint: look at the sign"
    graded.student.used, graded.student.last_used = {"train"}, "train"
    assert graded.result(second, CheckFailure("no")).output == (
        "Hint: look at the sign\n"
        "This depends on your `d_sigmoid`, which failed “1.1 d_sigmoid”: fix it first."
    )


def test_each_judge_gives_its_checks_its_own_data_folders_in_threads(tmp_path):
    """Two judges run a check at the same moment in two threads: does each check's load_arrays
    read its own judge's folder, and no check's folder outlive it?"""
    together = threading.Barrier(2, timeout=30)
    read = {}

    def reading(grade_id: str) -> CheckSpec:
        def check() -> None:
            together.wait()
            read[grade_id] = load_arrays("numbers.npz")["value"].tolist()

        return CheckSpec(grade_id, grade_id, 1.0, False, "", function=check)

    judges = []
    for value in (1, 2):
        folder = tmp_path / f"grading{value}"
        folder.mkdir()
        np.savez(folder / "numbers.npz", value=np.array([value, value]))
        judges.append(judge(reading(f"reads{value}"), data_folders=(folder,)))
    with ThreadPoolExecutor(2) as threads:
        results = list(threads.map(run_checks, judges))
    assert read == {"reads1": [1, 1], "reads2": [2, 2]}
    assert [[r.score for r in rs] for rs in results] == [[1.0], [1.0]]
    with pytest.raises(FileNotFoundError):  # this thread: no grader's folder left behind
        load_arrays("numbers.npz")


def test_all_failed_is_what_a_judge_with_no_student_gives():
    """Does every check fail with the reason, at zero of its points, bonus kept apart?"""
    plain = CheckSpec("plain", "1.1 plain", 2.0, False, "", function=lambda: None)
    bonus = CheckSpec("extra", "1.2 extra", 3.0, True, "a hint", True, function=lambda: None)
    failed = all_failed([plain, bonus], OUT_OF_TIME)
    assert [
        (r.grade_id, r.score, r.max_score, r.check.hidden, r.check.bonus, r.output, r.kind)
        for r in failed
    ] == [
        ("plain", 0.0, 2.0, False, False, OUT_OF_TIME, NOT_RUN),
        ("extra", 0.0, 3.0, True, True, OUT_OF_TIME, NOT_RUN),
    ]
    no_student = Judge([plain, bonus], None, 1.0, 10.0, not_loaded=OUT_OF_TIME)
    assert run_checks(no_student) == failed


def test_the_call_graph_follows_functions_and_classes_through_cells():
    sources = [
        "def sigmoid(x):\n    return x\n\ndef d_sigmoid(x):\n    return sigmoid(x)\n",
        "%matplotlib inline\nclass Net:\n    def step(self):\n        return d_sigmoid(1)\n",
        "def train():\n    return Net().step()\n",
        "def broken(:\n",
    ]
    graph = call_graph(sources)
    assert graph["train"] == {"Net", "d_sigmoid", "sigmoid"}
    assert graph["sigmoid"] == frozenset()


# One representative mistake per assignment, graded on two of the checks it fails: the
# public check's message, the hidden check's magnitude, and the function it depends on.
MISTAKES = [
    (
        "a1_two_moons",
        "d_sigmoid_of_input",
        ("sigmoid_public", "d_sigmoid(x) is wrong at 3 of 3 entries; first at index (0,): "
         "expected 0.104994, got -6"),
        ("backward_gradcheck_hidden", "d_weights[0] disagrees with the numerical gradient: "
         "relative error 1.00e+00 (should be below 1e-05)"),
        "d_sigmoid",
    ),
    (
        "a1_two_moons",
        "init_fan_out",
        None,
        ("init_scale_hidden", "weights[0] has 1.58 times the standard deviation the text asks "
         "for"),
        None,
    ),
    (
        "a2_mnist_backprop",
        "dsigmoid_of_output",
        ("sigmoid_public", "dsigmoid(x) is wrong at 3 of 3 entries; first at index (0,): "
         "expected 0.104994, got -6"),
        ("train_accuracy_hidden", "train_one_epoch(...) contains nan at index ()"),
        "dsigmoid",
    ),
    (
        "a3_layers",
        "dense_bias_mean",
        ("dense_backward_public", "the bias step (learning rate 1) disagrees with the numerical "
         "gradient: relative error 6.00e-01 (should be below 1e-05)"),
        ("dense_learning_rate_hidden", "the biases after a step of … is wrong at 3 of 3 "
         "entries; largest relative error 3.6e-01"),
        None,
    ),
    (
        "a4_two_layer_net",
        "backward_summed",
        ("backward_public", "grad_b2 is wrong at 1 of 1 entries; first at index (0, 0): "
         "expected 0.0205011, got 0.0410022"),
        ("backward_gradcheck_hidden", "grad_W1 disagrees with the numerical gradient: relative "
         "error 7.50e-01 (should be below 1e-05)"),
        None,
    ),
    (
        "a5_cifar_linear",
        "grad_summed",
        ("linear_grad_public", "dW is wrong at 6 of 6 entries; first at index (0, 0): "
         "expected 0.23816, got 0.476319"),
        ("linear_training_hidden", "test accuracy of the linear classifier after … steps is "
         "0.2810; it should be at least 0.33"),
        "linear_grad_func",
    ),
    (
        "a6_torch_cnn",
        "squeeze_drops_batch_axis",
        None,
        ("net_output_hidden", "the output for a batch of …: expected shape (1, 10), got (10,)"),
        None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("assignment_id", "mistake", "public", "hidden", "culprit"), MISTAKES)
def test_what_students_see_for_a_known_mistake(
    assignment_id, mistake, public, hidden, culprit, mirror, tmp_path
):
    """Does a known mistake get the public check's full message, and the hidden check's
    magnitude and hint with no expected value, naming the failed function it depends on?"""
    if assignment_id == "a6_torch_cnn":
        pytest.importorskip("torch")
    assignment = load_assignment(assignment_id)
    (variant,) = [m for m in load_mistakes(assignment) if m.name == mistake]
    checks = [c for c in (public, hidden) if c]
    report = grade(
        assignment,
        write_variant(assignment, variant, tmp_path),
        only=frozenset(grade_id for grade_id, _ in checks),
    )
    shown = {r.grade_id: r.output for r in report.results}
    if public:
        assert shown[public[0]].splitlines()[0] == public[1]
    lines = shown[hidden[0]].splitlines()
    assert lines[0] == hidden[1]
    assert lines[1].startswith("Hint: ")
    assert not re.search(r"expected -?\d|first at index", shown[hidden[0]])
    if culprit:
        assert lines[2].startswith(f"This depends on your `{culprit}`, which failed “")
    else:
        assert len(lines) == 2


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (None, PASSED),
        (AssertionError("wrong"), FAILED),
        (StudentError("raised"), FAILED),
        (StudentError("too slow", kind=TIMEOUT), TIMEOUT),
        (StudentError("stopped", kind=CRASHED), CRASHED),
        (NotRun(OUT_OF_TIME, TIMEOUT), TIMEOUT),
    ],
)
def test_each_verdict_names_its_outcome(failure, kind):
    """Is a check's outcome the one its failure names (a time limit, a crash), else failed?"""
    one = spec("h", "1.1 h")
    result = judge(one).result(one, failure)
    assert (result.kind, result.check) == (kind, one.info)


def test_a_submission_that_did_not_load_runs_no_check():
    one = spec("h", "1.1 h")
    unloaded = Judge([one], None, 1.0, 10.0, not_loaded="your notebook could not be loaded")
    result = unloaded.run(one)
    assert (result.kind, result.output) == (NOT_RUN, "your notebook could not be loaded")
