"""predict runs the network in training mode.

diagnosis: your predict runs the network in training mode.
fails: predict_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def predict(network, X):
    """X: (N, D) -> (N,) the class of each row's largest logit, with the layers in test mode."""
    return forward(network, X, training=True)[-1].argmax(axis=1)
