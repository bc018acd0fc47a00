"""The sigmoid straight from its formula: exp overflows for large negative inputs.

diagnosis: your sigmoid overflows with a warning for very negative inputs: never exponentiate a
    large positive number.
fails: bce_hidden, forward_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def sigmoid(Z):
    return 1.0 / (1.0 + np.exp(-np.asarray(Z, dtype=float)))
