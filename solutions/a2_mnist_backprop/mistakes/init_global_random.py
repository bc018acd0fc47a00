"""Weights drawn from the global np.random state: the given seed changes nothing.

diagnosis: your init draws from the global np.random state, so the seed it is given changes
    nothing.
fails: init_variance_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    weights, biases = [], []
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True):
        weights.append(np.random.randn(n_in, n_out) / np.sqrt(max(n_in, n_out)))
        biases.append(np.zeros(n_out))
    return weights, biases
