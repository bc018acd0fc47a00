"""The argmax is taken over the samples (axis 1) instead of the classes.

diagnosis: your ten-class accuracy takes the argmax over the samples instead of over the
    classes.
fails: maccuracy_hidden, maccuracy_public
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def multiclass_accuracy(probs, Y_true):
    return float(np.mean(np.argmax(probs, axis=1) == np.ravel(Y_true)[: probs.shape[0]]))
