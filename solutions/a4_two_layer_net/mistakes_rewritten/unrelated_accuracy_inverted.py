"""Accuracy that counts the wrong answers (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def binary_accuracy(Y2, Y_true):
    predicted = (np.asarray(Y2) >= 0.5).astype(float)
    return float(np.mean(predicted != np.asarray(Y_true)))
