"""Accuracy as np.mean of a boolean list times 100.

rewrites: dataset_accuracy_percent
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def feed_forward_dataset(x, y, weights, biases):
    results = [feed_forward_sample(s, t, weights, biases) for s, t in zip(x, y, strict=True)]
    hits = [np.argmax(guess) == t for (_, guess), t in zip(results, y, strict=True)]
    return float(np.mean([loss for loss, _ in results])), float(np.mean(hits) * 100)
