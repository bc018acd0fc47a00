import gzip
import io
import pickle
import tarfile

import numpy as np
import pytest
from dataset_files import write_cifar_archive, write_idx, write_keras_npz

from datasets.errors import DatasetError
from datasets.formats import read_cifar10_archive, read_idx, read_npz_splits


def one_line_error(call, *args) -> str:
    with pytest.raises(DatasetError) as caught:
        call(*args)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name", ["images.idx", "images.idx.gz"])
def test_idx_round_trips_raw_and_gzipped(tmp_path, name):
    images = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    got = read_idx(write_idx(tmp_path / name, images))
    assert got.dtype == np.uint8 and got.shape == (2, 3, 4)
    np.testing.assert_array_equal(got, images)


def test_the_canonical_mnist_test_files_parse(mirror):
    """Do the byte-identical canonical t10k files give 10,000 digits with their known labels?"""
    images = read_idx(mirror / "mnist/t10k-images-idx3-ubyte.gz")
    labels = read_idx(mirror / "mnist/t10k-labels-idx1-ubyte.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10000,) and labels[:5].tolist() == [7, 2, 1, 0, 4]
    assert np.bincount(labels).tolist()[:3] == [980, 1135, 1032]
    with np.load(mirror / "mnist-offline.npz") as offline:
        np.testing.assert_array_equal(images, offline["x_test"])
        np.testing.assert_array_equal(labels, offline["y_test"])


def test_a_truncated_gzip_idx_is_one_line_naming_the_file(tmp_path):
    path = write_idx(tmp_path / "labels.gz", np.arange(1000) % 10)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    message = one_line_error(read_idx, path)
    assert str(path) in message and "truncated or corrupt" in message


def test_an_idx_body_shorter_than_its_header_says_is_caught(tmp_path):
    path = write_idx(tmp_path / "images.idx", np.zeros((4, 5, 5)))
    path.write_bytes(path.read_bytes()[:-10])
    assert "needs 100 bytes, it has 90" in one_line_error(read_idx, path)


def test_a_file_that_is_not_idx_is_refused(tmp_path):
    path = tmp_path / "x.idx.gz"
    path.write_bytes(gzip.compress(b"\x00\x00\x0d\x01" + b"\x00" * 8))  # float type code
    assert "not an IDX file" in one_line_error(read_idx, path)


def test_the_cifar_archive_becomes_height_width_rgb_images(tmp_path):
    written = write_cifar_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=3)
    got = read_cifar10_archive(tmp_path / "cifar-10-python.tar.gz")
    assert got["x_train"].shape == (15, 32, 32, 3) and got["x_test"].shape == (3, 32, 32, 3)
    assert got["x_train"].dtype == np.uint8 and got["y_train"].dtype == np.uint8
    np.testing.assert_array_equal(got["x_train"], written["x_train"])
    np.testing.assert_array_equal(got["y_test"], written["y_test"])
    assert got["label_names"][:2].tolist() == ["class0", "class1"]


def test_a_cifar_pixel_sits_where_the_channel_first_row_puts_it(tmp_path):
    """Is pixel [r, c, channel] the row's value at channel * 1024 + r * 32 + c?"""
    write_cifar_archive(tmp_path / "c.tar.gz", per_batch=1)
    with tarfile.open(tmp_path / "c.tar.gz") as archive:
        member = archive.extractfile("cifar-10-batches-py/test_batch")
        row = pickle.load(member, encoding="bytes")[b"data"][0]
    image = read_cifar10_archive(tmp_path / "c.tar.gz")["x_test"][0]
    for r, c, channel in [(0, 0, 0), (5, 17, 1), (31, 2, 2)]:
        assert image[r, c, channel] == row[channel * 1024 + r * 32 + c]


def test_a_truncated_cifar_archive_is_one_line(tmp_path):
    path = tmp_path / "cifar-10-python.tar.gz"
    write_cifar_archive(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert "truncated or corrupt" in one_line_error(read_cifar10_archive, path)


def test_a_pickle_that_would_run_code_is_refused(tmp_path):
    """An archive whose batch unpickles to a call of os.system is rejected, not executed."""

    class Payload:
        def __reduce__(self):
            return (print, ("pwned",))

    path = tmp_path / "evil.tar.gz"
    write_cifar_archive(path)
    with tarfile.open(path) as archive:
        members = {m.name: archive.extractfile(m).read() for m in archive.getmembers()}
    members["cifar-10-batches-py/data_batch_1"] = pickle.dumps(Payload(), protocol=2)
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    message = one_line_error(read_cifar10_archive, path)
    assert message.endswith(
        "is not a dataset file: its pickles refer to __builtin__.print, which no batch needs"
    )


def test_npz_splits_name_missing_keys_and_non_zip_files(tmp_path):
    path = write_keras_npz(tmp_path / "m.npz", np.zeros((2, 2)), np.zeros(2), np.zeros((1, 2)), [0])
    assert read_npz_splits(path)["x_train"].shape == (2, 2)
    assert "has no label_names" in one_line_error(read_npz_splits, path, ("label_names",))
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file at all")
    assert "truncated or corrupt" in one_line_error(read_npz_splits, bad)
