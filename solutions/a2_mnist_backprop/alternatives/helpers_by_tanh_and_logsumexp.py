"""Helpers written differently: the sigmoid through tanh, softmax through log-sum-exp, the
loss through np.where, one-hot from an identity matrix."""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))


def dsigmoid(x):
    small = np.exp(-np.abs(np.asarray(x, dtype=float)))  # the derivative is even in x
    return small / (1.0 + small) ** 2


def softmax(x):
    x = np.asarray(x, dtype=float)
    top = np.max(x, axis=-1, keepdims=True)
    log_norm = top + np.log(np.sum(np.exp(x - top), axis=-1, keepdims=True))
    return np.exp(x - log_norm)


def cross_entropy_loss(y, yHat):
    y, yHat = np.atleast_2d(y), np.atleast_2d(yHat)
    terms = np.where(y > 0, y * np.log(np.maximum(yHat, 1e-12)), 0.0)
    return float(-terms.sum() / len(y))


def integer_to_one_hot(x, max=10):
    return np.eye(max)[int(x)]
