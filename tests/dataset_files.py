"""Tiny data files in the real formats (IDX, keras npz, the CIFAR-10 python archive), built by
the tests themselves, and registry entries for them."""

from __future__ import annotations

import gzip
import hashlib
import io
import pickle
import tarfile
from pathlib import Path

import numpy as np

from datasets.registry import SourceFile


def write_idx(path: Path, array: np.ndarray) -> Path:
    """An IDX file of unsigned bytes (gzipped when the name ends in .gz)."""
    array = np.asarray(array, dtype=np.uint8)
    header = bytes([0, 0, 0x08, array.ndim]) + np.array(array.shape, ">u4").tobytes()
    body = header + array.tobytes()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(gzip.compress(body) if str(path).endswith(".gz") else body)
    return Path(path)


def write_keras_npz(path: Path, x_train, y_train, x_test, y_test) -> Path:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    return Path(path)


def write_cifar_archive(path: Path, per_batch: int = 4, seed: int = 0) -> dict[str, np.ndarray]:
    """A ``cifar-10-python.tar.gz`` with five training batches and a test batch of `per_batch`
    images each; returns the images it encoded, height x width x RGB, and their labels."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(6 * per_batch, 32, 32, 3), dtype=np.uint8)
    labels = rng.integers(0, 10, size=6 * per_batch)
    names = [f"class{i}".encode() for i in range(10)]
    with tarfile.open(path, "w:gz") as archive:
        for i, name in enumerate([f"data_batch_{k}" for k in range(1, 6)] + ["test_batch"]):
            part = slice(i * per_batch, (i + 1) * per_batch)
            rows = images[part].transpose(0, 3, 1, 2).reshape(per_batch, 3072)  # channels first
            batch = {b"data": rows, b"labels": [int(v) for v in labels[part]]}
            _add(archive, name, pickle.dumps(batch, protocol=2))
        _add(archive, "batches.meta", pickle.dumps({b"label_names": names}, protocol=2))
    cut = 5 * per_batch
    return {
        "x_train": images[:cut],
        "y_train": labels[:cut],
        "x_test": images[cut:],
        "y_test": labels[cut:],
    }


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(f"cifar-10-batches-py/{name}")
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def registered(path: Path, relative: str, urls: tuple[str, ...] = ()) -> SourceFile:
    """A registry entry with `path`'s real size and sha256, stored under `relative`."""
    data = Path(path).read_bytes()
    return SourceFile(relative, len(data), "sha256", hashlib.sha256(data).hexdigest(), urls)
