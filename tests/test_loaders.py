import subprocess
import sys
from pathlib import Path

import nnkit_datasets
import numpy as np
import pytest
from dataset_files import CIFAR_NAMES, registered, write_cifar_archive, write_idx, write_keras_npz
from nnkit_datasets import registry
from nnkit_datasets.errors import DatasetError
from nnkit_datasets.loaders import load_cifar10, load_mnist
from nnkit_datasets.registry import Source

DATASETS_FOLDER = Path(nnkit_datasets.__file__).resolve().parents[1]  # holds the package


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# the offline mirror


def test_mnist_from_the_mirror_is_the_offline_subset(mirror, tmp_path):
    """Does load_mnist(mirror=...) give the 5000/10000 offline digits, 500 of each class?"""
    data = load_mnist(mirror=mirror, cache_dir=tmp_path / "cache", progress=False)
    assert (data.source, data.canonical) == ("offline", False)
    assert data.x_train.shape == (5000, 28, 28) and data.x_test.shape == (10000, 28, 28)
    assert data.y_train.shape == (5000,) and data.y_test.shape == (10000,)
    for array in (data.x_train, data.y_train, data.x_test, data.y_test):
        assert array.dtype == np.uint8
    assert np.bincount(data.y_train).tolist() == [500] * 10
    assert data.y_test[:5].tolist() == [7, 2, 1, 0, 4]
    assert data.class_names == tuple("0123456789")
    assert files_in(tmp_path / "cache") == []  # read in place, nothing copied
    assert repr(data) == (
        "Dataset(source='offline', canonical=False, x_train=(5000, 28, 28), x_test=(10000, 28, 28))"
    )


def test_cifar10_from_the_mirror_via_the_environment(mirror, tmp_path, monkeypatch):
    """Does load_cifar10 find the offline subset through NNKIT_DATA_MIRROR alone?"""
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("NNKIT_DATA_CACHE", str(tmp_path / "cache"))
    data = load_cifar10(progress=False)
    assert (data.source, data.canonical) == ("offline", False)
    assert data.x_train.shape == (10000, 32, 32, 3) and data.x_test.shape == (2000, 32, 32, 3)
    assert data.y_train.shape == (10000,) and data.y_test.shape == (2000,)
    assert data.x_train.dtype == np.uint8 and data.y_test.dtype == np.uint8
    assert data.class_names == CIFAR_NAMES
    assert np.bincount(data.y_train).tolist() == [1000] * 10
    assert files_in(tmp_path / "cache") == []


def test_a_source_the_mirror_lacks_is_named(mirror, tmp_path):
    """Is load_mnist("idx") with the mirror (no train IDX files) a one-line DatasetError?"""
    with pytest.raises(DatasetError) as caught:
        load_mnist("idx", mirror=mirror, cache_dir=tmp_path, progress=False)
    assert str(caught.value) == (
        f"the data mirror {mirror} has no mnist/train-images-idx3-ubyte.gz; copy it there or "
        "unset NNKIT_DATA_MIRROR"
    )


def test_an_empty_mirror_folder_lists_what_it_needs(tmp_path):
    """Does "auto" with an empty mirror folder name every file set that would do?"""
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError) as caught:
        load_cifar10(mirror=tmp_path / "empty", cache_dir=tmp_path / "cache", progress=False)
    assert str(caught.value) == (
        f"the data mirror {tmp_path / 'empty'} has no cifar10 files (it needs "
        "cifar-10-python.tar.gz or cifar10-offline.npz)"
    )


def test_the_offline_source_without_a_mirror_asks_for_one(tmp_path, monkeypatch):
    """Does load_mnist("offline") with no mirror say to set NNKIT_DATA_MIRROR, downloading
    nothing?"""
    monkeypatch.delenv("NNKIT_DATA_MIRROR", raising=False)
    with pytest.raises(DatasetError, match="^mnist-offline.npz has no public URL; set NNKIT"):
        load_mnist("offline", cache_dir=tmp_path / "cache", progress=False)


@pytest.mark.parametrize(
    "load, choices",
    [(load_mnist, "auto, keras, idx, offline"), (load_cifar10, "auto, python, offline")],
)
def test_an_unknown_source_lists_the_choices(tmp_path, load, choices):
    """Is an unknown source name a ValueError that lists the registered ones?"""
    with pytest.raises(ValueError, match=f"source 'tfds'; choose one of {choices}$"):
        load("tfds", cache_dir=tmp_path, progress=False)


# canonical formats, from self-built files registered in place of the real ones


