"""Accuracies and the split computed by counting and with np.where."""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def binary_accuracy(Y2, Y_true):
    predicted = np.where(np.asarray(Y2) < 0.5, 0.0, 1.0)
    return np.count_nonzero(predicted == Y_true) / np.size(Y_true)


def multiclass_accuracy(probs, Y_true):
    return np.count_nonzero(probs.argmax(0) == np.asarray(Y_true).reshape(-1)) / probs.shape[1]


def split_by_correctness(predicted, true):
    same = np.asarray(predicted).reshape(-1) == np.asarray(true).reshape(-1)
    return np.where(same)[0], np.where(~same)[0]
