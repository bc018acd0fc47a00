"""softmax through the log-sum-exp, the cross-entropy and gradients with einsum.

A correct submission written differently: it must score full marks.
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def softmax(x):
    top = np.max(x, axis=-1, keepdims=True)
    log_total = top + np.log(np.sum(np.exp(x - top), axis=-1, keepdims=True))
    return np.exp(x - log_total)


def cross_entropy_loss(score, target):
    score, target = np.atleast_2d(score), np.atleast_2d(target)
    return float(-np.einsum("nc,nc->", target, np.log(score + LOG_EPS)) / len(score))


def linear_grad_func(x, y, W, b):
    n = len(x)
    residual = softmax(np.einsum("nd,dc->nc", x, W) + b) - y
    return np.einsum("nd,nc->dc", x, residual) / n, residual.mean(axis=0)
