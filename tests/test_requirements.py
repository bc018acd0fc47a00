from factories import side_toy_course

from autograder.manifest import load_assignment
from autograder.requirements import (
    extra_packages,
    extra_requirement_pins,
    missing_packages,
    skip_reason,
)


def test_a6s_extra_requirement_is_torch():
    a6 = load_assignment("a6_torch_cnn")
    assert extra_requirement_pins(a6) == ["torch==2.13.0"]
    assert extra_packages(a6) == ["torch"]


def test_an_assignment_without_extra_requirements_is_never_skipped():
    a1 = load_assignment("a1_two_moons")
    assert extra_requirement_pins(a1) == [] and skip_reason(a1) is None


def test_extra_requirements_say_what_is_missing_and_how_to_install_it(tmp_path):
    toy = side_toy_course(tmp_path, "# optional\n--extra-index-url https://x.invalid\nnumpy>=1\n")
    assert extra_requirement_pins(toy) == ["numpy>=1"]
    assert missing_packages(toy) == [] and skip_reason(toy) is None
    (tmp_path / "requirements-extra.txt").write_text("nnkit-absent-package[cpu]==1.0\nnumpy\n")
    assert extra_packages(toy) == ["nnkit-absent-package", "numpy"]
    assert missing_packages(toy) == ["nnkit-absent-package"]
    assert skip_reason(toy) == (
        "toy needs nnkit-absent-package, which is not installed: "
        "pip install -r requirements-extra.txt"
    )
