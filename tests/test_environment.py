"""The kit's two environment files: requirements.txt (pip, ./kit) and environment.yml (conda)."""

from autograder.manifest import KIT_ROOT, tomllib


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
