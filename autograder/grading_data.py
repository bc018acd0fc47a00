"""Cut the grading data of an assignment: fixed balanced subsets the hidden checks read.

A cut is an ``.npz`` with x_train, y_train, x_test, y_test (uint8, as the loaders give them),
``canonical`` (True when cut from the canonical data, False from a mirror subset, so a check can
pick the matching accuracy threshold), ``source`` and ``key`` (the spec it was cut for).

The build cuts (`ensure_grading_data`); grading only finds the cuts (`grading_data_ready`).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np
from nnkit_datasets import balanced_subset, load_cifar10, load_mnist

from autograder.errors import KitError
from autograder.manifest import Assignment, GradingData

LOADERS = {"mnist": load_mnist, "cifar10": load_cifar10}


class GradingDataMissing(KitError):
    """A cut the checks read is missing, or was cut for another spec: the build makes it."""


def cut(spec: GradingData, *, progress: bool = False) -> dict[str, np.ndarray]:
    """The arrays of `spec`'s cut: train_per_class and test_per_class images of every class."""
    if spec.dataset not in LOADERS:
        raise ValueError(f"grading data {spec.file}: unknown dataset {spec.dataset!r}")
    data = LOADERS[spec.dataset](progress=progress)
    x_train, y_train = balanced_subset(data.x_train, data.y_train, spec.train_per_class, spec.seed)
    x_test, y_test = balanced_subset(data.x_test, data.y_test, spec.test_per_class, spec.seed + 1)
    return {
        "x_train": x_train,
        "y_train": y_train,
        "x_test": x_test,
        "y_test": y_test,
        "canonical": np.array(data.canonical),
        "source": np.array(data.source),
        "key": np.array(spec.key()),
    }


def stored_key(path: Path) -> str | None:
    """The spec key a stored cut was made for, or None when there is no readable cut."""
    try:
        with np.load(path, allow_pickle=False) as data:
            return str(data["key"])
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None


def grading_data_ready(assignment: Assignment) -> list[Path]:
    """The paths of `assignment`'s cuts, each cut for its current spec; never cuts (or
    downloads) anything. Raises GradingDataMissing, naming the first cut that is missing or
    stale and the command that makes it."""
    paths = assignment.paths.grading_data_files()
    for spec, path in zip(assignment.grading_data, paths, strict=True):
        key = stored_key(path)
        if key != spec.key():
            state = "missing" if key is None else f"stale (cut for {key}, not {spec.key()})"
            raise GradingDataMissing(
                f"the grading data {path} is {state}; "
                f"run `python -m autograder build {assignment.id}`"
            )
    return paths


def ensure_grading_data(assignment: Assignment, *, progress: bool = False) -> list[Path]:
    """Make sure each of `assignment`'s cuts exists for its current spec; returns their paths."""
    paths = []
    for spec, path in zip(
        assignment.grading_data, assignment.paths.grading_data_files(), strict=True
    ):
        if stored_key(path) != spec.key():
            path.parent.mkdir(parents=True, exist_ok=True)
            # a name of this process's own: workers sharing the kit's folder may cut at once
            partial = path.with_name(f".{path.name}.{os.getpid()}.part.npz")
            np.savez_compressed(partial, **cut(spec, progress=progress))
            partial.replace(path)
        paths.append(path)
    return paths
