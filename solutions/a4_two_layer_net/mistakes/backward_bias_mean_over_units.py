"""Bias gradients averaged over the wrong axis (over units, not samples).

diagnosis: your bias gradients are averaged over the units instead of over the samples.
fails: backward_gradcheck_hidden, backward_mean_hidden, backward_public, train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def backward(Y_true, Y2, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    N = X.shape[1]
    delta2 = Y2 - Y_true
    s = sigmoid(Z1)
    delta1 = (params[2].T @ delta2) * s * (1.0 - s)
    return [
        delta1 @ X.T / N,
        delta1.mean(axis=0, keepdims=True),
        delta2 @ Y1.T / N,
        delta2.mean(axis=0, keepdims=True),
    ]
