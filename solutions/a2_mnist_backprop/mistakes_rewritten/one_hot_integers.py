"""One-hot by comparing np.arange(max) == x, cast to int.

rewrites: one_hot_integers
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def integer_to_one_hot(x, max=10):
    return (np.arange(max) == int(x)).astype(int)
