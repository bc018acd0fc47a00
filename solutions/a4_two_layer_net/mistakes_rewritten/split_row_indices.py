"""Split with np.where on the (1, N) arrays, taking the first index array.

rewrites: split_row_indices
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def split_by_correctness(predicted, true):
    right = np.where(np.asarray(predicted) == np.asarray(true))
    wrong = np.where(np.asarray(predicted) != np.asarray(true))
    return right[0], wrong[0]
