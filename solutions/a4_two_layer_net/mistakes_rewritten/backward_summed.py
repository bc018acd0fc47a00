"""Backward with .dot, the gradients never divided by n.

rewrites: backward_summed
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward(Y_true, Y2, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    d2 = Y2 - Y_true
    sig = sigmoid(Z1)
    d1 = params[2].T.dot(d2) * (sig - sig**2)
    return [d1.dot(X.T), np.sum(d1, 1, keepdims=True), d2.dot(Y1.T), np.sum(d2, 1, keepdims=True)]
