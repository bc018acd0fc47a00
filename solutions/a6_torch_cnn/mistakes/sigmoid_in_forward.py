"""forward ends in torch.sigmoid: scores squeezed into (0, 1), not logits.

diagnosis: your forward ends in a sigmoid; the network should return raw scores (logits).
fails: net_logits_hidden, net_training_hidden
"""

import torch
from torch import nn


class SigmoidNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 10))

    def forward(self, x):
        return torch.sigmoid(self.head(self.features(x)))


def get_conv_net():
    return SigmoidNet()
