"""np.nonzero on (1, N) rows returns the row numbers, all zeros.

diagnosis: your split returns the row numbers of np.nonzero (all zeros) instead of the column
    indices.
fails: split_hidden
"""

# The kit swaps these definitions into the notebook, where np and its functions exist.
# ruff: noqa: F821


def split_by_correctness(predicted, true):
    same = np.asarray(predicted) == np.asarray(true)
    return np.nonzero(same)[0], np.nonzero(~same)[0]
