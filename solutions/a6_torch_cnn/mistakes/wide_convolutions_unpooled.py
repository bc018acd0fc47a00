"""Four 64-channel convolutions on full-size images before a global average: few parameters,
but far too slow to train within the CPU budget.

diagnosis: your network runs wide convolutions on full-size images without pooling.
fails: net_training_hidden
"""

from torch import nn


def get_conv_net():
    return nn.Sequential(
        nn.Conv2d(1, 64, kernel_size=3),
        nn.ReLU(),
        nn.Conv2d(64, 64, kernel_size=3),
        nn.ReLU(),
        nn.Conv2d(64, 64, kernel_size=3),
        nn.ReLU(),
        nn.Conv2d(64, 64, kernel_size=3),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(64, 10),
    )
