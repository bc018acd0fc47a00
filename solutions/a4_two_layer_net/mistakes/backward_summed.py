"""Gradients summed over the samples instead of averaged (the seed's second warning).

diagnosis: your gradients are summed over the samples instead of averaged.
fails: backward_gradcheck_hidden, backward_mean_hidden, backward_public, train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def backward(Y_true, Y2, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    delta2 = Y2 - Y_true
    s = sigmoid(Z1)
    delta1 = (params[2].T @ delta2) * s * (1.0 - s)
    return [
        delta1 @ X.T,
        delta1.sum(axis=1, keepdims=True),
        delta2 @ Y1.T,
        delta2.sum(axis=1, keepdims=True),
    ]
