"""A LeNet-style network: 5 x 5 convolutions, tanh and average pooling."""

from torch import nn


def get_conv_net():
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2),
        nn.Tanh(),
        nn.AvgPool2d(2),
        nn.Conv2d(6, 16, kernel_size=5),
        nn.Tanh(),
        nn.AvgPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 84),
        nn.Tanh(),
        nn.Linear(84, 10),
    )
