"""Binary training that records the loss of the updated parameters.

rewrites: train_binary_loss_after_step
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_binary(X, Y_true, params, epochs, learning_rate, verbose=True):
    history = []
    for _ in range(epochs):
        out, cache = forward(X, params)
        params = GD(params, backward(Y_true, out, cache, params), learning_rate)
        history.append(CrossEntropyLoss(Y_true, forward(X, params)[0]))
    return params, history
