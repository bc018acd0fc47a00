"""d_sigmoid with a stray factor 2 (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_sigmoid(x):
    s = sigmoid(x)
    return 2.0 * s * (1.0 - s)
