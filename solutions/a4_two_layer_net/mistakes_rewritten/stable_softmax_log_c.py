"""Stable softmax with the seed's constant written as a log term.

rewrites: stable_softmax_log_c
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def stable_softmax(Z):
    Z = np.asarray(Z, dtype=float)
    log_c = np.log(-Z.max(axis=0, keepdims=True))
    top = np.exp(Z + log_c)
    return top / (np.exp(log_c) * np.exp(Z + log_c).sum())
