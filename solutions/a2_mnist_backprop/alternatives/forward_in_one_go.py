"""feed_forward_dataset vectorised over all rows at once instead of sample by sample; the
epoch keeps a running mean instead of a list of losses."""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def feed_forward_dataset(x, y, weights, biases):
    a = np.asarray(x, dtype=float).reshape(len(x), -1)
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        a = softmax(a @ w + b) if i == len(weights) - 1 else sigmoid(a @ w + b)
    y = np.asarray(y, dtype=int)
    losses = -np.log(np.clip(a[np.arange(len(y)), y], 1e-12, 1.0))
    return float(losses.mean()), float(np.mean(a.argmax(axis=1) == y))


def train_one_epoch(x, y, weights, biases, learning_rate=0.1, progress=True):
    total = 0.0
    for sample, label in tqdm(list(zip(x, y, strict=True)), disable=not progress):
        total += train_one_sample(sample, label, weights, biases, learning_rate)
    return total / len(y)
