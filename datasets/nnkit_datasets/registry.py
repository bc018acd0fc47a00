"""Every data file the loaders can read: where it lives, where it comes from, and its checksum.

A file's `path` is the same in the cache and in a mirror folder, so a cache is itself a mirror.
The checksums are the ones the canonical sources publish (md5 for the MNIST IDX files and the
CIFAR-10 archive, sha256 for the keras MNIST file); the offline mirror files carry the sha256 of
their ``SHA256SUMS``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceFile:
    """One downloadable file: its relative path, size in bytes, checksum and canonical URLs."""

    path: str
    size: int
    algorithm: str
    digest: str
    urls: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Source:
    """One way to get a dataset: the files it needs, and whether they are the canonical data."""

    dataset: str
    name: str
    files: tuple[SourceFile, ...]
    canonical: bool


_KERAS = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_IDX = ("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/")


def _idx_file(name: str, size: int, md5: str) -> SourceFile:
    return SourceFile(f"mnist/{name}", size, "md5", md5, tuple(base + name for base in _IDX))


MNIST_IDX_FILES = {
    "train_images": _idx_file(
        "train-images-idx3-ubyte.gz", 9912422, "f68b3c2dcbeaaa9fbdd348bbdeb94873"
    ),
    "train_labels": _idx_file(
        "train-labels-idx1-ubyte.gz", 28881, "d53e105ee54ea40749a09fcbcd1e9432"
    ),
    "test_images": _idx_file(
        "t10k-images-idx3-ubyte.gz", 1648877, "9fb629c4189551a2d022fa330f9573f3"
    ),
    "test_labels": _idx_file("t10k-labels-idx1-ubyte.gz", 4542, "ec29112dd5afa0611ce80d1b7f02629c"),
}

MNIST_KERAS = SourceFile(
    "mnist.npz",
    11490434,
    "sha256",
    "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1",
    (_KERAS + "mnist.npz",),
)
CIFAR10_ARCHIVE = SourceFile(
    "cifar-10-python.tar.gz",
    170498071,
    "md5",
    "c58f30108f718f92721af3b95e74349a",
    ("https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",),
)
# Subsets in the keras layout that only a mirror holds (no public URL).
MNIST_OFFLINE = SourceFile(
    "mnist-offline.npz",
    2460943,
    "sha256",
    "9900d4ead64ea593cc6950b29985d5fe14cf44a4b01b242ffb3dcebb0dd9ea98",
)
CIFAR10_OFFLINE = SourceFile(
    "cifar10-offline.npz",
    34100184,
    "sha256",
    "118d0bb5d2d2968b3250d54bddad94cc50ab2399502232513a6e1d53561974f3",
)

# Each dataset's sources in the order the loaders prefer them.
SOURCES = {
    "mnist": (
        Source("mnist", "keras", (MNIST_KERAS,), canonical=True),
        Source("mnist", "idx", tuple(MNIST_IDX_FILES.values()), canonical=True),
        Source("mnist", "offline", (MNIST_OFFLINE,), canonical=False),
    ),
    "cifar10": (
        Source("cifar10", "python", (CIFAR10_ARCHIVE,), canonical=True),
        Source("cifar10", "offline", (CIFAR10_OFFLINE,), canonical=False),
    ),
}


def sources_of(dataset: str) -> tuple[Source, ...]:
    """The registered sources of `dataset` ("mnist" or "cifar10"), preferred first."""
    try:
        return SOURCES[dataset]
    except KeyError:
        raise ValueError(f"unknown dataset {dataset!r}; known: {', '.join(SOURCES)}") from None
