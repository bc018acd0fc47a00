"""relu that sets x[x < 0] = 0 and returns x.

rewrites: relu_in_place
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def relu(x):
    x[x < 0] = 0
    return x
