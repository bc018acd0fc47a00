"""The kit's two environment files: requirements.txt (pip, ./kit) and environment.yml (conda),
and the two ways a process finds the kit's code: its install, or the kit's root on its path."""

import os
import subprocess
import sys

from autograder.layout import KIT_ROOT
from autograder.manifest import tomllib

IMPORTED = {"autograder", "nnkit_checks", "nnkit_datasets", "nnkit_torch"}  # by name, in full


def pins(text: str) -> set[str]:
    lines = (line.strip().removeprefix("- ").strip() for line in text.splitlines())
    return {line for line in lines if "==" in line and not line.startswith("#")}


def test_environment_yml_pins_exactly_what_requirements_txt_pins():
    requirements = pins((KIT_ROOT / "requirements.txt").read_text())
    conda = pins((KIT_ROOT / "environment.yml").read_text())
    assert "numpy==2.4.6" in requirements and "distributed==2026.8.0" in requirements
    assert conda == requirements


def test_both_install_the_kit_itself_with_the_pins_as_its_dependencies():
    """pip install -e . is what makes every process of the environment import the kit."""
    conda = (KIT_ROOT / "environment.yml").read_text().splitlines()
    assert conda[-1].strip() == "- --editable ."
    project = tomllib.loads((KIT_ROOT / "pyproject.toml").read_text())
    assert project["tool"]["setuptools"]["dynamic"]["dependencies"] == {
        "file": ["requirements.txt"]
    }
    assert project["build-system"]["build-backend"] == "setuptools.build_meta"


def test_the_install_maps_every_importable_name_to_its_one_source():
    """Does `pip install -e .` install exactly the engine and the three modules notebooks
    import, each from the file or folder of that name, and nothing called `datasets`?"""
    setuptools = tomllib.loads((KIT_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folders = {name: setuptools["package-dir"].get(name, name) for name in setuptools["packages"]}
    assert set(folders) | set(setuptools["py-modules"]) == IMPORTED
    assert all((KIT_ROOT / folder / "__init__.py").is_file() for folder in folders.values())
    assert all(folder.rpartition("/")[2] == name for name, folder in folders.items())
    assert all((KIT_ROOT / f"{name}.py").is_file() for name in setuptools["py-modules"])


def test_the_kits_root_on_the_path_is_enough_from_any_folder(tmp_path):
    """With only the kit's root on PYTHONPATH (nbgrader's commands, a Gradescope zip), does a
    process elsewhere import the four from the kit, and never the loaders as `datasets` (a
    Hugging Face `datasets` installed beside it would win)?"""
    code = (
        "import importlib, sys\n"
        "import autograder\n"
        "print(*[importlib.import_module(n).__file__ for n in sys.argv[1:]], sep='\\n')\n"
        "try:\n    import datasets\nexcept ImportError:\n    datasets = None\n"
        "print(hasattr(datasets, 'load_mnist'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *sorted(IMPORTED)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(KIT_ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    *files, loaders_as_datasets = done.stdout.splitlines()
    assert files == [
        str(KIT_ROOT / "autograder" / "__init__.py"),
        str(KIT_ROOT / "nnkit_checks.py"),
        str(KIT_ROOT / "datasets" / "nnkit_datasets" / "__init__.py"),
        str(KIT_ROOT / "nnkit_torch.py"),
    ]
    assert loaders_as_datasets == "False"
