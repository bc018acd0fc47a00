import hashlib

import pytest
from nnkit_datasets.registry import (
    CIFAR10_OFFLINE,
    MNIST_IDX_FILES,
    MNIST_OFFLINE,
    SOURCES,
    sources_of,
)


def mirror_sums(mirror) -> dict[str, str]:
    """The mirror's SHA256SUMS as {path: sha256}."""
    lines = (mirror / "SHA256SUMS").read_text().splitlines()
    return {path: digest for digest, path in (line.split() for line in lines if line.strip())}


def test_the_offline_entries_match_the_mirrors_own_checksums(mirror):
    """Do the offline entries carry the sha256 of SHA256SUMS and the mirror files' sizes?"""
    sums = mirror_sums(mirror)
    for entry in (MNIST_OFFLINE, CIFAR10_OFFLINE):
        assert entry.algorithm == "sha256"
        assert sums[entry.path] == entry.digest, entry.path
        assert (mirror / entry.path).stat().st_size == entry.size, entry.path


def test_the_canonical_test_idx_entries_match_the_mirrors_byte_identical_copies(mirror):
    """Do the registered md5 and size of the two t10k IDX files match the mirror's copies?"""
    for role in ("test_images", "test_labels"):
        entry = MNIST_IDX_FILES[role]
        data = (mirror / entry.path).read_bytes()
        assert entry.algorithm == "md5"
        assert len(data) == entry.size, entry.path
        assert hashlib.md5(data).hexdigest() == entry.digest, entry.path
    assert MNIST_IDX_FILES["test_images"].digest == "9fb629c4189551a2d022fa330f9573f3"
    assert MNIST_IDX_FILES["test_labels"].digest == "ec29112dd5afa0611ce80d1b7f02629c"


def test_every_canonical_file_has_urls_and_offline_ones_have_none():
    """Has every file of a canonical source an http(s) URL, and no offline file any URL?"""
    for sources in SOURCES.values():
        for source in sources:
            for entry in source.files:
                if source.canonical:
                    assert entry.urls, entry.path
                    assert all(url.startswith(("https://", "http://")) for url in entry.urls)
                    assert all(url.endswith("/" + entry.name) for url in entry.urls)
                else:
                    assert entry.urls == (), entry.path


def test_every_entry_has_a_well_formed_checksum():
    """Is every digest lower-case hex of its algorithm's length, and every size positive?"""
    lengths = {"md5": 32, "sha256": 64}
    for sources in SOURCES.values():
        for source in sources:
            for entry in source.files:
                assert len(entry.digest) == lengths[entry.algorithm], entry.path
                assert entry.digest == entry.digest.lower()
                int(entry.digest, 16)
                assert entry.size > 0


def test_sources_are_listed_in_the_order_the_loaders_prefer():
    """Is MNIST keras, idx, offline and CIFAR-10 python, offline, each of its own dataset?"""
    assert [s.name for s in sources_of("mnist")] == ["keras", "idx", "offline"]
    assert [s.name for s in sources_of("cifar10")] == ["python", "offline"]
    assert [s.canonical for s in sources_of("mnist")] == [True, True, False]
    assert {s.dataset for s in sources_of("cifar10")} == {"cifar10"}
    idx = sources_of("mnist")[1]
    assert [f.name for f in idx.files] == [
        "train-images-idx3-ubyte.gz",
        "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz",
        "t10k-labels-idx1-ubyte.gz",
    ]


def test_an_unknown_dataset_is_a_value_error():
    """Is an unknown dataset name a ValueError listing the known ones?"""
    with pytest.raises(ValueError, match="^unknown dataset 'svhn'; known: mnist, cifar10$"):
        sources_of("svhn")
