import nbformat
import pytest
from factories import check_cell, toy_course, toy_notebook

from autograder.build import generate_release
from autograder.checkgen import regular_and_written_points
from autograder.manifest import all_assignments, load_assignment
from autograder.requirements import skip_reason
from autograder.validate import validate, validate_mutants
from autograder.variants import load_alternatives, load_mistakes

WITH_PYTEST = "a1_two_moons"  # the others: tests/test_pytest_plugin.py, on three submissions


@pytest.mark.parametrize("assignment_id", [a.id for a in all_assignments()])
def test_each_assignment_validates(assignment_id, request):
    """Full marks for the reference, zero for the release, every mistake caught where declared;
    for a1, pytest gives the grader's verdict and message on every check of every submission.
    The checks' points are the manifest's total less the written answers (graded by hand)."""
    assignment = load_assignment(assignment_id)
    if skip_reason(assignment):
        pytest.skip(skip_reason(assignment))  # an optional extra (torch) is not installed
    if assignment.grading_data:
        request.getfixturevalue("mirror")  # its data come from the offline mirror here
    _, written = regular_and_written_points(nbformat.read(assignment.paths.source_notebook, 4))
    points = f"{assignment.points - written:g}"
    found = validate(assignment, with_pytest=assignment_id == WITH_PYTEST)
    assert found.problems == []
    assert found.lines[0].startswith(f"reference: {points}/{points}")
    assert found.lines[1].partition(" + ")[0] == f"untouched release: 0/{points}"  # + bonus
    if assignment_id == WITH_PYTEST:
        variants = len(load_mistakes(assignment)) + len(load_alternatives(assignment))
        assert found.lines[-1] == f"pytest: {2 + variants} submissions run through the plugin too"


TOY_MISTAKES = {
    "scalar": '"""Returns a number.\n\ndiagnosis: it returns one number.\n'
    'fails: double_public, double_hidden\n"""\n'
    "def double(x):\n    return 2.0\n",
    "no_return": '"""add forgets to return.\n\ndiagnosis: add forgets to return.\n'
    'fails: counter_public\n"""\n'
    "class Counter:\n    def __init__(self, start):\n        self.count = start\n\n"
    "    def add(self, n):\n        self.count += n\n",
}


def released_toy(tmp_path, extra_cells=(), mistakes=TOY_MISTAKES, alternatives=None):
    """The toy course with its release generated and the given variants in place."""
    toy = toy_course(tmp_path, toy_notebook(extra_cells=extra_cells))
    for folder, variants in [
        (toy.paths.mistakes_dir, mistakes),
        (toy.paths.alternatives_dir, alternatives),
    ]:
        folder.mkdir()
        for name, source in (variants or {}).items():
            (folder / f"{name}.py").write_text(source)
    generate_release(toy)
    return toy


def test_a_toy_with_a_mistake_for_every_check_and_a_correct_alternative_validates(tmp_path):
    alternative = {"adds": '"""Doubles by adding."""\ndef double(x):\n    return x + x\n'}
    found = validate(released_toy(tmp_path, alternatives=alternative))
    assert found.problems == []
    assert found.lines[-1] == "alternative adds: 4/4"


def test_a_check_that_cannot_fail_is_reported(tmp_path):
    always = check_cell("always", "always passes", "assert True")
    found = validate(released_toy(tmp_path, extra_cells=[always]))
    assert found.problems == [
        "always passes on the untouched release (a check that cannot fail)",
        "always fails none of the wrong submissions in mistakes/ (unproven)",
    ]


def test_a_wrong_alternative_and_a_mistake_failing_elsewhere_are_reported(tmp_path):
    mistakes = {**TOY_MISTAKES, "scalar": TOY_MISTAKES["scalar"].replace("double_public, ", "")}
    alternative = {"halves": '"""Halves."""\ndef double(x):\n    return x / 2\n'}
    found = validate(released_toy(tmp_path, mistakes=mistakes, alternatives=alternative))
    assert found.problems[0] == (
        "mistake scalar: not caught by -; unexpectedly failed double_public"
    )
    assert found.problems[1].startswith("alternative halves (correct) fails double_public: ")
    assert "expected 2, got 0.5" in found.problems[1]


def test_mutants_of_a_toy_are_killed_listed_or_shown(tmp_path):
    """Are a toy's mutants killed by its checks, is a listed equivalent one counted as such,
    and does the manifest's list fail when an entry is killed or names no mutant?"""
    toy = toy_course(tmp_path)
    with (toy.paths.source_dir / "assignment.toml").open("a") as manifest:
        for mutant in [
            "Counter: self.count += n -> self.count = self.count + n",
            "double: 2 -> 3",
            "double: gone -> away",
        ]:
            manifest.write(f'[[equivalent_mutants]]\nmutant = "{mutant}"\nreason = "r"\n')
    run = validate_mutants(load_assignment("toy", tmp_path), workers=2)
    assert (run.total, run.killed) == (9, 7)
    assert [m.id for m in run.equivalent] == [
        "Counter: self.count += n -> self.count = self.count + n"
    ]
    (survivor,) = run.survivors
    assert survivor.id == "double: np.asarray(x, dtype=float) -> x"
    assert "+    return 2 * x" in survivor.diff
    assert run.problems == [
        "double: 2 -> 3 is listed as an equivalent mutant; double_public kills it",
        "the manifest lists 'double: gone -> away' as an equivalent mutant, but there is no such"
        " mutant",
    ]
    assert f"{100 * 7 / 8:.1f} % of the non-equivalent killed" in run.summary()
