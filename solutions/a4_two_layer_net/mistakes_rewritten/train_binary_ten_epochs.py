"""Binary training with a while loop capped at 10.

rewrites: train_binary_ten_epochs
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_binary(X, Y_true, params, epochs, learning_rate, verbose=True):
    history, epoch = [], 0
    while epoch < epochs and epoch < 10:
        out, cache = forward(X, params)
        history.append(CrossEntropyLoss(Y_true, out))
        params = GD(params, backward(Y_true, out, cache, params), learning_rate)
        epoch += 1
    return params, history
