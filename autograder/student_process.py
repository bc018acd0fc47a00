"""The judge's side of the student process: start it, call into it under a deadline, restart it.

Student code never runs in the judge's process. `Remote` objects stand for the student's functions
and objects; calling one sends plain data to the student process and waits for plain data back.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from nnkit_checks import GraderProxy

from autograder import diagnosis, wire
from autograder.results import CRASHED, FAILED, TIMEOUT
from autograder.sandbox import Sandbox, make_sandbox
from autograder.student_server import file_label, line_of, location

STARTUP_SECONDS = 60.0
DEFAULT_MEMORY_MB = 1024
DEFAULT_CPU_SECONDS = 900
EXIT_WAIT_SECONDS = 2.0
# The largest reply the judge reads: this much more than twice the request it answers (a call
# that hands its arguments back, or a one-hot of the labels it got). Checks need far less.
REPLY_ALLOWANCE_BYTES = 64 << 20
MAX_LOAD_PROBLEMS = 20
# What of a student's error a hidden check may show: its type, and the student's own function,
# file and line. Everything else (its message) could carry the check's inputs.
IDENTIFIER = re.compile(r"[A-Za-z_<][\w<>.]{0,79}")
STUDENT_FILE = re.compile(r"cell \d{1,4}|[\w.-]{1,80}\.py")
# an argument changed in place: `x`, `argument 2`, `weights[1]`, `params['W1']`
ARGUMENT_LABEL = re.compile(
    r"(?:[A-Za-z_]\w{0,39}|argument \d{1,3})(?:\[(?:\d{1,4}|'\w{1,30}')\])?"
)
# Inherited settings the student process must not get: Dask's workers (grade-all --scheduler)
# set an aggressive malloc trim threshold that makes numpy code there about 1.5x slower.
DROPPED_ENV = ("MALLOC_TRIM_THRESHOLD_",)
SINGLE_THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MPLBACKEND": "Agg",
    "TQDM_DISABLE": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
}


class StudentError(Exception):
    """Student code failed: it raised, timed out, crashed, or a name is missing. Safe to show.

    hidden: what a hidden check may show of it (nothing the student's code chose but the
    exception type and where in their code it was raised).
    kind: the check's outcome it gives (`results.OUTCOMES`): failed, timeout or crashed.
    """

    def __init__(self, message: str, hidden: str | None = None, kind: str = FAILED) -> None:
        super().__init__(message)
        self.hidden = message if hidden is None else hidden
        self.kind = kind


def _garbled() -> StudentError:
    return StudentError(
        "your code wrote data the grader did not expect while it was graded "
        "(show results with print, and write only to files your code opens)"
    )


@dataclass
class LoadReport:
    """What loading the notebook's definitions said: broken cells, and the names it defined."""

    problems: list[str] = field(default_factory=list)
    defined: list[str] = field(default_factory=list)


