"""The output error with the wrong sign: one-hot minus probabilities.

diagnosis: your ten-class output error has the wrong sign: it should be probabilities minus one-
    hot labels.
fails: mbackward_gradcheck_hidden, mbackward_public, train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def multiclass_backward(Y_true, probs, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    N = X.shape[1]
    one_hot = np.zeros_like(probs)
    one_hot[np.ravel(Y_true).astype(int), np.arange(N)] = 1.0
    delta2 = one_hot - probs
    s = sigmoid(Z1)
    delta1 = (params[2].T @ delta2) * s * (1.0 - s)
    return [
        delta1 @ X.T / N,
        delta1.sum(axis=1, keepdims=True) / N,
        delta2 @ Y1.T / N,
        delta2.sum(axis=1, keepdims=True) / N,
    ]
