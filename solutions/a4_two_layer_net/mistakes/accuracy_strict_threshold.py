"""An output of exactly 0.5 is predicted as class 0.

diagnosis: your accuracy predicts class 0 for an output of exactly 0.5; 0.5 and above is class
    1.
fails: binary_accuracy_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def binary_accuracy(Y2, Y_true):
    return float(np.mean((np.asarray(Y2) > 0.5) == (np.asarray(Y_true) == 1)))
