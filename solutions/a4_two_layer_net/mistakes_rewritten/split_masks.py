"""Split returning comparisons of the flattened arrays.

rewrites: split_masks
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def split_by_correctness(predicted, true):
    p, t = np.ravel(predicted), np.ravel(true)
    return p == t, p != t
