"""One-hot built from integers: the right values but an integer dtype.

diagnosis: your one-hot vector has an integer dtype; it should hold floats.
fails: one_hot_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def integer_to_one_hot(x, max=10):
    result = np.zeros(max, dtype=int)
    result[int(x)] = 1
    return result
