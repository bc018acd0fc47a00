"""Backward pass that starts from the loss gradient, forgetting the output sigmoid's derivative.

diagnosis: your backward pass starts from the loss gradient without multiplying it by the
    derivative of the output sigmoid.
fails: backward_public, backward_gradcheck_hidden, backward_no_hidden_hidden, train_accuracy
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def backward_pass(loss_grad, hs, zs, weights, biases):
    d_weights = [None] * len(weights)
    d_biases = [None] * len(biases)
    delta = loss_grad
    for i in reversed(range(len(weights))):
        d_weights[i] = hs[i].T @ delta
        d_biases[i] = np.sum(delta, axis=0, keepdims=True)
        if i > 0:
            delta = (delta @ weights[i].T) * d_relu(zs[i - 1])
    return d_weights, d_biases
