"""Forward pass that applies the sigmoid after every layer, hidden layers included.

diagnosis: your forward pass applies the sigmoid after every layer; the hidden layers should use
    ReLU.
fails: forward_public, forward_hidden, train_accuracy
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward_pass(x, weights, biases):
    hs, zs = [], []
    h = x
    for i in range(len(weights)):
        hs.append(h)
        z = h @ weights[i] + biases[i]
        zs.append(z)
        h = sigmoid(z)
    return h, hs, zs
