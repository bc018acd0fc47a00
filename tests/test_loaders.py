import subprocess
import sys

import numpy as np
import pytest
from dataset_files import registered, write_cifar_archive, write_idx, write_keras_npz

from datasets import registry
from datasets.errors import DatasetError
from datasets.loaders import load_cifar10, load_mnist
from datasets.registry import Source

KIT = registry.__file__.rsplit("/datasets/", 1)[0]


def test_mnist_from_the_mirror_is_the_offline_subset(mirror, tmp_path):
    data = load_mnist(mirror=mirror, cache_dir=tmp_path)
    assert (data.source, data.canonical) == ("offline", False)
    assert data.x_train.shape == (5000, 28, 28) and data.x_test.shape == (10000, 28, 28)
    assert data.x_train.dtype == np.uint8 and data.y_train.dtype == np.uint8
    assert np.bincount(data.y_train).tolist() == [500] * 10
    assert data.class_names == tuple("0123456789")


def test_cifar10_from_the_mirror_via_the_environment(mirror, tmp_path, monkeypatch):
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(mirror))
    data = load_cifar10(cache_dir=tmp_path)
    assert data.x_train.shape == (10000, 32, 32, 3) and data.x_test.shape == (2000, 32, 32, 3)
    assert data.class_names[:2] == ("airplane", "automobile") and not data.canonical


def test_a_source_the_mirror_lacks_is_named(mirror, tmp_path):
    with pytest.raises(DatasetError, match="has no mnist/train-images-idx3-ubyte.gz"):
        load_mnist("idx", mirror=mirror, cache_dir=tmp_path)


def test_an_unknown_source_lists_the_choices(tmp_path):
    with pytest.raises(ValueError, match="choose one of auto, keras, idx, offline"):
        load_mnist("tfds", cache_dir=tmp_path)


@pytest.fixture
def canonical_cache(tmp_path, monkeypatch):
    """A cache holding small self-built files in the canonical formats, registered as such."""
    cache = tmp_path / "cache"
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (12, 28, 28), dtype=np.uint8)
    y = np.arange(12, dtype=np.uint8) % 10
    keras = write_keras_npz(cache / "mnist.npz", x[:8], y[:8], x[8:], y[8:])
    idx = [
        write_idx(cache / f"mnist/{name}.gz", array)
        for name, array in [("ti", x[:8]), ("tl", y[:8]), ("si", x[8:]), ("sl", y[8:])]
    ]
    cifar = write_cifar_archive(cache / "cifar-10-python.tar.gz", per_batch=2)

    def entry(path):
        return registered(path, path.relative_to(cache).as_posix())

    monkeypatch.setitem(
        registry.SOURCES,
        "mnist",
        (
            Source("mnist", "keras", (entry(keras),), canonical=True),
            Source("mnist", "idx", tuple(entry(p) for p in idx), canonical=True),
            *registry.SOURCES["mnist"][2:],
        ),
    )
    monkeypatch.setitem(
        registry.SOURCES,
        "cifar10",
        (
            Source("cifar10", "python", (entry(cache / "cifar-10-python.tar.gz"),), True),
            *registry.SOURCES["cifar10"][1:],
        ),
    )
    return cache, x, y, cifar


@pytest.mark.parametrize("source", ["keras", "idx"])
def test_mnist_parses_the_keras_and_idx_files(canonical_cache, source):
    cache, x, y, _ = canonical_cache
    data = load_mnist(source, cache_dir=cache, mirror="")
    assert (data.source, data.canonical) == (source, True)
    np.testing.assert_array_equal(data.x_train, x[:8])
    np.testing.assert_array_equal(data.y_test, y[8:])


def test_cifar10_parses_the_python_archive(canonical_cache):
    cache, _, _, cifar = canonical_cache
    data = load_cifar10(cache_dir=cache, mirror="")
    assert data.source == "python" and data.x_train.shape == (10, 32, 32, 3)
    np.testing.assert_array_equal(data.x_test, cifar["x_test"])
    assert data.class_names[0] == "class0"


def test_auto_prefers_canonical_files_in_the_cache_to_the_mirror(canonical_cache, mirror):
    cache = canonical_cache[0]
    assert load_mnist(cache_dir=cache, mirror=mirror).source == "keras"
    (cache / "mnist.npz").unlink()
    assert load_mnist(cache_dir=cache, mirror=mirror).source == "idx"


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "datasets", *args], cwd=KIT, capture_output=True, text=True
    )


def test_the_fetch_command_loads_and_reports(mirror, tmp_path):
    done = run_cli("fetch", "mnist", "--mirror", str(mirror), "--cache-dir", str(tmp_path))
    assert done.returncode == 0
    assert done.stdout.startswith("mnist: Dataset(source='offline', canonical=False")


def test_the_fetch_command_fails_in_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    done = run_cli("fetch", "mnist", "--mirror", str(tmp_path / "empty"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: the data mirror")
