import numpy as np
import pytest
from factories import data_toy_course

from autograder.grading_data import (
    GradingDataMissing,
    cut,
    ensure_grading_data,
    grading_data_ready,
    stored_key,
)
from autograder.manifest import GradingData, load_assignment

SPEC = GradingData("mnist_grading.npz", "mnist", train_per_class=20, test_per_class=5, seed=3)


def test_a_cut_is_balanced_compact_and_says_where_it_came_from(offline_data):
    """Does a cut hold per-class counts of uint8 images and record that it is mirror data?"""
    arrays = cut(SPEC)
    assert arrays["x_train"].shape == (200, 28, 28) and arrays["x_train"].dtype == np.uint8
    assert arrays["x_test"].shape == (50, 28, 28) and arrays["y_test"].dtype == np.uint8
    assert np.bincount(arrays["y_train"]).tolist() == [20] * 10
    assert np.bincount(arrays["y_test"]).tolist() == [5] * 10
    assert not arrays["canonical"] and str(arrays["source"]) == "offline"
    assert str(arrays["key"]) == "mnist:20:5:3"


def test_the_same_spec_cuts_the_same_images(offline_data):
    """Is a cut reproducible, and does another seed choose other images?"""
    first, again = cut(SPEC), cut(SPEC)
    other = cut(GradingData("g.npz", "mnist", 20, 5, seed=4))
    assert np.array_equal(first["x_train"], again["x_train"])
    assert not np.array_equal(first["x_train"], other["x_train"])


def test_cut_images_are_real_mnist_test_digits(offline_data, mirror):
    """Is every test image of the cut one of the mirror's test digits with its own label?"""
    with np.load(mirror / "mnist-offline.npz") as data:
        x_test, y_test = data["x_test"], data["y_test"]
    arrays = cut(SPEC)
    for image, label in zip(arrays["x_test"][:5], arrays["y_test"][:5], strict=True):
        matches = np.flatnonzero((x_test == image).all(axis=(1, 2)))
        assert matches.size and y_test[matches[0]] == label


def test_ensure_cuts_once_and_again_only_when_the_spec_changes(offline_data, tmp_path):
    """Is a stored cut reused for its own spec and replaced for a changed one?"""
    toy = data_toy_course(tmp_path / "course")
    (path,) = ensure_grading_data(toy)
    assert (
        path == toy.paths.grading_data_dir / "mnist_grading.npz"
        and stored_key(path) == "mnist:20:5:3"
    )
    stamp = path.stat().st_mtime_ns
    ensure_grading_data(toy)
    assert path.stat().st_mtime_ns == stamp
    manifest = toy.paths.source_dir / "assignment.toml"
    manifest.write_text(manifest.read_text().replace("seed = 3", "seed = 5"))
    ensure_grading_data(load_assignment("toy", toy.root))
    assert stored_key(path) == "mnist:20:5:5"
    assert not list(toy.paths.grading_data_dir.glob(".*part*"))


def test_a_damaged_cut_is_cut_again(offline_data, tmp_path):
    """Is a truncated stored cut treated as missing rather than read?"""
    toy = data_toy_course(tmp_path / "course")
    (path,) = ensure_grading_data(toy)
    path.write_bytes(path.read_bytes()[:100])
    assert stored_key(path) is None
    ensure_grading_data(toy)
    assert stored_key(path) == "mnist:20:5:3"


def test_an_unknown_dataset_is_named():
    with pytest.raises(ValueError, match="unknown dataset 'svhn'"):
        cut(GradingData("g.npz", "svhn", 1, 1))


def test_ready_finds_current_cuts_and_never_cuts_a_stale_one(offline_data, tmp_path):
    """Does grading_data_ready give a current cut's path, and refuse one cut for another spec
    (saying which command makes it) without touching it?"""
    toy = data_toy_course(tmp_path / "course")
    (path,) = ensure_grading_data(toy)
    assert grading_data_ready(toy) == [path]
    stamp = path.stat().st_mtime_ns
    manifest = toy.paths.source_dir / "assignment.toml"
    manifest.write_text(manifest.read_text().replace("seed = 3", "seed = 5"))
    with pytest.raises(GradingDataMissing) as stale:
        grading_data_ready(load_assignment("toy", toy.root))
    assert str(stale.value) == (
        f"the grading data {path} is stale (cut for mnist:20:5:3, not mnist:20:5:5); "
        "run `python -m autograder build toy`"
    )
    assert path.stat().st_mtime_ns == stamp
