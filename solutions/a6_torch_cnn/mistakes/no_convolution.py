"""A fully connected network only: flatten the image, two Linear layers, no convolution.

diagnosis: your network has no convolution layer.
fails: net_layers_public
"""

from torch import nn


def get_conv_net():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
