"""Ten-class backward with np.eye and the output error negated.

rewrites: mbackward_labels_minus_probs
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def multiclass_backward(Y_true, probs, intermediate, params):
    X, Z1, Y1, Z2 = intermediate
    n = X.shape[1]
    target = np.eye(probs.shape[0])[np.ravel(Y_true).astype(int)].T
    d2 = -(probs - target)
    sig = sigmoid(Z1)
    d1 = (params[2].T @ d2) * sig * (1 - sig)
    return [d1 @ X.T / n, d1.sum(1, keepdims=True) / n, d2 @ Y1.T / n, d2.sum(1, keepdims=True) / n]
