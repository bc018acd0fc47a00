"""He init with scale 1 / sqrt(fan_in) (Xavier-like), index loop.

rewrites: init_no_factor_two
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    gen = np.random.default_rng(rng)
    sizes = [input_dim] + list(neurons_per_hidden_layer) + [output_dim]
    ws, bs = [], []
    for i in range(len(sizes) - 1):
        ws.append(gen.normal(0.0, 1 / np.sqrt(sizes[i]), size=(sizes[i], sizes[i + 1])))
        bs.append(np.zeros((1, sizes[i + 1])))
    return ws, bs
