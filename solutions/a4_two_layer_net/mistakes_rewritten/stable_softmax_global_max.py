"""Stable softmax that subtracts np.max(Z).

rewrites: stable_softmax_global_max
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def stable_softmax(Z):
    e = np.exp(np.asarray(Z, dtype=float) - np.max(Z))
    return e / np.sum(e, axis=0, keepdims=True)
