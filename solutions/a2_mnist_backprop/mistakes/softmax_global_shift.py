"""Softmax that subtracts the maximum of the whole array, not of each row: a row far below
the largest score underflows to 0 / 0.

diagnosis: your softmax subtracts the maximum of the whole array instead of each row's, so a row
    far below it becomes 0 / 0.
fails: softmax_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(x):
    x = np.asarray(x, dtype=float)
    shifted = np.exp(x - x.max())
    return shifted / shifted.sum(axis=-1, keepdims=True)
