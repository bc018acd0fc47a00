"""No activation anywhere and average pooling: the whole network is one affine map.

diagnosis: your network has no activation, so it is one affine map.
fails: net_logits_hidden
"""

from torch import nn


def get_conv_net():
    return nn.Sequential(
        nn.Conv2d(1, 8, kernel_size=3, padding=1),
        nn.AvgPool2d(2),
        nn.Conv2d(8, 16, kernel_size=3, padding=1),
        nn.AvgPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 7 * 7, 64),
        nn.Linear(64, 10),
    )
