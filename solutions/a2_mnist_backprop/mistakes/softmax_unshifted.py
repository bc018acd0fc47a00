"""Softmax without subtracting the maximum: exp(1000) overflows to inf and inf / inf is nan.

diagnosis: your softmax does not subtract the maximum first, so large inputs overflow to inf /
    inf = nan.
fails: softmax_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(x):
    e = np.exp(np.asarray(x, dtype=float))
    return e / e.sum(axis=-1, keepdims=True)
