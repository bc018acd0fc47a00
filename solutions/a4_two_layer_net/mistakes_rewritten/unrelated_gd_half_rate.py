"""GD with half the learning rate (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def GD(params, grads, learning_rate):
    return [p - 0.5 * learning_rate * g for p, g in zip(params, grads, strict=True)]
