"""The hidden error forgets the sigmoid derivative.

diagnosis: your hidden-layer error forgets the derivative of the sigmoid.
fails: backward_gradcheck_hidden, backward_public, train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def backward(Y_true, Y2, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    N = X.shape[1]
    delta2 = Y2 - Y_true
    delta1 = params[2].T @ delta2
    return [
        delta1 @ X.T / N,
        delta1.sum(axis=1, keepdims=True) / N,
        delta2 @ Y1.T / N,
        delta2.sum(axis=1, keepdims=True) / N,
    ]
