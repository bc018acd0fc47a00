"""The sigmoid written straight from its formula: exp(1000) overflows with a warning.

diagnosis: your sigmoid overflows with a warning for very negative inputs: never exponentiate a
    large positive number.
fails: sigmoid_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))
