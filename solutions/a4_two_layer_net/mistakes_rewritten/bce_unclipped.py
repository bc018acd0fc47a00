"""Binary cross-entropy with np.log on the raw outputs, by a mean of two terms.

rewrites: bce_unclipped
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def CrossEntropyLoss(Y_true, Y2):
    first = Y_true * np.log(Y2)
    second = (1 - Y_true) * np.log(1 - Y2)
    return float(-(first + second).mean())