class StudentProcess:
    """A child process holding the submission's definitions; restarted after a timeout or crash."""

    def __init__(
        self,
        cells: list[dict],
        workdir: Path,
        sandbox: Sandbox | None = None,
        engine: Path | None = None,
    ) -> None:
        """engine: where the student process imports the kit's `autograder.student_server`
        from (a staged copy, so the kit itself can stay hidden); default: the kit."""
        self.cells = cells
        self.sources = {file_label(cell): cell["source"].splitlines() for cell in cells}
        self.workdir = Path(workdir)
        self.engine = engine
        self.sandbox = sandbox or make_sandbox(DEFAULT_MEMORY_MB, DEFAULT_CPU_SECONDS)
        self.deadline: float | None = None  # of the current call (time.monotonic())
        self.ends_at: float | None = None  # of the whole grade: no (re)start runs past it
        self.generation = 0
        self.last_warnings: list[str] = []
        self.last_changed: dict | None = None  # the arguments the last call changed in place
        self.used: set[str] = set()  # the top-level names called through proxies (a judge resets)
        self.last_used: str | None = None  # the last of them
        self.trace: list | None = None  # while a list: each reply's fingerprint (diagnosis.py)
        self._proc: subprocess.Popen | None = None
        self._to_child = self._from_child = -1

    def __enter__(self) -> StudentProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> LoadReport:
        """Start a fresh process and load the submission; returns what loading reported."""
        self.stop()
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = {
            **{k: v for k, v in os.environ.items() if k not in DROPPED_ENV},
            **SINGLE_THREAD_ENV,
            **self.sandbox.environment(self.workdir),
            "PYTHONPATH": str(self.engine or Path(__file__).parent.parent),
        }
        argv = [
            sys.executable,
            "-m",
            "autograder.student_server",
            str(to_child_r),
            str(from_child_w),
        ]
        self._proc = subprocess.Popen(
            self.sandbox.command(argv, self.workdir, self.engine),
            cwd=self.workdir,
            env=env,
            pass_fds=(to_child_r, from_child_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=self.sandbox.enter,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        os.set_blocking(to_child_w, False)  # writes wait under the deadline (wire.send)
        self._to_child, self._from_child = to_child_w, from_child_r
        self.generation += 1
        saved = self.deadline
        startup = time.monotonic() + STARTUP_SECONDS
        self.deadline = startup if self.ends_at is None else min(startup, self.ends_at)
        try:
            loaded = self._request({"op": "load", "cells": self.cells})
        finally:
            self.deadline = saved
        if not (
            isinstance(loaded, dict)
            and all(isinstance(loaded.get(k), list) for k in ("problems", "defined"))
        ):
            self.stop()
            raise _garbled()
        problems = [str(p)[:500] for p in loaded["problems"][:MAX_LOAD_PROBLEMS]]
        return LoadReport(problems, [str(d) for d in loaded["defined"]])

    def stop(self) -> None:
        if self._proc is None:
            return
        for fd in (self._to_child, self._from_child):
            os.close(fd)
        try:
            os.killpg(self._proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self._proc.wait()
        self._proc = None

    def kill(self) -> None:
        """Kill the process group at once, from any thread (a watchdog); `stop` still reaps."""
        if self._proc is not None:
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def _exit_code(self) -> int | None:
        """The exit code of a child whose pipe just closed; it may need a moment to be reaped."""
        try:
            return self._proc.wait(timeout=EXIT_WAIT_SECONDS) if self._proc else None
        except subprocess.TimeoutExpired:
            return None  # alive but silent: it closed its pipe itself

    @property
    def running(self) -> bool:
        return self._proc is not None

    def _request(self, request: dict) -> Any:
        if self._proc is None:
            self.start()
        try:
            sent = wire.send(self._to_child, request, _handle_of, self.deadline)
            reply = wire.receive(self._from_child, self.deadline, REPLY_ALLOWANCE_BYTES + 2 * sent)
        except wire.PeerTimeout:
            self.stop()
            raise StudentError(
                "your code did not finish within the time limit "
                "(an infinite loop, or far too slow)",
                kind=TIMEOUT,
            ) from None
        except wire.FrameTooLarge as exc:
            self.stop()
            raise StudentError(
                f"your code sent back {exc.size / 1e6:.0f} MB, more than the grader accepts "
                f"for this call ({exc.limit / 1e6:.0f} MB)"
            ) from None
        except (wire.WireError, OSError):
            code = self._exit_code()
            self.stop()
            raise StudentError(
                _crash_message(code), "your code stopped running, or stopped answering", CRASHED
            ) from None
        if not isinstance(reply, dict) or not isinstance(reply.get("ok"), bool):
            self.stop()
            raise _garbled()
        if self.trace is not None and len(self.trace) < diagnosis.MAX_TRACE:
            self.trace.append(diagnosis.fingerprint(request, reply))
        warnings = reply.get("warnings")
        self.last_warnings = (
            [str(w)[:300] for w in warnings[:5]] if isinstance(warnings, list) else []
        )
        self.last_changed = _checked_changes(reply.get("changed"))
        if not reply["ok"]:
            raise _student_error(reply.get("error"), request, self.sources)
        return self._wrap(reply.get("value"))

    def _wrap(self, value: Any) -> Any:
        if isinstance(value, wire.Handle):
            return Remote(self, value, self.generation)
        if isinstance(value, list):
            return [self._wrap(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self._wrap(v) for v in value)
        if isinstance(value, dict):
            return {k: self._wrap(v) for k, v in value.items()}
        return value

    def name(self, name: str) -> Remote:
        """The student's top-level object `name`, looked up at each use (it survives restarts)."""
        return Remote(self, name, None)


def copy_back(original: Any, updated: Any) -> Any:
    """Make `original` hold `updated`'s contents, keeping arrays, lists and dicts the same
    objects where it can; returns what should stand in `original`'s place."""
    if isinstance(original, np.ndarray) and isinstance(updated, np.ndarray):
        if original.shape == updated.shape and original.flags.writeable:
            np.copyto(original, updated, casting="unsafe")
            return original
        return updated
    if isinstance(original, list) and isinstance(updated, list):
        merged = [copy_back(o, u) for o, u in zip(original, updated, strict=False)]
        original[:] = merged + updated[len(original) :]
        return original
    if isinstance(original, dict) and isinstance(updated, dict):
        for key, value in updated.items():
            original[key] = copy_back(original[key], value) if key in original else value
        for key in set(original) - set(updated):
            del original[key]
        return original
    if isinstance(original, tuple) and isinstance(updated, tuple):
        for o, u in zip(original, updated, strict=False):
            copy_back(o, u)
        return original
    return updated


def _student_error(error: Any, request: dict, sources: dict[str, list[str]]) -> StudentError:
    """The StudentError for an error reply; its hidden text is built here, from checked parts
    (and the line it quotes from `sources`, the judge's own copy of the submission)."""
    error = error if isinstance(error, dict) else {}
    message = str(error.get("message", "your code raised an error"))[:1000]
    kind = str(error.get("type", ""))
    if kind == "MissingName" and isinstance(request.get("target"), str):
        return StudentError(message, f"your notebook does not define `{request['target']}`")
    hidden = kind if IDENTIFIER.fullmatch(kind) else "an error"
    where = error.get("where")
    if (
        isinstance(where, list)
        and len(where) == 4
        and isinstance(where[0], str)
        and IDENTIFIER.fullmatch(where[0])
        and isinstance(where[1], str)
        and STUDENT_FILE.fullmatch(where[1])
        and all(type(n) is int for n in where[2:])
    ):
        function, file, line, first = where
        hidden += f" ({location(function, file, line, first, line_of(sources, file, line))})"
    return StudentError(message, f"your code raised {hidden}")


def _checked_changes(changed: Any) -> dict | None:
    """A reply's report of arguments changed (or replaced) in place, when it names only a
    function and its arguments (labels such as `x` or `weights[1]`): nothing else the student's
    code could put there reaches a message."""
    if not isinstance(changed, dict):
        return None
    function, arguments = changed.get("function"), changed.get("arguments")
    if not (
        isinstance(function, str)
        and IDENTIFIER.fullmatch(function)
        and isinstance(arguments, list)
        and 0 < len(arguments) <= 8
        and all(isinstance(a, str) and ARGUMENT_LABEL.fullmatch(a) for a in arguments)
    ):
        return None
    return {"function": function, "arguments": arguments}


def _crash_message(code: int | None) -> str:
    if code is not None and code < 0:
        reason = {signal.SIGKILL: "it was killed (out of memory or CPU time?)"}.get(
            -code, f"signal {signal.Signals(-code).name}"
        )
        return f"your code stopped running: {reason}"
    if code is not None:
        return f"your code stopped running (exit code {code}, e.g. exit() or os._exit)"
    return "your code stopped answering (did it close files it did not open?)"


def _handle_of(value: Any) -> wire.Handle | wire.Name:
    """How a student object travels back: its handle, or the notebook name it stands for."""
    if isinstance(value, Remote):
        value._check_alive()
        target = value._target
        return target if isinstance(target, wire.Handle) else wire.Name(target)
    raise TypeError(f"cannot send {type(value).__name__} to the student process")


class Remote(GraderProxy):
    """A function, class or object living in the student process: what the checks receive for
    the student's names (`nnkit_checks.GraderProxy`)."""

    __slots__ = ("_process", "_target", "_generation")

    def __init__(self, process: StudentProcess, target: str | wire.Handle, generation: int | None):
        object.__setattr__(self, "_process", process)
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_generation", generation)

    def _check_alive(self) -> None:
        process = self._process
        if self._generation is not None and (
            not process.running or self._generation != process.generation
        ):
            raise StudentError(
                "an object from before the grader restarted your code was used again"
            )

    def _send(self, request: dict) -> Any:
        self._check_alive()
        if isinstance(self._target, str):
            self._process.used.add(self._target)
            self._process.last_used = self._target
        return self._process._request({**request, "target": self._target})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call; a function that changes an argument in place fails, unless the check called it
        with `nnkit_checks.call_in_place` (its specification says it updates in place)."""
        value = self._send({"op": "call", "args": list(args), "kwargs": kwargs})
        changed = self._process.last_changed
        if changed:
            names = " and ".join(changed["arguments"])
            raise StudentError(
                f"{changed['function']} changed its input {names} in place; leave the "
                "caller's arrays and lists alone: work on a copy, or build new ones"
            )
        return value

    def call_with_warnings(self, *args: Any, **kwargs: Any) -> tuple[Any, list[str]]:
        """Call, and return the result with the warnings the call issued in the student process."""
        value = self(*args, **kwargs)
        return value, list(self._process.last_warnings)

    def call_in_place(self, *args: Any, **kwargs: Any) -> Any:
        """Call, then copy what the student's code did to its copies of the array, list and
        dict arguments back into the judge's own (for functions that update in place)."""
        reply = self._send(
            {"op": "call", "args": list(args), "kwargs": kwargs, "return_arguments": True}
        )
        if not (
            isinstance(reply, dict)
            and isinstance(reply.get("args"), list)
            and isinstance(reply.get("kwargs"), dict)
        ):
            raise StudentError("your code answered the grader with something it did not ask for")
        replaced = _checked_changes(
            {"function": reply.get("function"), "arguments": reply.get("replaced")}
        )
        if replaced:
            names = " and ".join(replaced["arguments"])
            raise StudentError(
                f"{replaced['function']} replaced {names} with new arrays "
                "instead of changing them in place; update the arrays themselves (w -= ...)"
            )
        copy_back(list(args), reply["args"])
        copy_back(kwargs, reply["kwargs"])
        return reply.get("value")

    def __iter__(self) -> Any:
        """Iterate in the student process (e.g. a generator) and go over the items here."""
        return iter(self._send({"op": "list"}))

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr.endswith("__"):  # e.g. numpy's __array_interface__:
            raise AttributeError(
                attr
            )  # protocols of the judge's libraries never reach student code
        return self._send({"op": "get", "attr": attr})

    def __setattr__(self, attr: str, value: Any) -> None:
        self._send({"op": "set", "attr": attr, "value": value})

    def __repr__(self) -> str:
        target = self._target if isinstance(self._target, str) else self._target.type_name
        return f"<student {target}>"
