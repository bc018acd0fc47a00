"""Biases initialised to ones (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def init_weights(neurons_per_hidden_layer, input_dim, output_dim, rng=None):
    gen = np.random.default_rng(rng)
    sizes = [input_dim, *neurons_per_hidden_layer, output_dim]
    ws = [
        gen.normal(0.0, np.sqrt(2 / a), size=(a, b))
        for a, b in zip(sizes[:-1], sizes[1:], strict=True)
    ]
    bs = [np.ones((1, b)) for b in sizes[1:]]
    return ws, bs
