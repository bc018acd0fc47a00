"""Weights drawn from the standard normal N(0, 1), ignoring the He formula.

diagnosis: your weights are drawn from N(0, 1), without the He scale sqrt(2 / fan_in).
fails: init_scale_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    rng = np.random.default_rng(rng)
    weights, biases = [], []
    fan_in = input_dim
    for fan_out in list(neurons_per_hidden_layer) + [output_dim]:
        weight = rng.normal(size=(fan_in, fan_out))
        bias = np.zeros((1, fan_out))
        weights.append(weight)
        biases.append(bias)
        fan_in = fan_out
    return weights, biases
