"""The cross-entropy is summed over the samples instead of averaged.

diagnosis: your cross-entropy is summed over the samples instead of averaged.
fails: batch_gd_hidden, batch_gd_public, cross_entropy_hidden, cross_entropy_public,
    linear_cost_public, linear_pred_hidden, output_layer_hidden, output_layer_public,
    sgd_hidden, sgd_public, two_layer_gradient_hidden, two_layer_numerical_hidden,
    two_layer_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def cross_entropy_loss(score, target):
    return float(-np.sum(target * np.log(score + LOG_EPS)))
