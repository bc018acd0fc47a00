"""GD with np.add in a loop.

rewrites: gd_uphill
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def GD(params, grads, learning_rate):
    out = []
    for i in range(len(params)):
        out.append(np.add(params[i], learning_rate * grads[i]))
    return out
