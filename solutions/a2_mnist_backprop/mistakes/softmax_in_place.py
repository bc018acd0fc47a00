"""Softmax saves memory by working in its argument: shift, exponentiate and divide in place, so
the caller's scores are overwritten by the probabilities.

diagnosis: your softmax changes the array it is given; build a new array and leave the input
    alone.
fails: softmax_public, softmax_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def softmax(x):
    x -= np.max(x, axis=-1, keepdims=True)
    np.exp(x, out=x)
    x /= np.sum(x, axis=-1, keepdims=True)
    return x
