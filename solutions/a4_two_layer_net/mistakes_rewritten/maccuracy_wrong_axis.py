"""Accuracy with probs.argmax(1) against the first labels.

rewrites: maccuracy_wrong_axis
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def multiclass_accuracy(probs, Y_true):
    guesses = np.asarray(probs).argmax(1)
    labels = np.ravel(Y_true)[: len(guesses)]
    return float((guesses == labels).mean())
