"""forward puts X itself first in the list of activations.

diagnosis: your forward puts the input X itself first in the list of activations.
fails: forward_hidden, forward_public, l2_loss_hidden, train_hidden, train_public, training_hidden,
    xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def forward(network, X, training=False):
    """Apply the layers in order, each to the previous layer's output.

    network: list of layers; X: (N, D). training: set as every layer's `training` attribute
    before it runs (True when training, False to predict).
    returns: a list of len(network) activations, network[i]'s output at i (X is not in it);
    the last one holds the logits (N, K).
    """
    activations = [X]
    for layer in network:
        layer.training = training
        X = layer.forward(X)
        activations.append(X)
    return activations
