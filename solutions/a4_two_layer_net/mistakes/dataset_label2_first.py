"""label2's images come first, so the labels no longer match the images' order.

diagnosis: your dataset puts label2's images first, so the labels no longer follow the images'
    order.
fails: dataset_hidden, dataset_public
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def extract_binary_classification_dataset(x, y, label1, label2, num_samples):
    first, second = x[y == label2][:num_samples], x[y == label1][:num_samples]
    return np.concatenate([first, second]), np.repeat([0.0, 1.0], [len(first), len(second)])
