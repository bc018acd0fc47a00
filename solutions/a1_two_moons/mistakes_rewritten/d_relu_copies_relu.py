"""d_relu as x * (x > 0).

rewrites: d_relu_copies_relu
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_relu(x):
    x = np.asarray(x, dtype=float)
    return x * (x > 0)
