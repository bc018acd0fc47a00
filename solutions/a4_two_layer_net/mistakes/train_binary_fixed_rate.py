"""train_binary steps with the notebook's rate 1.0 whatever learning_rate it is given.

diagnosis: your train_binary ignores its learning_rate argument and steps with a fixed rate.
fails: train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def train_binary(X, Y_true, params, epochs, learning_rate, verbose=True):
    loss_history = []
    for _ in range(epochs):
        Y2, intermediate = forward(X, params)
        loss_history.append(CrossEntropyLoss(Y_true, Y2))
        params = GD(params, backward(Y_true, Y2, intermediate, params), 1.0)
    return params, loss_history
