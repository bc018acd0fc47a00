"""Tiny data files in the real formats (IDX, keras npz, the CIFAR-10 python archive), built by
the tests themselves in a tmp folder, and registry entries for them.

Nothing here reads the offline mirror: the mirror's files stay where they are.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import pickle
import tarfile
from pathlib import Path

import numpy as np
from nnkit_datasets.registry import SourceFile

CIFAR_FOLDER = "cifar-10-batches-py"
CIFAR_BATCHES = tuple(f"data_batch_{i}" for i in range(1, 6)) + ("test_batch",)
CIFAR_NAMES = tuple("airplane automobile bird cat deer dog frog horse ship truck".split())


def write_idx(path: Path, array: np.ndarray) -> Path:
    """An IDX file of unsigned bytes: 0, 0, 0x08, ndim, big-endian uint32 sizes, then the bytes
    (gzipped when the name ends in .gz)."""
    array = np.asarray(array, dtype=np.uint8)
    header = bytes([0, 0, 0x08, array.ndim]) + np.array(array.shape, ">u4").tobytes()
    body = header + array.tobytes()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(body, mtime=0) if path.name.endswith(".gz") else body)
    return path


def write_keras_npz(path: Path, x_train, y_train, x_test, y_test) -> Path:
    """A ``.npz`` in the keras ``mnist.npz`` layout (keys x_train, y_train, x_test, y_test)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    return path


def write_cifar_archive(
    path: Path,
    per_batch: int = 4,
    seed: int = 0,
    members: dict[str, bytes | None] | None = None,
) -> dict[str, np.ndarray]:
    """A ``cifar-10-python.tar.gz``: ``cifar-10-batches-py/`` holding data_batch_1..5 and
    test_batch of `per_batch` random images each, and batches.meta.

    Each batch is a protocol-2 pickle of {b"data": (n, 3072) uint8 channel-first rows (1024 red,
    then green, then blue, each 32 x 32 row-major), b"labels": [int, ...]}; batches.meta holds
    {b"label_names": [bytes, ...]}. `members` replaces a member's bytes by name ("test_batch"),
    or leaves it out when the value is None.
    returns: the encoded images as height x width x RGB (x_train (5n, 32, 32, 3), x_test
    (n, 32, 32, 3)), their labels y_train, y_test (int64) and label_names.
    """
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(6 * per_batch, 32, 32, 3), dtype=np.uint8)
    labels = rng.integers(0, 10, size=6 * per_batch)
    contents = {}
    for i, name in enumerate(CIFAR_BATCHES):
        part = slice(i * per_batch, (i + 1) * per_batch)
        rows = images[part].transpose(0, 3, 1, 2).reshape(per_batch, 3072)  # channels first
        batch = {b"data": rows, b"labels": [int(v) for v in labels[part]]}
        contents[name] = pickle.dumps(batch, protocol=2)
    meta = {b"label_names": [n.encode() for n in CIFAR_NAMES], b"num_vis": 3072}
    contents["batches.meta"] = pickle.dumps(meta, protocol=2)
    contents.update(members or {})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz") as archive:
        for name, data in contents.items():
            if data is not None:
                info = tarfile.TarInfo(f"{CIFAR_FOLDER}/{name}")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    cut = 5 * per_batch
    return {
        "x_train": images[:cut],
        "y_train": labels[:cut],
        "x_test": images[cut:],
        "y_test": labels[cut:],
        "label_names": np.array(CIFAR_NAMES),
    }


def registered(path: Path, rel_path: str, urls: tuple[str, ...] = ()) -> SourceFile:
    """A registry entry with `path`'s real size and sha256, stored under `rel_path`."""
    data = Path(path).read_bytes()
    return SourceFile(rel_path, len(data), "sha256", hashlib.sha256(data).hexdigest(), tuple(urls))
