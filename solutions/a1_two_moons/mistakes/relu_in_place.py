"""ReLU zeroes the negative entries of its argument itself, so the caller's array changes too
(forward_pass then finds its stored pre-activations overwritten).

diagnosis: your relu changes the array it is given; build a new array and leave the input alone.
fails: relu_public, activations_hidden, forward_public, forward_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def relu(x):
    x[x < 0] = 0.0
    return x
