"""Parsers of the real file formats, each returning plain uint8 arrays.

- keras ``mnist.npz`` (and the mirror's ``*-offline.npz`` files, which share its layout):
  ``x_train``, ``y_train``, ``x_test``, ``y_test``;
- MNIST IDX files, gzipped or not: big-endian magic number, dimension sizes, then the bytes;
- ``cifar-10-python.tar.gz``: pickled batches whose rows hold 1024 red, 1024 green and 1024 blue
  values of a 32 x 32 image (channels first), turned here into (N, 32, 32, 3) images.

A truncated or corrupt file raises a one-line DatasetError that names the file.
"""

from __future__ import annotations

import gzip
import pickle
import tarfile
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from .errors import DatasetError

KERAS_KEYS = ("x_train", "y_train", "x_test", "y_test")
IDX_TYPES = {0x08: np.uint8}  # the only element type MNIST uses
CIFAR_FOLDER = "cifar-10-batches-py"
CIFAR_TRAIN_BATCHES = tuple(f"data_batch_{i}" for i in range(1, 6))
_READ_ERRORS = (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile, tarfile.TarError,
                pickle.UnpicklingError, zlib.error)  # fmt: skip


@contextmanager
def _reading(path: Path):
    try:
        yield
    except DatasetError:
        raise
    except _RefusedPickle as exc:
        raise DatasetError(f"{path} is not a dataset file: {exc}") from None
    except _READ_ERRORS as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DatasetError(
            f"{path} is truncated or corrupt ({reason}); delete it and load again"
        ) from None


def read_npz_splits(path: Path, keys: tuple[str, ...] = KERAS_KEYS) -> dict[str, np.ndarray]:
    """The arrays `keys` of a keras-layout ``.npz`` file (no pickled objects allowed)."""
    with _reading(path):
        data = np.load(path, allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile):
            raise DatasetError(f"{path} holds one array, not the arrays of a dataset (.npz) file")
        with data:
            missing = [k for k in keys if k not in data.files]
            if missing:
                raise DatasetError(f"{path} has no {', '.join(missing)}: it is not a dataset file")
            return {key: data[key] for key in keys}


def read_idx(path: Path) -> np.ndarray:
    """An IDX file (``.gz`` or raw) as an array: images (N, 28, 28) or labels (N,), uint8."""
    opener = gzip.open if Path(path).suffix == ".gz" else open
    with _reading(path), opener(path, "rb") as stream:
        raw = stream.read()
        if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in IDX_TYPES:
            raise DatasetError(f"{path} is not an IDX file of unsigned bytes")
        ndim = raw[3]
        shape = tuple(int(n) for n in np.frombuffer(raw, ">u4", count=ndim, offset=4))
        body = raw[4 + 4 * ndim :]
        if len(body) != int(np.prod(shape)):
            raise DatasetError(
                f"{path} is truncated or corrupt: shape {shape} needs {int(np.prod(shape))} "
                f"bytes, it has {len(body)}; delete it and load again"
            )
        return np.frombuffer(body, IDX_TYPES[raw[2]]).reshape(shape).copy()


def read_cifar10_archive(path: Path) -> dict[str, np.ndarray]:
    """``cifar-10-python.tar.gz`` as x_train (50000, 32, 32, 3), y_train (50000,), x_test
    (10000, 32, 32, 3), y_test (10000,), all uint8, and label_names (10,) str."""
    with _reading(path), tarfile.open(path, "r:gz") as archive:
        train = [_cifar_batch(archive, name) for name in CIFAR_TRAIN_BATCHES]
        x_test, y_test = _cifar_batch(archive, "test_batch")
        meta = _unpickle(archive, "batches.meta")
        names = [n.decode() if isinstance(n, bytes) else str(n) for n in meta[b"label_names"]]
        return {
            "x_train": np.concatenate([x for x, _ in train]),
            "y_train": np.concatenate([y for _, y in train]),
            "x_test": x_test,
            "y_test": y_test,
            "label_names": np.array(names),
        }


def _cifar_batch(archive: tarfile.TarFile, name: str) -> tuple[np.ndarray, np.ndarray]:
    """One pickled batch: rows of 3072 channel-first values -> (N, 32, 32, 3) and (N,)."""
    batch = _unpickle(archive, name)
    rows = np.asarray(batch[b"data"], dtype=np.uint8)
    images = rows.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return np.ascontiguousarray(images), np.asarray(batch[b"labels"], dtype=np.uint8)


class _RefusedPickle(Exception):
    """A pickle asked for something other than plain containers and numpy arrays."""


class _ArrayUnpickler(pickle.Unpickler):
    """Unpickles plain containers and numpy arrays, and refuses every other class."""

    ALLOWED = {
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("_codecs", "encode"),  # how protocol-2 pickles store an array's bytes
    }

    def find_class(self, module: str, name: str):
        if (module, name) not in self.ALLOWED:
            raise _RefusedPickle(f"its pickles refer to {module}.{name}, which no batch needs")
        return super().find_class(module, name)


def _unpickle(archive: tarfile.TarFile, name: str) -> dict:
    member = archive.extractfile(f"{CIFAR_FOLDER}/{name}")
    if member is None:
        raise KeyError(f"{CIFAR_FOLDER}/{name} is not a file")
    return _ArrayUnpickler(member, encoding="bytes").load()
