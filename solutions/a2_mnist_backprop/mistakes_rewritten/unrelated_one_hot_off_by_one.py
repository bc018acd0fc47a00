"""One-hot with the one at x - 1 (no known mistake does this).

rewrites: none
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def integer_to_one_hot(x, max=10):
    result = np.zeros(max)
    result[int(x) - 1] = 1.0
    return result
