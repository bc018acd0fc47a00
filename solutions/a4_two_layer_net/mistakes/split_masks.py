"""Boolean masks instead of index arrays.

diagnosis: your split returns boolean masks instead of arrays of indices.
fails: split_hidden, split_public
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def split_by_correctness(predicted, true):
    same = np.ravel(predicted) == np.ravel(true)
    return same, ~same
