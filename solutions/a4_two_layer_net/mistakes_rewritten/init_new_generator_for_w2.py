"""Init with a helper that makes a generator per matrix.

rewrites: init_new_generator_for_w2
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    d, h, k = layer_dims

    def draw(shape):
        return np.random.default_rng(seed).normal(0.0, 0.01, shape)

    return [draw((h, d)), np.zeros((h, 1)), draw((k, h)), np.zeros((k, 1))]
