"""Weights scaled by 1/sqrt(n_out) whatever the layer: the variance ignores n_in.

diagnosis: your weights are scaled by the number of outputs only; the variance should be 1 /
    max(n_in, n_out).
fails: init_variance_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    rng = np.random.default_rng(rng)
    weights, biases = [], []
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True):
        weights.append(rng.normal(0.0, 1.0, size=(n_in, n_out)) / np.sqrt(n_out))
        biases.append(np.zeros(n_out))
    return weights, biases
