"""The hidden layer uses ReLU instead of the sigmoid.

diagnosis: your hidden layer uses ReLU instead of the sigmoid.
fails: backward_gradcheck_hidden, backward_public, forward_hidden, forward_public,
    train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def forward(X, params):
    W1, b1, W2, b2 = params
    Z1 = W1 @ X + b1
    Y1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ Y1 + b2
    return sigmoid(Z2), [X, Z1, Y1, Z2]
