"""The kit's datasets: MNIST and CIFAR-10 loaders, preprocessing, and the two-moons data.

from nnkit_datasets import load_mnist
mnist = load_mnist()                     # mnist.x_train: (60000, 28, 28) uint8
"""

from .errors import DatasetError
from .loaders import Dataset, load_cifar10, load_mnist
from .preprocess import (
    balanced_subset,
    flatten,
    mean_centre,
    one_hot,
    scale_to_unit,
    select_classes,
    train_validation_split,
)
from .two_moons import load_two_moons

__all__ = [
    "Dataset",
    "DatasetError",
    "balanced_subset",
    "flatten",
    "load_cifar10",
    "load_mnist",
    "load_two_moons",
    "mean_centre",
    "one_hot",
    "scale_to_unit",
    "select_classes",
    "train_validation_split",
]
