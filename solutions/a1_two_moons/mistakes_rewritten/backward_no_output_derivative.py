"""Backward pass that takes the loss gradient as the output error directly.

rewrites: backward_no_output_derivative
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward_pass(loss_grad, hs, zs, weights, biases):
    grads_w, grads_b = [], []
    err = loss_grad.copy()
    for layer in reversed(range(len(weights))):
        grads_w.append(np.dot(hs[layer].T, err))
        grads_b.append(err.sum(axis=0).reshape(1, -1))
        if layer > 0:
            err = np.dot(err, weights[layer].T) * d_relu(zs[layer - 1])
    return grads_w[::-1], grads_b[::-1]
