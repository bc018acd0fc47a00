"""train hands each layer its own output instead of its input.

diagnosis: your train hands each layer its own output instead of its input in the backward pass.
fails: l2_loss_hidden, train_hidden, train_public, training_hidden, xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def train(network, X, y):
    """One gradient step of every layer on the batch (X, y).

    X: (N, D); y: (N,) integer classes. Run forward in training mode; the loss is the mean
    cross-entropy plus every layer's penalty(); then call backward from the last layer to the
    first, giving each layer its own input (X for the first, the previous activation for the
    others) and the gradient the layer above returned.
    returns: the loss as a float, as it was before the step.
    """
    activations = forward(network, X, training=True)
    inputs = activations
    logits = activations[-1]
    loss = np.mean(softmax_crossentropy_with_logits(logits, y))
    loss += sum(layer.penalty() for layer in network)
    grad = grad_softmax_crossentropy_with_logits(logits, y)
    for layer, layer_input in zip(reversed(network), reversed(inputs), strict=True):
        grad = layer.backward(layer_input, grad)
    return float(loss)
