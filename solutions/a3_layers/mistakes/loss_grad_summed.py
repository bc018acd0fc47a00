"""The loss gradient is not divided by the batch size (the gradient of the summed loss).

diagnosis: your loss gradient is not divided by the batch size.
fails: loss_hidden, loss_public, train_hidden, training_hidden, xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def grad_softmax_crossentropy_with_logits(logits, reference_answers):
    """The gradient of the batch's MEAN cross-entropy with respect to the logits.

    logits: (N, K); reference_answers: (N,). returns: (N, K), (softmax(logits) - one_hot) / N,
    with the softmax computed from shifted logits as above.
    """
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    grad = exp / exp.sum(axis=1, keepdims=True)
    grad[np.arange(len(logits)), reference_answers] -= 1.0
    return grad
