"""Sigmoid as 1 / (1 + np.exp(-x)) in two steps.

rewrites: sigmoid_overflows
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(x):
    e = np.exp(-np.asarray(x, dtype=float))
    return 1.0 / (1.0 + e)
