"""Sigmoid as np.exp(x) / (np.exp(x) + 1).

rewrites: sigmoid_exp_ratio
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(x):
    e = np.exp(np.asarray(x, dtype=float))
    return e / (e + 1.0)
