import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

import numpy as np
import pytest
from factories import toy_course

from autograder import diagnosis
from autograder.checkspec import CheckInfo
from autograder.grade import grade
from autograder.gradescope import bundle_contents
from autograder.layout import KIT_ROOT
from autograder.manifest import load_assignment
from autograder.report import format_table, to_gradescope
from autograder.results import CheckResult, GradeReport
from autograder.variants import load_alternatives, load_mistakes, load_variants, write_variant


def entry(value, target="f", status="ok"):
    """A trace entry: a call of `target` that returned `value`."""
    reply = {"ok": status == "ok", "value": value, "error": {"type": status}}
    return diagnosis.fingerprint({"op": "call", "target": target}, reply)


def failed(grade_id):
    return CheckResult(CheckInfo(grade_id, grade_id, 1.0, True), 0.0, "Hint: look again")


def passed(grade_id):
    return CheckResult(CheckInfo(grade_id, grade_id, 1.0, True), 1.0, "")


def test_a_summary_keeps_the_shape_a_sample_and_three_moments():
    """What is kept of a (4, 10) array: its shape, 16 evenly spaced entries, mean, mean |x|
    and RMS; a list of numbers is kept the same way."""
    value = np.arange(40.0).reshape(4, 10) - 20
    kept = diagnosis.summary(value)
    assert kept["shape"] == [4, 10]
    assert kept["sample"][:3] == [-20.0, -18.0, -15.0] and kept["sample"][-1] == 19.0
    assert kept["moments"] == pytest.approx([-0.5, 10.0, np.sqrt(np.mean(value**2))])
    assert diagnosis.summary([1.0, 2.0])["array"] == "list"
    assert diagnosis.summary({"b": 1, "a": (2.5, None)}) == {
        "keys": ["a", "b"],
        "values": [{"items": [{"f": 2.5}, None], "n": 2}, 1],
        "n": 2,
    }


def test_close_forgives_rounding_but_not_a_factor_or_a_shape():
    """Another summation order agrees; 1 % off, another shape or a NaN against a number do not."""
    rng = np.random.default_rng(0)
    value = rng.normal(size=(30, 5))
    same = diagnosis.summary(value)
    assert diagnosis.close(same, diagnosis.summary(value * (1 + 1e-12)))
    assert not diagnosis.close(same, diagnosis.summary(value * 1.01))
    assert not diagnosis.close(same, diagnosis.summary(value.T))
    with_nan = np.where(value > 1, np.nan, value)
    assert diagnosis.close(diagnosis.summary(with_nan), diagnosis.summary(with_nan.copy()))
    assert not diagnosis.close(diagnosis.summary(with_nan), same)
    assert not diagnosis.close({"f": 1.0}, 1)  # a float is not an int


def test_a_random_call_is_compared_by_its_moments():
    """Two draws of the same large distribution agree loosely, never exactly; another scale
    (He's factor 2 left out) agrees in neither way; a small draw is compared by shape only."""
    rng = np.random.default_rng(1)
    first, second = (diagnosis.summary(rng.normal(0, 0.05, (100, 40))) for _ in range(2))
    other = diagnosis.summary(rng.normal(0, 0.05 / np.sqrt(2), (100, 40)))
    assert not diagnosis.close(first, second)
    assert diagnosis.close(first, second, loose=True)
    assert not diagnosis.close(first, other, loose=True)
    small, smaller = diagnosis.summary(rng.normal(size=(3, 7))), diagnosis.summary(np.ones((3, 7)))
    assert diagnosis.close(small, smaller, loose=True)  # 21 entries: the shape only
    assert not diagnosis.close(small, diagnosis.summary(np.ones((7,))), loose=True)


def library_of(reference, *mistakes):
    """A library from one reference trace per check (the same run twice: nothing random)."""
    return diagnosis.make_library("key", (reference, reference), list(mistakes))


def test_only_a_unique_consistent_distinctive_match_is_named():
    """A submission that returns what one known mistake returns is named after it; not when two
    mistakes with different sentences match, when the mistake also fails a check the submission
    passes or behaves otherwise on another check, or when the only difference from the
    reference is an error."""
    right, wrong, other = entry([1.0, 2.0]), entry([1.0, 4.0]), entry([1.0, 3.0])
    reference = {"c1": [right], "c2": [right]}
    mean = ("bias_mean", "the mean", frozenset({"c1"}), {"c1": [wrong]})
    raised = ("raises", "an error", frozenset({"c2"}), {"c2": [entry(None, status="ValueError")]})
    library = library_of(reference, mean, raised)
    assert [m.name for m in library.mistakes] == ["bias_mean"]  # an error alone names nothing

    named = diagnosis.diagnose([failed("c1"), passed("c2")], {"c1": [wrong]}, library)
    assert [r.diagnosis for r in named] == [diagnosis.INTRO + "the mean", ""]
    unknown = diagnosis.diagnose([failed("c1")], {"c1": [other]}, library)
    assert unknown[0].diagnosis == ""

    twin = ("bias_sum", "the sum", frozenset({"c1"}), {"c1": [wrong]})
    ambiguous = library_of(reference, mean, twin)
    assert diagnosis.diagnose([failed("c1")], {"c1": [wrong]}, ambiguous)[0].diagnosis == ""

    wider = ("bias_mean", "the mean", frozenset({"c1", "c2"}), {"c1": [wrong]})
    inconsistent = library_of(reference, wider)
    results = [failed("c1"), passed("c2")]
    assert diagnosis.diagnose(results, {"c1": [wrong]}, inconsistent)[0].diagnosis == ""

    # "half the sum" matches "the mean" on a batch of two (c1), not on a batch of five (c2)
    two_batches = ("bias_mean", "the mean", frozenset({"c1", "c2"}), {"c1": [wrong], "c2": [wrong]})
    halved = {"c1": [wrong], "c2": [other]}
    results = [failed("c1"), failed("c2")]
    assert [
        r.diagnosis for r in diagnosis.diagnose(results, halved, library_of(reference, two_batches))
    ] == ["", ""]


