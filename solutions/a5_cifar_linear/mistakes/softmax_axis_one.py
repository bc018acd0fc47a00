"""softmax works on axis 1, so a single sample of shape (C,) breaks it.

diagnosis: your softmax works on axis 1, so a single sample of shape (C,) breaks it; use the
    last axis.
fails: softmax_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def softmax(x):
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
