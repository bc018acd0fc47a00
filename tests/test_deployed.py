"""a1's autograder zip deployed as Gradescope deploys it, graded as root, against hostile
submissions: each proves one hole closed by its report (score, lines), by what is left 10 s
after the run (no forged results, nothing in /tmp or /dev/shm), and by the judge's peak memory.

The `deployed` fixture (conftest.py) builds the zip once per session, unzips it into a
temporary AUTOGRADER_ROOT and runs its setup.sh on the system Python (/usr/bin/python3, chosen
explicitly; pip installs from PyPI); the tests run run_autograder as root once per submission,
each in a fresh PID namespace (`unshare -p -f --mount-proc`) so that nothing a submission
starts outlives its run.
"""

import json
import os
import re
import shutil
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from factories import SYSTEM_PYTHON, without_trust
from test_hostile import FULL, WITHOUT_BCE, bce_that, once, plus_cell, reference

from autograder.grade import WATCHDOG_MARGIN_SECONDS
from autograder.manifest import load_assignment
from autograder.sandbox import bubblewrap_works, readable_by_others

A1 = load_assignment("a1_two_moons")
GRADESCOPE_MEMORY_MB = 768
SHORT_LIMITS = {"check_seconds": 3, "total_seconds": 10}  # for the submissions that hang

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0
    or not SYSTEM_PYTHON.exists()
    or not readable_by_others(SYSTEM_PYTHON)
    or not shutil.which("unshare"),
    reason="needs root, unshare, and a /usr/bin/python3 that nobody can run (as on Gradescope)",
)


@dataclass
class Run:
    results: dict
    stdout: str
    code: int
    seconds: float
    judge_mb: float
    root: Path
    ended: float  # time.monotonic() when run_autograder exited

    @property
    def shown(self) -> str:
        """Everything a student can read in results.json."""
        return self.results["output"] + "\n".join(t["output"] for t in self.results["tests"])

    def output_of(self, grade_id: str) -> str:
        return next(t["output"] for t in self.results["tests"] if t["number"] == grade_id)


def limited(base: Path, name: str, **limits: float) -> Path:
    """A copy of the deployed source whose manifest has other limits."""
    source = base / name
    if not source.exists():
        shutil.copytree(base / "source", source, symlinks=True)
        manifest = source / "solutions" / A1.id / "assignment.toml"
        text = manifest.read_text()
        for key, value in limits.items():
            text = re.sub(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.M)
        manifest.write_text(text)
    return source


def run_autograder(
    base: Path,
    name: str,
    nb,
    *,
    source: Path | None = None,
    venv: Path | None = None,
    **extra: str,
) -> Run:
    """One Gradescope run: a fresh root with submission/ and results/, in its own PID space;
    `extra`: more environment variables."""
    root = base / "runs" / name
    root.mkdir(parents=True)
    os.chmod(root.parent, 0o755)
    os.chmod(root, 0o755)
    (root / "source").symlink_to(source or base / "source")
    (root / "venv").symlink_to(venv or base / "venv")
    (root / "submission").mkdir()
    (root / "results").mkdir()
    nbformat.write(nb, root / "submission" / A1.notebook)
    shutil.copy(base / "source" / "run_autograder", root / "run_autograder")
    (root / "run_autograder").chmod(0o755)  # as Gradescope's unzip leaves it (zipfile does not)
    command = ["unshare", "-p", "-f", "--mount-proc", str(root / "run_autograder")]
    return _timed(command, root, **extra)


def _timed(command: list[str], root: Path, cwd: Path | None = None, **extra: str) -> Run:
    started = time.monotonic()
    done = subprocess.run(
        command,
        cwd=cwd,
        env=without_trust(AUTOGRADER_ROOT=str(root), **extra),
        capture_output=True,
        text=True,
        timeout=300,
    )
    ended = time.monotonic()
    seconds = ended - started
    results_file = root / "results" / "results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    peak = re.search(r"judge: peak memory (\d+) MB", done.stdout)
    return Run(
        results,
        done.stdout + done.stderr,
        done.returncode,
        seconds,
        peak and int(peak[1]),
        root,
        ended,
    )


def forged_reply(value: str) -> str:
    """Statements that write a reply to the judge's pipe as if the grader's server sent it."""
    return f"import sys\nfrom autograder import wire\nwire.send(int(sys.argv[2]), {value})"


DAEMON = """
import json, os, time

class Sneaky:  # a class body runs while the notebook's definitions load
    if os.fork() == 0:
        os.setsid()
        root = os.environ.get('AUTOGRADER_ROOT', '/autograder')
        for _ in range(40):
            time.sleep(0.25)
            for path, text in [
                (root + '/results/results.json', json.dumps({'score': 999})),
                ('/tmp/nnkit-deployed-left', 'x'),
                ('/dev/shm/nnkit-deployed-left', 'x'),
            ]:
                try:
                    open(path, 'w').write(text)
                except OSError:
                    pass
            try:
                checks = root + '/source/checks/a1_two_moons.py'
                open('/tmp/nnkit-deployed-stolen', 'w').write(open(checks).read())
            except OSError:
                pass
        os._exit(0)
"""

