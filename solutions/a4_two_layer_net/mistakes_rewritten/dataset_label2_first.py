"""Dataset stacked as label2 then label1, labels 0 then 1.

rewrites: dataset_label2_first
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def extract_binary_classification_dataset(x, y, label1, label2, num_samples):
    a = x[np.flatnonzero(y == label1)[:num_samples]]
    b = x[np.flatnonzero(y == label2)[:num_samples]]
    return np.vstack([b, a]), np.r_[np.zeros(len(b)), np.ones(len(a))]
