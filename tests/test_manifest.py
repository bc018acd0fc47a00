import pytest
from factories import data_toy_course, side_toy_course

from autograder.manifest import (
    CHECKS_HELPERS,
    KIT_ROOT,
    GradingData,
    ManifestError,
    all_assignments,
    load_assignment,
)


def test_a1_manifest_is_read_with_its_paths_and_limits():
    a1 = load_assignment("a1_two_moons")
    assert a1.notebook == "a1_two_moons.ipynb"
    assert a1.source_notebook == KIT_ROOT / "solutions/a1_two_moons/a1_two_moons.ipynb"
    assert a1.release_dir == KIT_ROOT / "assignments/a1_two_moons"
    assert a1.checks_file == KIT_ROOT / "checks/a1_two_moons.py"
    assert a1.check_seconds == 30 and a1.total_seconds == 300 and a1.memory_mb == 1024
    support = a1.support_sources()
    assert support[CHECKS_HELPERS] == KIT_ROOT / "nnkit_checks.py"
    assert support["two_moons_train.npz"] == KIT_ROOT / "datasets/data/two_moons_train.npz"
    assert all(path.is_file() for path in support.values())


def test_every_assignment_is_found_from_its_manifest():
    assert "a1_two_moons" in [a.id for a in all_assignments()]


def test_unknown_assignment_lists_the_known_ones():
    with pytest.raises(ManifestError, match=r"no assignment named 'a9' \(known: .*a1_two_moons"):
        load_assignment("a9")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('title = "x"\nnotebook = "n.ipynb"', "'id'"),
        ('id = "other"\ntitle = "x"\nnotebook = "n.ipynb"', "does not match its folder"),
        (
            'id = "bad"\ntitle = "x"\nnotebook = "n.ipynb"\n[gradescope]\nhidden_visibility = "x"',
            "one of",
        ),
        ("id = [", "bad"),
        (
            'id = "bad"\ntitle = "x"\nnotebook = "n.ipynb"\n[[grading_data]]\nfile = "g.npz"',
            "missing 3 required",
        ),
        (
            'id = "bad"\ntitle = "x"\nnotebook = "n.ipynb"\nstudent_module = "sub/answers.py"',
            "student_module must be a file name ending in .py",
        ),
    ],
)
def test_a_broken_manifest_is_one_clear_error(tmp_path, text, message):
    (tmp_path / "solutions" / "bad").mkdir(parents=True)
    (tmp_path / "solutions" / "bad" / "assignment.toml").write_text(text)
    with pytest.raises(ManifestError, match=message):
        load_assignment("bad", tmp_path)


def test_support_packages_and_grading_data_are_read(tmp_path):
    """Does a package ship under its own name, and is the grading cut outside the source?"""
    toy = data_toy_course(tmp_path)
    assert toy.support_sources() == {
        "nnkit_checks.py": tmp_path / "nnkit_checks.py",
        "nnkit_datasets": tmp_path / "datasets" / "nnkit_datasets",
    }
    assert toy.grading_data == (GradingData("mnist_grading.npz", "mnist", 20, 5, seed=3),)
    assert toy.grading_data_files() == [tmp_path / "grading_data/toy/mnist_grading.npz"]


def test_copying_support_files_takes_only_a_packages_python_files(tmp_path):
    """Does nnkit_datasets/ get the package's modules and none of its data or caches?"""
    toy = data_toy_course(tmp_path / "course")
    (tmp_path / "course" / "datasets" / "nnkit_datasets" / "stray.npz").write_bytes(b"x")
    toy.copy_support_files(tmp_path / "out")
    copied = sorted(p.name for p in (tmp_path / "out" / "nnkit_datasets").iterdir())
    assert "loaders.py" in copied and all(name.endswith(".py") for name in copied)
    assert (tmp_path / "out" / "nnkit_checks.py").is_file()


def test_a_student_module_makes_it_the_graded_file(tmp_path):
    """With `student_module`, does the grader read the module and the notebook otherwise?"""
    (tmp_path / "solutions" / "m").mkdir(parents=True)
    manifest = 'id = "m"\ntitle = "x"\nnotebook = "m.ipynb"\n'
    (tmp_path / "solutions" / "m" / "assignment.toml").write_text(manifest)
    assert load_assignment("m", tmp_path).source_submission.name == "m.ipynb"
    (tmp_path / "solutions" / "m" / "assignment.toml").write_text(
        manifest + 'student_module = "m_answers.py"\n'
    )
    assignment = load_assignment("m", tmp_path)
    assert assignment.graded_file == "m_answers.py"
    assert assignment.source_submission == tmp_path / "solutions/m/m_answers.py"
    assert assignment.release_submission == tmp_path / "assignments/m/m_answers.py"


def test_extra_requirements_say_what_is_missing_and_how_to_install_it(tmp_path):
    toy = side_toy_course(tmp_path, "# optional\n--extra-index-url https://x.invalid\nnumpy>=1\n")
    assert toy.student_side_modules == ("inspect_toy",)
    assert toy.extra_requirement_pins() == ["numpy>=1"]
    assert toy.skip_reason() is None
    (tmp_path / "requirements-extra.txt").write_text("nnkit-absent-package==1.0\n")
    assert toy.skip_reason() == (
        "toy needs nnkit-absent-package, which is not installed: "
        "pip install -r requirements-extra.txt"
    )


def test_a_student_side_module_must_be_a_support_file(tmp_path):
    toy = side_toy_course(tmp_path)
    manifest = toy.source_dir / "assignment.toml"
    manifest.write_text(manifest.read_text().replace('["inspect_toy"]', '["elsewhere"]'))
    with pytest.raises(ManifestError, match=r"student_side_modules \['elsewhere'\]"):
        load_assignment("toy", tmp_path)
