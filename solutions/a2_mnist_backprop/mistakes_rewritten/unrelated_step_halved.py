"""SGD step with half the learning rate (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_sample(sample, y, weights, biases, learning_rate=0.1):
    loss, gw, gb = sample_gradients(sample, y, weights, biases)
    for p, g in zip(weights + biases, gw + gb, strict=True):
        p -= 0.5 * learning_rate * g
    return loss
