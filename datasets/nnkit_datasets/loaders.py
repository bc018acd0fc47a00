"""``load_mnist`` and ``load_cifar10``: one call gives the arrays, from wherever they are.

The first call downloads the canonical files (with a progress bar) into the cache; later calls
read the cache. With a mirror folder (``NNKIT_DATA_MIRROR`` or `mirror=`) nothing is downloaded.
With ``source="auto"`` the loader takes the first registered source whose files are all on this
machine (canonical sources first), and downloads the first canonical one otherwise.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import DatasetError
from .fetch import cache_dir, fetch, local_copy, mirror_location
from .formats import KERAS_KEYS, read_cifar10_archive, read_idx, read_npz_splits
from .registry import Source, sources_of

MNIST_CLASSES = tuple(str(digit) for digit in range(10))


@dataclass(frozen=True)
class Dataset:
    """A dataset's train and test splits.

    x_train: (N, H, W) uint8 for MNIST, (N, H, W, 3) uint8 for CIFAR-10 (pixel values 0..255),
        (N, 2) float32 for two moons.
    y_train: (N,) uint8 class indices.
    x_test, y_test: the same for the test split.
    class_names: the name of each class index.
    source: where the arrays came from ("keras", "idx", "python", "offline", "generated").
    canonical: True for the canonical data, False for a subset such as the offline mirror's.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...]
    source: str
    canonical: bool

    def __repr__(self) -> str:
        return (
            f"Dataset(source={self.source!r}, canonical={self.canonical}, "
            f"x_train={self.x_train.shape}, x_test={self.x_test.shape})"
        )


def load_mnist(
    source: str = "auto",
    *,
    mirror: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = True,
) -> Dataset:
    """MNIST digits: x (N, 28, 28) uint8, y (N,) uint8; 60000/10000 images in the canonical data.

    source: "auto", "keras" (mnist.npz), "idx" (the four IDX .gz files) or "offline" (the
        mirror's 5000/10000 subset).
    mirror: a folder or URL holding the files (default ``$NNKIT_DATA_MIRROR``).
    cache_dir: where downloads go (default ``$NNKIT_DATA_CACHE`` or ``~/.cache/nnkit``).
    progress: show a progress bar while downloading.
    """
    chosen, paths = _obtain("mnist", source, mirror, cache_dir, progress)
    if chosen.name == "idx":  # files in the order x_train, y_train, x_test, y_test
        arrays = dict(zip(KERAS_KEYS, map(read_idx, paths), strict=True))
    else:
        arrays = read_npz_splits(paths[0])
    return _dataset(arrays, MNIST_CLASSES, chosen)


def load_cifar10(
    source: str = "auto",
    *,
    mirror: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = True,
) -> Dataset:
    """CIFAR-10 images: x (N, 32, 32, 3) uint8 (height, width, RGB), y (N,) uint8;
    50000/10000 images in the canonical data.

    source: "auto", "python" (cifar-10-python.tar.gz) or "offline" (the mirror's 10000/2000
        subset, decoded from JPEGs, so pixels differ slightly from the canonical ones).
    mirror, cache_dir, progress: as for `load_mnist`.
    """
    chosen, paths = _obtain("cifar10", source, mirror, cache_dir, progress)
    if chosen.name == "python":
        arrays = read_cifar10_archive(paths[0])
    else:
        arrays = read_npz_splits(
            paths[0], ("x_train", "y_train", "x_test", "y_test", "label_names")
        )
    names = tuple(str(name) for name in arrays.pop("label_names"))
    return _dataset(arrays, names, chosen)


def choose_source(dataset: str, source: str, cache: Path, mirror: str | Path | None) -> Source:
    """The source to load: the named one, or for "auto" the first that is wholly on this
    machine, else the first canonical one (which will be downloaded)."""
    sources = sources_of(dataset)
    if source != "auto":
        for candidate in sources:
            if candidate.name == source:
                return candidate
        names = ", ".join(["auto", *(s.name for s in sources)])
        raise ValueError(f"unknown {dataset} source {source!r}; choose one of {names}")
    for candidate in sources:
        if all(local_copy(f, cache, mirror) for f in candidate.files):
            return candidate
    if isinstance(mirror, Path):
        wanted = " or ".join(" + ".join(f.path for f in s.files) for s in sources)
        raise DatasetError(f"the data mirror {mirror} has no {dataset} files (it needs {wanted})")
    return sources[0]


def _obtain(dataset, source, mirror, folder, progress) -> tuple[Source, list[Path]]:
    cache = cache_dir(folder)
    where = mirror_location(mirror)
    chosen = choose_source(dataset, source, cache, where)
    return chosen, [fetch(f, cache, where, progress) for f in chosen.files]


def _dataset(arrays: dict[str, np.ndarray], class_names, source: Source) -> Dataset:
    for split in ("train", "test"):
        x, y = arrays[f"x_{split}"], arrays[f"y_{split}"]
        if len(x) != len(y):
            raise DatasetError(
                f"the {source.name} {split} split has {len(x)} images, {len(y)} labels"
            )
    return Dataset(
        x_train=arrays["x_train"].astype(np.uint8, copy=False),
        y_train=arrays["y_train"].astype(np.uint8, copy=False),
        x_test=arrays["x_test"].astype(np.uint8, copy=False),
        y_test=arrays["y_test"].astype(np.uint8, copy=False),
        class_names=tuple(class_names),
        source=source.name,
        canonical=source.canonical,
    )
