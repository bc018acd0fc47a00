"""TwoLayerNetwork draws W2 before W1 from the seeded generator.

diagnosis: your TwoLayerNetwork draws W2 before W1 from the generator; draw W1 first.
fails: init_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    rng = np.random.default_rng(seed)
    n_in, n_hidden, n_out = layer_dims
    W2 = 0.01 * rng.standard_normal((n_out, n_hidden))
    W1 = 0.01 * rng.standard_normal((n_hidden, n_in))
    return [W1, np.zeros((n_hidden, 1)), W2, np.zeros((n_out, 1))]
