"""The epoch ignores its learning_rate and trains with a tiny fixed step of 0.003.

diagnosis: your epoch ignores its learning_rate argument and trains with a fixed step.
fails: train_accuracy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_epoch(x, y, weights, biases, learning_rate=0.1, progress=True):
    losses = [
        train_one_sample(s, label, weights, biases, 0.003) for s, label in zip(x, y, strict=True)
    ]
    return float(np.mean(losses))
