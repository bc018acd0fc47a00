"""predict takes the argmax over the batch (axis 0) instead of over the classes.

diagnosis: your predict takes the argmax over the batch instead of over the classes.
fails: predict_hidden, training_hidden, xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def predict(network, X):
    """X: (N, D) -> (N,) the class of each row's largest logit, with the layers in test mode."""
    return forward(network, X)[-1].argmax(axis=0)
