"""Ten-class gradients summed over the samples instead of averaged.

diagnosis: your ten-class gradients are summed over the samples instead of averaged.
fails: mbackward_gradcheck_hidden, mbackward_mean_hidden, mbackward_public,
    train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def multiclass_backward(Y_true, probs, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    one_hot = np.zeros_like(probs)
    one_hot[np.ravel(Y_true).astype(int), np.arange(X.shape[1])] = 1.0
    delta2 = probs - one_hot
    s = sigmoid(Z1)
    delta1 = (params[2].T @ delta2) * s * (1.0 - s)
    return [
        delta1 @ X.T,
        delta1.sum(axis=1, keepdims=True),
        delta2 @ Y1.T,
        delta2.sum(axis=1, keepdims=True),
    ]
