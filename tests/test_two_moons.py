import numpy as np
from nnkit_datasets.two_moons import DATA_DIR, NOISE, SPLITS, make_two_moons, write_two_moons


def moons(n_samples=400, seed=0):
    return make_two_moons(n_samples, NOISE, np.random.default_rng(seed))


def linear_fit_accuracy(samples, labels):
    """Accuracy of the least-squares linear classifier (with a bias) on its own training data."""
    design = np.hstack([samples, np.ones((len(samples), 1))])
    coef, *_ = np.linalg.lstsq(design, 2.0 * labels - 1.0, rcond=None)
    return float(np.mean((design @ coef > 0) == (labels == 1)))


def test_shapes_dtypes_and_label_values():
    """Are samples (N, 2) float32 and labels (N,) uint8 holding only 0 and 1?"""
    samples, labels = moons(301)
    assert samples.shape == (301, 2) and samples.dtype == np.float32
    assert labels.shape == (301,) and labels.dtype == np.uint8
    assert set(np.unique(labels)) == {0, 1}


def test_classes_are_balanced():
    """Does each class get half of the points (one more for class 1 when N is odd)?"""
    assert np.bincount(moons(400)[1]).tolist() == [200, 200]
    assert np.bincount(moons(301)[1]).tolist() == [150, 151]


def test_same_seed_same_arrays_and_another_seed_differs():
    """Is the generator a function of its seed alone?"""
    first, again, other = moons(seed=3), moons(seed=3), moons(seed=4)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert not np.array_equal(first[0], other[0])


def test_class_means_sit_where_the_two_arcs_put_them():
    """Are the class means near (0, 2/pi) for the upper arc and (1, 0.5 - 2/pi) for the lower?"""
    samples, labels = moons(4000)
    np.testing.assert_allclose(samples[labels == 0].mean(axis=0), [0.0, 2 / np.pi], atol=0.05)
    np.testing.assert_allclose(samples[labels == 1].mean(axis=0), [1.0, 0.5 - 2 / np.pi], atol=0.05)


def test_noise_sets_the_distance_to_the_arcs():
    """Do the points lie about `noise` away from their arc, on average?"""
    samples, labels = make_two_moons(4000, 0.1, np.random.default_rng(1))
    centres = np.where(labels[:, None] == 0, [0.0, 0.0], [1.0, 0.5])
    radius = np.linalg.norm(samples - centres, axis=1)
    assert abs(radius.mean() - 1.0) < 0.02
    assert 0.08 < radius.std() < 0.12


def test_not_linearly_separable_but_separable_by_a_nonlinear_rule():
    """Does a linear classifier stay clearly below 95% while 1-nearest-neighbour reaches it?"""
    splits = []
    for name in SPLITS:
        with np.load(DATA_DIR / name) as data:
            splits.append((data["samples"], data["labels"]))
    (x_train, y_train), (x_test, y_test) = splits
    assert linear_fit_accuracy(x_train, y_train) < 0.92
    distances = np.linalg.norm(x_test[:, None, :] - x_train[None, :, :], axis=2)
    assert np.mean(y_train[distances.argmin(axis=1)] == y_test) >= 0.95


def test_committed_files_match_the_generator(tmp_path):
    """Do datasets/data/*.npz hold exactly the arrays `python -m nnkit_datasets two-moons`
    writes now?"""
    for fresh in write_two_moons(tmp_path):
        with np.load(fresh) as new, np.load(DATA_DIR / fresh.name) as committed:
            assert sorted(committed.files) == ["labels", "samples"]
            for key in ("samples", "labels"):
                assert committed[key].dtype == new[key].dtype
                np.testing.assert_array_equal(committed[key], new[key])


def test_split_sizes_and_balance():
    """Are there 300 training and 200 test points, half of each class?"""
    sizes = {}
    for name in SPLITS:
        with np.load(DATA_DIR / name) as data:
            sizes[name] = np.bincount(data["labels"]).tolist()
    assert sizes == {"two_moons_train.npz": [150, 150], "two_moons_test.npz": [100, 100]}
