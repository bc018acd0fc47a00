"""The accuracy is a count of right answers, not a fraction.

diagnosis: your accuracy is a count of right answers; it should be a fraction.
fails: binary_accuracy_hidden, binary_accuracy_public
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def binary_accuracy(Y2, Y_true):
    return float(np.sum((np.asarray(Y2) >= 0.5) == (np.asarray(Y_true) == 1)))
