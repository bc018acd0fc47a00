"""Accuracy with np.where(Y2 > 0.5, 1, 0).

rewrites: accuracy_strict_threshold
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def binary_accuracy(Y2, Y_true):
    predicted = np.where(np.asarray(Y2) > 0.5, 1.0, 0.0)
    return float((predicted == np.asarray(Y_true)).mean())