SECRETS = (
    ".git/config",
    "dist/a1_two_moons_autograder.zip",
    "solutions/other/other.ipynb",
    "gradebook.db",
    "checks/a1_two_moons.py",
)


def reads_secrets(kit: Path) -> str:
    """binary_cross_entropy statements that raise if any of the kit's private files is readable."""
    paths = [str(kit / s) for s in SECRETS]
    return once(
        f"for path in {paths!r}:\n"
        "    try:\n"
        "        open(path, 'rb').read(1)\n"
        "    except OSError:\n"
        "        continue\n"
        "    raise RuntimeError('read ' + path)"
    )


def modes_under(folder: Path) -> dict[str, int]:
    return {str(p): stat.S_IMODE(p.lstat().st_mode) for p in [folder, *folder.rglob("*")]}


def test_hostile_submissions_get_their_reports_as_deployed(deployed):
    """Every hole of the deployed grader, closed: each run's score, lines and exit status, the
    judge's peak memory, and what is left 10 s after the daemon's run (the one submission
    that leaves a process behind; the runs after it take longer than that)."""
    runs: dict[str, Run] = {}
    short = limited(deployed, "source-short", **SHORT_LIMITS)

    runs["reference"] = run_autograder(deployed, "reference", reference())
    assert runs["reference"].results["score"] == FULL
    assert "as nobody" in runs["reference"].stdout  # the protections line: instructor's only
    assert "nobody" not in runs["reference"].results["output"]

    # 1. A definition-time daemon (fork, setsid) tries to forge the results, steal the checks,
    # and leave files behind; as nobody (in bubblewrap when it works) it can do none of it.
    runs["daemon"] = run_autograder(deployed, "daemon", plus_cell(DAEMON))
    assert runs["daemon"].results["score"] == FULL

    # 2. Writes to the judge's pipe while loading: one line, all checks failed, no grader failure.
    runs["forged_load"] = run_autograder(
        deployed, "forged_load", plus_cell("class Forge:\n" + _indent(forged_reply("42")))
    )
    assert runs["forged_load"].results["score"] == 0
    assert "wrote data the grader did not expect" in runs["forged_load"].results["output"]

    # 2. Answers a call itself, then stops reading: the judge's writes and reads have deadlines.
    runs["stops_reading"] = run_autograder(
        deployed,
        "stops_reading",
        bce_that(forged_reply("{'ok': True, 'value': 0.5}") + "\nimport time\ntime.sleep(100)"),
        source=short,
    )
    assert runs["stops_reading"].results["score"] <= WITHOUT_BCE
    assert runs["stops_reading"].output_of("relu_public") == ""

    # 2. Sleeps in every call: checks time out, then the total limit stops grading in time.
    sleepy = ("relu", "sigmoid", "binary_cross_entropy", "init_weights", "forward_pass")
    nb = plus_cell(
        "import time\n\n"
        + "\n\n".join(f"def {name}(*args):\n    time.sleep(100)" for name in sleepy)
    )
    runs["sleeper"] = run_autograder(deployed, "sleeper", nb, source=short)
    assert "grading used up its total time limit" in runs["sleeper"].shown
    limit = SHORT_LIMITS["total_seconds"] + WATCHDOG_MARGIN_SECONDS
    assert runs["sleeper"].seconds < limit

    # 2. Renames its scratch folder and leaves a link in its place: refused, grading goes on.
    runs["renames"] = run_autograder(
        deployed,
        "renames",
        bce_that(
            once(
                "here = os.getcwd()\ntry:\n    os.rename(here, here + '-moved')\n"
                "    os.symlink('/etc', here)\nexcept OSError:\n    pass"
            )
        ),
    )
    assert runs["renames"].results["score"] == FULL

    # 3. Announces a 1.2 GB reply: refused before any of it is read, charged to that call.
    runs["huge_reply"] = run_autograder(
        deployed,
        "huge_reply",
        bce_that(
            "import struct\nos.write(int(sys.argv[2]), struct.pack('!Q', 1_200_000_000))\n"
            "os.write(int(sys.argv[2]), bytes(1 << 20))\nimport time\ntime.sleep(100)"
        ),
        source=short,
    )
    huge = runs["huge_reply"]
    assert huge.results["score"] <= WITHOUT_BCE
    assert "your code sent back 1200 MB, more than the grader accepts" in huge.output_of(
        "bce_public"
    )

    # 4. Raises with the hidden check's inputs: the public check shows them, hidden ones not.
    runs["leaks_inputs"] = run_autograder(
        deployed, "leaks_inputs", bce_that("raise ValueError(repr((predictions, labels)))")
    )
    leaks = runs["leaks_inputs"]
    assert leaks.results["score"] == WITHOUT_BCE
    assert "array(" in leaks.output_of("bce_public")
    assert re.fullmatch(
        r"your code raised ValueError \(line \d+ of your `binary_cross_entropy`: .*\)\nHint: .*",
        leaks.output_of("bce_edges_hidden"),
        flags=re.S,
    )

    for name, run in runs.items():
        print(f"{name}: score {run.results['score']}, {run.seconds:.1f} s, judge {run.judge_mb} MB")
        assert run.code == 0, (name, run.stdout[-1500:])
        assert "autograder failed" not in run.shown, name
        assert run.judge_mb < GRADESCOPE_MEMORY_MB, (name, run.judge_mb)

    # anything still running would have forged the results 10 s after the daemon's run
    time.sleep(max(0.0, runs["daemon"].ended + 10 - time.monotonic()))
    for name, run in runs.items():
        after = json.loads((run.root / "results" / "results.json").read_text())
        assert after == run.results, name
    for left in (
        "/tmp/nnkit-deployed-left",
        "/dev/shm/nnkit-deployed-left",
        "/tmp/nnkit-deployed-stolen",
    ):
        assert not Path(left).exists(), left


