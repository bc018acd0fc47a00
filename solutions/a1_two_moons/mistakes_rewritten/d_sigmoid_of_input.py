"""d_sigmoid as x - x**2 on its input.

rewrites: d_sigmoid_of_input
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_sigmoid(x):
    x = np.asarray(x, dtype=float)
    return x - x**2
