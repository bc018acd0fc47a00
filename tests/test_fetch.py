import http.server
import os
import socket
import threading
from pathlib import Path

import pytest
from dataset_files import registered
from nnkit_datasets.errors import DatasetError
from nnkit_datasets.fetch import cache_dir, fetch, mirror_location
from nnkit_datasets.registry import SourceFile

PAYLOAD = bytes(range(256)) * 400  # 102,400 bytes


def one_line_error(call, *args, **kwargs) -> str:
    """The message of the DatasetError `call` raises, checked to be one line."""
    with pytest.raises(DatasetError) as caught:
        call(*args, **kwargs)
    assert "\n" not in str(caught.value)
    return str(caught.value)


def entry_for(tmp_path: Path, urls=()) -> SourceFile:
    """A registry entry for PAYLOAD stored as data/blob.bin, with these canonical URLs."""
    original = tmp_path / "original.bin"
    original.write_bytes(PAYLOAD)
    return registered(original, "data/blob.bin", tuple(urls))


@pytest.fixture
def entry(tmp_path) -> SourceFile:
    return entry_for(tmp_path)


def files_in(folder: Path) -> list[str]:
    """Every file below `folder` (hidden .part files included), relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def closed_port_url() -> str:
    """An http URL on 127.0.0.1 whose port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class Server:
    """A local HTTP server whose answer per path the test sets: bytes, a status code, or
    (body, declared length) for a response cut off before its Content-Length."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server interface
                server.requests.append(self.path)
                answer = server.routes.get(self.path, 404)
                if isinstance(answer, int):
                    self.send_error(answer)
                    return
                body, declared = answer if isinstance(answer, tuple) else (answer, len(answer))
                self.send_response(200)
                self.send_header("Content-Length", str(declared))
                self.end_headers()
                self.wfile.write(body)
                self.close_connection = True

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def server():
    running = Server()
    yield running
    running.stop()


# the cache folder and the mirror


def test_the_cache_folder_comes_from_the_argument_then_the_environment(tmp_path, monkeypatch):
    """Does cache_dir prefer its argument, then NNKIT_DATA_CACHE, then XDG_CACHE_HOME/nnkit?"""
    monkeypatch.setenv("NNKIT_DATA_CACHE", str(tmp_path / "env"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir(tmp_path / "arg") == tmp_path / "arg"
    assert cache_dir(str(tmp_path / "arg")) == tmp_path / "arg"
    assert cache_dir() == tmp_path / "env"
    monkeypatch.delenv("NNKIT_DATA_CACHE")
    assert cache_dir() == tmp_path / "xdg" / "nnkit"


def test_the_default_cache_folder_is_in_the_home_cache(tmp_path, monkeypatch):
    """Without either variable, is the cache ~/.cache/nnkit, and are ~ and relative paths
    made absolute?"""
    monkeypatch.delenv("NNKIT_DATA_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert cache_dir() == tmp_path / "home/.cache/nnkit"
    assert cache_dir("~/data") == tmp_path / "home/data"
    assert cache_dir("rel") == tmp_path / "rel"
    monkeypatch.setenv("NNKIT_DATA_CACHE", "")  # empty counts as unset
    assert cache_dir() == tmp_path / "home/.cache/nnkit"


def test_a_mirror_is_none_a_url_or_an_existing_folder(tmp_path, monkeypatch):
    """Is the mirror None when unset, a URL string ending in one slash, or an absolute Path?"""
    monkeypatch.delenv("NNKIT_DATA_MIRROR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert mirror_location() is None
    assert mirror_location("https://example.org/data") == "https://example.org/data/"
    assert mirror_location("https://example.org/data/") == "https://example.org/data/"
    assert mirror_location("file:///srv/data") == "file:///srv/data/"
    (tmp_path / "here").mkdir()
    assert mirror_location("here") == tmp_path / "here"
    assert isinstance(mirror_location("here"), Path)
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(tmp_path))
    assert mirror_location() == tmp_path
    assert mirror_location("https://example.org") == "https://example.org/"  # argument wins
    monkeypatch.setenv("NNKIT_DATA_MIRROR", "")
    assert mirror_location() is None


def test_a_missing_mirror_folder_is_one_line(tmp_path, monkeypatch):
    """Is a mirror folder that does not exist a DatasetError naming it and the variable?"""
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(tmp_path / "missing"))
    expected = f"the data mirror {tmp_path / 'missing'} is not a folder (check NNKIT_DATA_MIRROR)"
    assert one_line_error(mirror_location) == expected
    (tmp_path / "a-file").write_text("x")
    assert "a-file is not a folder" in one_line_error(mirror_location, tmp_path / "a-file")


# local copies: mirror folders and the cache


def test_a_mirror_file_is_read_in_place_once_its_checksum_is_right(tmp_path, entry):
    """Is a verified mirror file returned where it is, with nothing copied to the cache?"""
    mirror = tmp_path / "mirror"
    (mirror / "data").mkdir(parents=True)
    (mirror / "data/blob.bin").write_bytes(PAYLOAD)
    got = fetch(entry, tmp_path / "cache", mirror, progress=False)
    assert got == mirror / "data/blob.bin"
    assert not (tmp_path / "cache").exists()


def test_a_mirror_file_with_the_right_size_but_other_bytes_is_refused(tmp_path, entry):
    """Is a mirror file of the right size but wrong bytes refused for its checksum?"""
    (tmp_path / "mirror/data").mkdir(parents=True)
    (tmp_path / "mirror/data/blob.bin").write_bytes(PAYLOAD[::-1])
    message = one_line_error(fetch, entry, tmp_path / "cache", tmp_path / "mirror", progress=False)
    assert message.startswith(f"the mirror file {tmp_path / 'mirror/data/blob.bin'} has the wrong")
    assert "sha256 checksum" in message and entry.digest in message
    assert message.endswith("; replace it with blob.bin")


def test_a_mirror_file_of_the_wrong_size_is_refused(tmp_path, entry):
    """Is a short mirror file refused with both sizes?"""
    (tmp_path / "mirror/data").mkdir(parents=True)
    (tmp_path / "mirror/data/blob.bin").write_bytes(PAYLOAD[:100])
    message = one_line_error(fetch, entry, tmp_path / "cache", tmp_path / "mirror", progress=False)
    assert "has 100 bytes, not 102400; replace it with blob.bin" in message


def test_a_file_missing_from_a_mirror_folder_is_named(tmp_path, entry):
    """Does a mirror folder without the file give an error naming the file's path?"""
    (tmp_path / "mirror").mkdir()
    message = one_line_error(fetch, entry, tmp_path / "cache", tmp_path / "mirror", progress=False)
    assert message == (
        f"the data mirror {tmp_path / 'mirror'} has no data/blob.bin; copy it there or unset "
        "NNKIT_DATA_MIRROR"
    )


