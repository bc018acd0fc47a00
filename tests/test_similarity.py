import numpy as np
from test_solution_regions import MINE, RELEASE, written

from autograder.similarity import common_limit, find_copying, fingerprints, normalise
from autograder.solution_regions import Statement, code_names

# MINE with other names, comments, spacing, line breaks and order of independent statements
DISGUISED = '''\
import numpy as np


def scale(x, factor):
    """x: (N,) -> (N,)"""
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    c = np.clip(x,-10.0,
                10.0)
    mean_value = np.sum(c)/n
    moved = c - mean_value * 0.0
    out = moved * factor  # scale it
    return out


def given(x):
    return x + 1
'''

OTHER = """\
def scale(x, factor):
    x = np.asarray(x, dtype=float)
    out = factor * x
    return out
"""


def test_disguises_change_no_fingerprint():
    """Renamed variables, comments, spacing, line breaks and reordering: same fingerprints."""
    vocabulary = code_names(RELEASE)
    assert set(fingerprints(written(MINE), vocabulary)) == set(
        fingerprints(written(DISGUISED), vocabulary)
    )
    assert set(fingerprints(written(MINE), vocabulary)).isdisjoint(
        fingerprints(written(OTHER), vocabulary)
    )


def test_names_the_release_gives_and_keyword_arguments_are_kept():
    vocabulary = code_names(RELEASE)
    statement = written("def scale(x, factor):\n    y = np.clip(x, a_min=0, a_max=None)\n")[0]
    assert (
        normalise(statement, vocabulary) == "scale: V = np . clip ( x , a_min = N , a_max = None )"
    )


def class_of(n_honest: int) -> dict[str, list[Statement]]:
    """`n_honest` students who each wrote the common line plus four lines of their own, and
    two (cop, orig) who share MINE under disguise."""
    honest = {}
    for i in range(n_honest):
        own = "\n".join(f"    v{k} = np.full({i}, {k}) @ x[{k}:{i}]" for k in range(4))
        own = own.replace("np.full", ["np.full", "np.tile", "np.repeat"][i % 3])
        own = own.replace("@", ["@", "*", "+", "-"][i % 4])
        code = f"def scale(x, factor):\n{own}\n    out = factor * x\n    return out\n"
        code = code.replace("v0 =", "v0 = " + "np.abs(" * (i // 12 + 1)).replace(
            f"x[0:{i}]", f"x[0:{i}]" + ")" * (i // 12 + 1)
        )
        honest[f"h{i:02d}"] = written(code)
    return {**honest, "orig": written(MINE), "cop": written(DISGUISED)}


def test_the_disguised_copy_is_flagged_and_nobody_else():
    found = find_copying(class_of(30), code_names(RELEASE))
    assert [(p.a, p.b) for p in found.pairs] == [("cop", "orig")]
    pair = found.pairs[0]
    assert pair.similarity == 1.0 and len(pair.shared) == 5
    assert ("out = moved * factor  # scale it", "out = shifted * factor") in pair.shared
    assert found.best.shape == (32,) and found.compared == 32
    assert found.clusters == []


def test_common_code_is_no_evidence():
    """Thirty students writing the same statements are a common solution, not thirty copies."""
    same = {f"s{i:02d}": written(MINE) for i in range(30)}
    assert common_limit(30) < 30
    found = find_copying(same, code_names(RELEASE))
    assert found.pairs == [] and np.all(found.best == 0.0)


def test_three_copies_form_a_cluster():
    students = class_of(20)
    students["third"] = written(DISGUISED.replace("moved", "shift2"))
    found = find_copying(students, code_names(RELEASE))
    assert found.clusters == [["cop", "orig", "third"]]
    assert len(found.pairs) == 3


def test_submissions_with_nothing_written_are_not_compared():
    found = find_copying({"a": [], "b": [], "c": written(MINE)}, code_names(RELEASE))
    assert found.pairs == [] and found.compared == 1
