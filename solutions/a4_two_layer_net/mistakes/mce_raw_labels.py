"""The labels index the probabilities as they come: float or (1, N) labels break it.

diagnosis: your ten-class cross-entropy uses the labels as indices as they come; convert them to
    a flat integer array first.
fails: mce_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def MultiClassCrossEntropyLoss(Y_true, probs):
    picked = probs[Y_true, np.arange(probs.shape[1])]
    return float(-np.mean(np.log(np.clip(picked, 1e-12, 1.0))))
