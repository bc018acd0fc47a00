"""Ten-class training that stores the step in a name it never uses.

rewrites: train_multiclass_no_update
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_multiclass(X, Y_true, params, epochs, learning_rate, verbose=True):
    history = []
    for _ in range(epochs):
        probs, cache = multiclass_forward(X, params)
        history.append(MultiClassCrossEntropyLoss(Y_true, probs))
        updated = GD(params, multiclass_backward(Y_true, probs, cache, params), learning_rate)
    del updated
    return params, history
