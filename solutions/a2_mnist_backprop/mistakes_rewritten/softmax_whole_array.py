"""Softmax as a loop over the rows that divides each by the total of the whole array.

rewrites: softmax_whole_array
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - np.max(x))
    total = 0.0
    for value in e.ravel():
        total += value
    return e / total
