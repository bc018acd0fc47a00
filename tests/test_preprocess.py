import numpy as np
import pytest
from nnkit_datasets.preprocess import (
    balanced_subset,
    flatten,
    mean_centre,
    one_hot,
    scale_to_unit,
    select_classes,
    train_validation_split,
)


def test_flatten_makes_one_row_per_mnist_image():
    """Does flatten turn (N, 28, 28) into (N, 784) rows holding each image row-major?"""
    images = np.arange(2 * 28 * 28).reshape(2, 28, 28)
    rows = flatten(images)
    assert rows.shape == (2, 784) and rows.dtype == images.dtype
    np.testing.assert_array_equal(rows[1], images[1].ravel())
    assert rows[0, 28 * 3 + 5] == images[0, 3, 5]


def test_flatten_makes_one_row_per_cifar_image():
    """Does flatten turn (N, 32, 32, 3) into (N, 3072) rows, channels varying fastest?"""
    images = np.random.default_rng(0).integers(0, 256, (3, 32, 32, 3), dtype=np.uint8)
    rows = flatten(images)
    assert rows.shape == (3, 3072)
    np.testing.assert_array_equal(rows[2], images[2].ravel())
    assert rows[1, (4 * 32 + 7) * 3 + 2] == images[1, 4, 7, 2]


def test_scale_to_unit_maps_0_and_255_to_0_and_1():
    """Are uint8 pixels 0, 51, 255 mapped to float32 0.0, 0.2, 1.0 exactly?"""
    pixels = np.array([[0, 51, 255]], dtype=np.uint8)
    scaled = scale_to_unit(pixels)
    assert scaled.dtype == np.float32 and scaled.shape == (1, 3)
    np.testing.assert_array_equal(scaled, np.array([[0.0, 0.2, 1.0]], dtype=np.float32))
    assert scaled[0, 0] == 0.0 and scaled[0, 2] == 1.0
    full = scale_to_unit(np.arange(256, dtype=np.uint8))
    assert full.min() == 0.0 and full.max() == 1.0 and np.all(np.diff(full) > 0)
    assert scale_to_unit(pixels, dtype=np.float64).dtype == np.float64


def test_mean_centre_uses_the_training_mean_everywhere():
    """Is the training mean subtracted from train and test, leaving the inputs untouched?"""
    train = np.array([[1.0, 10.0], [3.0, 30.0]])
    test = np.array([[2.0, 0.0], [0.0, 20.0]])
    centred_train, centred_test = mean_centre(train, test)
    np.testing.assert_array_equal(centred_train, [[-1.0, -10.0], [1.0, 10.0]])
    np.testing.assert_array_equal(centred_test, [[0.0, -20.0], [-2.0, 0.0]])
    np.testing.assert_array_equal(centred_train.mean(axis=0), [0.0, 0.0])
    np.testing.assert_array_equal(train, [[1.0, 10.0], [3.0, 30.0]])
    np.testing.assert_array_equal(test, [[2.0, 0.0], [0.0, 20.0]])


def test_mean_centre_gives_a_zero_mean_on_image_data():
    """Does the centred training set have a per-pixel mean of about 0, and one array for one
    input?"""
    images = np.random.default_rng(1).random((50, 4, 4, 3)).astype(np.float32)
    (centred,) = mean_centre(images)
    assert centred.shape == (50, 4, 4, 3)
    np.testing.assert_allclose(centred.mean(axis=0), 0.0, atol=1e-6)


def test_one_hot_rows_dtype_and_length():
    """Does one_hot put a single float32 1 at each label's column, C columns?"""
    encoded = one_hot(np.array([2, 0, 3], dtype=np.uint8), 5)
    assert encoded.shape == (3, 5) and encoded.dtype == np.float32
    np.testing.assert_array_equal(encoded, [[0, 0, 1, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 1, 0]])
    np.testing.assert_array_equal(encoded.sum(axis=1), [1, 1, 1])


def test_one_hot_defaults_to_one_more_than_the_largest_label():
    """Without num_classes, is C the largest label plus one, and is dtype honoured?"""
    encoded = one_hot(np.array([1, 3]), dtype=np.int64)
    assert encoded.shape == (2, 4) and encoded.dtype == np.int64
    assert encoded.tolist() == [[0, 1, 0, 0], [0, 0, 0, 1]]


@pytest.mark.parametrize(
    "labels, num_classes, message",
    [
        (np.array([0.0, 1.0]), 4, "must be a 1-D integer array"),
        (np.array([[0, 1]]), 4, "must be a 1-D integer array"),
        (np.array([0, 4]), 4, "must lie in 0..3"),
        (np.array([-1, 0]), 4, "must lie in 0..3"),
        (np.array([-1, 0]), None, "must lie in 0..0"),
    ],
    ids=["float", "2-d", "too-large", "negative", "negative-default"],
)
def test_one_hot_refuses_float_and_out_of_range_labels(labels, num_classes, message):
    """Are float, 2-D and out-of-range labels a ValueError?"""
    with pytest.raises(ValueError, match=message):
        one_hot(labels, num_classes)


