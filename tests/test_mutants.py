import difflib
from functools import cache

import pytest

from autograder.manifest import load_assignment
from autograder.mutants import mutants_of, mutate_source, reached_names, solution_lines
from autograder.validate import validate_mutants

SOURCE = '''
import numpy as np


def relu(x):
    return np.maximum(x, 0.0)


def normalise(x, weights, n):
    """Not a docstring the operators touch."""
    given = x.sum()  # outside the solution region: never mutated
    ### BEGIN SOLUTION
    total = np.sum(x * weights.T, axis=0, keepdims=True)
    kept = x.copy()
    kept += total
    for i in range(n):
        kept[1:] = kept[:-1] - relu(kept[0])
    return np.where(kept > 0, kept, 2.5) - given
    ### END SOLUTION
'''


@cache
def changes(source=SOURCE):
    """Each mutant of `source` as (operator, the lines it adds to its definition)."""
    found = []
    original = source.splitlines()
    for scope, operator, after in mutate_source(source, frozenset({"relu", "normalise"})):
        assert scope == "normalise"
        added = difflib.ndiff(original, after.splitlines())
        found.append((operator, "; ".join(d[2:].strip() for d in added if d.startswith("+ "))))
    return found


@pytest.mark.parametrize(
    ("operator", "line"),
    [
        ("reduction", "total = np.mean(x * weights.T, axis=0, keepdims=True)"),
        ("axis", "total = np.sum(x * weights.T, axis=1, keepdims=True)"),
        ("axis", "total = np.sum(x * weights.T, keepdims=True)"),
        ("keepdims", "total = np.sum(x * weights.T, axis=0)"),
        ("transpose", "total = np.sum(x * weights, axis=0, keepdims=True)"),
        ("binary operator", "total = np.sum(x / weights.T, axis=0, keepdims=True)"),
        ("dropped term", "total = np.sum(x, axis=0, keepdims=True)"),
        ("in place", "kept = x"),
        ("in place", "kept = kept + total"),
        ("statement", "pass"),
        ("statement", "kept += total"),
        ("off by one", "for i in range(n - 1):"),
        ("off by one", "for i in range(1, n):"),
        ("off by one", "kept[2:] = kept[:-1] - relu(kept[0])"),
        ("off by one", "kept[1:] = kept[:-2] - relu(kept[0])"),
        ("off by one", "kept[1:] = kept[:-1] - relu(kept[1])"),
        ("dropped call", "kept[1:] = kept[:-1] - kept[0]"),
        ("comparison", "return np.where(kept >= 0, kept, 2.5) - given"),
        ("swapped arguments", "return np.where(kept > 0, 2.5, kept) - given"),
        ("constant", "return np.where(kept > 0, kept, 5.0) - given"),
        ("sign", None),
    ],
)
def test_each_operator_makes_the_mutants_it_should(operator, line):
    """Does each NumPy-aimed operator make its mutant of a small solution region?"""
    made = changes()
    if line is None:
        assert not [c for c in made if c[0] == operator]  # nothing to negate here
    else:
        assert (operator, line) in made


def test_only_solution_regions_change():
    """Are relu (no region) and the lines outside the region never mutated, and every mutant
    a valid, different definition?"""
    inside = solution_lines(SOURCE)
    lines = SOURCE.splitlines()
    assert [lines[n - 1].strip() for n in (min(inside), max(inside))] == [
        "total = np.sum(x * weights.T, axis=0, keepdims=True)",
        "return np.where(kept > 0, kept, 2.5) - given",
    ]
    made = changes()
    assert len(made) > 30
    assert all("given = x.sum()" not in line for _, line in made)
    assert ("reduction", "given = x.mean()") not in made


def test_a_check_reaches_what_the_functions_it_calls_use():
    """Does a name reach what its definition calls, directly or through others?"""
    source = (
        "def a():\n    return b()\ndef b():\n    return 1\n"
        "class C:\n    def f(self):\n        return a()\n"
    )
    assert reached_names([source]) == {"a": {"a", "b"}, "b": {"b"}, "C": {"C", "a", "b"}}


A1 = load_assignment("a1_two_moons")
KILLED = [
    "relu: np.maximum(np.asarray(x, dtype=float), 0.0)"
    " -> np.minimum(np.asarray(x, dtype=float), 0.0)",
    "d_binary_cross_entropy: (p - labels) / (p * (1.0 - p)) / p.shape[0]"
    " -> (p - labels) / (p * (1.0 - p))",
    "backward_pass: np.sum(delta, axis=0, keepdims=True) -> np.mean(delta, axis=0, keepdims=True)",
]
EQUIVALENT = "sigmoid: x >= 0 -> x > 0"


def test_a1_mutants_have_unique_ids_and_diffs():
    """Are a1's mutant ids unique, readable as code, and shown with their diff?"""
    mutants = mutants_of(A1)
    assert len({m.id for m in mutants}) == len(mutants) > 150
    assert {*KILLED, EQUIVALENT} <= {m.id for m in mutants}
    relu = next(m for m in mutants if m.id == KILLED[0])
    assert "-    return np.maximum(np.asarray(x, dtype=float), 0.0)" in relu.diff
    assert "+    return np.minimum(np.asarray(x, dtype=float), 0.0)" in relu.diff


def test_a_small_mutant_run_on_a1_kills_known_mutants():
    """Do a1's checks kill three known mutants, and is its listed equivalent one counted as
    such, with every other manifest entry naming a real mutant?"""
    chosen = [m for m in mutants_of(A1) if m.id in {*KILLED, EQUIVALENT}]
    run = validate_mutants(A1, mutants=chosen, workers=2)
    assert (run.total, run.killed, run.survivors, run.problems) == (4, 3, [], [])
    assert [m.id for m in run.equivalent] == [EQUIVALENT]
    assert run.score == 1.0
    assert run.summary().startswith("mutants: 3 of 4 killed, 1 equivalent")
