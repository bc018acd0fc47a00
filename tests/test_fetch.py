import http.server
import threading
from pathlib import Path

import pytest
from dataset_files import registered

from datasets.errors import DatasetError
from datasets.fetch import cache_dir, fetch, mirror_location
from datasets.registry import SourceFile

PAYLOAD = bytes(range(256)) * 400  # 100 kB


def one_line_error(call, *args, **kwargs) -> str:
    with pytest.raises(DatasetError) as caught:
        call(*args, **kwargs)
    assert "\n" not in str(caught.value)
    return str(caught.value)


@pytest.fixture
def entry(tmp_path) -> SourceFile:
    """A registry entry for PAYLOAD stored as data/blob.bin."""
    original = tmp_path / "original.bin"
    original.write_bytes(PAYLOAD)
    return registered(original, "data/blob.bin")


class Server:
    """A local HTTP server whose answer per path the test sets: bytes, a status, or a cut-off."""

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
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def server():
    running = Server()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_the_cache_folder_comes_from_the_argument_then_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NNKIT_DATA_CACHE", str(tmp_path / "env"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir(tmp_path / "arg") == tmp_path / "arg"
    assert cache_dir() == tmp_path / "env"
    monkeypatch.delenv("NNKIT_DATA_CACHE")
    assert cache_dir() == tmp_path / "xdg" / "nnkit"


def test_a_mirror_is_a_url_or_an_existing_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("NNKIT_DATA_MIRROR", raising=False)
    assert mirror_location() is None
    assert mirror_location("https://example.org/data") == "https://example.org/data/"
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(tmp_path))
    assert mirror_location() == tmp_path
    message = one_line_error(mirror_location, tmp_path / "missing")
    assert "is not a folder (check NNKIT_DATA_MIRROR)" in message


def test_a_mirror_file_is_read_in_place_once_its_checksum_is_right(tmp_path, entry):
    mirror = tmp_path / "mirror"
    (mirror / "data").mkdir(parents=True)
    (mirror / "data/blob.bin").write_bytes(PAYLOAD)
    assert fetch(entry, tmp_path / "cache", mirror, progress=False) == mirror / "data/blob.bin"
    assert not (tmp_path / "cache").exists()  # nothing copied


def test_a_mirror_file_with_the_right_size_but_other_bytes_is_refused(tmp_path, entry):
    (tmp_path / "mirror/data").mkdir(parents=True)
    (tmp_path / "mirror/data/blob.bin").write_bytes(PAYLOAD[::-1])
    message = one_line_error(fetch, entry, tmp_path / "cache", tmp_path / "mirror")
    assert "has the wrong sha256 checksum" in message and "replace it with blob.bin" in message


def test_a_file_missing_from_a_mirror_folder_is_named(tmp_path, entry):
    (tmp_path / "mirror").mkdir()
    message = one_line_error(fetch, entry, tmp_path / "cache", tmp_path / "mirror")
    assert message == (
        f"the data mirror {tmp_path / 'mirror'} has no data/blob.bin; copy it there or unset "
        "NNKIT_DATA_MIRROR"
    )


def test_a_cached_file_is_trusted_by_size_and_a_damaged_one_reported(tmp_path, entry):
    cached = tmp_path / "cache/data/blob.bin"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(PAYLOAD)
    assert fetch(entry, tmp_path / "cache", None, progress=False) == cached
    cached.write_bytes(PAYLOAD[:10])
    assert "delete it and load again" in one_line_error(fetch, entry, tmp_path / "cache", None)


def test_a_file_url_mirror_downloads_into_the_cache(tmp_path, entry):
    (tmp_path / "remote/data").mkdir(parents=True)
    (tmp_path / "remote/data/blob.bin").write_bytes(PAYLOAD)
    mirror = mirror_location((tmp_path / "remote").as_uri())
    path = fetch(entry, tmp_path / "cache", mirror, progress=False)
    assert path == tmp_path / "cache/data/blob.bin" and path.read_bytes() == PAYLOAD
    assert leftovers(tmp_path / "cache") == ["blob.bin"]


def test_a_download_is_verified_kept_and_not_repeated(tmp_path, server):
    entry = registered_at(tmp_path, server)
    server.routes["/blob.bin"] = PAYLOAD
    path = fetch(entry, tmp_path / "cache", None, progress=False)
    assert path.read_bytes() == PAYLOAD
    fetch(entry, tmp_path / "cache", None, progress=False)
    assert server.requests == ["/blob.bin"]


def test_a_cut_off_download_leaves_no_file(tmp_path, server):
    entry = registered_at(tmp_path, server)
    server.routes["/blob.bin"] = (PAYLOAD[:5000], len(PAYLOAD))  # promises more than it sends
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert message.startswith("could not download blob.bin")
    assert leftovers(tmp_path / "cache") == []


def test_a_download_with_the_wrong_bytes_leaves_no_file(tmp_path, server):
    entry = registered_at(tmp_path, server)
    server.routes["/blob.bin"] = PAYLOAD[::-1]
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert "the downloaded file has the wrong sha256 checksum" in message
    assert leftovers(tmp_path / "cache") == []


def test_the_next_url_is_tried_when_one_fails(tmp_path, server):
    entry = registered_at(tmp_path, server, paths=("/gone.bin", "/blob.bin"))
    server.routes["/blob.bin"] = PAYLOAD
    assert fetch(entry, tmp_path / "cache", None, progress=False).read_bytes() == PAYLOAD
    assert server.requests == ["/gone.bin", "/blob.bin"]


def test_without_a_network_the_error_names_the_manual_way(tmp_path, server):
    entry = registered_at(tmp_path, server)
    server.httpd.shutdown()
    server.httpd.server_close()  # the port now refuses connections
    message = one_line_error(fetch, entry, tmp_path / "cache", None, progress=False)
    assert f"download {server.url}/blob.bin on another machine" in message
    assert f"copy it to {tmp_path / 'cache/data/blob.bin'}" in message
    assert "set NNKIT_DATA_MIRROR to a folder that holds data/blob.bin" in message


def test_an_unwritable_cache_is_one_line(tmp_path, server):
    """A cache path below a regular file cannot be created, even by root."""
    entry = registered_at(tmp_path, server)
    (tmp_path / "file").write_text("x")
    message = one_line_error(fetch, entry, tmp_path / "file" / "cache", None, progress=False)
    assert message.startswith(f"cannot write to the data cache {tmp_path / 'file/cache/data'}")
    assert "set NNKIT_DATA_CACHE or pass cache_dir=" in message


def test_a_download_shows_a_progress_bar(tmp_path, server, capsys):
    entry = registered_at(tmp_path, server)
    server.routes["/blob.bin"] = PAYLOAD
    fetch(entry, tmp_path / "cache", None, progress=True)
    err = capsys.readouterr().err
    assert "blob.bin" in err and "100%" in err


def registered_at(tmp_path, server, paths=("/blob.bin",)) -> SourceFile:
    original = tmp_path / "original.bin"
    original.write_bytes(PAYLOAD)
    return registered(original, "data/blob.bin", tuple(server.url + p for p in paths))
