"""Init with biases of ones (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    rng = np.random.default_rng(seed)
    n_in, n_hidden, n_out = layer_dims
    w1 = rng.normal(0.0, 0.01, size=(n_hidden, n_in))
    w2 = rng.normal(0.0, 0.01, size=(n_out, n_hidden))
    return [w1, np.ones((n_hidden, 1)), w2, np.ones((n_out, 1))]
