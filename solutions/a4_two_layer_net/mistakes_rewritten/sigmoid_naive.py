"""Sigmoid as 1 / (1 + e ** -Z) with np.power.

rewrites: sigmoid_naive
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(Z):
    return 1.0 / (1.0 + np.power(np.e, -np.asarray(Z, dtype=float)))
