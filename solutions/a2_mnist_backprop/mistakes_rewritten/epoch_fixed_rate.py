"""Epoch as an index loop that passes a step of 0.003 whatever learning_rate is.

rewrites: epoch_fixed_rate
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_epoch(x, y, weights, biases, learning_rate=0.1, progress=True):
    step = 0.003
    total = 0.0
    for i in range(len(y)):
        total += train_one_sample(x[i], y[i], weights, biases, learning_rate=step)
    return total / len(y)
