"""Where student code runs: always under resource limits, and as an unprivileged user when the
grader itself runs as root (as on Gradescope), so that it cannot read the hidden checks or the
grading data, write the results file, or touch the grader's files.
"""

from __future__ import annotations

import os
import pwd
import resource
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

UNPRIVILEGED_USER = "nobody"
MAX_PROCESSES = 64  # of the unprivileged user; a fork loop stops there
MAX_FILE_MB = 64  # the largest file student code may write


@dataclass(frozen=True)
class Sandbox:
    """The limits of the student process, and the user it runs as.

    user: (uid, gid) to switch to, or None to stay the grader's own user; why_not says why.
    """

    memory_mb: int
    cpu_seconds: int
    user: tuple[int, int] | None = None
    why_not: str = ""

    def enter(self) -> None:
        """Apply everything; runs in the student process just before it starts (preexec_fn)."""
        os.setsid()  # own process group, so a timeout kills everything the student started
        _limit(resource.RLIMIT_AS, self.memory_mb * 1024 * 1024)
        _limit(resource.RLIMIT_CPU, self.cpu_seconds)
        _limit(resource.RLIMIT_FSIZE, MAX_FILE_MB * 1024 * 1024)
        _limit(resource.RLIMIT_CORE, 0)
        if self.user:
            _limit(resource.RLIMIT_NPROC, MAX_PROCESSES)  # per user: only for one of its own
            uid, gid = self.user
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)

    def environment(self, workdir: Path) -> dict[str, str]:
        """Variables for the student process: a home it may write to when it is another user."""
        if not self.user:
            return {}
        return {"HOME": str(workdir), "MPLCONFIGDIR": str(Path(workdir, ".matplotlib"))}

    def describe(self) -> str:
        """One sentence for the report: which protections were active."""
        limits = (
            f"a separate process with a time limit per check, {self.memory_mb} MB of memory, "
            f"{self.cpu_seconds} s of CPU and files up to {MAX_FILE_MB} MB"
        )
        if self.user:
            return (
                f"Your code ran in {limits}, as the unprivileged user {UNPRIVILEGED_USER} "
                f"(at most {MAX_PROCESSES} processes, no access to the grader's files)."
            )
        return f"Your code ran in {limits}, as the grader's own user ({self.why_not})."


def make_sandbox(memory_mb: int, cpu_seconds: int) -> Sandbox:
    """A sandbox that switches user whenever it can: the grader is root, the user exists, and
    that user can run this Python interpreter and import numpy and the kit."""
    if os.geteuid() != 0:
        return Sandbox(memory_mb, cpu_seconds, why_not="the grader does not run as root")
    try:
        entry = pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        return Sandbox(memory_mb, cpu_seconds, why_not=f"there is no user {UNPRIVILEGED_USER}")
    kit = Path(__file__).resolve().parent
    needed = [Path(sys.executable), Path(os.__file__), Path(np.__file__), kit / "wire.py"]
    blocked = next((p for p in needed if not readable_by_others(p)), None)
    if blocked is not None:
        why = (
            f"{UNPRIVILEGED_USER} cannot read the Python installation"  # no paths: students see it
        )
        return Sandbox(memory_mb, cpu_seconds, why_not=why)
    return Sandbox(memory_mb, cpu_seconds, user=(entry.pw_uid, entry.pw_gid))


def readable_by_others(path: Path) -> bool:
    """Can a user with no special rights read `path` (every folder above it searchable)?"""
    path = Path(path).resolve()
    folders_ok = all(os.stat(p).st_mode & stat.S_IXOTH for p in path.parents)
    return folders_ok and bool(os.stat(path).st_mode & stat.S_IROTH)


def hide(paths: list[Path]) -> None:
    """Make the grader's private files (hidden checks, grading data) readable by root only."""
    for path in paths:
        if Path(path).exists():
            os.chmod(path, 0o700 if Path(path).is_dir() else 0o600)


def hand_over(folder: Path, sandbox: Sandbox) -> None:
    """Give the student's scratch folder, and everything in it, to the sandbox's user."""
    if not sandbox.user:
        return
    uid, gid = sandbox.user
    for path in [Path(folder), *Path(folder).rglob("*")]:
        os.chown(path, uid, gid, follow_symlinks=False)


def _limit(kind: int, value: int) -> None:
    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)  # never above what the grader itself was given
    resource.setrlimit(kind, (value, value))
