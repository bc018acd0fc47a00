"""dsigmoid as x - x * x.

rewrites: dsigmoid_of_output
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def dsigmoid(x):
    x = np.asarray(x, dtype=float)
    return x - x * x
