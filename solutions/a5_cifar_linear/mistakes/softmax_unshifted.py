"""A "stable" softmax that exponentiates the raw scores: exp(2060) overflows.

diagnosis: your softmax exponentiates the raw scores, which overflows for large scores; subtract
    each row's maximum first.
fails: output_layer_hidden, softmax_hidden, softmax_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def softmax(x):
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)
