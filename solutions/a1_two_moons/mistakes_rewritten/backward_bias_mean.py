"""Bias gradients as err.mean(0, keepdims=True), with einsum for the weights.

rewrites: backward_bias_mean
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward_pass(loss_grad, hs, zs, weights, biases):
    n_layers = len(weights)
    grads_w, grads_b = [None] * n_layers, [None] * n_layers
    s = sigmoid(zs[-1])
    err = loss_grad * s * (1 - s)
    for layer in range(n_layers - 1, -1, -1):
        grads_w[layer] = np.einsum("ni,nj->ij", hs[layer], err)
        grads_b[layer] = err.mean(0, keepdims=True)
        if layer:
            err = np.einsum("nj,ij->ni", err, weights[layer]) * (zs[layer - 1] > 0)
    return grads_w, grads_b
