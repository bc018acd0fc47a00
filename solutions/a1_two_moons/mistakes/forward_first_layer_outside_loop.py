"""The first layer always gets a ReLU, so a network without hidden layers has no sigmoid output.

diagnosis: your forward pass always applies a ReLU after the first layer, so a network without
    hidden layers never reaches the output sigmoid.
fails: forward_no_hidden_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward_pass(x, weights, biases):
    hs, zs = [x], [x @ weights[0] + biases[0]]
    h = relu(zs[0])
    for w, b in zip(weights[1:], biases[1:], strict=True):
        hs.append(h)
        zs.append(h @ w + b)
        h = relu(zs[-1])
    y = sigmoid(zs[-1]) if len(weights) > 1 else h
    return y, hs, zs
