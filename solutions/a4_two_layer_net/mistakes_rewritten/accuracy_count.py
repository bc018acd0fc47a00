"""Accuracy as a count of matches in a loop.

rewrites: accuracy_count
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def binary_accuracy(Y2, Y_true):
    hits = 0
    for p, t in zip(np.ravel(Y2), np.ravel(Y_true), strict=True):
        hits += int((1.0 if p >= 0.5 else 0.0) == t)
    return float(hits)
