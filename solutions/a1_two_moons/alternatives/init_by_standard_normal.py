"""He initialisation from scaled standard normals, the layer sizes zipped in pairs."""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    rng = np.random.default_rng(rng)
    sizes = [input_dim, *neurons_per_hidden_layer, output_dim]
    weights = [
        rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in)
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True)
    ]
    biases = [np.zeros((1, fan_out)) for fan_out in sizes[1:]]
    return weights, biases
