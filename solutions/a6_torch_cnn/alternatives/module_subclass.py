"""An nn.Module subclass with functional activations and pooling in its forward."""

import torch.nn.functional as F
from torch import nn


class SmallConvNet(nn.Module):
    def __init__(self, channels=(8, 16), hidden=48):
        super().__init__()
        self.conv1 = nn.Conv2d(1, channels[0], kernel_size=5, padding=2)
        self.conv2 = nn.Conv2d(channels[0], channels[1], kernel_size=5, padding=2)
        self.hidden = nn.Linear(channels[1] * 7 * 7, hidden)
        self.out = nn.Linear(hidden, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.out(F.relu(self.hidden(x.flatten(start_dim=1))))


def get_conv_net():
    return SmallConvNet()
