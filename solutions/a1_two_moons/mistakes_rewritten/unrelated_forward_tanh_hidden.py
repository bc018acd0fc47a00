"""Forward pass with tanh in the hidden layers (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward_pass(x, weights, biases):
    hs, zs, h = [], [], x
    for i in range(len(weights)):
        hs.append(h)
        zs.append(h @ weights[i] + biases[i])
        h = sigmoid(zs[-1]) if i == len(weights) - 1 else np.tanh(zs[-1])
    return h, hs, zs
