"""Binary cross-entropy straight from the formula, without clipping: nan when p is exactly 0 or 1.

diagnosis: your loss gives nan or inf when a prediction is exactly 0 or 1: clip the predictions
    away from 0 and 1 before taking logs.
fails: bce_edges_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def binary_cross_entropy(predictions, labels):
    per_sample = labels * np.log(predictions) + (1 - labels) * np.log(1 - predictions)
    return float(-np.mean(per_sample))
