"""Biases made with np.zeros(fan_out): shape (fan_out,) rather than the documented (1, fan_out).

diagnosis: your biases have shape (fan_out,) instead of (1, fan_out).
fails: init_shapes_public, init_structure_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    rng = np.random.default_rng(rng)
    weights, biases = [], []
    fan_in = input_dim
    for fan_out in list(neurons_per_hidden_layer) + [output_dim]:
        weights.append(rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out)))
        biases.append(np.zeros(fan_out))
        fan_in = fan_out
    return weights, biases
