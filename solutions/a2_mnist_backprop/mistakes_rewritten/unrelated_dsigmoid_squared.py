"""dsigmoid as s squared (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def dsigmoid(x):
    s = sigmoid(x)
    return s * s
