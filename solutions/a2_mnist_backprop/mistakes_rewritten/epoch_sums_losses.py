"""Epoch that accumulates the losses in a float and returns it.

rewrites: epoch_sums_losses
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_epoch(x, y, weights, biases, learning_rate=0.1, progress=True):
    running = 0.0
    for s, t in zip(x, y, strict=True):
        running += train_one_sample(s, t, weights, biases, learning_rate)
    return float(running)
