"""Hidden layer with tanh (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward(X, params):
    W1, b1, W2, b2 = params
    Z1 = W1 @ X + b1
    Y1 = np.tanh(Z1)
    Z2 = W2 @ Y1 + b2
    return sigmoid(Z2), [X, Z1, Y1, Z2]
