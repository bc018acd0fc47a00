"""The ten-class output uses the sigmoid instead of the softmax.

diagnosis: your ten-class output uses the sigmoid instead of the softmax.
fails: mbackward_gradcheck_hidden, mbackward_public, mforward_hidden, mforward_public,
    train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def multiclass_forward(X, params):
    W1, b1, W2, b2 = params
    Z1 = W1 @ X + b1
    Y1 = sigmoid(Z1)
    Z2 = W2 @ Y1 + b2
    return sigmoid(Z2), [X, Z1, Y1, Z2]
