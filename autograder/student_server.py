"""The student process: load a submission's definitions, then answer the judge's calls.

Run as ``python -m autograder.student_server IN_FD OUT_FD`` by `student_process`. It imports
nothing of the judge but `wire`, and it only ever sends plain data back.

The judge names what to call: a top-level name of the submission, or a function of a support
module beside it (``nnkit_torch.train_classifier``), which is imported here on first use.

Only definitions are taken from the notebook: imports, ``def``, ``class``, assignments without
calls (``EPS = 1e-12``) and constants made by cheap calls without side effects (numpy, math and a
few builtins: ``EPS = np.float64(1e-12)``, ``rng = np.random.default_rng(0)``), each within
`CONSTANT_SECONDS`. Top-level statements such as training loops, plots, data loading, ``while
True:`` or ``sys.exit()`` are skipped, which keeps grading fast and makes them harmless.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import signal
import sys
import time
import types
import warnings
from typing import Any

import numpy as np

from autograder import wire

STUDENT_FILES: set[str] = set()  # names student code is compiled under: <cell 3>, <a5.py>
SOURCES: dict[str, list[str]] = {}  # cell 3, a5.py -> its lines, to quote in messages
SKIPPED_NAMES: set[str] = set()  # top-level names only skipped code assigns: layers = [...]
MAX_WARNINGS = 5
KEPT_STATEMENTS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
CONSTANT_SECONDS = 0.5  # wall time one constant made by calls may take; more, and it is skipped
CONSTANTS_SECONDS = 2.0  # and all of them together
CONSTANT_BYTES = 64 << 20  # a larger array made at the top level is skipped
CHEAP_MODULES = ("numpy", "math")  # calls into these make constants (except I/O and global state)
CHEAP_BUILTINS = frozenset(
    ["abs", "bool", "complex", "dict", "float", "frozenset", "int", "len", "list", "range",
     "round", "set", "slice", "str", "tuple"]
)  # fmt: skip
SIDE_EFFECTS = frozenset(
    ["DataSource", "dump", "dumps", "fromfile", "fromregex", "genfromtxt", "info", "load",
     "loadtxt", "memmap", "open", "save", "savetxt", "savez", "savez_compressed", "seed",
     "set_printoptions", "set_state", "setbufsize", "seterr", "seterrcall", "show_config",
     "tofile"]
)  # fmt: skip


class OverBudget(Exception):
    """A top-level constant took longer than its time budget to make."""


def definitions_only(source: str) -> tuple[ast.Module, list[ast.stmt]]:
    """Parse one cell and keep its definitions and constants (assignments, made by calls or
    not: `made_by_calls` tells which need their calls vetted); returns (module, the skipped
    statements)."""
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
    return isinstance(node, KEPT_STATEMENTS) or (
        isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
    )


def made_by_calls(node: ast.stmt) -> list[ast.Call]:
    """The calls of an assignment's value (none for a definition or a literal constant)."""
    value = getattr(node, "value", None) if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
    return [n for n in ast.walk(value) if isinstance(n, ast.Call)] if value is not None else []


