"""Dataset with integer labels from np.r_.

rewrites: dataset_integer_labels
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def extract_binary_classification_dataset(x, y, label1, label2, num_samples):
    a = x[np.flatnonzero(y == label1)[:num_samples]]
    b = x[np.flatnonzero(y == label2)[:num_samples]]
    return np.vstack([a, b]), np.r_[np.zeros(len(a), dtype=int), np.ones(len(b), dtype=int)]
