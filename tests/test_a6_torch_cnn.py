"""a6_torch_cnn: the optional PyTorch assignment, and torch kept out of everything but it."""

import importlib.util
import json
import os
import subprocess
import sys
import zipfile

import pytest
from factories import run_autograder, submit_to_nbgrader

from autograder.build import copy_course, generate_outputs
from autograder.cli import main
from autograder.grade import grade
from autograder.gradescope import bundle_contents, bundle_requirements, write_bundle
from autograder.layout import KIT_ROOT
from autograder.manifest import all_assignments, load_assignment
from autograder.nbgrader_course import autograde
from autograder.requirements import skip_reason
from autograder.sandbox import needed_by_student, readable_by_others
from autograder.validate import validate
from autograder.variants import load_mistakes, write_variant

A6 = load_assignment("a6_torch_cnn")


def test_no_kit_module_but_nnkit_torch_imports_torch():
    """The judge, the loaders and every generated checks module (a6's too) load without torch:
    a6's checks call the network only through nnkit_torch, in the student process."""
    modules = [
        f"autograder.{path.stem}"
        for path in (KIT_ROOT / "autograder").glob("*.py")
        if path.stem != "__main__"
    ]
    modules += ["nnkit_checks", "nnkit_datasets"]
    modules += [str(a.paths.checks_file) for a in all_assignments()]  # files: not a package
    code = (
        "import importlib, runpy, sys\n"
        "for name in sys.argv[1:]:\n"
        "    runpy.run_path(name) if name.endswith('.py') else importlib.import_module(name)\n"
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
    assert {"nnkit_torch.py", "requirements-torch.txt"} <= set(files)
    assert files["requirements.txt"].decode() == bundle_requirements(A6)


def test_the_gradescope_zip_grades_the_reference_in_the_student_process(mirror, tmp_path):
    """Does the zip hold all a6 needs (checks, nnkit_torch, grading data) to grade in the
    student process? As root on a Python `nobody` cannot run, run_autograder rightly refuses
    (test_deployed proves it), and a deployed venv would need torch's own package index, out
    of this machine's reach: the zip's grade command then runs on this environment, trusted."""
    pytest.importorskip("torch", reason=skip_reason(A6))
    bundle = write_bundle(A6, tmp_path / "dist")
    root = tmp_path / "root"
    if os.geteuid() != 0 or all(readable_by_others(p) for p in needed_by_student()):
        results = run_autograder(bundle, root, [A6.paths.source_notebook])
    else:
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(root / "source")
        output = root / "results.json"
        subprocess.run(
            [sys.executable, "-m", "autograder", "grade", A6.id, str(A6.paths.source_notebook),
             "--output", str(output)],
            cwd=root / "source",
            env={**os.environ, "NNKIT_TRUSTED_SUBMISSIONS": "1", "PYTHONPATH": ""},
            check=True,
            capture_output=True,
            timeout=600,
        )  # fmt: skip
        results = json.loads(output.read_text())
    assert results["score"] == 20 and all(t["status"] == "passed" for t in results["tests"])


def test_nbgrader_autograde_gives_the_kits_per_check_scores(mirror, tmp_path, monkeypatch):
    """Real nbgrader runs the whole notebook (five epochs on the mirror's digits) in the
    student's kernel; its per-cell scores for a wrong network equal the kit's."""
    pytest.importorskip("torch", reason=skip_reason(A6))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # the notebook's kernel; the box is shared
    course = copy_course(A6, tmp_path / "course")
    generate_outputs(course)
    mistake = next(m for m in load_mistakes(course) if m.name == "flatten_size_assumes_padding")
    notebook = write_variant(course, mistake, tmp_path / "wrong")
    submit_to_nbgrader(course, "wrong", notebook)
    by_kit = grade(course, notebook).scores_by_check()
    assert autograde(course.root, course.id, "wrong") == pytest.approx(by_kit)
    assert {k for k, v in by_kit.items() if v == 0} == mistake.fails
