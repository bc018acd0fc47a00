"""Loss as the mean squared error, gradient to match (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def binary_cross_entropy(predictions, labels):
    return float(np.mean((predictions - labels) ** 2))


def d_binary_cross_entropy(predictions, labels):
    return 2.0 * (predictions - labels) / len(predictions)
