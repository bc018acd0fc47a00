"""The layers are built once at the top level of the notebook and get_conv_net wraps them;
the grader runs no top-level code, and every call would share the same weights anyway.

diagnosis: your layers are built once outside get_conv_net, so every network shares them.
fails: net_output_public, net_layers_public, net_output_hidden, net_independent_hidden,
    net_logits_hidden, net_budget_hidden, net_training_hidden
"""

from torch import nn

conv_layers = [
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
]
dense_layers = [nn.Linear(16 * 7 * 7, 32), nn.ReLU(), nn.Linear(32, 10)]


def get_conv_net():
    return nn.Sequential(*conv_layers, nn.Flatten(), *dense_layers)
