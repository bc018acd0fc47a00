import json
import os
import struct
import time

import numpy as np
import pytest

from autograder import wire


def test_round_trip_keeps_structure_types_and_dtypes():
    """Do nested tuples, lists, dicts, arrays and numpy scalars come back as they were sent?"""
    value = {
        "a": (np.arange(6, dtype=np.float32).reshape(2, 3), [1, 2.5, None, True, "x"]),
        "b": np.float64(0.25),
        "c": np.array([], dtype=np.int8),
        "nan": float("nan"),
    }
    back = wire.decode(wire.encode(value))
    assert back["a"][0].dtype == np.float32 and back["a"][0].shape == (2, 3)
    np.testing.assert_array_equal(back["a"][0], value["a"][0])
    assert back["a"][1] == [1, 2.5, None, True, "x"]
    assert isinstance(back["a"], tuple)
    assert isinstance(back["b"], np.float64) and back["b"] == 0.25
    assert back["c"].dtype == np.int8 and back["c"].size == 0
    assert np.isnan(back["nan"])


def test_objects_need_a_handle_store():
    """Is an object that is not plain data refused unless the sender can hand out handles?"""
    with pytest.raises(TypeError, match="cannot send a value of type object"):
        wire.encode(object())
    stored = []
    back = wire.decode(
        wire.encode([object()], lambda o: stored.append(o) or wire.Handle(0, "object"))
    )
    assert back == [wire.Handle(0, "object")] and len(stored) == 1


def test_names_travel_as_names():
    """Does a reference to a notebook name (a class handed to student code) stay a name?"""
    back = wire.decode(wire.encode({"dense": wire.Name("XavierDense")}))
    assert back == {"dense": wire.Name("XavierDense")}


def test_decoding_refuses_object_dtypes():
    """Can a hostile peer make the judge build an object array (and so unpickle)?"""
    header = json.dumps({"__nd__": 0, "dtype": "|O", "shape": [1], "scalar": False}).encode()
    header += b" " * (-len(header) % 8)
    body = (
        struct.pack("!Q", len(header))
        + header
        + struct.pack("!Q", 1)
        + struct.pack("!Q", 8)
        + b"\0" * 8
    )
    with pytest.raises(wire.WireError, match="refused dtype"):
        wire.decode(body)


def test_truncated_or_garbage_messages_are_wire_errors():
    """Is a broken message one clear error, whatever is wrong with it?"""
    good = wire.encode({"x": np.ones(3)})
    for bad in (good[:-5], b"garbage!", b""):
        with pytest.raises(wire.WireError):
            wire.decode(bad)


def test_receive_times_out_and_notices_a_closed_peer():
    """Does receive stop at the deadline, and report a peer that hung up?"""
    r, w = os.pipe()
    with pytest.raises(wire.PeerTimeout):
        wire.receive(r, deadline=0)
    wire.send(w, [1, 2])
    assert wire.receive(r, deadline=None) == [1, 2]
    os.close(w)
    with pytest.raises(wire.PeerClosed):
        wire.receive(r)
    os.close(r)


def test_a_peer_that_stops_reading_cannot_hold_the_writer_past_its_deadline():
    """Is a 16 MB send to a pipe nobody reads stopped at the deadline (not blocked forever)?"""
    r, w = os.pipe()
    os.set_blocking(w, False)
    started = time.monotonic()
    with pytest.raises(wire.PeerTimeout):
        wire.send(w, np.zeros(2_000_000), deadline=started + 0.5)
    assert time.monotonic() - started < 2
    os.close(r)
    os.close(w)


def test_a_frame_over_the_reader_s_cap_is_refused_before_it_is_read():
    """Does an announced 1.2 GB frame fail at once, with its size, reading nothing more?"""
    r, w = os.pipe()
    os.write(w, struct.pack("!Q", 1_200_000_000) + b"\0" * 100)
    with pytest.raises(wire.FrameTooLarge) as refused:
        wire.receive(r, deadline=time.monotonic() + 1, max_bytes=64 << 20)
    assert (refused.value.size, refused.value.limit) == (1_200_000_000, 64 << 20)
    os.close(r)
    os.close(w)


def test_received_arrays_are_views_of_the_one_frame_buffer():
    """Is a received frame held once: its arrays writable views of the buffer, not copies?"""
    r, w = os.pipe()
    sent = {"a": np.arange(1000.0), "b": (np.ones((3, 4), dtype=np.int32), "x")}
    wire.send(w, sent)
    back = wire.receive(r, deadline=time.monotonic() + 5)
    a, b = back["a"], back["b"][0]
    assert a.flags.writeable and a.flags.aligned and b.flags.aligned
    assert isinstance(_buffer_of(a), bytearray) and _buffer_of(b) is _buffer_of(a)
    np.testing.assert_array_equal(a, sent["a"])
    np.testing.assert_array_equal(b, sent["b"][0])
    os.close(r)
    os.close(w)


def _buffer_of(array: np.ndarray):
    """The object at the bottom of an array's chain of bases (the frame's buffer, for a view)."""
    while isinstance(array, np.ndarray) and array.base is not None:
        array = array.base
    return array.obj if isinstance(array, memoryview) else array
