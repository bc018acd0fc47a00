"""Binary cross-entropy with np.where on the labels, summed.

rewrites: bce_summed
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def CrossEntropyLoss(Y_true, Y2):
    p = np.clip(Y2, 1e-12, 1 - 1e-12)
    return float(-np.where(Y_true == 1, np.log(p), np.log(1 - p)).sum())
