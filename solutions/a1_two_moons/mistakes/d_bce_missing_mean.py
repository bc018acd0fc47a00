"""Loss gradient without the 1/N of the mean, (p - y) / (p (1 - p)).

diagnosis: your loss gradient is missing the 1/N of the mean over the batch.
fails: bce_public, d_bce_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_binary_cross_entropy(predictions, labels):
    eps = 1e-12
    p = np.clip(predictions, eps, 1.0 - eps)
    return (p - labels) / (p * (1.0 - p))
