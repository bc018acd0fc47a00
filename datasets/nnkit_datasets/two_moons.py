"""Two interleaving half circles ("two moons"), the toy data of assignment a1_two_moons.

``python -m nnkit_datasets two-moons`` rewrites the committed files in ``datasets/data/`` from fixed
seeds, so the same arrays come back on every machine.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .loaders import Dataset

DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # datasets/data, beside the package
NOISE = 0.1
# file name -> (number of samples, seed of its random generator)
SPLITS = {
    "two_moons_train.npz": (300, 11),
    "two_moons_test.npz": (200, 12),
}


def make_two_moons(
    n_samples: int, noise: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Sample two interleaving half circles of radius 1 with Gaussian noise, in random order.

    Class 0 lies on the upper arc (cos t, sin t) and class 1 on the lower arc
    (1 - cos t, 0.5 - sin t), with t uniform in [0, pi]. The classes get n_samples // 2 and
    n_samples - n_samples // 2 points.

    n_samples: total number of points N.
    noise: standard deviation of the Gaussian noise added to each coordinate.
    rng: the random generator every draw comes from.
    returns: samples (N, 2) float32 and labels (N,) uint8 with values in {0, 1}.
    """
    counts = (n_samples // 2, n_samples - n_samples // 2)
    angles = [rng.uniform(0.0, np.pi, size=count) for count in counts]
    upper = np.stack([np.cos(angles[0]), np.sin(angles[0])], axis=1)
    lower = np.stack([1.0 - np.cos(angles[1]), 0.5 - np.sin(angles[1])], axis=1)
    samples = np.concatenate([upper, lower]) + rng.normal(scale=noise, size=(n_samples, 2))
    labels = np.repeat(np.arange(2, dtype=np.uint8), counts)
    order = rng.permutation(n_samples)
    return samples[order].astype(np.float32), labels[order]


def write_two_moons(folder: Path) -> list[Path]:
    """Write the train and test files (keys ``samples`` and ``labels``) into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (n_samples, seed) in SPLITS.items():
        samples, labels = make_two_moons(n_samples, NOISE, np.random.default_rng(seed))
        np.savez(folder / name, samples=samples, labels=labels)
        written.append(folder / name)
    return written


def load_two_moons(folder: Path = DATA_DIR) -> Dataset:
    """The committed two-moons splits: x (N, 2) float32, y (N,) uint8; 300 train, 200 test."""
    arrays = {}
    for split in ("train", "test"):
        with np.load(Path(folder) / f"two_moons_{split}.npz", allow_pickle=False) as data:
            arrays[f"x_{split}"], arrays[f"y_{split}"] = data["samples"], data["labels"]
    return Dataset(**arrays, class_names=("upper", "lower"), source="generated", canonical=True)
