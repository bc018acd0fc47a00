"""Cross-entropy with np.log on the raw probabilities, averaged by einsum.

rewrites: cross_entropy_unclipped
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def cross_entropy_loss(y, yHat):
    y = np.asarray(y, dtype=float)
    terms = y * np.log(np.asarray(yHat, dtype=float))
    return float(-np.mean(np.sum(terms, axis=-1)))
