"""Init with scale 1 / max(a, b).

rewrites: init_std_as_variance
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    gen = np.random.default_rng(rng)
    weights, biases = [], []
    for i in range(len(layer_sizes) - 1):
        a, b = layer_sizes[i], layer_sizes[i + 1]
        weights.append(gen.normal(loc=0.0, scale=1.0 / max(a, b), size=(a, b)))
        biases.append(np.zeros(b))
    return weights, biases
