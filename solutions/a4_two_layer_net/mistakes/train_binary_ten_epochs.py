"""The training loop stops after ten epochs whatever `epochs` says.

diagnosis: your train_binary stops after ten epochs whatever epochs says.
fails: train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def train_binary(X, Y_true, params, epochs, learning_rate, verbose=True):
    loss_history = []
    for _ in range(min(epochs, 10)):
        Y2, intermediate = forward(X, params)
        loss_history.append(CrossEntropyLoss(Y_true, Y2))
        params = GD(params, backward(Y_true, Y2, intermediate, params), learning_rate)
    return params, loss_history
