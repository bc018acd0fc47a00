"""Forward pass with a ReLU on every layer and the sigmoid only on a layer after the first.

rewrites: forward_first_layer_outside_loop
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward_pass(x, weights, biases):
    hs, zs, h = [], [], x
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        hs.append(h)
        zs.append(h @ w + b)
        h = sigmoid(zs[-1]) if (i == len(weights) - 1 and i > 0) else np.maximum(zs[-1], 0)
    return h, hs, zs
