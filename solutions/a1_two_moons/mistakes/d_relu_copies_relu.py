"""d_relu returns x where x > 0 (a copy-paste of relu) instead of 1.

diagnosis: your d_relu returns x where x > 0, like relu itself, instead of 1.
fails: relu_public, activations_hidden, backward_public, backward_gradcheck_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_relu(x):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, 0.0)
