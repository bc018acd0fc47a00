import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from factories import SYSTEM_PYTHON, run_autograder, without_trust  # noqa: E402

from autograder.gradescope import write_bundle  # noqa: E402
from autograder.grading_data import ensure_grading_data  # noqa: E402
from autograder.layout import KIT_ROOT  # noqa: E402
from autograder.manifest import all_assignments, load_assignment  # noqa: E402
from autograder.sandbox import (  # noqa: E402
    TRUSTED_ENV,
    needed_by_student,
    readable_by_others,
)

# The suite's submissions are the kit's own: as root on a Python that `nobody` cannot read (a
# pyenv .venv), they may run as root. Tests of the refusal, and the deployed run in
# test_deployed.py, take this away.
os.environ[TRUSTED_ENV] = "1"


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The offline dataset mirror: $NNKIT_DATA_MIRROR, else ../shared/datasets beside the kit.

    `.ci/run` sets the variable; a machine with neither skips the tests that need real data.
    Requesting the fixture points every loader of the test session at the mirror, and cuts the
    kit's grading data from it where `python -m autograder build` has not (grading never does).
    """
    configured = os.environ.get("NNKIT_DATA_MIRROR")
    folder = Path(configured or KIT_ROOT.parent / "shared" / "datasets").absolute()
    if not (folder / "mnist-offline.npz").is_file():
        if configured:
            pytest.fail(f"NNKIT_DATA_MIRROR={configured} holds no mnist-offline.npz")
        pytest.skip(f"no offline dataset mirror at {folder}; set NNKIT_DATA_MIRROR")
    os.environ["NNKIT_DATA_MIRROR"] = str(folder)  # for loaders in this process and children
    for assignment in all_assignments():
        ensure_grading_data(assignment)
    return folder


@pytest.fixture
def offline_data(mirror, tmp_path, monkeypatch) -> Path:
    """Loaders read the mirror and cache into an empty folder, as on an offline machine."""
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("NNKIT_DATA_CACHE", str(tmp_path / "cache"))
    return mirror


@pytest.fixture(scope="session")
def deployed():
    """a1's zip unzipped and set up as Gradescope does it, as root: base/source (root-only
    after set-up) and base/venv, which setup.sh builds on the system Python that `nobody` can
    run. Shared by the tests that grade as deployed (test_deployed.py) and those that need an
    environment `nobody` can run (test_gradescope.py, when this one's Python is root's)."""
    if os.geteuid() != 0 or not (SYSTEM_PYTHON.exists() and readable_by_others(SYSTEM_PYTHON)):
        pytest.skip(f"needs root and a {SYSTEM_PYTHON} that nobody can run (as on Gradescope)")
    base = Path(tempfile.mkdtemp(prefix="nnkit-deployed-"))
    os.chmod(base, 0o755)  # /autograder is open to all; only source/ is root's
    try:
        bundle = write_bundle(load_assignment("a1_two_moons"), base / "dist")
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(base / "source")
        done = subprocess.run(
            ["bash", str(base / "source" / "setup.sh")],
            env=without_trust(AUTOGRADER_ROOT=str(base), NNKIT_PYTHON=str(SYSTEM_PYTHON)),
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert "as nobody" in done.stdout  # the set-up's own check printed what protects
        yield base
    finally:  # the venv's thousands of files take ~20 s to remove: not the suite's time
        subprocess.Popen(["rm", "-rf", str(base)], start_new_session=True)


@pytest.fixture(scope="session")
def gradescope_venv(request) -> Path | None:
    """The environment run_autograder grades with: this one, unless the tests run as root on a
    Python `nobody` cannot run (a pyenv under /root), where it is the deployed one."""
    if os.geteuid() != 0 or all(readable_by_others(p) for p in needed_by_student()):
        return None
    return request.getfixturevalue("deployed") / "venv"


@pytest.fixture
def gradescope_trees():
    """A folder for Gradescope trees that `nobody` can pass through (pytest's tmp_path is
    root's only), since the student process runs the tree's venv by its path."""
    folder = Path(tempfile.mkdtemp(prefix="nnkit-gradescope-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def gradescope_run(gradescope_venv, gradescope_trees):
    """gradescope_run(bundle, name, files) -> results.json: the zip's real run_autograder on a
    fresh Gradescope tree `name`, as run_autograder never trusts a submission."""
    return lambda bundle, name, files: run_autograder(
        bundle, gradescope_trees / name, files, gradescope_venv
    )
