"""The step builds new arrays (w = w - ...) in a loop variable, so the network never changes.

diagnosis: your training step builds new arrays instead of updating the network's own, so the
    network never changes.
fails: train_one_sample_hidden, train_accuracy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_sample(sample, y, weights, biases, learning_rate=0.1):
    loss, weight_gradients, bias_gradients = sample_gradients(sample, y, weights, biases)
    for w, dw in zip(weights, weight_gradients, strict=True):
        w = w - learning_rate * dw
    for b, db in zip(biases, bias_gradients, strict=True):
        b = b - learning_rate * db
    return loss
