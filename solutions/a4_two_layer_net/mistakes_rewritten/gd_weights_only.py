"""GD that updates the even entries (the weights) only.

rewrites: gd_weights_only
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def GD(params, grads, learning_rate):
    new = list(params)
    for i in (0, 2):
        new[i] = params[i] - learning_rate * grads[i]
    return new
