"""The student process's sandbox: limits always, another user when the grader is root."""

import os
import pwd
import subprocess
import tempfile
from pathlib import Path

import pytest

from autograder import sandbox as sandbox_module
from autograder.sandbox import (
    MAX_FILE_MB,
    MAX_PROCESSES,
    Sandbox,
    hand_over,
    hide,
    make_sandbox,
    readable_by_others,
)

NOBODY = pwd.getpwnam("nobody")


@pytest.fixture
def open_tmp():
    """A folder anyone may enter (pytest's own tmp_path sits in a folder only its user may)."""
    with tempfile.TemporaryDirectory(prefix="nnkit-test-") as folder:
        os.chmod(folder, 0o755)
        yield Path(folder)


as_root = pytest.mark.skipif(os.geteuid() != 0, reason="switching user needs root")


def run_in(sandbox: Sandbox, script: str, cwd) -> str:
    """What `bash -c script` prints inside the sandbox (stderr included)."""
    done = subprocess.run(
        ["/bin/bash", "-c", script],
        cwd=cwd,
        preexec_fn=sandbox.enter,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **sandbox.environment(cwd)},
    )
    return done.stdout + done.stderr


def test_a_grader_that_is_not_root_keeps_its_user_and_says_so(monkeypatch):
    monkeypatch.setattr(sandbox_module.os, "geteuid", lambda: 1000)
    box = make_sandbox(512, 60)
    assert box.user is None
    assert box.describe() == (
        "Your code ran in a separate process with a time limit per check, 512 MB of memory, "
        "60 s of CPU and files up to 64 MB, as the grader's own user "
        "(the grader does not run as root)."
    )


@as_root
def test_root_switches_to_nobody_when_nobody_can_run_python(monkeypatch):
    monkeypatch.setattr(sandbox_module, "readable_by_others", lambda path: True)
    box = make_sandbox(512, 60)
    assert box.user == (NOBODY.pw_uid, NOBODY.pw_gid)
    assert "as the unprivileged user nobody (at most 64 processes" in box.describe()


@as_root
def test_root_stays_root_when_python_is_out_of_nobodys_reach_and_names_no_path(monkeypatch):
    monkeypatch.setattr(sandbox_module, "readable_by_others", lambda path: False)
    box = make_sandbox(512, 60)
    assert box.user is None
    assert box.why_not == "nobody cannot read the Python installation"
    assert "/" not in box.describe()


def test_readable_by_others_needs_every_folder_above_searchable(open_tmp):
    folder = open_tmp / "kit"
    folder.mkdir()
    (folder / "wire.py").write_text("")
    os.chmod(folder / "wire.py", 0o644)
    assert readable_by_others(folder / "wire.py")
    os.chmod(folder, 0o700)
    assert not readable_by_others(folder / "wire.py")
    os.chmod(folder, 0o755)
    os.chmod(folder / "wire.py", 0o600)
    assert not readable_by_others(folder / "wire.py")


def test_limits_apply_to_the_grader_s_own_user_too(tmp_path):
    box = Sandbox(memory_mb=300, cpu_seconds=7)
    printed = run_in(box, "ulimit -v; ulimit -t; ulimit -f; ulimit -c", tmp_path).split()
    assert printed == [str(300 * 1024), "7", str(MAX_FILE_MB * 1024), "0"]


@as_root
def test_as_nobody_student_code_cannot_read_hidden_files_nor_write_the_grader_s(open_tmp):
    """The switch itself, with a shell for student code: who it is, what it can touch."""
    tmp_path = open_tmp
    checks = tmp_path / "checks"
    checks.mkdir()
    (checks / "a1.py").write_text("SECRET = 42\n")
    results = tmp_path / "results"
    results.mkdir()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / "nnkit_checks.py").write_text("")
    hide([checks])
    box = Sandbox(512, 60, user=(NOBODY.pw_uid, NOBODY.pw_gid))
    hand_over(scratch, box)
    script = (
        "id -u; ulimit -u; cat ../checks/a1.py || echo no-read; "
        "echo 100 > ../results/results.json || echo no-write; "
        "echo ok > mine.txt && cat mine.txt nnkit_checks.py"
    )
    printed = run_in(box, script, scratch)
    assert printed.split()[:2] == [str(NOBODY.pw_uid), str(MAX_PROCESSES)]
    assert "SECRET" not in printed and "no-read" in printed and "no-write" in printed
    assert not (results / "results.json").exists()
    assert (scratch / "mine.txt").read_text() == "ok\n"
