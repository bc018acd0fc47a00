"""Bias gradients averaged over the batch instead of summed (the 1/N is then applied twice).

diagnosis: your bias gradients are averaged over the batch instead of summed (the 1/N is already
    in the loss gradient).
fails: backward_public, backward_gradcheck_hidden, backward_no_hidden_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward_pass(loss_grad, hs, zs, weights, biases):
    d_weights = [None] * len(weights)
    d_biases = [None] * len(biases)
    delta = loss_grad * d_sigmoid(zs[-1])
    for i in reversed(range(len(weights))):
        d_weights[i] = hs[i].T @ delta
        d_biases[i] = np.mean(delta, axis=0, keepdims=True)
        if i > 0:
            delta = (delta @ weights[i].T) * d_relu(zs[i - 1])
    return d_weights, d_biases
