"""The network is built on the first call and the same object returned on every later call.

diagnosis: your get_conv_net returns the same network object on every call.
fails: net_independent_hidden
"""

from torch import nn

_built = {}


def get_conv_net():
    if "network" not in _built:
        _built["network"] = nn.Sequential(
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
        )
    return _built["network"]