def is_cheap(call: ast.Call, namespace: dict) -> bool:
    """Whether `call` goes to numpy or math (a function, or a method of their objects) without
    I/O or global state, or to one of a few builtins: what a top-level constant may call."""
    func, attributes = call.func, []
    while isinstance(func, ast.Attribute):
        attributes.append(func.attr)
        func = func.value
    if SIDE_EFFECTS & set(attributes):
        return False
    if isinstance(func, ast.Call):
        return True  # a method of what another call returned, which is vetted on its own
    if not isinstance(func, ast.Name):
        return False
    if func.id not in namespace:
        return not attributes and func.id in CHEAP_BUILTINS
    root = namespace[func.id]
    if isinstance(root, types.ModuleType):
        home = root.__name__ if attributes else ""
    else:  # a function, class or object of numpy's (np.float64, a Generator) or the student's
        home = getattr(root, "__module__", None) or type(root).__module__ or ""
    return func.id not in SIDE_EFFECTS and home.split(".")[0] in CHEAP_MODULES


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
        self.constant_seconds = CONSTANTS_SECONDS  # what is left for constants made by calls
        self.changed: dict | None = None  # what the last call changed of its arguments

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
            where = cell_name(cell)
            try:
                module, skipped = definitions_only(cell["source"])
            except SyntaxError as exc:
                text = quoted(exc.text or "")
                problems.append(
                    f"{where} has a syntax error on line {exc.lineno}"
                    + (f" ({text})" if text else "")
                    + f": {exc.msg}; nothing defined in"
                    f" {'that file' if cell.get('name') else 'that cell'} can be graded"
                )
                continue
            filename = f"<{file_label(cell)}>"
            STUDENT_FILES.add(filename)
            SOURCES[file_label(cell)] = cell["source"].splitlines()
            SKIPPED_NAMES.update(assigned_names(skipped))
            for statement in module.body:
                if made_by_calls(statement):
                    self.load_constant(statement, filename)
                    continue
                try:
                    code = compile(ast.Module(body=[statement], type_ignores=[]), filename, "exec")
                    exec(code, self.namespace)
                except BaseException as exc:  # noqa: BLE001 - a student cell may raise anything
                    problems.append(f"{where} failed while defining functions: {describe(exc)}")
        defined = sorted(
            k for k, v in self.namespace.items() if callable(v) and not k.startswith("_")
        )
        return {"problems": problems, "defined": defined}

    def load_constant(self, statement: ast.stmt, filename: str) -> None:
        """Run a top-level assignment made by calls if they are all cheap (`is_cheap`) and it
        finishes within its time budget; otherwise skip it, as top-level code is skipped."""
        names = assigned_names([statement])
        budget = min(CONSTANT_SECONDS, self.constant_seconds)
        calls = made_by_calls(statement)
        if (
            budget <= 0
            or not all(is_cheap(call, self.namespace) for call in calls)
            or _hands_over_student_code(statement, self.namespace)
        ):
            SKIPPED_NAMES.update(names)
            return
        code = compile(ast.Module(body=[statement], type_ignores=[]), filename, "exec")
        started = time.monotonic()
        previous = signal.signal(signal.SIGALRM, _over_budget)
        try:
            try:
                signal.setitimer(signal.ITIMER_REAL, budget)
                exec(code, self.namespace)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except Exception:  # noqa: BLE001 - OverBudget, or a call failed: skip the statement
            SKIPPED_NAMES.update(names)
            return
        finally:
            signal.signal(signal.SIGALRM, previous)
            self.constant_seconds -= time.monotonic() - started
        values = [self.namespace.get(name) for name in names]
        if any(isinstance(v, np.ndarray) and v.nbytes > CONSTANT_BYTES for v in values):
            for name in names:
                self.namespace.pop(name, None)
            SKIPPED_NAMES.update(names)

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
            if request.get("return_arguments"):  # it updates in place: send the updates back
                held = arrays_held(target, args, kwargs)
                value = target(*args, **kwargs)
                replaced = [label for label, box, key, array in held if _at(box, key) is not array]
                return {
                    "value": value,
                    "args": args,
                    "kwargs": kwargs,
                    "function": _function_name(target),
                    "replaced": replaced,
                }
            before = snapshot((args, kwargs))
            value = target(*args, **kwargs)
            self.changed = changed_arguments(target, args, kwargs, before)
            return value
        if op == "list":  # iterate a student generator or iterable there, send the items
            return list(target)
        if op == "get":
            return getattr(target, request["attr"])
        if op == "set":
            setattr(target, request["attr"], self.resolve(request["value"]))
            return None
        raise ValueError(f"unknown request {op!r}")


def _hands_over_student_code(statement: ast.stmt, namespace: dict) -> bool:
    """Whether a statement passes the student's own functions or classes to the calls it makes
    (``np.vectorize(train)``): those may be slow or have side effects."""
    names = [n.id for n in ast.walk(statement) if isinstance(n, ast.Name)]
    return any(
        callable(namespace.get(name)) and getattr(namespace[name], "__module__", "") == "__main__"
        for name in names
    )


def _over_budget(signum: int, frame: object) -> None:
    raise OverBudget


