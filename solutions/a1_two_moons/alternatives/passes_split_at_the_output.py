"""Forward and backward passes that treat the hidden layers in a loop and the output layer apart."""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward_pass(x, weights, biases):
    hs, zs, h = [], [], x
    for w, b in zip(weights[:-1], biases[:-1], strict=True):
        hs.append(h)
        zs.append(np.dot(h, w) + b)
        h = relu(zs[-1])
    hs.append(h)
    zs.append(np.dot(h, weights[-1]) + biases[-1])
    return sigmoid(zs[-1]), hs, zs


def backward_pass(loss_grad, hs, zs, weights, biases):
    delta = loss_grad * d_sigmoid(zs[-1])
    d_weights, d_biases = [], []
    for i in range(len(weights) - 1, -1, -1):
        d_weights.insert(0, np.einsum("ni,nj->ij", hs[i], delta))
        d_biases.insert(0, delta.sum(axis=0)[None, :])
        if i:
            delta = np.einsum("nj,ij->ni", delta, weights[i]) * d_relu(zs[i - 1])
    return d_weights, d_biases
