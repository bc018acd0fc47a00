"""0.01 used as the variance: the weights get standard deviation 0.1.

diagnosis: your init uses 0.01 as the variance of the weights; it is their standard deviation.
fails: init_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    rng = np.random.default_rng(seed)
    n_in, n_hidden, n_out = layer_dims
    w1 = rng.normal(0.0, np.sqrt(0.01), size=(n_hidden, n_in))
    w2 = rng.normal(0.0, np.sqrt(0.01), size=(n_out, n_hidden))
    return [w1, np.zeros((n_hidden, 1)), w2, np.zeros((n_out, 1))]
