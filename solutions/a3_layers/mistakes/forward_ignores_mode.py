"""forward never sets the layers' training flag.

diagnosis: your forward never tells the layers whether they are training.
fails: forward_hidden, predict_hidden, train_hidden
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
    activations = []
    for layer in network:
        X = layer.forward(X)
        activations.append(X)
    return activations
