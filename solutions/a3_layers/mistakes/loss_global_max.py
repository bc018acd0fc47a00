"""The loss subtracts the largest logit of the whole batch instead of each row's.

diagnosis: your loss subtracts the largest logit of the whole batch instead of each row's own.
fails: loss_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def softmax_crossentropy_with_logits(logits, reference_answers):
    """The cross-entropy of each sample, from raw scores.

    logits: (N, K); reference_answers: (N,) integer classes in [0, K).
    returns: (N,) losses, log(sum_k exp(logits[i, k])) - logits[i, y_i], with each row's
    maximum subtracted first (log-sum-exp), so that no exponential overflows.
    """
    shifted = logits - logits.max()
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    return log_sum - shifted[np.arange(len(logits)), reference_answers]


def grad_softmax_crossentropy_with_logits(logits, reference_answers):
    """The gradient of the batch's MEAN cross-entropy with respect to the logits.

    logits: (N, K); reference_answers: (N,). returns: (N, K), (softmax(logits) - one_hot) / N,
    with the softmax computed from shifted logits as above.
    """
    exp = np.exp(logits - logits.max())
    grad = exp / exp.sum(axis=1, keepdims=True)
    grad[np.arange(len(logits)), reference_answers] -= 1.0
    return grad / len(logits)
