"""Init with standard_normal scaled by n_out ** -0.5.

rewrites: init_fan_out
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    gen = np.random.default_rng(rng)
    pairs = list(zip(layer_sizes[:-1], layer_sizes[1:], strict=True))
    weights = [gen.standard_normal((a, b)) * b**-0.5 for a, b in pairs]
    return weights, [np.zeros(b) for _, b in pairs]
