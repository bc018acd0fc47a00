"""He init with standard_normal times sqrt(2 / fan_out), built with zip over the sizes.

rewrites: init_fan_out
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    gen = np.random.default_rng(rng)
    sizes = [input_dim, *neurons_per_hidden_layer, output_dim]
    ws, bs = [], []
    for a, b in zip(sizes[:-1], sizes[1:], strict=True):
        ws.append(gen.standard_normal((a, b)) * np.sqrt(2 / b))
        bs.append(np.zeros((1, b)))
    return ws, bs
