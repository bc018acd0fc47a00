"""The kit's two environment files: requirements.txt (pip, ./kit) and environment.yml (conda)."""

from autograder.manifest import KIT_ROOT


def pins(text: str) -> set[str]:
    lines = (line.strip().removeprefix("- ").strip() for line in text.splitlines())
    return {line for line in lines if "==" in line and not line.startswith("#")}


def test_environment_yml_pins_exactly_what_requirements_txt_pins():
    requirements = pins((KIT_ROOT / "requirements.txt").read_text())
    conda = pins((KIT_ROOT / "environment.yml").read_text())
    assert "numpy==2.4.6" in requirements and "distributed==2026.8.0" in requirements
    assert conda == requirements
