"""Init that reads neurons_per_hidden_layer[0] for the first layer's width.

rewrites: init_needs_a_hidden_layer
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    gen = np.random.default_rng(rng)
    h0 = neurons_per_hidden_layer[0]
    ws, bs = [gen.normal(0.0, np.sqrt(2 / input_dim), (input_dim, h0))], [np.zeros((1, h0))]
    rest = list(neurons_per_hidden_layer[1:]) + [output_dim]
    prev = h0
    for nxt in rest:
        ws.append(gen.normal(0.0, np.sqrt(2 / prev), (prev, nxt)))
        bs.append(np.zeros((1, nxt)))
        prev = nxt
    return ws, bs
