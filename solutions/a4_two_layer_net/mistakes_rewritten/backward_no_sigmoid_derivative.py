"""Backward with np.dot and np.mean, the hidden error without the sigmoid derivative.

rewrites: backward_no_sigmoid_derivative
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward(Y_true, Y2, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    n = X.shape[1]
    d2 = Y2 - Y_true
    d1 = np.dot(params[2].T, d2)
    return [
        np.dot(d1, X.T) / n,
        np.mean(d1, axis=1, keepdims=True),
        np.dot(d2, Y1.T) / n,
        np.mean(d2, axis=1, keepdims=True),
    ]
