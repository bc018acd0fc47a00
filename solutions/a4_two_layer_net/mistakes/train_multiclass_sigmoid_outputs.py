"""train_multiclass runs the binary forward (a sigmoid per class) instead of multiclass_forward.

diagnosis: your train_multiclass runs the binary forward pass (a sigmoid per class) instead of
    the ten-class one.
fails: train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def train_multiclass(X, Y_true, params, epochs, learning_rate, verbose=True):
    loss_history = []
    for epoch in range(1, epochs + 1):
        probs, intermediate = forward(X, params)
        loss_history.append(MultiClassCrossEntropyLoss(Y_true, probs))
        grads = multiclass_backward(Y_true, probs, intermediate, params)
        params = GD(params, grads, learning_rate)
        if verbose and (epoch == 1 or epoch % 20 == 0):
            print(f"epoch {epoch:4d}  loss {loss_history[-1]:.6f}")
    return params, loss_history
