"""softmax normalises each column (axis 0) instead of each row.

diagnosis: your softmax normalises each column instead of each row.
fails: batch_gd_hidden, batch_gd_public, linear_cost_public, linear_grad_hidden,
    linear_grad_public, linear_pred_hidden, linear_training_hidden, output_layer_hidden,
    output_layer_public, sgd_hidden, sgd_public, softmax_hidden, softmax_public,
    two_layer_gradient_hidden, two_layer_numerical_hidden, two_layer_public,
    two_layer_training_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def softmax(x):
    e = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
