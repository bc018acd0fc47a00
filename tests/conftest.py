import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from autograder.manifest import KIT_ROOT  # noqa: E402
from autograder.sandbox import TRUSTED_ENV  # noqa: E402

# The suite's submissions are the kit's own: as root on a Python that `nobody` cannot read (a
# pyenv .venv), they may run as root. Tests of the refusal, and the deployed run in
# test_deployed.py, take this away.
os.environ[TRUSTED_ENV] = "1"


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The offline dataset mirror: $NNKIT_DATA_MIRROR, else ../shared/datasets beside the kit.

    `.ci/run` sets the variable; a machine with neither skips the tests that need real data.
    Requesting the fixture points every loader of the test session at the mirror.
    """
    configured = os.environ.get("NNKIT_DATA_MIRROR")
    folder = Path(configured or KIT_ROOT.parent / "shared" / "datasets").absolute()
    if not (folder / "mnist-offline.npz").is_file():
        if configured:
            pytest.fail(f"NNKIT_DATA_MIRROR={configured} holds no mnist-offline.npz")
        pytest.skip(f"no offline dataset mirror at {folder}; set NNKIT_DATA_MIRROR")
    os.environ["NNKIT_DATA_MIRROR"] = str(folder)  # for loaders in this process and children
    return folder


@pytest.fixture
def offline_data(mirror, tmp_path, monkeypatch) -> Path:
    """Loaders read the mirror and cache into an empty folder, as on an offline machine."""
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("NNKIT_DATA_CACHE", str(tmp_path / "cache"))
    return mirror
