import json
import os
import struct

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