@pytest.fixture
def canonical_cache(tmp_path, monkeypatch):
    """A cache holding tiny self-built files in the canonical formats, registered as such."""
    monkeypatch.delenv("NNKIT_DATA_MIRROR", raising=False)
    cache = tmp_path / "cache"
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (12, 28, 28), dtype=np.uint8)
    y = np.arange(12, dtype=np.uint8) % 10
    mnist = {"x_train": x[:8], "y_train": y[:8], "x_test": x[8:], "y_test": y[8:]}
    keras = write_keras_npz(cache / "mnist.npz", *mnist.values())
    idx = [
        write_idx(cache / f"mnist/{name}-ubyte.gz", array)
        for name, array in zip(["ti", "tl", "si", "sl"], mnist.values(), strict=True)
    ]
    cifar = write_cifar_archive(cache / "cifar-10-python.tar.gz", per_batch=2)

    def entry(path):
        return registered(path, path.relative_to(cache).as_posix(), ("https://example.org/x",))

    offline_mnist, offline_cifar = registry.SOURCES["mnist"][2], registry.SOURCES["cifar10"][1]
    monkeypatch.setitem(
        registry.SOURCES,
        "mnist",
        (
            Source("mnist", "keras", (entry(keras),), canonical=True),
            Source("mnist", "idx", tuple(entry(p) for p in idx), canonical=True),
            offline_mnist,
        ),
    )
    monkeypatch.setitem(
        registry.SOURCES,
        "cifar10",
        (
            Source("cifar10", "python", (entry(cache / "cifar-10-python.tar.gz"),), True),
            offline_cifar,
        ),
    )
    return cache, mnist, cifar


@pytest.mark.parametrize("source", ["keras", "idx"])
def test_mnist_parses_the_keras_and_idx_files(canonical_cache, source):
    """Does load_mnist read the keras npz and the four IDX files into the arrays written?"""
    cache, mnist, _ = canonical_cache
    data = load_mnist(source, cache_dir=cache, progress=False)
    assert (data.source, data.canonical) == (source, True)
    for key, written in mnist.items():
        got = getattr(data, key)
        assert got.dtype == np.uint8, key
        np.testing.assert_array_equal(got, written)
    assert data.class_names == tuple("0123456789")


def test_cifar10_parses_the_python_archive(canonical_cache):
    """Does load_cifar10("python") read the archive into HWC images, labels and class names?"""
    cache, _, cifar = canonical_cache
    data = load_cifar10("python", cache_dir=cache, progress=False)
    assert (data.source, data.canonical) == ("python", True)
    assert data.x_train.shape == (10, 32, 32, 3) and data.x_test.shape == (2, 32, 32, 3)
    for key in ("x_train", "y_train", "x_test", "y_test"):
        assert getattr(data, key).dtype == np.uint8, key
        np.testing.assert_array_equal(getattr(data, key), cifar[key])
    assert data.class_names == CIFAR_NAMES


def test_auto_prefers_canonical_files_in_the_cache_to_the_mirror(canonical_cache, mirror):
    """Does "auto" take keras, then idx, from the cache before the mirror's offline subset?"""
    cache = canonical_cache[0]
    assert load_mnist(cache_dir=cache, mirror=mirror, progress=False).source == "keras"
    assert load_cifar10(cache_dir=cache, mirror=mirror, progress=False).source == "python"
    (cache / "mnist.npz").unlink()
    assert load_mnist(cache_dir=cache, mirror=mirror, progress=False).source == "idx"
    (cache / "mnist/ti-ubyte.gz").unlink()  # an incomplete idx set does not count
    data = load_mnist(cache_dir=cache, mirror=mirror, progress=False)
    assert (data.source, data.canonical, len(data.x_train)) == ("offline", False, 5000)


def test_a_damaged_cached_file_is_reported_by_the_loader(canonical_cache):
    """Is a cached keras file of the wrong size a DatasetError telling to delete it?"""
    cache = canonical_cache[0]
    (cache / "mnist.npz").write_bytes(b"short")
    with pytest.raises(DatasetError) as caught:
        load_mnist("keras", cache_dir=cache, progress=False)
    assert str(caught.value).endswith(": delete it and load again")
    assert str(cache / "mnist.npz") in str(caught.value)


# python -m nnkit_datasets


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "nnkit_datasets", *args],
        cwd=DATASETS_FOLDER,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_fetch_command_loads_and_reports(mirror, tmp_path):
    """Does `python -m nnkit_datasets fetch mnist --mirror ...` exit 0 and print the Dataset
    line?"""
    done = run_cli("fetch", "mnist", "--mirror", str(mirror), "--cache-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "mnist: Dataset(source='offline', canonical=False, x_train=(5000, 28, 28), "
        "x_test=(10000, 28, 28))\n"
    )


def test_the_fetch_command_fails_in_one_line(tmp_path):
    """With an empty mirror folder, does the command exit 1 with one "error:" line?"""
    (tmp_path / "empty").mkdir()
    done = run_cli(
        "fetch", "mnist", "--mirror", str(tmp_path / "empty"), "--cache-dir", str(tmp_path)
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"error: the data mirror {tmp_path / 'empty'} has no mnist files")


def test_the_fetch_command_reports_an_unknown_source_without_a_traceback(tmp_path):
    """Is `fetch mnist --source tfds` a short error naming the choices, not a traceback?"""
    done = run_cli("fetch", "mnist", "--source", "tfds", "--cache-dir", str(tmp_path))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "offline" in done.stderr
