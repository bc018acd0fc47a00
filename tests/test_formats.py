import gzip
import os
import pickle
import tarfile

import numpy as np
import pytest
from dataset_files import CIFAR_FOLDER, CIFAR_NAMES, write_cifar_archive, write_idx, write_keras_npz
from nnkit_datasets.errors import DatasetError
from nnkit_datasets.formats import read_cifar10_archive, read_idx, read_npz_splits


def one_line_error(call, *args) -> str:
    """The message of the DatasetError `call(*args)` raises, checked to be one line."""
    with pytest.raises(DatasetError) as caught:
        call(*args)
    message = str(caught.value)
    assert "\n" not in message
    return message


def cut_in_half(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


class Batch(dict):
    """A class no CIFAR batch is made of: pickling an instance refers to it by name."""


class RunsCode:
    """Unpickling an instance would call os.makedirs(marker)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.makedirs, (self.marker,))


# IDX


@pytest.mark.parametrize("name", ["images-idx3-ubyte", "images-idx3-ubyte.gz"])
def test_idx_round_trips_raw_and_gzipped(tmp_path, name):
    """Does read_idx give back the exact uint8 images written, raw and gzipped?"""
    images = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    got = read_idx(write_idx(tmp_path / name, images))
    assert got.dtype == np.uint8 and got.shape == (2, 3, 4)
    np.testing.assert_array_equal(got, images)
    assert got.flags.writeable  # a copy, not a view of read-only bytes


def test_idx_labels_are_one_dimensional(tmp_path):
    """Does a one-dimensional IDX file (labels) come back as (N,) uint8?"""
    labels = np.array([7, 2, 1, 0, 4, 255], dtype=np.uint8)
    got = read_idx(write_idx(tmp_path / "labels-idx1-ubyte.gz", labels))
    assert got.shape == (6,) and got.dtype == np.uint8
    assert got.tolist() == [7, 2, 1, 0, 4, 255]


def test_the_canonical_mnist_test_files_parse(mirror):
    """Do the byte-identical canonical t10k files give 10,000 digits with their known labels?"""
    images = read_idx(mirror / "mnist/t10k-images-idx3-ubyte.gz")
    labels = read_idx(mirror / "mnist/t10k-labels-idx1-ubyte.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10000,) and labels.dtype == np.uint8
    assert labels[:5].tolist() == [7, 2, 1, 0, 4]
    assert np.bincount(labels).tolist()[:3] == [980, 1135, 1032]
    assert images.max() == 255 and images[0, 0, 0] == 0
    with np.load(mirror / "mnist-offline.npz") as offline:
        np.testing.assert_array_equal(images, offline["x_test"])
        np.testing.assert_array_equal(labels, offline["y_test"])


def test_a_gzipped_idx_cut_in_half_is_one_line_naming_the_file(tmp_path):
    """Is a gz IDX file cut in half a one-line DatasetError that names the file?"""
    path = cut_in_half(write_idx(tmp_path / "labels.gz", np.arange(1000) % 10))
    message = one_line_error(read_idx, path)
    assert message.startswith(f"{path} is truncated or corrupt (")
    assert message.endswith("); delete it and load again")


def test_a_raw_idx_body_shorter_than_its_header_says_is_one_line_naming_the_file(tmp_path):
    """Is a raw IDX file missing the last bytes of its body reported with both sizes?"""
    path = write_idx(tmp_path / "images.idx", np.zeros((4, 5, 5)))
    path.write_bytes(path.read_bytes()[:-10])
    assert one_line_error(read_idx, path) == (
        f"{path} is truncated or corrupt: shape (4, 5, 5) needs 100 bytes, it has 90; "
        "delete it and load again"
    )


def test_an_idx_header_cut_inside_its_sizes_is_one_line(tmp_path):
    """Is an IDX file that ends inside its dimension sizes a truncation error, not a crash?"""
    path = tmp_path / "short.idx"
    path.write_bytes(bytes([0, 0, 8, 3, 0, 0]))
    message = one_line_error(read_idx, path)
    assert message.startswith(f"{path} is truncated or corrupt (")


@pytest.mark.parametrize(
    "content",
    [
        bytes([0, 0, 0x0D, 1, 0, 0, 0, 1]) + b"\x00" * 4,  # float elements
        bytes([1, 2, 0x08, 1, 0, 0, 0, 1, 9]),  # first two bytes not zero
        gzip.compress(bytes([0, 0, 8, 1, 0, 0, 0, 1, 9])),  # gzip bytes in a raw-named file
        b"\x00\x00",  # shorter than the magic number
    ],
    ids=["float-type", "nonzero-magic", "gzip-read-raw", "two-bytes"],
)
def test_a_wrong_idx_magic_number_is_refused(tmp_path, content):
    """Is a file whose magic number is not 0, 0, 0x08, ndim refused in one line?"""
    path = tmp_path / "not-idx-ubyte"
    path.write_bytes(content)
    assert one_line_error(read_idx, path) == f"{path} is not an IDX file of unsigned bytes"


def test_a_gzip_file_with_a_corrupt_deflate_block_is_a_dataset_error(tmp_path):
    """Is a .gz file whose deflate data is invalid (reserved block type) a DatasetError?"""
    path = tmp_path / "images.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\x07" + b"\x00" * 20)
    assert one_line_error(read_idx, path).startswith(f"{path} is truncated or corrupt")


# CIFAR-10 python archive


def test_the_cifar_archive_becomes_height_width_rgb_images(tmp_path):
    """Does the archive give 5 train batches and a test batch as (N, 32, 32, 3) uint8?"""
    path = tmp_path / "cifar-10-python.tar.gz"
    written = write_cifar_archive(path, per_batch=3)
    got = read_cifar10_archive(path)
    assert sorted(got) == ["label_names", "x_test", "x_train", "y_test", "y_train"]
    assert got["x_train"].shape == (15, 32, 32, 3) and got["x_test"].shape == (3, 32, 32, 3)
    assert got["y_train"].shape == (15,) and got["y_test"].shape == (3,)
    for key in ("x_train", "y_train", "x_test", "y_test"):
        assert got[key].dtype == np.uint8, key
        np.testing.assert_array_equal(got[key], written[key])
    assert got["x_train"].flags.c_contiguous
    assert got["label_names"].tolist() == list(CIFAR_NAMES)


def test_a_cifar_pixel_sits_where_the_channel_first_row_puts_it(tmp_path):
    """Is pixel [i, r, c, channel] the row's value at channel * 1024 + r * 32 + c?"""
    path = tmp_path / "c.tar.gz"
    write_cifar_archive(path, per_batch=2)
    with tarfile.open(path) as archive:
        member = archive.extractfile(f"{CIFAR_FOLDER}/test_batch")
        rows = pickle.load(member, encoding="bytes")[b"data"]
    images = read_cifar10_archive(path)["x_test"]
    for i in range(2):
        for r, c, channel in [(0, 0, 0), (0, 1, 0), (1, 0, 0), (5, 17, 1), (31, 2, 2), (31, 31, 2)]:
            assert images[i, r, c, channel] == rows[i, channel * 1024 + r * 32 + c]
    expected = rows.reshape(2, 3, 32, 32).transpose(0, 2, 3, 1)
    np.testing.assert_array_equal(images, expected)


def test_a_cifar_archive_cut_in_half_is_one_line_naming_the_file(tmp_path):
    """Is an archive cut to half its bytes a one-line DatasetError naming the file?"""
    path = tmp_path / "cifar-10-python.tar.gz"
    write_cifar_archive(path)
    cut_in_half(path)
    message = one_line_error(read_cifar10_archive, path)
    assert message.startswith(f"{path} is truncated or corrupt (")


def test_a_cifar_archive_without_its_meta_file_is_one_line(tmp_path):
    """Is an archive that lacks batches.meta reported rather than crashing with a KeyError?"""
    path = tmp_path / "cifar-10-python.tar.gz"
    write_cifar_archive(path, members={"batches.meta": None})
    message = one_line_error(read_cifar10_archive, path)
    assert message.startswith(f"{path} is truncated or corrupt (")
    assert "batches.meta" in message


@pytest.mark.parametrize(
    "make, refers_to",
    [
        (lambda tmp: os.system, f"{os.system.__module__}.system"),
        (lambda tmp: Batch({b"data": [], b"labels": []}), f"{Batch.__module__}.Batch"),
        (lambda tmp: RunsCode(str(tmp / "pwned")), "os.makedirs"),
    ],
    ids=["os.system", "custom-class", "reduce-calls-os.makedirs"],
)
def test_a_batch_pickle_referring_to_other_classes_is_refused(tmp_path, make, refers_to):
    """Is a batch that unpickles anything but containers and arrays refused, never executed?"""
    path = tmp_path / "evil.tar.gz"
    write_cifar_archive(path, members={"data_batch_1": pickle.dumps(make(tmp_path), protocol=2)})
    message = one_line_error(read_cifar10_archive, path)
    assert message == (
        f"{path} is not a dataset file: its pickles refer to {refers_to}, which no batch needs"
    )
    assert not (tmp_path / "pwned").exists()


# keras-layout npz


def test_npz_splits_gives_the_four_keras_arrays(tmp_path):
    """Does read_npz_splits return exactly the keras keys with the arrays written?"""
    x = np.arange(24, dtype=np.uint8).reshape(3, 2, 4)
    path = write_keras_npz(tmp_path / "m.npz", x[:2], [1, 2], x[2:], [3])
    got = read_npz_splits(path)
    assert list(got) == ["x_train", "y_train", "x_test", "y_test"]
    np.testing.assert_array_equal(got["x_train"], x[:2])
    assert got["y_train"].tolist() == [1, 2] and got["y_test"].tolist() == [3]


def test_npz_splits_names_the_missing_keys(tmp_path):
    """Is a keras npz asked for keys it lacks refused in one line naming the keys?"""
    path = write_keras_npz(tmp_path / "m.npz", np.zeros((2, 2)), np.zeros(2), np.zeros((1, 2)), [0])
    message = one_line_error(read_npz_splits, path, ("x_train", "label_names", "extra"))
    assert message == f"{path} has no label_names, extra: it is not a dataset file"


@pytest.mark.parametrize(
    "content", [b"not a zip file at all", b"PK\x03\x04 broken"], ids=["text", "zip-magic"]
)
def test_a_file_that_is_not_a_zip_is_one_line(tmp_path, content):
    """Is a non-zip (or broken zip) file given as an npz a one-line DatasetError?"""
    bad = tmp_path / "bad.npz"
    bad.write_bytes(content)
    assert one_line_error(read_npz_splits, bad).startswith(f"{bad} is truncated or corrupt (")


def test_a_plain_npy_file_named_npz_is_a_dataset_error(tmp_path):
    """Is a single-array .npy file saved under an .npz name refused as a DatasetError?"""
    path = tmp_path / "mnist.npz"
    with open(path, "wb") as stream:
        np.save(stream, np.zeros(3))
    one_line_error(read_npz_splits, path)
