"""Cross-entropy by np.log on the raw predictions, summed then divided.

rewrites: bce_no_clipping
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def binary_cross_entropy(predictions, labels):
    total = np.sum(labels * np.log(predictions) + (1 - labels) * np.log(1 - predictions))
    return float(-total / len(predictions))
