"""The seed argument is ignored: every call reseeds the global generator with 3.

diagnosis: your init ignores its seed argument.
fails: init_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    np.random.seed(3)
    n_in, n_hidden, n_out = layer_dims
    w1 = np.random.normal(0.0, 0.01, size=(n_hidden, n_in))
    w2 = np.random.normal(0.0, 0.01, size=(n_out, n_hidden))
    return [w1, np.zeros((n_hidden, 1)), w2, np.zeros((n_out, 1))]
