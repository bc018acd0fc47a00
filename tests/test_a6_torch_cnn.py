"""a6_torch_cnn: the optional PyTorch assignment, and torch kept out of everything but it."""

import importlib.util
import subprocess
import sys

from autograder.cli import main
from autograder.gradescope import bundle_contents, bundle_requirements
from autograder.manifest import KIT_ROOT, all_assignments, load_assignment
from autograder.validate import validate

A6 = load_assignment("a6_torch_cnn")


def test_no_kit_module_but_nnkit_torch_imports_torch():
    """The judge, the loaders and every generated checks module (a6's too) load without torch:
    a6's checks call the network only through nnkit_torch, in the student process."""
    modules = [
        f"autograder.{path.stem}"
        for path in (KIT_ROOT / "autograder").glob("*.py")
        if path.stem not in ("nnkit_torch", "__main__")
    ]
    modules += [f"autograder.checks.{a.id}" for a in all_assignments()] + ["datasets"]
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n    importlib.import_module(name)\n"
        "print([m for m in sys.modules if m.partition('.')[0] == 'torch'][:3])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *modules],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"


def without_torch(monkeypatch):
    """Make the kit believe torch is not installed."""
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "torch" else find_spec(name, *a),
    )


def test_without_torch_validate_skips_a6_with_a_clear_message(monkeypatch, capsys):
    without_torch(monkeypatch)
    reason = (
        "a6_torch_cnn needs torch, which is not installed: pip install -r requirements-torch.txt"
    )
    found = validate(A6)
    assert found.skipped == reason and found.lines == [] and found.ok
    assert main(["validate", "a6_torch_cnn"]) == 0
    assert capsys.readouterr().out == f"a6_torch_cnn: skipped: {reason}\n"


def test_the_gradescope_zip_installs_the_cpu_build_of_torch(mirror):
    pin = next(
        line
        for line in (KIT_ROOT / "requirements-torch.txt").read_text().splitlines()
        if line.startswith("torch==")
    )
    requirements = bundle_requirements(A6).splitlines()
    assert requirements[-2:] == ["--extra-index-url https://download.pytorch.org/whl/cpu", pin]
    assert "torch" not in bundle_requirements(load_assignment("a1_two_moons"))
    files = bundle_contents(A6)
    assert "autograder/nnkit_torch.py" in files and "requirements-torch.txt" not in files
    assert files["requirements.txt"].decode() == bundle_requirements(A6)
