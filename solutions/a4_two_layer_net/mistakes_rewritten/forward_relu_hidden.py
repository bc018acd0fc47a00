"""Forward with Z1 * (Z1 > 0) in the hidden layer.

rewrites: forward_relu_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def forward(X, params):
    w1, c1, w2, c2 = params
    pre1 = np.dot(w1, X) + c1
    hid = pre1 * (pre1 > 0)
    pre2 = np.dot(w2, hid) + c2
    return sigmoid(pre2), [X, pre1, hid, pre2]
