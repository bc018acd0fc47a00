"""Sigmoid through tanh, softmax through log-sum-exp, the losses with where and take_along_axis."""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def sigmoid(Z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(Z, dtype=float)))


def stable_softmax(Z):
    Z = np.asarray(Z, dtype=float)
    top = Z.max(axis=0, keepdims=True)
    return np.exp(Z - top - np.log(np.exp(Z - top).sum(axis=0, keepdims=True)))


def CrossEntropyLoss(Y_true, Y2):
    p = np.clip(np.asarray(Y2, dtype=float), 1e-12, 1 - 1e-12)
    return float(np.mean(np.where(np.asarray(Y_true) == 1, -np.log(p), -np.log1p(-p))))


def MultiClassCrossEntropyLoss(Y_true, probs):
    labels = np.asarray(Y_true).reshape(1, -1).astype(np.int64)
    picked = np.take_along_axis(np.asarray(probs), labels, axis=0)
    return float(-np.log(np.maximum(picked, 1e-12)).mean())