def test_a_cached_file_is_checked_by_size_only(tmp_path, entry):
    """Is a cached file of the right size trusted without a checksum, and a wrong size refused?"""
    cached = tmp_path / "cache/data/blob.bin"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(PAYLOAD[::-1])  # right size, other bytes: not hashed again
    assert fetch(entry, tmp_path / "cache", None, progress=False) == cached
    assert cached.read_bytes() == PAYLOAD[::-1]
    cached.write_bytes(PAYLOAD[:10])
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert message == (f"the cached {cached} has 10 bytes, not 102400: delete it and load again")


def test_the_cache_is_looked_at_before_the_mirror(tmp_path, entry):
    """When both hold the file, is the cached copy the one returned?"""
    for folder in ("cache", "mirror"):
        (tmp_path / folder / "data").mkdir(parents=True)
        (tmp_path / folder / "data/blob.bin").write_bytes(PAYLOAD)
    got = fetch(entry, tmp_path / "cache", tmp_path / "mirror", progress=False)
    assert got == tmp_path / "cache/data/blob.bin"


def test_a_file_without_urls_and_no_mirror_says_to_set_one(tmp_path, entry):
    """Does a mirror-only file with no mirror ask for NNKIT_DATA_MIRROR?"""
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert message == (
        "data/blob.bin has no public URL; set NNKIT_DATA_MIRROR to a folder or URL that holds it"
    )


# downloads


def test_a_file_url_mirror_downloads_into_the_cache(tmp_path, entry):
    """Does mirror="file:///..." download the verified file into the cache, no .part left?"""
    (tmp_path / "remote/data").mkdir(parents=True)
    (tmp_path / "remote/data/blob.bin").write_bytes(PAYLOAD)
    mirror = mirror_location(f"file://{tmp_path / 'remote'}")
    path = fetch(entry, tmp_path / "cache", mirror, progress=False)
    assert path == tmp_path / "cache/data/blob.bin" and path.read_bytes() == PAYLOAD
    assert files_in(tmp_path / "cache") == ["data/blob.bin"]


def test_a_file_url_mirror_with_wrong_bytes_leaves_no_file(tmp_path, entry):
    """Is a corrupt file behind a file:// mirror refused for its checksum, leaving nothing?"""
    (tmp_path / "remote/data").mkdir(parents=True)
    (tmp_path / "remote/data/blob.bin").write_bytes(PAYLOAD[::-1])
    mirror = mirror_location((tmp_path / "remote").as_uri())
    message = one_line_error(fetch, entry, tmp_path / "cache", mirror, progress=False)
    assert "the downloaded file has the wrong sha256 checksum" in message
    assert files_in(tmp_path / "cache") == []


def test_a_download_is_verified_kept_and_not_repeated(tmp_path, server, capsys):
    """Is a downloaded file kept in the cache, so a second call does not contact the server?"""
    entry = entry_for(tmp_path, [server.url + "/blob.bin"])
    server.routes["/blob.bin"] = PAYLOAD
    path = fetch(entry, tmp_path / "cache", None, progress=False)
    assert path == tmp_path / "cache/data/blob.bin" and path.read_bytes() == PAYLOAD
    assert fetch(entry, tmp_path / "cache", None, progress=False) == path
    assert server.requests == ["/blob.bin"]
    assert files_in(tmp_path / "cache") == ["data/blob.bin"]
    assert capsys.readouterr().err == ""  # progress=False draws no bar


