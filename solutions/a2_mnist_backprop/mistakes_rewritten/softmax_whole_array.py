"""Softmax shifted per row but divided by the total of the array.

rewrites: softmax_whole_array
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum()
