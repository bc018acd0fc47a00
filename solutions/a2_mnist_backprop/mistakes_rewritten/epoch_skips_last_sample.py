"""Epoch that zips x[:-1] with y.

rewrites: epoch_skips_last_sample
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_epoch(x, y, weights, biases, learning_rate=0.1, progress=True):
    losses = [
        train_one_sample(s, t, weights, biases, learning_rate)
        for s, t in zip(x[:-1], y, strict=False)
    ]
    return float(np.mean(losses))
