"""The gradients of the linear classifier are summed over the samples, not averaged.

diagnosis: your gradients are summed over the samples instead of averaged.
fails: batch_gd_hidden, batch_gd_public, linear_grad_hidden, linear_grad_public,
    linear_training_hidden, sgd_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def linear_grad_func(x, y, W, b):
    dscores = softmax(linear_pred(x, W, b)) - y
    return x.T @ dscores, np.sum(dscores, axis=0)
