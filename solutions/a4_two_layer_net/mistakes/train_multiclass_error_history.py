"""train_multiclass records the error rate (1 - accuracy) of each epoch instead of its loss.

diagnosis: your train_multiclass records the error rate of each epoch instead of its loss.
fails: train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def train_multiclass(X, Y_true, params, epochs, learning_rate, verbose=True):
    loss_history = []
    for _ in range(epochs):
        probs, intermediate = multiclass_forward(X, params)
        loss_history.append(1.0 - multiclass_accuracy(probs, Y_true))
        grads = multiclass_backward(Y_true, probs, intermediate, params)
        params = GD(params, grads, learning_rate)
    return params, loss_history
