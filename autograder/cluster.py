"""Check a Dask cluster before grading on it, so that a cluster that cannot grade stops
``grade-all`` with one line instead of filling a gradebook with failures.

Every process of the cluster must import the kit (the scheduler unpickles the jobs, the workers
grade them) from the same sources as the machine that sends the work, and every worker must reach
the assignment's data. "The same sources" is a fingerprint, a sha256 of the files that grading an
assignment reads (the engine, the loaders, the manifest, the checks module, the support files), so
it needs no git and works in a container image; two kits at different paths but with equal files
have equal fingerprints.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from autograder.errors import KitError
from autograder.gradescope import engine_files
from autograder.layout import KIT_ROOT
from autograder.manifest import Assignment, ManifestError, load_assignment
from autograder.requirements import skip_reason
from autograder.staging import support_sources

if TYPE_CHECKING:
    from distributed import Client

CONNECT_SECONDS = 10  # how long to try to reach the scheduler before giving up


class ClusterError(KitError):
    """The cluster cannot grade; the message is one line naming what is missing where."""


def connect(address: str) -> Client:
    """A Dask client of the scheduler at `address`, or a ClusterError that says it is out of
    reach."""
    from distributed import Client  # only the cluster path needs Dask

    try:
        return Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from None


def fingerprint(assignment: Assignment) -> str:
    """The first 16 hex digits of a sha256 of what grading `assignment` reads."""
    digest = hashlib.sha256(_engine_digest().encode())
    files = [
        assignment.paths.source_dir / "assignment.toml",
        assignment.paths.checks_file,
        *support_sources(assignment).values(),
    ]
    for path in files:
        if not path.exists():
            raise ManifestError(f"{path} is missing; run `python -m autograder build`")
        _add_files(digest, _python_files(path) if path.is_dir() else [path], path.parent)
    return digest.hexdigest()[:16]


@functools.cache
def _engine_digest() -> str:
    """The kit's own modules and loaders, hashed once per process: a running worker grades with
    the code it imported, whatever is on disk later."""
    digest = hashlib.sha256()
    _add_files(digest, engine_files(), KIT_ROOT)
    return digest.hexdigest()


def _python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _add_files(digest, paths: Iterable[Path], relative_to: Path) -> None:
    for path in paths:
        digest.update(path.relative_to(relative_to).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")


def describe_here(assignment_id: str, root: str | None, worker: bool) -> dict:
    """What this process of the cluster has for grading `assignment_id`.

    root: the course folder of the assignment, or None for this process's own kit.
    worker: also make sure the grading data is here (cut from the cache or mirror if needed).
    returns: {"kit": folder, "version": fingerprint, "data": {file: source}} or {"problem": why}.
    """
    try:
        import nnkit_datasets

        from autograder.grading_data import ensure_grading_data

        loaders = Path(nnkit_datasets.__file__).resolve().parent
        if loaders != KIT_ROOT / "datasets" / "nnkit_datasets":
            return {"problem": f"`import nnkit_datasets` finds {loaders}, not the kit's loaders"}
        assignment = load_assignment(assignment_id, Path(root) if root else KIT_ROOT)
        found = {"kit": str(KIT_ROOT), "version": fingerprint(assignment), "data": {}}
        if worker:
            missing = skip_reason(assignment)
            if missing:
                return {"problem": missing}
            for path in ensure_grading_data(assignment):
                with np.load(path, allow_pickle=False) as cut:
                    found["data"][path.name] = str(cut["source"])
        return found
    except Exception as exc:  # noqa: BLE001 - whatever is wrong there is reported, not raised
        return {"problem": f"{type(exc).__name__}: {exc}"}


def _make_probe() -> Callable[[str, str | None, bool], dict]:
    """`describe_here` behind a function that cloudpickle sends by value (it is local), so that
    a process that cannot import the kit still runs it and says so."""

    def probe(assignment_id: str, root: str | None, worker: bool) -> dict:
        try:
            from autograder.cluster import describe_here
        except ImportError as exc:
            return {"problem": f"cannot import the kit ({exc}); install it with `pip install -e .`"}
        return describe_here(assignment_id, root, worker)

    return probe


def check(address: str, assignment: Assignment) -> None:
    """Raise a ClusterError unless the Dask cluster at `address` can grade `assignment`."""
    with connect(address) as client:
        preflight(client, assignment)


def preflight(client: Client, assignment: Assignment) -> None:
    """Raise a ClusterError unless the scheduler and every worker of `client`'s cluster can
    grade `assignment` with the kit as it is here."""
    version = fingerprint(assignment)
    root = None if assignment.root == KIT_ROOT else str(assignment.root)
    address = client.scheduler.address
    if not client.scheduler_info().get("workers"):
        raise ClusterError(f"the Dask cluster at {address} has no workers")
    probe = _make_probe()
    found: dict[str, dict] = {}
    try:
        found["the scheduler"] = client.run_on_scheduler(probe, assignment.id, root, False)
    except Exception as exc:  # noqa: BLE001 - reported like any other problem
        found["the scheduler"] = {"problem": f"{type(exc).__name__}: {exc}"}
    answers = client.run(probe, assignment.id, root, True, on_error="return")
    for worker, answer in sorted(answers.items()):
        if isinstance(answer, BaseException):
            answer = {"problem": f"{type(answer).__name__}: {answer}"}
        found[f"worker {worker}"] = answer
    problems = _problems(version, found)
    if problems:
        raise ClusterError(f"the cluster at {address} cannot grade {assignment.id}: {problems}")


def _problems(version: str, found: dict[str, dict]) -> str:
    """One line: each problem once, with the processes that have it."""
    where: dict[str, list[str]] = {}
    data: dict[str, list[str]] = {}
    for process, answer in found.items():
        if "problem" in answer:
            problem = answer["problem"]
        elif answer["version"] != version:
            problem = (
                f"the kit there ({answer['kit']}) is version {answer['version']}, "
                f"not {version} as here"
            )
        else:
            if answer["data"]:
                data.setdefault(str(answer["data"]), []).append(process)
            continue
        where.setdefault(" ".join(problem.split()), []).append(process)
    if len(data) > 1:
        cuts = ", ".join(f"{cut} ({', '.join(processes)})" for cut, processes in data.items())
        where[f"workers would grade on different data: {cuts}"] = []
    return "; ".join(
        f"{problem} ({', '.join(processes)})" if processes else problem
        for problem, processes in where.items()
    )