def test_a_url_mirror_is_tried_before_the_canonical_url(tmp_path, server):
    """With a URL mirror, is the file taken from the mirror and the canonical URL left alone?"""
    entry = entry_for(tmp_path, [server.url + "/blob.bin"])
    server.routes["/mirror/data/blob.bin"] = PAYLOAD
    mirror = mirror_location(server.url + "/mirror")
    assert fetch(entry, tmp_path / "cache", mirror, progress=False).read_bytes() == PAYLOAD
    assert server.requests == ["/mirror/data/blob.bin"]


def test_a_cut_off_download_leaves_no_file(tmp_path, server):
    """Is a response that declares the full length but sends half refused, leaving no file?"""
    entry = entry_for(tmp_path, [server.url + "/blob.bin"])
    server.routes["/blob.bin"] = (PAYLOAD[: len(PAYLOAD) // 2], len(PAYLOAD))
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert message.startswith(f"could not download blob.bin ({server.url}/blob.bin: ")
    assert files_in(tmp_path / "cache") == []


def test_a_download_with_the_wrong_bytes_leaves_no_file(tmp_path, server):
    """Is a download of the right length but wrong bytes refused for its checksum?"""
    entry = entry_for(tmp_path, [server.url + "/blob.bin"])
    server.routes["/blob.bin"] = PAYLOAD[::-1]
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert "the downloaded file has the wrong sha256 checksum" in message
    assert files_in(tmp_path / "cache") == []


def test_the_next_url_is_tried_when_one_fails(tmp_path, server):
    """After a 404 from the first URL, is the file downloaded from the second?"""
    entry = entry_for(tmp_path, [server.url + "/gone.bin", server.url + "/blob.bin"])
    server.routes["/blob.bin"] = PAYLOAD
    assert fetch(entry, tmp_path / "cache", None, progress=False).read_bytes() == PAYLOAD
    assert server.requests == ["/gone.bin", "/blob.bin"]
    assert files_in(tmp_path / "cache") == ["data/blob.bin"]


def test_every_failed_url_is_named(tmp_path, server):
    """When every URL fails, does the message give each URL with its reason?"""
    entry = entry_for(tmp_path, [server.url + "/a.bin", server.url + "/b.bin"])
    server.routes["/b.bin"] = 500
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert f"({server.url}/a.bin: Not Found; {server.url}/b.bin: Internal Server Error)" in message
    assert files_in(tmp_path / "cache") == []


@pytest.mark.parametrize("with_url_mirror", [False, True])
def test_without_a_network_the_error_names_the_manual_way(tmp_path, with_url_mirror):
    """With nothing listening, does the error name the canonical URL and NNKIT_DATA_MIRROR?"""
    canonical = closed_port_url() + "/blob.bin"
    entry = entry_for(tmp_path, [canonical])
    mirror = closed_port_url() + "/mirror/" if with_url_mirror else None
    message = one_line_error(fetch, entry, tmp_path / "cache", mirror, progress=False)
    assert message.startswith("could not download blob.bin (")
    assert f"download {canonical} on another machine" in message
    assert f"copy it to {tmp_path / 'cache/data/blob.bin'}" in message
    assert "set NNKIT_DATA_MIRROR to a folder that holds data/blob.bin" in message
    assert files_in(tmp_path / "cache") == []


def test_a_cache_below_a_regular_file_is_one_line(tmp_path):
    """Is a cache path whose parent is a regular file (unwritable even for root) reported?"""
    entry = entry_for(tmp_path, [closed_port_url() + "/blob.bin"])
    (tmp_path / "file").write_text("x")
    message = one_line_error(fetch, entry, tmp_path / "file/cache", None, progress=False)
    assert message == (
        f"cannot write to the data cache {tmp_path / 'file/cache/data'} (Not a directory); set "
        "NNKIT_DATA_CACHE or pass cache_dir= to a writable folder"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_cache_folder_is_one_line(tmp_path):
    """Is a cache folder without write permission reported with what to do about it?"""
    entry = entry_for(tmp_path, [closed_port_url() + "/blob.bin"])
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o500)
    try:
        message = one_line_error(fetch, entry, cache, None, progress=False)
    finally:
        cache.chmod(0o700)
    assert message.startswith(f"cannot write to the data cache {cache / 'data'} (")
    assert "set NNKIT_DATA_CACHE or pass cache_dir= to a writable folder" in message
    assert files_in(cache) == []


def test_a_download_shows_a_progress_bar(tmp_path, server, capsys):
    """With progress=True, is a bar naming the file written to stderr, and nothing to stdout?"""
    entry = entry_for(tmp_path, [server.url + "/blob.bin"])
    server.routes["/blob.bin"] = PAYLOAD
    fetch(entry, tmp_path / "cache", None, progress=True)
    out, err = capsys.readouterr()
    assert "blob.bin" in err and "100%" in err and "102k" in err
    assert out == ""
