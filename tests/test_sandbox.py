"""The student process's sandbox: limits always; as root, never root, and confined."""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from autograder import sandbox as sandbox_module
from autograder.sandbox import (
    MAX_FILE_MB,
    MAX_PROCESSES,
    TRUSTED_ENV,
    Sandbox,
    SandboxUnavailable,
    bubblewrap_works,
    grade_folder,
    hand_over,
    kit_hidden,
    make_sandbox,
    make_tree_limit,
    private_folders,
    readable_by_others,
    remove_left_behind,
)

NOBODY = pwd.getpwnam("nobody")
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="switching user needs root")
with_bubblewrap = pytest.mark.skipif(
    os.geteuid() != 0 or not bubblewrap_works(),
    reason="needs root and a working bubblewrap (apt-get install bubblewrap; namespaces allowed)",
)


@pytest.fixture
def open_tmp():
    """A folder anyone may enter (pytest's own tmp_path sits in a folder only its user may)."""
    with tempfile.TemporaryDirectory(prefix="nnkit-test-") as folder:
        os.chmod(folder, 0o755)
        yield Path(folder)


def run_in(sandbox: Sandbox, script: str, cwd: Path) -> str:
    """What `bash -c script` prints inside the sandbox (stderr included)."""
    done = subprocess.run(
        sandbox.command(["/bin/bash", "-c", script], cwd),
        cwd=cwd,
        preexec_fn=sandbox.enter,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **sandbox.environment(cwd)},
        timeout=60,
    )
    return done.stdout + done.stderr


def nobody(isolation: str, **kwargs) -> Sandbox:
    return Sandbox(512, 60, user=(NOBODY.pw_uid, NOBODY.pw_gid), isolation=isolation, **kwargs)


def test_a_grader_that_is_not_root_keeps_its_user_and_says_so(monkeypatch):
    monkeypatch.setattr(sandbox_module.os, "geteuid", lambda: 1000)
    box = make_sandbox(512, 60)
    assert box.user is None
    assert box.describe() == (
        "student code ran in a separate process with a time limit per check, 512 MB of address "
        "space per process, 60 s of CPU, files up to 64 MB, as the grader's own user "
        "(the grader does not run as root)"
    )


@as_root
def test_root_switches_to_nobody_when_nobody_can_run_python(monkeypatch):
    monkeypatch.setattr(sandbox_module, "readable_by_others", lambda path: True)
    box = make_sandbox(512, 60)
    assert box.user == (NOBODY.pw_uid, NOBODY.pw_gid)
    assert f"as nobody with at most {MAX_PROCESSES} processes" in box.describe()
    if box.tree:
        box.tree.remove()


@as_root
def test_root_refuses_to_run_student_code_as_root(monkeypatch):
    """When nobody cannot read the Python installation, is the grade refused (unless the code
    is the instructor's own), naming what nobody cannot read?"""
    monkeypatch.setattr(sandbox_module, "readable_by_others", lambda path: False)
    monkeypatch.delenv(TRUSTED_ENV)
    with pytest.raises(SandboxUnavailable, match="student code would run as root: nobody cannot"):
        make_sandbox(512, 60)
    trusted = make_sandbox(512, 60, trusted=True)
    assert trusted.user is None and trusted.why_not.startswith("trusted code; nobody cannot")


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
    """The switch itself (permissions, no bubblewrap), with a shell for student code."""
    checks = open_tmp / "checks"
    checks.mkdir()
    (checks / "a1.py").write_text("SECRET = 42\n")
    os.chmod(checks, 0o700)
    results = open_tmp / "results"
    results.mkdir()
    scratch = open_tmp / "scratch"
    scratch.mkdir()
    box = nobody("permissions")
    hand_over(scratch, box)
    script = (
        "id -u; ulimit -u; cat ../checks/a1.py || echo no-read; "
        "echo 100 > ../results/results.json || echo no-write; "
        "echo ok > mine.txt && cat mine.txt"
    )
    printed = run_in(box, script, scratch)
    assert printed.split()[:2] == [str(NOBODY.pw_uid), str(MAX_PROCESSES)]
    assert "SECRET" not in printed and "no-read" in printed and "no-write" in printed
    assert not (results / "results.json").exists()
    assert (scratch / "mine.txt").read_text() == "ok\n"


@as_root
def test_the_kit_is_hidden_but_the_engines_own_folder():
    """Are the generated checks, the solutions and the checks' helpers among the folders and
    files hidden from student code, and the engine's folder (no secret in it) not?"""
    kit = Path(sandbox_module.__file__).resolve().parents[1]
    hidden = private_folders()
    assert {kit / "checks", kit / "solutions", kit / "nnkit_checks.py"} <= set(hidden)
    assert kit / "autograder" not in hidden


