"""The binary cross-entropy is summed over the samples instead of averaged.

diagnosis: your binary cross-entropy is summed over the samples instead of averaged.
fails: bce_hidden, bce_public, train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def CrossEntropyLoss(Y_true, Y2):
    p = np.clip(Y2, 1e-12, 1.0 - 1e-12)
    return float(np.sum(-Y_true * np.log(p) - (1.0 - Y_true) * np.log(1.0 - p)))
