"""Subtracts the maximum of the whole array: a column far below it underflows to 0 / 0.

diagnosis: your softmax subtracts the maximum of the whole array instead of each column's, so a
    column far below it becomes 0 / 0.
fails: stable_softmax_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def stable_softmax(Z):
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=0, keepdims=True)
