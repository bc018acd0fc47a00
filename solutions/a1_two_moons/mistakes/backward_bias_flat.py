"""Bias gradients summed without keepdims, so they come out with shape (fan_out,), not (1, fan_out).

Training still works because NumPy broadcasts the update, but the gradients have the wrong shape.
diagnosis: your bias gradients lose their row dimension: sum over the batch with keepdims=True
    to keep the shape (1, fan_out).
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
        d_biases[i] = np.sum(delta, axis=0)
        if i > 0:
            delta = (delta @ weights[i].T) * d_relu(zs[i - 1])
    return d_weights, d_biases
