"""Init that draws the output matrix first, with normal(0, 0.01).

rewrites: init_w2_first
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    gen = np.random.default_rng(seed)
    d, h, k = layer_dims
    second = gen.normal(0.0, 0.01, (k, h))
    first = gen.normal(0.0, 0.01, (h, d))
    return [first, np.zeros((h, 1)), second, np.zeros((k, 1))]
