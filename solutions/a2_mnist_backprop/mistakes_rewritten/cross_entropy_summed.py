"""Cross-entropy as -(y * log p).sum() over everything.

rewrites: cross_entropy_summed
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def cross_entropy_loss(y, yHat):
    logs = np.log(np.clip(yHat, 1e-12, 1.0))
    return float(-(np.asarray(y) * logs).sum())
