"""The cross-entropy clips the probabilities at 1e-7 instead of adding 1e-9.

diagnosis: your cross-entropy clips the probabilities instead of adding the small constant from
    the text.
fails: cross_entropy_hidden, cross_entropy_public, linear_pred_hidden, output_layer_hidden,
    output_layer_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def cross_entropy_loss(score, target):
    return float(-np.sum(target * np.log(np.clip(score, 1e-7, 1.0))) / len(score))
