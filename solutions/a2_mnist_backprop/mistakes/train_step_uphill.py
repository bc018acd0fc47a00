"""The SGD step adds the gradient instead of subtracting it.

diagnosis: your SGD step adds the gradient instead of subtracting it.
fails: train_one_sample_hidden, train_accuracy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_sample(sample, y, weights, biases, learning_rate=0.1):
    loss, weight_gradients, bias_gradients = sample_gradients(sample, y, weights, biases)
    for i in range(len(weights)):
        weights[i] += learning_rate * weight_gradients[i]
        biases[i] += learning_rate * bias_gradients[i]
    return loss
