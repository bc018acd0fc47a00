from factories import data_toy_course

from autograder.layout import KIT_ROOT
from autograder.manifest import load_assignment
from autograder.staging import copy_support_files, support_sources


def test_a1_ships_the_checks_helpers_and_its_data():
    support = support_sources(load_assignment("a1_two_moons"))
    assert support["nnkit_checks.py"] == KIT_ROOT / "nnkit_checks.py"
    assert support["two_moons_train.npz"] == KIT_ROOT / "datasets/data/two_moons_train.npz"
    assert all(path.is_file() for path in support.values())


def test_a_package_ships_under_its_own_name(tmp_path):
    assert support_sources(data_toy_course(tmp_path)) == {
        "nnkit_checks.py": tmp_path / "nnkit_checks.py",
        "nnkit_datasets": tmp_path / "datasets" / "nnkit_datasets",
    }


def test_copying_support_files_takes_only_a_packages_python_files(tmp_path):
    """Does nnkit_datasets/ get the package's modules and none of its data or caches?"""
    toy = data_toy_course(tmp_path / "course")
    (tmp_path / "course" / "datasets" / "nnkit_datasets" / "stray.npz").write_bytes(b"x")
    copy_support_files(toy, tmp_path / "out")
    copied = sorted(p.name for p in (tmp_path / "out" / "nnkit_datasets").iterdir())
    assert "loaders.py" in copied and all(name.endswith(".py") for name in copied)
    checks_helpers = (tmp_path / "out" / "nnkit_checks.py").read_bytes()
    assert checks_helpers == (KIT_ROOT / "nnkit_checks.py").read_bytes()
