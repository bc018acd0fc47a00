"""The binary cross-entropy without clipping: log(0) for confident outputs.

diagnosis: your binary cross-entropy takes log(0) for confident outputs: clip the outputs away
    from 0 and 1 first.
fails: bce_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def CrossEntropyLoss(Y_true, Y2):
    return float(np.mean(-Y_true * np.log(Y2) - (1.0 - Y_true) * np.log(1.0 - Y2)))
