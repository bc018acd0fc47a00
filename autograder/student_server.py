"""The student process: load a submission's definitions, then answer the judge's calls.

Run as ``python -m autograder.student_server IN_FD OUT_FD`` by `student_process`. It imports
nothing of the judge but `wire`, and it only ever sends plain data back.

The judge names what to call: a top-level name of the submission, or a function of a support
module beside it (``nnkit_torch.train_classifier``), which is imported here on first use.

Only definitions are taken from the notebook: imports, ``def``, ``class`` and assignments without
calls (``EPS = 1e-12``). Top-level statements such as training loops, plots, ``while True:`` or
``sys.exit()`` are skipped, which keeps grading fast and makes them harmless.
"""

from __future__ import annotations

import ast
import importlib
import os
import sys
import traceback
import warnings
from typing import Any

from autograder import wire

STUDENT_FILES: set[str] = set()  # names student code is compiled under: <cell 3>, <a5.py>
SKIPPED_NAMES: set[str] = set()  # top-level names only skipped code assigns: layers = [...]
MAX_WARNINGS = 5
KEPT_STATEMENTS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def definitions_only(source: str) -> tuple[ast.Module, list[ast.stmt]]:
    """Parse one cell and keep its definitions; returns (module, the skipped statements)."""
    tree = ast.parse(_without_magics(source))
    kept = [node for node in tree.body if _is_definition(node)]
    skipped = [node for node in tree.body if not _is_definition(node)]
    return ast.Module(body=kept, type_ignores=[]), skipped


def assigned_names(statements: list[ast.stmt]) -> set[str]:
    """The top-level names that `statements` assign (``layers = [...]``, ``net: Net = Net()``)."""
    return {
        target.id
        for node in statements
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
        for top in getattr(node, "targets", [getattr(node, "target", None)])
        for target in ast.walk(top)
        if isinstance(target, ast.Name)
    }


def _is_definition(node: ast.stmt) -> bool:
    if isinstance(node, KEPT_STATEMENTS):
        return True
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
        return not any(isinstance(n, ast.Call) for n in ast.walk(node.value))
    return False


def _without_magics(source: str) -> str:
    """Blank out IPython magics and shell escapes (keeping line numbers); drop %% cell magics."""
    if source.lstrip().startswith("%%"):
        return ""
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )


class MissingName(LookupError):
    """The judge asked for a name the notebook does not define."""


class Server:
    """Holds the student's namespace and the objects handed to the judge by number."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": __builtins__}
        self.objects: dict[int, Any] = {}

    def to_handle(self, obj: Any) -> wire.Handle:
        handle = wire.Handle(len(self.objects), type(obj).__name__)
        self.objects[handle.id] = obj
        return handle

    def resolve(self, value: Any) -> Any:
        if isinstance(value, wire.Handle):
            return self.objects[value.id]
        if isinstance(value, wire.Name):
            return self.lookup(value.name)
        if isinstance(value, (list, tuple)):
            return type(value)(self.resolve(v) for v in value)
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        return value

    def load(self, cells: list[dict]) -> dict:
        """Run the definitions of each cell, one statement at a time: a broken cell or
        statement is reported, and everything else still loads."""
        problems = []
        for cell in cells:
            where = cell.get("name") or f"cell {cell['index']}"
            try:
                module, skipped = definitions_only(cell["source"])
            except SyntaxError as exc:
                problems.append(
                    f"{where} has a syntax error on line {exc.lineno}: {exc.msg};"
                    f" nothing defined in {'that file' if cell.get('name') else 'that cell'}"
                    " can be graded"
                )
                continue
            filename = f"<{where}>"
            STUDENT_FILES.add(filename)
            SKIPPED_NAMES.update(assigned_names(skipped))
            for statement in module.body:
                try:
                    code = compile(ast.Module(body=[statement], type_ignores=[]), filename, "exec")
                    exec(code, self.namespace)
                except BaseException as exc:  # noqa: BLE001 - a student cell may raise anything
                    problems.append(f"{where} failed while defining functions: {describe(exc)}")
        defined = sorted(
            k for k, v in self.namespace.items() if callable(v) and not k.startswith("_")
        )
        return {"problems": problems, "defined": defined}

    def lookup(self, target: Any) -> Any:
        if isinstance(target, wire.Handle):
            return self.objects[target.id]
        if "." in target:  # a support module's function, e.g. nnkit_torch.train_classifier
            module, _, name = target.rpartition(".")
            return getattr(importlib.import_module(module), name)
        if target not in self.namespace:
            raise MissingName(f"your notebook does not define `{target}`")
        return self.namespace[target]

    def handle(self, request: dict) -> Any:
        op = request["op"]
        if op == "load":
            return self.load(request["cells"])
        target = self.lookup(request["target"])
        if op == "call":
            args = self.resolve(request["args"])
            kwargs = self.resolve(request["kwargs"])
            value = target(*args, **kwargs)
            if request.get("return_arguments"):  # the caller wants in-place updates back
                return {"value": value, "args": args, "kwargs": kwargs}
            return value
        if op == "list":  # iterate a student generator or iterable there, send the items
            return list(target)
        if op == "get":
            return getattr(target, request["attr"])
        if op == "set":
            setattr(target, request["attr"], self.resolve(request["value"]))
            return None
        raise ValueError(f"unknown request {op!r}")


def describe(exc: BaseException) -> str:
    """One line for the student: the exception, and where in their notebook it was raised."""
    if isinstance(exc, MissingName):
        return str(exc)
    if isinstance(exc, SystemExit):
        text = f"called sys.exit({'' if exc.code is None else repr(exc.code)})"
    else:
        message = str(exc).strip().splitlines()
        if not message and isinstance(exc, NotImplementedError):
            message = ["not implemented yet"]
        text = type(exc).__name__ + (f": {message[0][:300]}" if message else "")
    if isinstance(exc, NameError) and exc.name in SKIPPED_NAMES:
        text += (
            f"; `{exc.name}` is set by top-level code, which the grader does not run (it runs"
            " only imports, functions, classes and constants): create it inside the function"
        )
    place = where(exc)
    if place:
        text += f" (in {place[0]}, {place[1]} line {place[2]})"
    return text


def where(exc: BaseException) -> list | None:
    """[function, file, line] of the student's code where `exc` was raised, or None."""
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename.startswith("<cell ") or f.filename in STUDENT_FILES
    ]
    if not frames:
        return None
    return [frames[-1].name, frames[-1].filename.strip("<>"), frames[-1].lineno]


def serve(in_fd: int, out_fd: int) -> None:
    server = Server()
    own_pid = os.getpid()
    while True:
        try:
            request = wire.receive(in_fd)
        except wire.PeerClosed:
            return
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                reply = {"ok": True, "value": server.handle(request)}
            except BaseException as exc:  # noqa: BLE001 - report SystemExit, KeyboardInterrupt too
                reply = {
                    "ok": False,
                    "error": {
                        "type": type(exc).__name__,
                        "message": describe(exc),
                        "where": where(exc),  # what a hidden check may show, with the type
                    },
                }
        if os.getpid() != own_pid:
            os._exit(0)  # a copy forked by student code: only the original may answer
        reply["warnings"] = [str(w.message) for w in caught[:MAX_WARNINGS]]
        try:
            wire.send(out_fd, reply, server.to_handle)
        except TypeError as exc:
            wire.send(out_fd, {"ok": False, "error": {"type": "TypeError", "message": str(exc)}})


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
    os._exit(0)
