"""The forward pass applies the sigmoid to the output layer too, instead of the softmax.

diagnosis: your forward pass applies the sigmoid to the output layer instead of the softmax.
fails: forward_sample_public, forward_sample_hidden, forward_dataset_public
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def feed_forward_sample(sample, y, weights, biases):
    a = np.ravel(sample).astype(float)
    for w, b in zip(weights, biases, strict=True):
        a = sigmoid(a @ w + b)
    return cross_entropy_loss(integer_to_one_hot(y, len(a)), a), integer_to_one_hot(
        np.argmax(a), len(a)
    )
