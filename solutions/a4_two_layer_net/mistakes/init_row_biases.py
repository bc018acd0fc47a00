"""Biases of shape (n,) instead of columns (n, 1).

diagnosis: your biases have shape (n,) instead of columns (n, 1).
fails: init_public, train_binary_hidden, train_multiclass_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    rng = np.random.default_rng(seed)
    n_in, n_hidden, n_out = layer_dims
    w1 = rng.normal(0.0, 0.01, size=(n_hidden, n_in))
    w2 = rng.normal(0.0, 0.01, size=(n_out, n_hidden))
    return [w1, np.zeros(n_hidden), w2, np.zeros(n_out)]
