"""Bias gradients summed by a loop over the samples into a flat vector.

rewrites: backward_bias_flat
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward_pass(loss_grad, hs, zs, weights, biases):
    n_layers = len(weights)
    grads_w, grads_b = [], []
    err = loss_grad * sigmoid(zs[-1]) * (1 - sigmoid(zs[-1]))
    for layer in range(n_layers - 1, -1, -1):
        grads_w.insert(0, np.einsum("ni,nj->ij", hs[layer], err))
        total = np.zeros(err.shape[1])
        for row in err:
            total = total + row
        grads_b.insert(0, total)
        if layer:
            err = err @ weights[layer].T * (zs[layer - 1] > 0)
    return grads_w, grads_b
