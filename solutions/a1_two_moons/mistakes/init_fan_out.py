"""He scale computed from the wrong dimension: N(0, 2 / fan_out) instead of N(0, 2 / fan_in).

diagnosis: your weights are scaled by the number of outputs of each layer; He initialisation
    uses its number of inputs, N(0, 2 / fan_in).
fails: init_scale_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    rng = np.random.default_rng(rng)
    weights, biases = [], []
    fan_in = input_dim
    for fan_out in list(neurons_per_hidden_layer) + [output_dim]:
        weight = rng.normal(0.0, np.sqrt(2.0 / fan_out), size=(fan_in, fan_out))
        bias = np.zeros((1, fan_out))
        weights.append(weight)
        biases.append(bias)
        fan_in = fan_out
    return weights, biases
