"""Loss gradient as -(y/p - (1-y)/(1-p)) with the sign dropped.

rewrites: d_bce_sign_slip
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_binary_cross_entropy(predictions, labels):
    p = np.clip(predictions, 1e-12, 1 - 1e-12)
    n = len(p)
    return (labels / p - (1 - labels) / (1 - p)) / n
