"""Gradient descent adds the gradient.

diagnosis: your gradient descent step adds the gradient instead of subtracting it.
fails: gd_hidden, gd_public, train_binary_hidden, train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def GD(params, grads, learning_rate):
    return [p + learning_rate * g for p, g in zip(params, grads, strict=True)]
