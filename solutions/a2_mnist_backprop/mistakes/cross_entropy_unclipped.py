"""Cross-entropy without clipping: 0 * log(0) is nan when a probability is exactly 0.

diagnosis: your cross-entropy gives nan when a probability is exactly 0: clip the probabilities
    before the log.
fails: cross_entropy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def cross_entropy_loss(y, yHat):
    return float(np.mean(-np.sum(np.asarray(y) * np.log(yHat), axis=-1)))
