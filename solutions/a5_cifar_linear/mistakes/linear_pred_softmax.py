"""linear_pred returns probabilities (the softmax of the scores), not scores.

diagnosis: your linear_pred returns probabilities (a softmax of the scores) instead of the
    scores.
fails: batch_gd_hidden, batch_gd_public, linear_cost_public, linear_grad_hidden,
    linear_grad_public, linear_pred_hidden, linear_training_hidden, sgd_hidden, sgd_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def linear_pred(x, W, b):
    return softmax(x @ W + b)
