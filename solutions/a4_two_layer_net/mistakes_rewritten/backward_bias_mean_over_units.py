"""Backward by einsum, bias gradients np.mean over axis 0.

rewrites: backward_bias_mean_over_units
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward(Y_true, Y2, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    n = X.shape[1]
    d2 = Y2 - Y_true
    sig = sigmoid(Z1)
    d1 = np.einsum("ki,kn->in", params[2], d2) * sig * (1 - sig)
    return [
        np.einsum("in,jn->ij", d1, X) / n,
        np.mean(d1, axis=0, keepdims=True),
        np.einsum("kn,in->ki", d2, Y1) / n,
        np.mean(d2, axis=0, keepdims=True),
    ]
