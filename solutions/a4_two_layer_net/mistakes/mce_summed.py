"""The multi-class cross-entropy is summed over the samples.

diagnosis: your ten-class cross-entropy is summed over the samples instead of averaged.
fails: mce_hidden, mce_public, train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def MultiClassCrossEntropyLoss(Y_true, probs):
    labels = np.ravel(Y_true).astype(int)
    return float(-np.sum(np.log(np.clip(probs[labels, np.arange(len(labels))], 1e-12, 1.0))))
