"""The first Linear expects 16 x 7 x 7 inputs, as if the unpadded convolutions kept 28 x 28.

diagnosis: your first Linear layer expects the size the feature maps would have with padding;
    the convolutions shrink them.
fails: net_independent_hidden, net_logits_hidden, net_output_hidden, net_output_public,
    net_training_hidden
"""

from torch import nn


def get_conv_net():
    return nn.Sequential(
        nn.Conv2d(1, 8, kernel_size=3),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 16, kernel_size=3),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 7 * 7, 32),
        nn.ReLU(),
        nn.Linear(32, 10),
    )
