"""linear_pred forgets the bias.

diagnosis: your linear_pred leaves out the bias.
fails: batch_gd_hidden, batch_gd_public, linear_cost_public, linear_grad_hidden,
    linear_grad_public, linear_pred_hidden, sgd_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def linear_pred(x, W, b):
    return x @ W
