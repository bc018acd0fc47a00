"""Init with np.random.normal, ignoring rng.

rewrites: init_global_random
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    pairs = list(zip(layer_sizes[:-1], layer_sizes[1:], strict=True))
    weights = [np.random.normal(0.0, (1 / max(a, b)) ** 0.5, (a, b)) for a, b in pairs]
    return weights, [np.zeros(b) for _, b in pairs]
