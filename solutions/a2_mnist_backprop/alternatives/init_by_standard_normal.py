"""Initialisation from standard normals scaled afterwards, and biases with np.zeros_like."""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    rng = np.random.default_rng(rng)
    weights = []
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True):
        weights.append(rng.standard_normal((n_in, n_out)) / np.sqrt(max(n_in, n_out)))
    biases = [np.zeros_like(w[0]) for w in weights]
    return weights, biases
