"""The forward pass with einsum, the backward pass one sample at a time, and a sigmoid through
logaddexp (overflow-free: exp(-log(1 + e^-x)))."""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sigmoid(x):
    return np.exp(-np.logaddexp(0.0, -np.asarray(x, dtype=float)))


def forward_pass(x, weights, biases):
    hs, zs = [], []
    h = x
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        hs.append(h)
        zs.append(np.einsum("nd,df->nf", h, w) + b)
        h = sigmoid(zs[-1]) if i == len(weights) - 1 else relu(zs[-1])
    return h, hs, zs


def backward_pass(loss_grad, hs, zs, weights, biases):
    d_weights = [np.zeros_like(w, dtype=float) for w in weights]
    d_biases = [np.zeros_like(b, dtype=float) for b in biases]
    for n in range(len(loss_grad)):
        delta = loss_grad[n] * d_sigmoid(zs[-1][n])
        for i in range(len(weights) - 1, -1, -1):
            d_weights[i] += np.outer(hs[i][n], delta)
            d_biases[i][0] += delta
            if i > 0:
                delta = (weights[i] @ delta) * d_relu(zs[i - 1][n])
    return d_weights, d_biases
