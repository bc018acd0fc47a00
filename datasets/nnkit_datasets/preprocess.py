"""The preprocessing steps the assignments use, as small functions on (N, ...) arrays.

Every function returns new arrays and leaves its inputs as they were.
"""

from __future__ import annotations

import numpy as np


def flatten(images: np.ndarray) -> np.ndarray:
    """images: (N, ...) -> (N, D), one row per image (D = 784 for MNIST, 3072 for CIFAR-10)."""
    images = np.asarray(images)
    return images.reshape(len(images), -1)


def scale_to_unit(images: np.ndarray, dtype=np.float32) -> np.ndarray:
    """uint8 pixels 0..255 -> floats in [0, 1] of `dtype`, same shape."""
    return np.asarray(images, dtype=dtype) / dtype(255)


def mean_centre(train: np.ndarray, *others: np.ndarray) -> tuple[np.ndarray, ...]:
    """Subtract the training set's per-feature mean from `train` and from each of `others`.

    train: (N, ...) floats; others: arrays of shape (M, ...) with the same feature shape.
    returns: (train - mean, *(other - mean)); the mean comes from `train` only, so no test
    statistic leaks into training.
    """
    mean = np.mean(train, axis=0)
    return tuple(np.asarray(x) - mean for x in (train, *others))


def one_hot(labels: np.ndarray, num_classes: int | None = None, dtype=np.float32) -> np.ndarray:
    """labels: (N,) class indices -> (N, C) rows with a single 1 at each label's column.

    num_classes: C; by default one more than the largest label.
    """
    labels = np.asarray(labels)
    if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be a 1-D integer array, got {labels.dtype} {labels.shape}")
    if num_classes is None:
        num_classes = int(labels.max()) + 1 if labels.size else 0
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels must lie in 0..{num_classes - 1}")
    encoded = np.zeros((len(labels), num_classes), dtype=dtype)
    encoded[np.arange(len(labels)), labels] = 1
    return encoded


def select_classes(
    x: np.ndarray, y: np.ndarray, classes: tuple[int, ...] | list[int], relabel: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """The samples whose label is in `classes`, in their original order.

    x: (N, ...); y: (N,). With `relabel`, classes[i] becomes label i (5-vs-8 gives labels 0
    and 1); otherwise labels are kept.
    returns: x (M, ...), y (M,) with y's dtype.
    """
    y = np.asarray(y)
    keep = np.isin(y, classes)
    labels = y[keep]
    if relabel:
        lookup = {int(c): i for i, c in enumerate(classes)}
        labels = np.array([lookup[int(v)] for v in labels], dtype=y.dtype)
    return np.asarray(x)[keep], labels


def balanced_subset(
    x: np.ndarray, y: np.ndarray, per_class: int, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """`per_class` randomly chosen samples of every class present in `y`, shuffled together.

    x: (N, ...); y: (N,). Raises ValueError when a class has fewer than `per_class` samples.
    returns: x (C * per_class, ...), y (C * per_class,).
    """
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    chosen = []
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        if len(members) < per_class:
            raise ValueError(f"class {label} has {len(members)} samples, fewer than {per_class}")
        chosen.append(rng.choice(members, size=per_class, replace=False))
    order = rng.permutation(np.concatenate(chosen)) if chosen else np.array([], dtype=int)
    return np.asarray(x)[order], y[order]


def train_validation_split(
    x: np.ndarray, y: np.ndarray, validation: int | float, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split off a random validation set.

    x: (N, ...); y: (N,). validation: a number of samples, or a fraction of N in (0, 1).
    returns: x_train (N - V, ...), y_train (N - V,), x_val (V, ...), y_val (V,).
    """
    n = len(y)
    count = int(round(validation * n)) if isinstance(validation, float) else int(validation)
    if not 0 < count < n:
        raise ValueError(f"a validation set of {validation} leaves no data on one side of {n}")
    order = np.random.default_rng(seed).permutation(n)
    x, y = np.asarray(x), np.asarray(y)
    return x[order[count:]], y[order[count:]], x[order[:count]], y[order[:count]]