def test_hidden_kit_folders_get_their_modes_back_even_when_grades_overlap(open_tmp, monkeypatch):
    """Two grades at once (grade-all) hide the same folders; is every mode restored only when
    the last one ends, and exactly as it was?"""
    monkeypatch.setattr(sandbox_module, "private_folders", lambda: [])
    shared, private = open_tmp / "solutions", open_tmp / "gradebook.db"
    shared.mkdir(mode=0o750)
    os.chmod(shared, 0o750)
    private.write_text("")
    os.chmod(private, 0o644)
    box = nobody("permissions")
    with kit_hidden(box, [shared, private]):
        with kit_hidden(box, [shared]):
            assert (shared.stat().st_mode & 0o777, private.stat().st_mode & 0o777) == (0o700, 0o600)
        assert shared.stat().st_mode & 0o777 == 0o700  # the first grade still holds it
    assert (shared.stat().st_mode & 0o777, private.stat().st_mode & 0o777) == (0o750, 0o644)


@as_root
def test_what_nobody_leaves_in_shared_temporary_folders_is_removed(open_tmp):
    box = nobody("permissions")
    left = [Path(tempfile.gettempdir(), "nnkit-test-left"), Path("/dev/shm/nnkit-test-left")]
    for path in left:
        path.write_text("x")
        os.chown(path, NOBODY.pw_uid, NOBODY.pw_gid)
    mine = Path(tempfile.gettempdir(), "nnkit-test-root-owned")
    mine.write_text("x")
    remove_left_behind(box)
    assert not any(p.exists() for p in left) and mine.exists()
    mine.unlink()


@as_root
def test_a_control_group_bounds_the_memory_and_processes_of_the_whole_tree(open_tmp):
    """Three forked children asking 120 MB each, under a 200 MB group: is one of them killed?
    And does a fork loop stop at the process cap?"""
    tree = make_tree_limit(200)
    if tree is None:
        pytest.skip("no writable control group here (cgroup v2 or v1 memory and pids)")
    box = nobody("permissions", tree=tree)
    hand_over(open_tmp, box)
    script = (
        "for i in 1 2 3; do python3 -c 'import time; b = bytearray(120 << 20); "
        'b[::4096] = b"x" * len(b[::4096]); time.sleep(2)\' & done; wait; '
        "python3 -c '\nimport os, time\nn = 0\nfor _ in range(60):\n    try:\n"
        "        if os.fork() == 0:\n            time.sleep(2)\n            os._exit(0)\n"
        '    except OSError:\n        break\n    n += 1\nprint("forked", n)\''
    )
    try:
        printed = run_in(box, script, open_tmp)
    finally:
        tree.remove()
    assert printed.count("Killed") in (1, 2), printed  # 360 MB asked, 200 MB allowed
    forked = int(printed.split("forked")[1].split()[0])
    assert 20 < forked < MAX_PROCESSES
    assert not tree.folders[0].exists()


@with_bubblewrap
def test_in_bubblewrap_the_kit_tmp_and_network_are_out_of_reach_and_nothing_outlives_it():
    box = nobody("bubblewrap")
    kit = sandbox_module.KIT.parent
    # /tmp shows the grade's folder, and the Python installation's folder when that is in /tmp
    in_tmp = {
        Path(p).resolve().relative_to("/tmp").parts[0]
        for p in (sys.prefix, sys.base_prefix)
        if Path(p).resolve().is_relative_to("/tmp")
    }
    with grade_folder() as folder, socket.create_server(("127.0.0.1", 0)) as listening:
        work = folder / "work"
        hand_over(work, box)
        port = listening.getsockname()[1]  # reachable from this machine's own network only
        script = (
            "id -u; ls -A /tmp | wc -l; "
            f"find {kit}/solutions {kit}/checks -type f | wc -l; "
            "echo hi > /tmp/left; echo hi > /dev/shm/left; "
            f"(exec 3<>/dev/tcp/127.0.0.1/{port}) 2>/dev/null && echo network || echo no-network; "
            "setsid sh -c 'sleep 2; echo late > late.txt' & echo ok > mine.txt"
        )
        printed = run_in(box, script, work).split()
        assert printed[:3] == [str(NOBODY.pw_uid), str(1 + len(in_tmp)), "0"]
        assert "no-network" in printed and "network" not in printed
        subprocess.run(["sleep", "3"])
        assert (work / "mine.txt").exists() and not (work / "late.txt").exists()
    assert not Path("/dev/shm/left").exists()
    assert shutil.which("bwrap")
