"""Softmax divided by the sum of the whole array (the seed's first warning).

diagnosis: your softmax divides by the sum of the whole array instead of each column's sum.
fails: softmax_public
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def softmax(Z):
    e = np.exp(np.asarray(Z, dtype=float))
    return e / np.sum(e)
