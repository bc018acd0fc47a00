"""Plain-data messages between the judge and the student process.

A message is a JSON header followed by raw array buffers, sent as length-prefixed frames over a
pipe. Every part starts on an 8-byte boundary, so a frame is read into one buffer and its arrays
are views of that buffer, never copies. Nothing is pickled: decoding can only ever produce
None, bools, numbers, strings, lists, tuples, str-keyed dicts, numeric numpy arrays and numpy
scalars, opaque object handles and names, so a hostile student process cannot run code in the
judge by what it sends back.
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
MAX_HEADER_BYTES = 8 << 20  # the JSON part: lists and numbers, not bulk data
_LENGTH = struct.Struct("!Q")
_ALIGN = 8


class WireError(Exception):
    """A frame could not be read or decoded (the peer died, timed out, or sent garbage)."""


class PeerTimeout(WireError):
    """The peer sent nothing before the deadline."""


class PeerClosed(WireError):
    """The peer closed its end of the pipe (it exited or was killed)."""


class FrameTooLarge(WireError):
    """The peer announced a frame larger than the reader accepts; nothing of it was read."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"a message of {size} bytes is larger than the {limit} accepted")
        self.size, self.limit = size, limit


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
    header += b" " * (-len(header) % _ALIGN)  # JSON ignores the padding
    parts = [_LENGTH.pack(len(header)), header, _LENGTH.pack(len(buffers))]
    for buf in buffers:
        parts += [_LENGTH.pack(len(buf)), buf, b"\0" * (-len(buf) % _ALIGN)]
    return b"".join(parts)


def decode(body: bytes | bytearray) -> Any:
    """Decode a message body made by `encode`; raises WireError on anything malformed.

    Arrays decoded from a bytearray are views of it; from bytes, copies (bytes are read-only).
    """
    view = memoryview(body)
    try:
        offset = 0

        def take(n: int) -> memoryview:
            nonlocal offset
            if offset + n > len(view):
                raise WireError("truncated message")
            chunk = view[offset : offset + n]
            offset += n + (-n % _ALIGN)
            return chunk

        def length() -> int:
            return _LENGTH.unpack(take(8))[0]

        header_bytes = length()
        if header_bytes > MAX_HEADER_BYTES:
            raise WireError(f"a message header of {header_bytes} bytes is too large")
        header = json.loads(bytes(take(header_bytes)))
        buffers = [take(length()) for _ in range(length())]
        return _unwalk(header, buffers)
    except WireError:
        raise
    except Exception as exc:  # any malformed input is one kind of error for the caller
        raise WireError(f"malformed message: {exc}") from None


def _unwalk(v: Any, buffers: list[memoryview]) -> Any:
    if isinstance(v, list):
        return [_unwalk(x, buffers) for x in v]
    if not isinstance(v, dict):
        return v
    if "__nd__" in v:
        dtype = np.dtype(v["dtype"])
        if dtype.kind not in ALLOWED_DTYPE_KINDS or dtype.fields is not None:
            raise WireError(f"refused dtype {v['dtype']}")
        arr = np.frombuffer(buffers[v["__nd__"]], dtype=dtype).reshape(v["shape"])
        if not (arr.flags.writeable and arr.flags.aligned):
            arr = arr.copy()
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


def send(fd: int, value: Any, to_handle=None, deadline: float | None = None) -> int:
    """Write one framed message to `fd`, by `deadline` (time.monotonic()) at most; returns its
    size. With a deadline, `fd` must be non-blocking (a peer that stops reading cannot hold the
    writer: PeerTimeout)."""
    body = encode(value, to_handle)
    for part in (_LENGTH.pack(len(body)), body):
        data = memoryview(part)
        while data:
            _wait(fd, deadline, writing=True)
            try:
                data = data[os.write(fd, data) :]
            except BlockingIOError:
                continue
    return len(body)


def receive(fd: int, deadline: float | None = None, max_bytes: int = MAX_FRAME_BYTES) -> Any:
    """Read one framed message from `fd`, waiting until `deadline` (time.monotonic()) at most.

    A frame larger than `max_bytes` raises FrameTooLarge before any of it is read."""
    (length,) = _LENGTH.unpack(_read_exactly(fd, 8, deadline))
    if length > max_bytes:
        raise FrameTooLarge(length, max_bytes)
    return decode(_read_exactly(fd, length, deadline))


def _read_exactly(fd: int, n: int, deadline: float | None) -> bytearray:
    buffer = bytearray(n)
    view, got = memoryview(buffer), 0
    while got < n:
        _wait(fd, deadline, writing=False)
        try:
            count = os.readv(fd, [view[got:]])
        except BlockingIOError:
            continue
        if not count:
            raise PeerClosed("the other process closed the connection")
        got += count
    return buffer


def _wait(fd: int, deadline: float | None, *, writing: bool) -> None:
    """Wait until `fd` can be read (or written), raising PeerTimeout at `deadline`."""
    wait = None if deadline is None else deadline - time.monotonic()
    if wait is not None and wait <= 0:
        raise PeerTimeout("no answer before the time limit")
    readable, writable, _ = select.select(
        [] if writing else [fd], [fd] if writing else [], [], wait
    )
    if not (writable if writing else readable):
        raise PeerTimeout("no answer before the time limit")
