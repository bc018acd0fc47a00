"""Accuracy returned as a percentage instead of a fraction.

diagnosis: your accuracy is a percentage; it should be a fraction between 0 and 1.
fails: forward_dataset_public, forward_dataset_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def feed_forward_dataset(x, y, weights, biases):
    losses, correct = [], 0
    for sample, label in zip(x, y, strict=True):
        loss, guess = feed_forward_sample(sample, label, weights, biases)
        losses.append(loss)
        correct += int(np.argmax(guess) == label)
    return float(np.mean(losses)), 100.0 * correct / len(y)
