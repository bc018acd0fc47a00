"""One-hot as a column of shape (max, 1) instead of a vector of shape (max,).

diagnosis: your one-hot vector is a column of shape (n, 1) instead of a vector of shape (n,).
fails: one_hot_public, one_hot_hidden, forward_sample_public, forward_sample_hidden,
    forward_dataset_public, gradients_public, gradients_numerical_hidden,
    train_one_sample_hidden, train_accuracy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def integer_to_one_hot(x, max=10):
    result = np.zeros((max, 1))
    result[int(x)] = 1.0
    return result
