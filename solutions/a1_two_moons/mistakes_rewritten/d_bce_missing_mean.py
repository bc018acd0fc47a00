"""Loss gradient without the division by the batch size, written with np.divide.

rewrites: d_bce_missing_mean
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_binary_cross_entropy(predictions, labels):
    p = np.clip(predictions, 1e-12, 1 - 1e-12)
    return np.divide(p - labels, p - p**2)
