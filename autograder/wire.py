"""Plain-data messages between the judge and the student process.

A message is a JSON header followed by raw array buffers, sent as length-prefixed frames over a
pipe. Nothing is pickled: decoding can only ever produce None, bools, numbers, strings, lists,
tuples, str-keyed dicts, numeric numpy arrays and numpy scalars, opaque object handles and
names, so a hostile student process cannot run code in the judge by what it sends back.
"""

from __future__ import annotations

import json
import os
import select
import struct
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

ALLOWED_DTYPE_KINDS = "biufc"  # bool, int, uint, float, complex
MAX_FRAME_BYTES = 1 << 31
_LENGTH = struct.Struct("!Q")


class WireError(Exception):
    """A frame could not be read or decoded (the peer died, timed out, or sent garbage)."""


class PeerTimeout(WireError):
    """The peer sent nothing before the deadline."""


class PeerClosed(WireError):
    """The peer closed its end of the pipe (it exited or was killed)."""


@dataclass(frozen=True)
class Handle:
    """An object living in the student process, referred to by number (e.g. a layer)."""

    id: int
    type_name: str


@dataclass(frozen=True)
class Name:
    """A top-level name of the student's notebook (e.g. a class passed as an argument)."""

    name: str


def encode(value: Any, to_handle=None) -> bytes:
    """Encode `value` as one message body; `to_handle(obj) -> Handle` stores non-data objects."""
    buffers: list[bytes] = []

    def walk(v: Any) -> Any:
        if v is None or isinstance(v, (bool, str)):
            return v
        if isinstance(v, (int, float)) and not isinstance(v, np.generic):
            return v
        if isinstance(v, (np.ndarray, np.generic)):
            arr = np.asarray(v)
            if arr.dtype.kind not in ALLOWED_DTYPE_KINDS:
                if to_handle is None:
                    raise TypeError(f"cannot send an array of dtype {arr.dtype}")
                return walk(to_handle(v))
            buffers.append(np.ascontiguousarray(arr).tobytes())
            return {
                "__nd__": len(buffers) - 1,
                "dtype": arr.dtype.str,
                "shape": list(arr.shape),
                "scalar": isinstance(v, np.generic),
            }
        if isinstance(v, tuple):
            return {"__tuple__": [walk(x) for x in v]}
        if isinstance(v, list):
            return [walk(x) for x in v]
        if isinstance(v, dict) and all(isinstance(k, str) for k in v):
            return {"__dict__": [[k, walk(x)] for k, x in v.items()]}
        if isinstance(v, Handle):
            return {"__handle__": v.id, "type": v.type_name}
        if isinstance(v, Name):
            return {"__name_ref__": v.name}
        if to_handle is None:
            raise TypeError(f"cannot send a value of type {type(v).__name__}")
        return walk(to_handle(v))

    header = json.dumps(walk(value)).encode()
    parts = [_LENGTH.pack(len(header)), header, _LENGTH.pack(len(buffers))]
    for buf in buffers:
        parts += [_LENGTH.pack(len(buf)), buf]
    return b"".join(parts)


def decode(body: bytes) -> Any:
    """Decode a message body made by `encode`; raises WireError on anything malformed."""
    try:
        offset = 0

        def take(n: int) -> bytes:
            nonlocal offset
            if offset + n > len(body):
                raise WireError("truncated message")
            chunk = body[offset : offset + n]
            offset += n
            return chunk

        header = json.loads(take(_LENGTH.unpack(take(8))[0]))
        buffers = [take(_LENGTH.unpack(take(8))[0]) for _ in range(_LENGTH.unpack(take(8))[0])]
        return _unwalk(header, buffers)
    except WireError:
        raise
    except Exception as exc:  # any malformed input is one kind of error for the caller
        raise WireError(f"malformed message: {exc}") from None


def _unwalk(v: Any, buffers: list[bytes]) -> Any:
    if isinstance(v, list):
        return [_unwalk(x, buffers) for x in v]
    if not isinstance(v, dict):
        return v
    if "__nd__" in v:
        dtype = np.dtype(v["dtype"])
        if dtype.kind not in ALLOWED_DTYPE_KINDS or dtype.fields is not None:
            raise WireError(f"refused dtype {v['dtype']}")
        arr = np.frombuffer(buffers[v["__nd__"]], dtype=dtype).reshape(v["shape"]).copy()
        return arr[()] if v.get("scalar") else arr
    if "__tuple__" in v:
        return tuple(_unwalk(x, buffers) for x in v["__tuple__"])
    if "__dict__" in v:
        return {str(k): _unwalk(x, buffers) for k, x in v["__dict__"]}
    if "__handle__" in v:
        return Handle(int(v["__handle__"]), str(v["type"]))
    if "__name_ref__" in v:
        return Name(str(v["__name_ref__"]))
    raise WireError(f"unknown message node {sorted(v)}")


def send(fd: int, value: Any, to_handle=None) -> None:
    """Write one framed message to file descriptor `fd`."""
    body = encode(value, to_handle)
    data = memoryview(_LENGTH.pack(len(body)) + body)
    while data:
        data = data[os.write(fd, data) :]


def receive(fd: int, deadline: float | None = None) -> Any:
    """Read one framed message from `fd`, waiting until `deadline` (time.monotonic()) at most."""
    (length,) = _LENGTH.unpack(_read_exactly(fd, 8, deadline))
    if length > MAX_FRAME_BYTES:
        raise WireError(f"message of {length} bytes is too large")
    return decode(_read_exactly(fd, length, deadline))


def _read_exactly(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, remaining = [], n
    while remaining:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([fd], [], [], wait)[0]:
                raise PeerTimeout("no answer before the time limit")
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise PeerClosed("the other process closed the connection")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
