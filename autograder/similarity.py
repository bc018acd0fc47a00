"""Possible copying: submissions whose student-written statements are near-identical once names,
literals, comments and formatting are set aside.

Each submission becomes a bag of fingerprints, one per statement written in its solution regions
(`solution_regions`): the function the statement is in, then its tokens with every name the
student chose replaced by ``V``, numbers by ``N`` and strings by ``S`` (keywords, builtins,
attributes, keyword arguments and the names the release gives stay). Renaming variables,
editing comments, reformatting or reordering statements changes no fingerprint.

Fingerprints that many submissions share are the class's common solution and say little about
copying (as in MOSS, where passages found in more than ten programs are ignored): each
fingerprint weighs log(1 + N / (submissions holding it)), and one held by more than `common_limit`
submissions weighs nothing. The similarity of two submissions is the
cosine of their weighted fingerprint sets: the weight they share over the geometric mean of
their own. All pairs come from one matrix product in numpy, in blocks of rows; no pair is
visited in Python unless it is flagged.

Letters: N submissions, F fingerprints held by at least two of them.
"""

from __future__ import annotations

import builtins
import keyword
from dataclasses import dataclass

import numpy as np

from autograder.solution_regions import Statement

THRESHOLD = 0.8  # similarity from which a pair is shown for review
MIN_SHARED = 2  # statements two submissions must share beyond the common solution
COMMON_AT_LEAST = 5  # a statement held by more submissions than the larger of these two
COMMON_FRACTION = 0.02  # (or this share of the class) is the class's common code
BLOCK_ROWS = 512  # rows of the similarity matrix computed at once (memory: BLOCK_ROWS x N)
KEPT_NAMES = set(keyword.kwlist) | set(dir(builtins))


@dataclass(frozen=True)
class Pair:
    """Two submissions flagged for review.

    shared: each statement they have in common, as written by `a` and by `b`.
    """

    a: str
    b: str
    similarity: float
    shared: tuple[tuple[str, str], ...]
    written: tuple[int, int]  # how many statements each wrote


@dataclass(frozen=True)
class Copying:
    """What the comparison found in a class.

    students: (N,) ids; best: (N,) each one's highest similarity to another submission.
    """

    students: list[str]
    best: np.ndarray
    pairs: list[Pair]
    clusters: list[list[str]]  # groups of three or more linked by flagged pairs
    compared: int  # submissions with student-written code to compare


def common_limit(n: int) -> float:
    """How many of `n` submissions may hold a statement before it counts as common code."""
    return max(COMMON_AT_LEAST, COMMON_FRACTION * n)


def normalise(statement: Statement, vocabulary: set[str]) -> str:
    """The fingerprint text of one statement: function, then its canonical tokens."""
    out, previous, depth = [], "", 0
    tokens = statement.tokens
    for at, (kind, text) in enumerate(tokens):
        depth += (text in "([{") - (text in ")]}") if kind == "op" else 0
        keyword_argument = depth > 0 and at + 1 < len(tokens) and tokens[at + 1][1] == "="
        if kind == "name" and not keyword_argument and previous != ".":
            text = text if text in KEPT_NAMES | vocabulary else "V"
        elif kind == "number":
            text = "N"
        elif kind == "string":
            text = "S"
        out.append(text)
        previous = text
    return f"{statement.function}: {' '.join(out)}"


def fingerprints(statements: list[Statement], vocabulary: set[str]) -> dict[str, str]:
    """Fingerprint -> the statement as written; a repeated statement gets ``#2``, ``#3``...;
    a statement that is only a string (a docstring) is left out."""
    found: dict[str, str] = {}
    for statement in statements:
        if all(kind == "string" for kind, _ in statement.tokens):
            continue
        key = normalise(statement, vocabulary)
        count = 1
        while f"{key} #{count}" in found:
            count += 1
        found[f"{key} #{count}"] = statement.text
    return found


def find_copying(
    written: dict[str, list[Statement]],
    vocabulary: set[str],
    *,
    threshold: float = THRESHOLD,
    min_shared: int = MIN_SHARED,
) -> Copying:
    """Pairs and clusters of submissions whose written statements are near-identical.

    written: student -> the statements of their solution regions; vocabulary: the release's
    names, which are kept as they are.
    """
    students = sorted(written)
    prints = [fingerprints(written[s], vocabulary) for s in students]
    n = len(students)
    columns: dict[str, int] = {}
    rows, cols = [], []
    for i, found in enumerate(prints):
        for key in found:
            rows.append(i)
            cols.append(columns.setdefault(key, len(columns)))
    rows, cols = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    held_by = np.bincount(cols, minlength=len(columns)) if len(cols) else np.zeros(0, int)
    weight = np.log1p(n / np.maximum(held_by, 1))
    weight[held_by > common_limit(n)] = 0.0
    own = np.bincount(rows, weights=weight[cols], minlength=n) if n else np.zeros(0)

    shared_columns = np.flatnonzero((held_by >= 2) & (weight > 0))  # (F,)
    remap = np.full(len(columns), -1)
    remap[shared_columns] = np.arange(len(shared_columns))
    keep = remap[cols] >= 0 if len(cols) else np.zeros(0, bool)
    x = np.zeros((n, len(shared_columns)), dtype=np.float32)  # (N, F): 1 where i holds f
    x[rows[keep], remap[cols[keep]]] = 1.0
    xw = x * weight[shared_columns].astype(np.float32)

    best = np.zeros(n)
    flagged = []
    scale = np.sqrt(np.maximum(own, 1e-12))
    for start in range(0, n, BLOCK_ROWS):
        block = slice(start, min(n, start + BLOCK_ROWS))
        shared_weight = xw[block] @ x.T  # (B, N)
        shared_count = x[block] @ x.T
        similarity = shared_weight / scale[block, None] / scale[None, :]
        similarity[own[block] == 0, :] = 0.0
        similarity[np.arange(similarity.shape[0]), np.arange(block.start, block.stop)] = 0.0
        best[block] = similarity.max(axis=1, initial=0.0)
        hit = (similarity >= threshold) & (shared_count >= min_shared)
        hit &= np.arange(n)[None, :] > np.arange(block.start, block.stop)[:, None]
        for i, j in zip(*np.nonzero(hit), strict=True):
            flagged.append((block.start + int(i), int(j), float(similarity[i, j])))

    pairs = [
        _pair(students[i], students[j], prints[i], prints[j], s)
        for i, j, s in sorted(flagged, key=lambda f: -f[2])
    ]
    return Copying(
        students,
        np.minimum(best, 1.0),
        pairs,
        _clusters(pairs),
        int(np.count_nonzero(own)),
    )


def _pair(a: str, b: str, left: dict[str, str], right: dict[str, str], similarity: float) -> Pair:
    shared = tuple((left[key], right[key]) for key in left if key in right)
    return Pair(a, b, round(min(similarity, 1.0), 3), shared, (len(left), len(right)))


def _clusters(pairs: list[Pair]) -> list[list[str]]:
    """Groups of three or more submissions linked by flagged pairs (union-find)."""
    parent: dict[str, str] = {}

    def root(s: str) -> str:
        while parent.setdefault(s, s) != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for pair in pairs:
        parent[root(pair.a)] = root(pair.b)
    groups: dict[str, list[str]] = {}
    for student in parent:
        groups.setdefault(root(student), []).append(student)
    return sorted((sorted(g) for g in groups.values() if len(g) >= 3), key=lambda g: (-len(g), g))
