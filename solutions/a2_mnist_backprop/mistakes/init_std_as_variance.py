"""1 / max(n_in, n_out) used as the standard deviation instead of the variance.

diagnosis: your init uses 1 / max(n_in, n_out) as the standard deviation; it is the variance.
fails: init_variance_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def initialize_network(layer_sizes, rng):
    rng = np.random.default_rng(rng)
    weights, biases = [], []
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True):
        weights.append(rng.normal(0.0, 1.0 / max(n_in, n_out), size=(n_in, n_out)))
        biases.append(np.zeros(n_out))
    return weights, biases
