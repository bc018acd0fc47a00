"""The two-class labels come out as integers, not floats 0.0/1.0.

diagnosis: your two-class labels are integers; they should be floats 0.0 and 1.0.
fails: dataset_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def extract_binary_classification_dataset(x, y, label1, label2, num_samples):
    first, second = x[y == label1][:num_samples], x[y == label2][:num_samples]
    return np.concatenate([first, second]), np.repeat([0, 1], [len(first), len(second)])
