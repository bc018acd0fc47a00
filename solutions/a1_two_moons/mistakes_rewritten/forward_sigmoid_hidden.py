"""Forward pass with a while loop and the sigmoid on every layer.

rewrites: forward_sigmoid_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward_pass(x, weights, biases):
    hs, zs = [], []
    i, h = 0, x
    while i < len(weights):
        hs.append(h)
        z = np.matmul(h, weights[i]) + biases[i]
        zs.append(z)
        h = sigmoid(z)
        i += 1
    return h, hs, zs
