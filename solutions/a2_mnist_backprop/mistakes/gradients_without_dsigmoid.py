"""Backpropagation that forgets the sigmoid derivative at the hidden layers.

diagnosis: your backpropagation forgets the sigmoid derivative at the hidden layers.
fails: gradients_numerical_hidden, train_accuracy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sample_gradients(sample, y, weights, biases):
    a = np.ravel(sample).astype(float)
    inputs = []
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        inputs.append(a)
        z = a @ w + b
        a = softmax(z) if i == len(weights) - 1 else sigmoid(z)
    target = integer_to_one_hot(y, len(a))
    loss = cross_entropy_loss(target, a)
    weight_gradients, bias_gradients = [None] * len(weights), [None] * len(weights)
    delta = a - target
    for i in reversed(range(len(weights))):
        weight_gradients[i] = np.outer(inputs[i], delta)
        bias_gradients[i] = delta
        delta = weights[i] @ delta
    return loss, weight_gradients, bias_gradients
