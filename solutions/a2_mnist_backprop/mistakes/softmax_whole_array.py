"""Softmax normalised over the whole array instead of each row.

diagnosis: your softmax divides by the sum of the whole array instead of each row's sum.
fails: softmax_public, softmax_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(x):
    x = np.asarray(x, dtype=float)
    shifted = np.exp(x - x.max())
    return shifted / shifted.sum()
