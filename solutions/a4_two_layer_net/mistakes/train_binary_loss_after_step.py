"""train_binary records the loss after each step instead of before it.

diagnosis: your train_binary records the loss after each step instead of before it.
fails: train_binary_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def train_binary(X, Y_true, params, epochs, learning_rate, verbose=True):
    loss_history = []
    for epoch in range(epochs):
        Y2, cache = forward(X, params)
        params = GD(params, backward(Y_true, Y2, cache, params), learning_rate)
        Y2, _ = forward(X, params)
        loss_history.append(CrossEntropyLoss(Y_true, Y2))
        if verbose and epoch % 20 == 0:
            print(epoch, loss_history[-1])
    return params, loss_history
