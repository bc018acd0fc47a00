"""Sigmoid as np.reciprocal(1 + np.exp(-x)).

rewrites: sigmoid_naive_overflows
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(x):
    return np.reciprocal(1.0 + np.exp(-np.asarray(x, dtype=float)))
