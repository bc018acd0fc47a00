"""Softmax divided by the sum of the whole array (the seed's first warning).

fails: softmax_public
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def softmax(Z):
    e = np.exp(np.asarray(Z, dtype=float))
    return e / np.sum(e)
