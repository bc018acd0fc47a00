"""Solution regions: which statements of a submission the student wrote."""

from autograder.solution_regions import Regions, Statement, code_names

RELEASE = '''\
import numpy as np


def scale(x, factor):
    """x: (N,) -> (N,)"""
    x = np.asarray(x, dtype=float)
    raise NotImplementedError()
    return out


def given(x):
    return x + 1
'''

MINE = '''\
import numpy as np


def scale(x, factor):
    """x: (N,) -> (N,)"""
    x = np.asarray(x, dtype=float)
    # my way: clip first, then scale
    clipped = np.clip(x, -10.0, 10.0)
    width = x.shape[0]
    total = np.sum(clipped) / width
    shifted = clipped - total * 0.0
    out = shifted * factor
    return out


def given(x):
    return x + 1


for trial in range(3):
    print(scale([1, 2], trial))
'''


def written(code: str) -> list[Statement]:
    return Regions.of(RELEASE).written([code])


def test_only_the_students_code_in_stubbed_functions_counts():
    """Are the release's lines, the stub, unstubbed functions and top-level experiments left
    out?"""
    assert [s.text for s in written(MINE)] == [
        "clipped = np.clip(x, -10.0, 10.0)",
        "width = x.shape[0]",
        "total = np.sum(clipped) / width",
        "shifted = clipped - total * 0.0",
        "out = shifted * factor",
    ]
    assert {s.function for s in written(MINE)} == {"scale"}
    assert written(RELEASE) == []  # the untouched release wrote nothing


def test_a_method_region_is_named_by_its_class():
    release = "class Dense:\n    def forward(self, x):\n        raise NotImplementedError()\n"
    code = "class Dense:\n    def forward(self, x):\n        return x @ self.w\n"
    assert [(s.function, s.text) for s in Regions.of(release).written([code])] == [
        ("Dense.forward", "return x @ self.w")
    ]


def test_a_cell_that_does_not_parse_is_still_read():
    """A syntax error in the student's cell: the statements are read line by line."""
    code = "def scale(x, factor):\n    out = np.clip(x, 0 1\n    return out\n"
    texts = [s.text for s in written(code)]
    assert texts == ["out = np.clip(x, 0 1"]


def test_code_names_are_the_names_the_release_defines_or_imports():
    assert {"np", "scale", "given", "x", "factor"} <= code_names(RELEASE)
    assert "clipped" not in code_names(RELEASE)