def snapshot(value: Any) -> Any:
    """A copy of the arrays, lists, dicts and tuples in `value`, down to their other objects
    (kept as they are), to compare with after a call."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(snapshot(v) for v in value)
    if isinstance(value, dict):
        return {k: snapshot(v) for k, v in value.items()}
    return value


def unchanged(before: Any, after: Any) -> bool:
    """Whether `after` still holds what `snapshot` saw as `before`."""
    if isinstance(before, np.ndarray):
        return (
            isinstance(after, np.ndarray)
            and before.shape == after.shape
            and before.dtype == after.dtype
            and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc")
        )
    if isinstance(before, (list, tuple, dict)):
        if type(after) is not type(before) or len(after) != len(before):
            return False
        if isinstance(before, dict):
            return before.keys() == after.keys() and all(
                unchanged(before[k], after[k]) for k in before
            )
        return all(unchanged(b, a) for b, a in zip(before, after, strict=True))
    if before is after:
        return True
    if isinstance(before, (int, float, complex, str, bytes, np.generic)):  # an item of a list
        same_nan = before != before and after != after
        return type(after) is type(before) and (bool(before == after) or bool(same_nan))
    return False  # another object put in the list or dict in its place


def changed_arguments(target: Any, args: tuple, kwargs: dict, before: tuple) -> dict | None:
    """{"function": its name, "arguments": the names of those it changed in place}, or None."""
    names = _parameter_names(target)
    changed = [
        names[i] if i < len(names) else f"argument {i + 1}"
        for i, (old, new) in enumerate(zip(before[0], args, strict=True))
        if not unchanged(old, new)
    ]
    changed += [k for k in kwargs if not unchanged(before[1][k], kwargs[k])]
    return {"function": _function_name(target), "arguments": changed} if changed else None


def arrays_held(target: Any, args: tuple, kwargs: dict) -> list[tuple[str, Any, Any, Any]]:
    """(label, container, key, array) for each array that a list or dict argument holds
    (``weights[0]``): a function that updates in place must change these, not replace them."""
    names = _parameter_names(target)
    named = [(names[i] if i < len(names) else f"argument {i + 1}", a) for i, a in enumerate(args)]
    held = []
    for name, value in [*named, *kwargs.items()]:
        keys = (
            range(len(value))
            if isinstance(value, list)
            else value
            if isinstance(value, dict)
            else []
        )
        held += [
            (f"{name}[{key!r}]", value, key, value[key])
            for key in keys
            if isinstance(value[key], np.ndarray)
        ]
    return held


def _at(container: Any, key: Any) -> Any:
    try:
        return container[key]
    except (IndexError, KeyError):
        return None


def _function_name(target: Any) -> str:
    return getattr(target, "__qualname__", None) or type(target).__name__


def _parameter_names(target: Any) -> list[str]:
    try:
        parameters = inspect.signature(target).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


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
        function, file, line, first = place
        text += f" ({location(function, file, line, first, line_of(SOURCES, file, line))})"
    return text


def where(exc: BaseException) -> list | None:
    """[function, file, line, the function's first line] of the student's code where `exc`
    was raised (the innermost frame of theirs), or None."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.startswith("<cell ") or code.co_filename in STUDENT_FILES:
            found = [code.co_qualname, code.co_filename.strip("<>"), tb.tb_lineno]
            found.append(code.co_firstlineno)
        tb = tb.tb_next
    return found


def file_label(cell: dict) -> str:
    """What a cell's code is compiled under (``cell 3``, ``a5_answers.py``): internal, never
    shown to students (Jupyter shows no cell numbers)."""
    return cell.get("name") or f"cell {cell['index']}"


def cell_name(cell: dict) -> str:
    """How a message names a cell so the student finds it: a module by its file name, a
    notebook cell by its first line."""
    if cell.get("name"):
        return cell["name"]
    first = next((line for line in cell["source"].splitlines() if line.strip()), "")
    return f"the cell that begins {quoted(first)}" if first else "an empty cell"


def quoted(line: str, limit: int = 80) -> str:
    """One line of the student's code as a message quotes it: `x = 1`, cut at `limit`."""
    line = line.strip()
    if len(line) > limit:
        line = line[: limit - 3] + "..."
    return f"`{line}`" if line else ""


def location(function: str, file: str, line: int, first: int, text: str = "") -> str:
    """A place in the student's code in words they can find: ``line 3 of your `relu``` in a
    notebook (Jupyter numbers no cells), ``line 42 of a5_answers.py, in your `relu``` in a
    module; then the line's own code, when `text` is given.

    function: the qualified name of the function (``Dense.forward``), ``<module>`` for the
    top level of a cell. file: ``cell 3`` or a module's file name. line, first: the line in
    that cell or file, and the function's first line there.
    """
    if file.endswith(".py"):
        place = f"line {line} of {file}"
        place += "" if function == "<module>" else f", in your `{function}`"
    elif function == "<module>" or line < first:
        place = f"line {line} of that cell"
    else:
        place = f"line {line - first + 1} of your `{function}`"
    code = quoted(text)
    return f"{place}: {code}" if code else place


def line_of(sources: dict[str, list[str]], file: str, line: int) -> str:
    """Line `line` (from 1) of `file` in `sources` (a label such as ``cell 3`` -> its lines)."""
    lines = sources.get(file, [])
    return lines[line - 1] if 0 < line <= len(lines) else ""


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
            server.changed = None
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
        if server.changed:
            reply["changed"] = server.changed
        try:
            wire.send(out_fd, reply, server.to_handle)
        except TypeError as exc:
            wire.send(out_fd, {"ok": False, "error": {"type": "TypeError", "message": str(exc)}})


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
    os._exit(0)
