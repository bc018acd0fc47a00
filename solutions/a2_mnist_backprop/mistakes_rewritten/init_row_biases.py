"""Init with biases np.zeros((1, b)) in a comprehension.

rewrites: init_row_biases
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    gen = np.random.default_rng(rng)
    pairs = list(zip(layer_sizes[:-1], layer_sizes[1:], strict=True))
    weights = [gen.normal(0.0, np.sqrt(1.0 / max(a, b)), (a, b)) for a, b in pairs]
    return weights, [np.zeros((1, b)) for _, b in pairs]