def test_misconfigured_or_unsafe_deployments_refuse_with_one_line(deployed):
    """A venv nobody cannot run: set-up's check fails and grading refuses, with a report, even
    with the test suite's NNKIT_TRUSTED_SUBMISSIONS=1. A results folder anyone can write to:
    refused before grading. (1 and 5)"""
    import sys

    kit_python = Path(sys.prefix)
    if readable_by_others(Path(sys.executable)):
        pytest.skip("the kit's own Python is readable by nobody here; nothing to misconfigure")
    check = subprocess.run(
        [sys.executable, "-m", "autograder", "check-sandbox"],
        cwd=deployed / "source",
        env=without_trust(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 1 and "student code would run as root" in check.stderr
    refused = run_autograder(
        deployed, "misconfigured", reference(), venv=kit_python, NNKIT_TRUSTED_SUBMISSIONS="1"
    )  # the test suite's escape hatch, which a Gradescope run ignores
    assert refused.code == 1
    assert "NNKIT_TRUSTED_SUBMISSIONS is ignored" in refused.stdout
    assert refused.results["score"] == 0
    assert refused.results["output"] == (
        "The autograder is misconfigured, so your code was not run; please tell your instructor."
    )
    assert "nobody cannot read" in refused.stdout

    open_folder = deployed / "runs" / "open-results"
    open_folder.mkdir(parents=True)
    os.chmod(open_folder, 0o777)
    unsafe = subprocess.run(
        [
            str(deployed / "venv" / "bin" / "python"),
            "-m",
            "autograder",
            "grade",
            A1.id,
            str(A1.paths.source_notebook),
            "-o",
            str(open_folder / "results.json"),
        ],
        cwd=deployed / "source",
        env=without_trust(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert unsafe.returncode == 2
    assert unsafe.stderr.strip().startswith("error: refusing to write results into")
    assert list(open_folder.iterdir()) == []


@pytest.mark.parametrize(
    "isolation",
    [
        pytest.param(
            "bubblewrap",
            marks=pytest.mark.skipif(
                not bubblewrap_works(), reason="bubblewrap missing or not allowed here"
            ),
        ),
        "permissions",
    ],
)
def test_local_grading_as_root_keeps_the_kit_private_and_restores_it(deployed, isolation):
    """`grade` as root from a kit folder anyone can read (.git, dist/, other solutions, the
    gradebook): the student's code reads none of it, and every mode is as before. (6, 7)"""
    kit = deployed / f"kit-{isolation}"
    if not kit.exists():
        shutil.copytree(deployed / "source", kit, symlinks=True)
        os.chmod(kit, 0o755)
        for secret in SECRETS:
            path = kit / secret
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_text("secret")
        for path in [kit, *kit.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    before = modes_under(kit)
    submission = deployed / "runs" / f"local-{isolation}" / A1.notebook
    submission.parent.mkdir(parents=True)
    nbformat.write(bce_that(reads_secrets(kit)), submission)
    results = submission.parent / "results" / "results.json"
    run = _timed(
        [
            str(deployed / "venv" / "bin" / "python"),
            "-m",
            "autograder",
            "grade",
            A1.id,
            str(submission),
            "-o",
            str(results),
        ],
        submission.parent,
        cwd=kit,
        NNKIT_SANDBOX=isolation,
    )
    run.results = json.loads(results.read_text())
    assert run.code == 0, run.stdout[-1500:]
    assert run.results["score"] == FULL, run.shown
    assert ("in bubblewrap" in run.stdout) == (isolation == "bubblewrap")
    assert modes_under(kit) == before


def _indent(source: str) -> str:
    return "\n".join(f"    {line}" for line in source.splitlines())
