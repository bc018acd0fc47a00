"""The first layer is built from neurons_per_hidden_layer[0]: no hidden layers raise IndexError.

diagnosis: your init_weights fails for a network without hidden layers (an empty list of hidden
    sizes).
fails: init_structure_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    rng = np.random.default_rng(rng)
    first = neurons_per_hidden_layer[0]
    weights = [rng.normal(0.0, np.sqrt(2.0 / input_dim), size=(input_dim, first))]
    biases = [np.zeros((1, first))]
    widths = list(neurons_per_hidden_layer) + [output_dim]
    for fan_in, fan_out in zip(widths[:-1], widths[1:], strict=True):
        weights.append(rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out)))
        biases.append(np.zeros((1, fan_out)))
    return weights, biases
