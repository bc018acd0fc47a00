import os
import shutil
import subprocess
import sys
import types

import pytest
from factories import data_toy_course, toy_course

from autograder import cluster
from autograder.cluster import ClusterError, describe_here, fingerprint, preflight
from autograder.layout import KIT_ROOT
from autograder.manifest import ManifestError, load_assignment


def test_equal_files_at_two_paths_share_a_fingerprint_and_a_changed_check_does_not(tmp_path):
    """Is the fingerprint about the files grading reads, not where the kit is?"""
    toy = toy_course(tmp_path / "a")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    copy = load_assignment("toy", tmp_path / "b")
    assert fingerprint(copy) == fingerprint(toy)
    assert len(fingerprint(toy)) == 16 and int(fingerprint(toy), 16) >= 0
    with open(copy.paths.checks_file, "a") as stream:
        stream.write("\n# a changed check\n")
    assert fingerprint(copy) != fingerprint(toy)


def test_a_missing_checks_module_is_named(tmp_path):
    toy = toy_course(tmp_path / "course")
    toy.paths.checks_file.unlink()
    with pytest.raises(ManifestError, match=r"checks/toy\.py is missing; run `python -m autograd"):
        fingerprint(toy)


def test_a_worker_reports_its_kit_its_version_and_where_its_data_came_from(tmp_path, offline_data):
    """describe_here on a worker cuts the grading data if needed and names its source."""
    toy = data_toy_course(tmp_path / "course")
    found = describe_here("toy", str(toy.root), worker=True)
    assert found == {
        "kit": str(KIT_ROOT),
        "version": fingerprint(toy),
        "data": {"mnist_grading.npz": "offline"},
    }
    assert describe_here("toy", str(toy.root), worker=False)["data"] == {}


def test_a_worker_without_the_data_says_what_is_missing(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("NNKIT_DATA_MIRROR", str(tmp_path / "empty"))
    monkeypatch.setenv("NNKIT_DATA_CACHE", str(tmp_path / "cache"))
    toy = data_toy_course(tmp_path / "course")
    problem = describe_here("toy", str(toy.root), worker=True)["problem"]
    assert problem.startswith(f"DatasetError: the data mirror {tmp_path / 'empty'} has no mnist ")
    assert problem.endswith(" or mnist-offline.npz)")


def test_an_assignment_the_worker_does_not_have_is_a_problem_not_an_exception():
    found = describe_here("a0_nope", None, worker=True)
    assert found["problem"].startswith("ManifestError: no assignment named 'a0_nope' (known: a1_")


def test_loaders_of_another_kit_are_named(monkeypatch, tmp_path):
    """A process that imports another kit's `nnkit_datasets` (an older install) says so."""
    other = tmp_path / "site-packages" / "nnkit_datasets"
    other.mkdir(parents=True)
    fake = types.ModuleType("nnkit_datasets")
    fake.__file__ = str(other / "__init__.py")
    monkeypatch.setitem(sys.modules, "nnkit_datasets", fake)
    assert describe_here("a1_two_moons", None, worker=True) == {
        "problem": f"`import nnkit_datasets` finds {other}, not the kit's loaders"
    }


def test_the_probe_runs_where_the_kit_cannot_be_imported(tmp_path):
    """The probe travels by value: a process without the kit unpickles it and says what lacks."""
    cloudpickle = pytest.importorskip("cloudpickle")
    sent = cloudpickle.dumps(cluster._make_probe())
    script = (
        "import pickle, sys\n"
        "sys.modules['autograder'] = None  # as where the kit is not installed\n"
        "probe = pickle.loads(sys.stdin.buffer.read())\n"
        "print(probe('a1_two_moons', None, True))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", script], input=sent, cwd=tmp_path, env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()
    said = done.stdout.decode().strip()
    assert said.startswith("{'problem': \"cannot import the kit (")
    assert said.endswith('); install it with `pip install -e .`"}')


class FakeClient:
    """What preflight asks of a Dask client, answered by this process or by canned answers."""

    def __init__(self, workers: dict, scheduler=None) -> None:
        self.scheduler = type("Scheduler", (), {"address": "tcp://10.0.0.5:8786"})()
        self.workers = workers  # address -> an answer, or None to run the probe here
        self.on_scheduler = scheduler

    def scheduler_info(self) -> dict:
        return {"workers": {address: {} for address in self.workers}}

    def run_on_scheduler(self, probe, *args):
        return self.on_scheduler or probe(*args)

    def run(self, probe, *args, on_error):
        assert on_error == "return"
        return {address: answer or probe(*args) for address, answer in self.workers.items()}


def test_a_cluster_like_this_machine_passes(tmp_path):
    toy = toy_course(tmp_path / "course")
    preflight(FakeClient({"tcp://10.0.0.6:1": None, "tcp://10.0.0.7:1": None}), toy)


def test_preflight_names_each_problem_once_with_where_it_is(tmp_path):
    toy = toy_course(tmp_path / "course")
    other = {"kit": "/opt/nnkit", "version": "0123456789abcdef", "data": {}}
    missing = ModuleNotFoundError("No module named 'autograder'")
    client = FakeClient(
        {"tcp://10.0.0.6:1": missing, "tcp://10.0.0.7:1": other, "tcp://10.0.0.8:1": missing},
        scheduler={"problem": "cannot import the kit (No module named 'autograder')"},
    )
    with pytest.raises(ClusterError) as caught:
        preflight(client, toy)
    assert str(caught.value) == (
        "the cluster at tcp://10.0.0.5:8786 cannot grade toy: "
        "cannot import the kit (No module named 'autograder') (the scheduler); "
        "ModuleNotFoundError: No module named 'autograder' "
        "(worker tcp://10.0.0.6:1, worker tcp://10.0.0.8:1); "
        f"the kit there (/opt/nnkit) is version 0123456789abcdef, not {fingerprint(toy)} as "
        "here (worker tcp://10.0.0.7:1)"
    )
    assert "\n" not in str(caught.value)


def test_workers_that_would_grade_on_different_data_are_refused(tmp_path):
    toy = toy_course(tmp_path / "course")
    here = describe_here("toy", str(toy.root), worker=True)
    client = FakeClient(
        {
            "tcp://10.0.0.6:1": {**here, "data": {"mnist_grading.npz": "offline"}},
            "tcp://10.0.0.7:1": {**here, "data": {"mnist_grading.npz": "keras"}},
        }
    )
    with pytest.raises(ClusterError) as caught:
        preflight(client, toy)
    assert str(caught.value) == (
        "the cluster at tcp://10.0.0.5:8786 cannot grade toy: workers would grade on different "
        "data: {'mnist_grading.npz': 'offline'} (worker tcp://10.0.0.6:1), "
        "{'mnist_grading.npz': 'keras'} (worker tcp://10.0.0.7:1)"
    )


def test_a_cluster_without_workers_is_refused(tmp_path):
    with pytest.raises(ClusterError, match=r"^the Dask cluster at tcp://10\.0\.0\.5:8786 has no "):
        preflight(FakeClient({}), toy_course(tmp_path / "course"))
