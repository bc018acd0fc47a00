"""Biases of shape (1, n_out) instead of (n_out,).

diagnosis: your biases have shape (1, n_out) instead of (n_out,).
fails: init_shapes_public
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    rng = np.random.default_rng(rng)
    weights, biases = [], []
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True):
        weights.append(rng.normal(0.0, np.sqrt(1.0 / max(n_in, n_out)), size=(n_in, n_out)))
        biases.append(np.zeros((1, n_out)))
    return weights, biases