def test_a_library_survives_json_and_is_ignored_for_other_checks(tmp_path):
    """A library written and read back is the same; one recorded for other checks is None."""
    library = library_of({"c1": [entry(1.0)]}, ("m", "it", frozenset({"c1"}), {"c1": [entry(2.0)]}))
    path = tmp_path / "diagnoses.json"
    diagnosis.write_library(library, path)
    assert diagnosis.load_library(path, "key") == library
    assert diagnosis.load_library(path, "checks changed since") is None
    assert diagnosis.load_library(tmp_path / "missing.json", "key") is None


def test_the_report_shows_the_diagnosis_under_the_failed_check():
    """The table and Gradescope's output show it as one more line under the check's output."""
    report = GradeReport("a1", [replace(failed("c1"), diagnosis="Looks like X.")])
    assert "         -> Looks like X." in format_table(report).splitlines()
    assert to_gradescope(report)["tests"][0]["output"] == "Hint: look again\nLooks like X."


A1_LIBRARY = ("backward_bias_mean", "relu_in_place", "d_sigmoid_of_input")


def graded(assignment, path):
    return grade(assignment, path, trusted=True, keep_traces=True)


def test_a1_names_rewritten_mistakes_and_nothing_else(tmp_path):
    """On real a1 grades, against a library of three mistakes: the same mistakes written in
    another style are named on their failed checks; a correct alternative and a wrong
    submission that is none of them (a d_sigmoid off by a factor 2, which fails the same checks
    as d_sigmoid_of_input) get no diagnosis."""
    assignment = load_assignment("a1_two_moons")
    mistakes = {m.name: m for m in load_mistakes(assignment) if m.name in A1_LIBRARY}
    rewritten = {
        v.name: v
        for v in load_variants(assignment.paths.source_dir / "mistakes_rewritten")
        if v.name in {"backward_bias_mean", "relu_in_place", "unrelated_d_sigmoid_doubled"}
    }
    alternative = next(a for a in load_alternatives(assignment) if a.name.startswith("passes_"))
    paths = [assignment.paths.source_submission]
    paths += [write_variant(assignment, m, tmp_path / "known") for m in mistakes.values()]
    paths += [
        write_variant(assignment, v, tmp_path / "new") for v in [*rewritten.values(), alternative]
    ]
    with ProcessPoolExecutor(max_workers=2) as pool:
        reference, *known, bias, relu, unrelated, correct = pool.map(
            graded, [assignment] * len(paths), paths
        )
    library = diagnosis.make_library(
        "key",
        (reference.traces, reference.traces),
        [
            (
                m.name,
                m.diagnosis,
                frozenset(r.grade_id for r in rep.results if not r.passed),
                rep.traces,
            )
            for m, rep in zip(mistakes.values(), known, strict=True)
        ],
    )

    def said(report):
        diagnosed = diagnosis.diagnose(report.results, report.traces, library)
        return {r.grade_id: r.diagnosis for r in diagnosed if r.diagnosis}

    assert said(bias) == {
        grade_id: "This looks like a common mistake: your bias gradients are averaged over the "
        "batch instead of summed (the 1/N is already in the loss gradient)."
        for grade_id in (
            "backward_public",
            "backward_gradcheck_hidden",
            "backward_no_hidden_hidden",
        )
    }
    assert set(said(relu).values()) == {
        "This looks like a common mistake: your relu changes the array it is given; build a new "
        "array and leave the input alone."
    }
    assert any(not r.passed for r in unrelated.results)
    assert said(unrelated) == {}
    assert correct.score == correct.max_score and said(correct) == {}


def test_the_zip_carries_the_library_only_while_it_fits_the_checks(tmp_path):
    """Is a library recorded for the current checks bundled, and one left from other checks
    left out (a stale library would name nothing anyway)?"""
    toy = toy_course(tmp_path)
    shutil.copy(KIT_ROOT / "requirements.txt", toy.root)  # the zip's pins come from it
    library = library_of({"c1": [entry(1.0)]}, ("m", "it", frozenset({"c1"}), {"c1": [entry(2.0)]}))
    bundled = f"grading_data/{toy.id}/diagnoses.json"
    diagnosis.write_library(replace(library, checks_key="other checks"), toy.paths.diagnoses_file)
    assert bundled not in bundle_contents(toy)
    current = replace(library, checks_key=diagnosis.checks_key(toy.paths.checks_file))
    diagnosis.write_library(current, toy.paths.diagnoses_file)
    assert bundle_contents(toy)[bundled] == toy.paths.diagnoses_file.read_bytes()
