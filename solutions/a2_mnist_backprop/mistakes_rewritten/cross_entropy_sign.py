"""Cross-entropy as a loop over the rows adding y log p.

rewrites: cross_entropy_sign
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def cross_entropy_loss(y, yHat):
    y = np.atleast_2d(np.asarray(y, dtype=float))
    p = np.atleast_2d(np.clip(yHat, 1e-12, 1.0))
    total = 0.0
    for row_y, row_p in zip(y, p, strict=True):
        total += float(np.dot(row_y, np.log(row_p)))
    return total / len(y)
