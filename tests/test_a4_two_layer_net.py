"""a4: the seed's two classic mistakes and its own "stable" softmax are caught where they should
be, and the notebook exports to a file students can print to PDF."""

import subprocess
import sys

import pytest

from autograder.grade import grade
from autograder.manifest import load_assignment
from autograder.variants import load_mistakes, write_variant

A4 = load_assignment("a4_two_layer_net")


@pytest.fixture(scope="module")
def failed(mirror, tmp_path_factory):
    """The checks each of the seed's mistakes fails, with the student-facing output."""
    folder = tmp_path_factory.mktemp("a4")
    wanted = {"softmax_whole_array", "backward_summed", "mbackward_summed", "stable_softmax_log_c"}
    found = {}
    for mistake in load_mistakes(A4):
        if mistake.name in wanted:
            report = grade(A4, write_variant(A4, mistake, folder / mistake.name))
            found[mistake.name] = {r.grade_id: r.output for r in report.results if r.score == 0}
    return found


def test_a_softmax_over_the_whole_array_is_told_which_column_is_off(failed):
    assert failed["softmax_whole_array"]["softmax_public"].startswith(
        "softmax columns must sum to 1; column 0 sums to"
    )


@pytest.mark.parametrize(
    ("mistake", "check"),
    [("backward_summed", "backward_mean_hidden"), ("mbackward_summed", "mbackward_mean_hidden")],
)
def test_gradients_summed_over_the_samples_fail_the_averaging_check(failed, mistake, check):
    assert check in failed[mistake]
    assert "is wrong at" in failed[mistake][check]
    assert "\nHint: Divide" in failed[mistake][check]


def test_the_seeds_own_stable_softmax_is_caught(failed):
    assert {"stable_softmax_hidden", "mforward_public"} <= set(failed["stable_softmax_log_c"])


def test_the_release_notebook_exports_with_nbconvert(tmp_path):
    """The README's fallback when LaTeX is missing: HTML that a browser prints to PDF."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "html",
            "--output-dir",
            str(tmp_path),
            str(A4.paths.release_notebook),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    html = (tmp_path / "a4_two_layer_net.html").read_text()
    assert "Part 2: ten digits" in html and "Written questions" in html
