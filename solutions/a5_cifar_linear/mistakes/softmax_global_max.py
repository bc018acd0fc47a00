"""softmax subtracts the maximum of the whole array, not of each row.

diagnosis: your softmax subtracts the maximum of the whole array instead of each row's.
fails: softmax_hidden, softmax_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def softmax(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e, axis=-1, keepdims=True)
