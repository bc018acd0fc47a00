"""Dataset extraction with a loop, gradients with einsum, GD in one comprehension over pairs."""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def extract_binary_classification_dataset(x, y, label1, label2, num_samples):
    rows, labels = [], []
    for value, label in ((label1, 0.0), (label2, 1.0)):
        chosen = np.flatnonzero(y == value)[:num_samples]
        rows.append(x[chosen])
        labels.append(np.full(len(chosen), label))
    return np.vstack(rows), np.concatenate(labels)


def backward(Y_true, Y2, intermediate, params):
    X, Z1, Y1, _ = intermediate
    n = X.shape[1]
    d2 = (Y2 - Y_true) / n
    d1 = np.einsum("ko,kn->on", params[2], d2) * sigmoid(Z1) * sigmoid(-Z1)
    return [
        np.einsum("hn,in->hi", d1, X),
        d1.sum(1)[:, None],
        np.einsum("kn,hn->kh", d2, Y1),
        d2.sum(1)[:, None],
    ]


def GD(params, grads, learning_rate):
    updated = []
    for parameter, gradient in zip(params, grads, strict=True):
        updated.append(parameter - learning_rate * gradient)
    return updated
