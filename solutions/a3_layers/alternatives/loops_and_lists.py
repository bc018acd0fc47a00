"""train walks the layers by index; iterate_minibatches shuffles a copy and returns a list."""

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
    inputs = [X] + activations[:-1]
    logits = activations[-1]
    loss = np.mean(softmax_crossentropy_with_logits(logits, y))
    loss += sum(layer.penalty() for layer in network)
    grad = grad_softmax_crossentropy_with_logits(logits, y)
    for i in range(len(network) - 1, -1, -1):
        grad = network[i].backward(inputs[i], grad)
    return float(loss)


def iterate_minibatches(inputs, targets, batchsize, shuffle=False):
    """Yield (inputs_batch, targets_batch) pairs that cover every sample exactly once.

    inputs: (N, D); targets: (N,). Each batch has batchsize rows except the last, which has
    what is left when batchsize does not divide N. shuffle: draw ONE permutation with
    np.random and index both arrays with it, so every sample keeps its label.
    """
    if shuffle:
        order = np.random.permutation(len(inputs))
        inputs, targets = inputs[order], targets[order]
    batches = []
    for start in range(0, len(inputs), batchsize):
        batches.append((inputs[start : start + batchsize], targets[start : start + batchsize]))
    return batches
