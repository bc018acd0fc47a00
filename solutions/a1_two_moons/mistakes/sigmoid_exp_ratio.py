"""Sigmoid written as exp(x) / (1 + exp(x)), which gives inf / inf = nan for large positive x.

diagnosis: your sigmoid computes exp(x) / (1 + exp(x)), which gives nan for large positive x.
fails: activations_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(x):
    return np.exp(x) / (1.0 + np.exp(x))
