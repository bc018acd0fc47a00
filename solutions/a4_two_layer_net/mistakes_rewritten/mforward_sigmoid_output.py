"""Ten-class forward that reuses forward (the sigmoid output).

rewrites: mforward_sigmoid_output
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def multiclass_forward(X, params):
    return forward(X, params)
