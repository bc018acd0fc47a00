"""Softmax divided by e.sum() over every entry.

rewrites: softmax_whole_array
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(Z):
    e = np.exp(Z)
    return e / e.sum()
