import numpy as np
import pytest

from datasets.preprocess import (
    balanced_subset,
    flatten,
    mean_centre,
    one_hot,
    scale_to_unit,
    select_classes,
    train_validation_split,
)


def test_flatten_makes_one_row_per_image():
    images = np.arange(2 * 28 * 28).reshape(2, 28, 28)
    assert flatten(images).shape == (2, 784)
    np.testing.assert_array_equal(flatten(images)[1], images[1].ravel())
    assert flatten(np.zeros((3, 32, 32, 3))).shape == (3, 3072)


def test_scale_to_unit_maps_0_and_255_to_0_and_1():
    scaled = scale_to_unit(np.array([[0, 51, 255]], dtype=np.uint8))
    assert scaled.dtype == np.float32
    np.testing.assert_array_equal(scaled, np.array([[0.0, 0.2, 1.0]], dtype=np.float32))


def test_mean_centre_uses_the_training_mean_everywhere():
    train = np.array([[1.0, 10.0], [3.0, 30.0]])
    test = np.array([[2.0, 0.0]])
    centred_train, centred_test = mean_centre(train, test)
    np.testing.assert_array_equal(centred_train, [[-1.0, -10.0], [1.0, 10.0]])
    np.testing.assert_array_equal(centred_test, [[0.0, -20.0]])
    np.testing.assert_array_equal(train, [[1.0, 10.0], [3.0, 30.0]])  # inputs untouched


def test_one_hot_rows_dtype_and_length():
    encoded = one_hot(np.array([2, 0], dtype=np.uint8), 4)
    np.testing.assert_array_equal(encoded, [[0, 0, 1, 0], [1, 0, 0, 0]])
    assert encoded.dtype == np.float32 and one_hot(np.array([1, 3])).shape == (2, 4)


@pytest.mark.parametrize("labels", [np.array([0.0, 1.0]), np.array([0, 5]), np.array([-1])])
def test_one_hot_refuses_float_and_out_of_range_labels(labels):
    with pytest.raises(ValueError, match="labels must"):
        one_hot(labels, 4)


def test_select_classes_keeps_order_and_relabels():
    x = np.arange(6)[:, None]
    y = np.array([5, 1, 8, 5, 8, 3])
    xs, ys = select_classes(x, y, (5, 8))
    np.testing.assert_array_equal(xs.ravel(), [0, 2, 3, 4])
    np.testing.assert_array_equal(ys, [0, 1, 0, 1])
    assert select_classes(x, y, (5, 8), relabel=False)[1].tolist() == [5, 8, 5, 8]


def test_balanced_subset_takes_matched_pairs_per_class_by_seed():
    y = np.repeat(np.arange(3), [5, 7, 9])
    x = y * 100 + np.arange(len(y))  # each x remembers its label
    xs, ys = balanced_subset(x, y, 4, seed=1)
    assert np.bincount(ys).tolist() == [4, 4, 4]
    np.testing.assert_array_equal(xs // 100, ys)
    assert len(set(xs.tolist())) == 12
    np.testing.assert_array_equal(balanced_subset(x, y, 4, seed=1)[0], xs)
    assert not np.array_equal(balanced_subset(x, y, 4, seed=2)[0], xs)
    with pytest.raises(ValueError, match="class 0 has 5 samples, fewer than 6"):
        balanced_subset(x, y, 6)


def test_train_validation_split_is_disjoint_complete_and_seeded():
    x, y = np.arange(10) * 10, np.arange(10)
    x_train, y_train, x_val, y_val = train_validation_split(x, y, 3, seed=0)
    assert len(x_val) == 3 and len(x_train) == 7
    assert sorted(np.concatenate([y_train, y_val]).tolist()) == list(range(10))
    np.testing.assert_array_equal(x_val, y_val * 10)
    assert len(train_validation_split(x, y, 0.2)[2]) == 2
    np.testing.assert_array_equal(train_validation_split(x, y, 3, seed=0)[3], y_val)
    for bad in (0, 10):
        with pytest.raises(ValueError, match="leaves no data"):
            train_validation_split(x, y, bad)
