"""One-hot from np.eye(max)[:, [x]].

rewrites: one_hot_column
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def integer_to_one_hot(x, max=10):
    return np.eye(max)[:, [int(x)]]
