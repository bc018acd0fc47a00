"""The labels are used as indices unconverted: float labels such as 2.0 fail.

diagnosis: your ten-class backward pass uses the labels as indices without converting them to
    integers.
fails: mbackward_mean_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def multiclass_backward(Y_true, probs, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    N = X.shape[1]
    one_hot = np.zeros_like(probs)
    one_hot[np.ravel(Y_true), np.arange(N)] = 1.0
    delta2 = probs - one_hot
    s = sigmoid(Z1)
    delta1 = (params[2].T @ delta2) * s * (1.0 - s)
    return [
        delta1 @ X.T / N,
        delta1.sum(axis=1, keepdims=True) / N,
        delta2 @ Y1.T / N,
        delta2.sum(axis=1, keepdims=True) / N,
    ]
