import hashlib

import pytest

from datasets.registry import (
    CIFAR10_OFFLINE,
    MNIST_IDX_FILES,
    MNIST_OFFLINE,
    SOURCES,
    sources_of,
)


def test_the_offline_entries_match_the_mirrors_own_checksums(mirror):
    sums = dict(reversed(line.split()) for line in (mirror / "SHA256SUMS").read_text().splitlines())
    for entry in (MNIST_OFFLINE, CIFAR10_OFFLINE):
        assert sums[entry.path] == entry.digest
        assert (mirror / entry.path).stat().st_size == entry.size


def test_the_canonical_test_idx_entries_match_the_mirrors_byte_identical_copies(mirror):
    for role in ("test_images", "test_labels"):
        entry = MNIST_IDX_FILES[role]
        data = (mirror / entry.path).read_bytes()
        assert len(data) == entry.size
        assert hashlib.md5(data).hexdigest() == entry.digest  # noqa: S324 - the published sum


def test_every_canonical_file_has_urls_and_offline_ones_have_none():
    for sources in SOURCES.values():
        for source in sources:
            for entry in source.files:
                assert bool(entry.urls) == source.canonical, entry.path
                assert all(url.startswith(("https://", "http://")) for url in entry.urls)


def test_sources_are_listed_in_the_order_the_loaders_prefer():
    assert [s.name for s in sources_of("mnist")] == ["keras", "idx", "offline"]
    assert [s.name for s in sources_of("cifar10")] == ["python", "offline"]
    with pytest.raises(ValueError, match="unknown dataset 'svhn'"):
        sources_of("svhn")
