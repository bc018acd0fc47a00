"""No pooling before the flatten: the first Linear sees 16 x 26 x 26 inputs (692,000 weights).

diagnosis: your network flattens the full feature maps without pooling, so the first Linear
    layer is very large.
fails: net_budget_hidden
"""

from torch import nn


def get_conv_net():
    return nn.Sequential(
        nn.Conv2d(1, 16, kernel_size=3),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(16 * 26 * 26, 64),
        nn.ReLU(),
        nn.Linear(64, 10),
    )
