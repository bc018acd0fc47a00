"""Step that rebinds names in an index loop instead of updating the arrays.

rewrites: train_step_rebinds
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_sample(sample, y, weights, biases, learning_rate=0.1):
    loss, gw, gb = sample_gradients(sample, y, weights, biases)
    for i in range(len(weights)):
        w, b = weights[i], biases[i]
        w = w - learning_rate * gw[i]
        b = b - learning_rate * gb[i]
    return loss
