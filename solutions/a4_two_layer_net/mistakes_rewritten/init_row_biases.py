"""Init with flat biases np.zeros(h).

rewrites: init_row_biases
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    gen = np.random.default_rng(seed)
    d, h, k = layer_dims
    first = gen.standard_normal((h, d)) * 0.01
    second = gen.standard_normal((k, h)) * 0.01
    return [first, np.zeros(h), second, np.zeros(k)]
