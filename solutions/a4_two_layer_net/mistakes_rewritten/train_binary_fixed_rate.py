"""Binary training with the step written as params - 1.0 * grads.

rewrites: train_binary_fixed_rate
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_binary(X, Y_true, params, epochs, learning_rate, verbose=True):
    history = []
    for _ in range(epochs):
        out, cache = forward(X, params)
        history.append(CrossEntropyLoss(Y_true, out))
        grads = backward(Y_true, out, cache, params)
        params = [p - 1.0 * g for p, g in zip(params, grads, strict=True)]
    return params, history
