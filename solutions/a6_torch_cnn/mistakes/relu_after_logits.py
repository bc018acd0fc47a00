"""A ReLU after the last Linear too, so negative scores are cut to 0 and learning stalls.

diagnosis: your network applies a ReLU after the last Linear layer, cutting negative scores to
    0.
fails: net_logits_hidden, net_training_hidden
"""

from torch import nn


def get_conv_net():
    return nn.Sequential(
        nn.Conv2d(1, 8, kernel_size=3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 16, kernel_size=3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 7 * 7, 32),
        nn.ReLU(),
        nn.Linear(32, 10),
        nn.ReLU(),
    )
