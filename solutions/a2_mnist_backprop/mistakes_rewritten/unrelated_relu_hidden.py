"""Hidden layers with ReLU everywhere (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def feed_forward_sample(sample, y, weights, biases):
    a = np.ravel(sample).astype(float)
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        z = a @ w + b
        a = softmax(z) if i == len(weights) - 1 else np.maximum(z, 0.0)
    loss = cross_entropy_loss(integer_to_one_hot(y, len(a)), a)
    return loss, integer_to_one_hot(np.argmax(a), len(a))
