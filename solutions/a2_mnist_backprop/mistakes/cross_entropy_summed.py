"""Cross-entropy summed over the rows of a batch instead of averaged.

diagnosis: your cross-entropy is summed over the rows of the batch instead of averaged.
fails: cross_entropy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def cross_entropy_loss(y, yHat):
    return float(-np.sum(np.asarray(y) * np.log(np.clip(yHat, 1e-12, 1.0))))
