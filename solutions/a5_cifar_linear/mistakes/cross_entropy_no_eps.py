"""The cross-entropy takes the log of the probabilities as they are.

diagnosis: your cross-entropy takes the log of the probabilities as they are, without the small
    constant.
fails: cross_entropy_hidden, cross_entropy_public, linear_pred_hidden, output_layer_hidden,
    output_layer_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def cross_entropy_loss(score, target):
    return float(-np.sum(target * np.log(score)) / len(score))