def test_select_classes_keeps_order_and_relabels():
    """Does 5-vs-8 keep those samples in order with labels 0 and 1 (or 5 and 8 unrelabelled)?"""
    x = np.arange(6)[:, None] * 10
    y = np.array([5, 1, 8, 5, 8, 3], dtype=np.uint8)
    xs, ys = select_classes(x, y, (5, 8))
    np.testing.assert_array_equal(xs.ravel(), [0, 20, 30, 40])
    assert ys.tolist() == [0, 1, 0, 1] and ys.dtype == np.uint8
    xs, ys = select_classes(x, y, (5, 8), relabel=False)
    assert ys.tolist() == [5, 8, 5, 8] and xs.ravel().tolist() == [0, 20, 30, 40]
    assert select_classes(x, y, [8, 5])[1].tolist() == [1, 0, 1, 0]  # classes[i] -> i


def test_balanced_subset_takes_matched_pairs_per_class():
    """Does balanced_subset take exactly per_class distinct samples of each class, pairs kept?"""
    y = np.repeat(np.arange(3), [5, 7, 9])
    x = y * 100 + np.arange(len(y))  # each x remembers its label and its row
    xs, ys = balanced_subset(x, y, 4, seed=1)
    assert xs.shape == (12,) and np.bincount(ys).tolist() == [4, 4, 4]
    np.testing.assert_array_equal(xs // 100, ys)  # pairs stay matched
    assert len(set(xs.tolist())) == 12 and set(xs.tolist()) <= set(x.tolist())
    np.testing.assert_array_equal(y[xs % 100], ys)  # each row is the original's row


def test_balanced_subset_depends_on_its_seed_alone():
    """Does the same seed give the same subset and another seed a different one?"""
    y = np.repeat(np.arange(3), 20)
    x = np.arange(60)
    first = balanced_subset(x, y, 5, seed=3)
    again = balanced_subset(x, y, 5, seed=3)
    other = balanced_subset(x, y, 5, seed=4)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert not np.array_equal(first[0], other[0])


def test_balanced_subset_refuses_a_short_class():
    """Is a class with fewer than per_class samples a ValueError naming it?"""
    y = np.repeat(np.arange(3), [5, 7, 9])
    with pytest.raises(ValueError, match="class 0 has 5 samples, fewer than 6"):
        balanced_subset(np.arange(21), y, 6)


def test_train_validation_split_sizes_for_a_count_and_a_fraction():
    """Does validation=3 give 7/3 rows and validation=0.25 of 8 give 6/2?"""
    x, y = np.arange(10) * 10, np.arange(10)
    x_train, y_train, x_val, y_val = train_validation_split(x, y, 3, seed=0)
    assert (len(x_train), len(y_train), len(x_val), len(y_val)) == (7, 7, 3, 3)
    parts = train_validation_split(np.zeros((8, 2)), np.arange(8), 0.25)
    assert [len(p) for p in parts] == [6, 6, 2, 2] and parts[0].shape == (6, 2)


def test_train_validation_split_is_disjoint_complete_and_matched():
    """Do the two parts share no index, cover all of them, and keep x with its y?"""
    x, y = np.arange(20) * 10, np.arange(20)
    x_train, y_train, x_val, y_val = train_validation_split(x, y, 0.3, seed=5)
    assert set(y_train.tolist()).isdisjoint(y_val.tolist())
    assert sorted(np.concatenate([y_train, y_val]).tolist()) == list(range(20))
    np.testing.assert_array_equal(x_train, y_train * 10)
    np.testing.assert_array_equal(x_val, y_val * 10)


def test_train_validation_split_depends_on_its_seed_alone():
    """Does the same seed give the same split and another seed a different one?"""
    x, y = np.arange(30), np.arange(30)
    first = train_validation_split(x, y, 10, seed=2)[3]
    np.testing.assert_array_equal(train_validation_split(x, y, 10, seed=2)[3], first)
    assert not np.array_equal(train_validation_split(x, y, 10, seed=3)[3], first)


@pytest.mark.parametrize("validation", [0, 10, 0.0, 1.0, 0.01])
def test_train_validation_split_refuses_an_empty_side(validation):
    """Is a validation size of 0 or N (as a count or a fraction) a ValueError?"""
    with pytest.raises(ValueError, match="leaves no data on one side of 10"):
        train_validation_split(np.arange(10), np.arange(10), validation)
