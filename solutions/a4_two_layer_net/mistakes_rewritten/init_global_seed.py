"""Init that seeds np.random with 3 and draws with randn.

rewrites: init_global_seed
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    np.random.seed(3)
    d, h, k = layer_dims
    first = np.random.normal(0.0, 0.01, (h, d))
    second = np.random.normal(0.0, 0.01, (k, h))
    return [first, np.zeros((h, 1)), second, np.zeros((k, 1))]
