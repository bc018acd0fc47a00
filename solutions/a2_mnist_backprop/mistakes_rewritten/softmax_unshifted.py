"""Softmax as np.exp(x) / np.exp(x).sum(-1, keepdims=True).

rewrites: softmax_unshifted
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(x):
    e = np.exp(np.asarray(x, dtype=float))
    return e / e.sum(-1, keepdims=True)
