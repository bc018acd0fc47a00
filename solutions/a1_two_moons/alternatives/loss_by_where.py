"""The loss picks log p or log(1 - p) per label; its gradient keeps the two fractions apart."""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def binary_cross_entropy(predictions, labels):
    p = np.clip(np.asarray(predictions, dtype=float), 1e-15, 1.0 - 1e-15)
    per_sample = np.where(labels == 1, np.log(p), np.log1p(-p))
    return -per_sample.sum() / len(p)


def d_binary_cross_entropy(predictions, labels):
    p = np.clip(np.asarray(predictions, dtype=float), 1e-15, 1.0 - 1e-15)
    return -(labels / p - (1.0 - labels) / (1.0 - p)) / len(p)
