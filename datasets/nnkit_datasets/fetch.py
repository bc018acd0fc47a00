"""Find a registered file in the cache or a mirror, or download it, verified, into the cache.

The cache folder is ``NNKIT_DATA_CACHE`` or the user's cache dir; a mirror (``NNKIT_DATA_MIRROR``
or the `mirror` argument) is a local folder read in place or a URL tried before the canonical
ones. A download goes to a temporary file beside its target and is renamed only once its size
and checksum are right, so an interrupted or corrupt download never leaves a file behind.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import tempfile
import urllib.request
from pathlib import Path

from tqdm.auto import tqdm

from .errors import DatasetError
from .registry import SourceFile

MIRROR_ENV = "NNKIT_DATA_MIRROR"
CACHE_ENV = "NNKIT_DATA_CACHE"
CHUNK = 1 << 20
TIMEOUT_SECONDS = 30


def cache_dir(folder: str | os.PathLike | None = None) -> Path:
    """The cache folder: `folder`, else ``$NNKIT_DATA_CACHE``, else ``~/.cache/nnkit``."""
    if folder is None:
        folder = os.environ.get(CACHE_ENV) or Path(
            os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "nnkit"
        )
    return Path(folder).expanduser().absolute()


def mirror_location(mirror: str | os.PathLike | None = None) -> str | Path | None:
    """The mirror: `mirror`, else ``$NNKIT_DATA_MIRROR``; a URL stays a string, a folder a Path."""
    mirror = (mirror if mirror is not None else os.environ.get(MIRROR_ENV)) or None  # "" is none
    if mirror is None or is_url(str(mirror)):
        return mirror and str(mirror).rstrip("/") + "/"
    folder = Path(mirror).expanduser().absolute()
    if not folder.is_dir():
        raise DatasetError(f"the data mirror {folder} is not a folder (check {MIRROR_ENV})")
    return folder


def is_url(text: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text) is not None


def local_copy(file: SourceFile, cache: Path, mirror: str | Path | None) -> Path | None:
    """Where `file` already is on this machine (cache first, then a mirror folder), or None."""
    for folder in (cache, mirror if isinstance(mirror, Path) else None):
        if folder is not None and (folder / file.path).is_file():
            return folder / file.path
    return None


def fetch(file: SourceFile, cache: Path, mirror: str | Path | None, progress: bool = True) -> Path:
    """A verified local path of `file`, downloading it into `cache` when it is nowhere local."""
    path = local_copy(file, cache, mirror)
    if path is not None:
        in_cache = path.is_relative_to(cache)
        problem = file_problem(path, file, checksum=not in_cache)
        if problem and in_cache:
            raise DatasetError(f"the cached {path} {problem}: delete it and load again")
        if problem:
            raise DatasetError(f"the mirror file {path} {problem}; replace it with {file.name}")
        return path
    if isinstance(mirror, Path):
        raise DatasetError(
            f"the data mirror {mirror} has no {file.path}; copy it there or unset {MIRROR_ENV}"
        )
    urls = ([mirror + file.path] if mirror else []) + list(file.urls)
    if not urls:
        raise DatasetError(
            f"{file.path} has no public URL; set {MIRROR_ENV} to a folder or URL that holds it"
        )
    return download(file, urls, cache / file.path, progress)


def file_problem(path: Path, file: SourceFile, checksum: bool = True) -> str | None:
    """How `path` differs from the registered `file` (size, then checksum), or None."""
    size = path.stat().st_size
    if size != file.size:
        return f"has {size} bytes, not {file.size}"
    if not checksum:
        return None
    digest = hashlib.new(file.algorithm)
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != file.digest:
        return f"has the wrong {file.algorithm} checksum {digest.hexdigest()} (not {file.digest})"
    return None


def download(file: SourceFile, urls: list[str], target: Path, progress: bool = True) -> Path:
    """Download `file` from the first of `urls` that works into `target`, verified; returns it."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        probe = tempfile.TemporaryFile(dir=target.parent)
        probe.close()
    except OSError as exc:
        raise DatasetError(
            f"cannot write to the data cache {target.parent} ({exc.strerror or exc}); set "
            f"{CACHE_ENV} or pass cache_dir= to a writable folder"
        ) from None
    failures = []
    for url in urls:
        try:
            _download_one(file, url, target, progress)
            return target
        except (DatasetError, OSError, http.client.HTTPException, ValueError) as exc:
            failures.append(f"{url}: {getattr(exc, 'reason', None) or exc}")
    raise DatasetError(
        f"could not download {file.name} ({'; '.join(failures)}); without a network, download "
        f"{(file.urls or urls)[0]} on another machine and copy it to {target}, or set "
        f"{MIRROR_ENV} to a folder that holds {file.path}"
    )


def _download_one(file: SourceFile, url: str, target: Path, progress: bool) -> None:
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{file.name}.", suffix=".part")
    try:
        with (
            os.fdopen(handle, "wb") as out,
            urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response,
            tqdm(
                total=file.size, unit="B", unit_scale=True, desc=file.name, disable=not progress
            ) as bar,
        ):
            while chunk := response.read(CHUNK):
                out.write(chunk)
                bar.update(len(chunk))
        problem = file_problem(Path(partial), file)
        if problem:
            raise DatasetError(f"the downloaded file {problem}")
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
