"""The epoch returns the total of the per-sample losses, not their mean.

diagnosis: your epoch returns the total of the per-sample losses instead of their mean.
fails: train_accuracy_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_one_epoch(x, y, weights, biases, learning_rate=0.1, progress=True):
    total = 0.0
    for sample, label in tqdm(zip(x, y, strict=True), total=len(y), disable=not progress):
        total += train_one_sample(sample, label, weights, biases, learning_rate)
    return float(total)
