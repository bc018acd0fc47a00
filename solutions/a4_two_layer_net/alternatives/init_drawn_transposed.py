"""TwoLayerNetwork draws each weight matrix in (fan_in, fan_out) shape and transposes it, from
standard normals scaled by 0.01; the rest as the reference.
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def TwoLayerNetwork(layer_dims=(784, 256, 1), seed=3):
    rng = np.random.default_rng(seed)
    n_in, n_hidden, n_out = layer_dims
    params = []
    for fan_in, fan_out in [(n_in, n_hidden), (n_hidden, n_out)]:
        params += [(0.01 * rng.standard_normal((fan_in, fan_out))).T, np.zeros((fan_out, 1))]
    return params
