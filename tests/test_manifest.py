import pytest
from factories import data_toy_course, side_toy_course

from autograder.layout import AssignmentPaths
from autograder.manifest import GradingData, ManifestError, all_assignments, load_assignment


def test_a1_manifest_is_read_with_its_files_and_limits():
    a1 = load_assignment("a1_two_moons")
    assert a1.notebook == "a1_two_moons.ipynb" and a1.graded_file == "a1_two_moons.ipynb"
    assert a1.check_seconds == 30 and a1.total_seconds == 300 and a1.memory_mb == 1024
    assert "datasets/data/two_moons_train.npz" in a1.support_files
    assert a1.extra_requirements is None and a1.hidden_visibility == "visible"


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
    """Are the support package and the grading cut read, and do its paths follow from them?"""
    toy = data_toy_course(tmp_path)
    assert toy.support_files == ("datasets/nnkit_datasets",)
    assert toy.grading_data == (GradingData("mnist_grading.npz", "mnist", 20, 5, seed=3),)
    assert toy.grading_data[0].key() == "mnist:20:5:3"
    assert toy.paths == AssignmentPaths(
        tmp_path, "toy", "toy.ipynb", "toy.ipynb", ("mnist_grading.npz",)
    )


def test_a_student_module_makes_it_the_graded_file(tmp_path):
    """With `student_module`, does the grader read the module and the notebook otherwise?"""
    (tmp_path / "solutions" / "m").mkdir(parents=True)
    manifest = 'id = "m"\ntitle = "x"\nnotebook = "m.ipynb"\n'
    (tmp_path / "solutions" / "m" / "assignment.toml").write_text(manifest)
    assert load_assignment("m", tmp_path).graded_file == "m.ipynb"
    (tmp_path / "solutions" / "m" / "assignment.toml").write_text(
        manifest + 'student_module = "m_answers.py"\n'
    )
    assignment = load_assignment("m", tmp_path)
    assert assignment.graded_file == "m_answers.py"
    assert assignment.paths.source_submission == tmp_path / "solutions/m/m_answers.py"


def test_student_side_modules_and_extra_requirements_are_read(tmp_path):
    toy = side_toy_course(tmp_path)
    assert toy.student_side_modules == ("inspect_toy",)
    assert toy.support_files == ("support/inspect_toy.py",)
    assert toy.extra_requirements == "requirements-extra.txt"


def test_a_missing_extra_requirements_file_is_one_clear_error(tmp_path):
    toy = side_toy_course(tmp_path)
    (tmp_path / "requirements-extra.txt").unlink()
    with pytest.raises(ManifestError, match="extra_requirements requirements-extra.txt is missing"):
        load_assignment(toy.id, tmp_path)


def test_a_student_side_module_must_be_a_support_file(tmp_path):
    toy = side_toy_course(tmp_path)
    manifest = toy.paths.source_dir / "assignment.toml"
    manifest.write_text(manifest.read_text().replace('["inspect_toy"]', '["elsewhere"]'))
    with pytest.raises(ManifestError, match=r"student_side_modules \['elsewhere'\]"):
        load_assignment("toy", tmp_path)
