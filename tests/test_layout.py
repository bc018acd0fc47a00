from autograder.layout import KIT_ROOT, AssignmentPaths, source_dir
from autograder.manifest import load_assignment


def test_a1s_files_live_under_the_kit():
    paths = load_assignment("a1_two_moons").paths
    assert paths.source_dir == KIT_ROOT / "solutions/a1_two_moons"
    assert paths.source_notebook == KIT_ROOT / "solutions/a1_two_moons/a1_two_moons.ipynb"
    assert paths.release_dir == KIT_ROOT / "assignments/a1_two_moons"
    assert paths.release_notebook == KIT_ROOT / "assignments/a1_two_moons/a1_two_moons.ipynb"
    assert paths.checks_file == KIT_ROOT / "checks/a1_two_moons.py"
    assert paths.mistakes_dir == KIT_ROOT / "solutions/a1_two_moons/mistakes"
    assert paths.alternatives_dir == KIT_ROOT / "solutions/a1_two_moons/alternatives"
    assert all(path.exists() for path in [paths.source_notebook, paths.checks_file])


def test_a_student_module_is_the_submission_in_both_folders(tmp_path):
    """With a student module, are the reference and the release's submission that module?"""
    paths = AssignmentPaths(tmp_path, "m", "m.ipynb", "m_answers.py", ())
    assert paths.source_submission == tmp_path / "solutions/m/m_answers.py"
    assert paths.release_submission == tmp_path / "assignments/m/m_answers.py"
    assert paths.source_notebook == tmp_path / "solutions/m/m.ipynb"


def test_grading_data_and_diagnoses_stay_outside_sources_and_releases(tmp_path):
    paths = AssignmentPaths(tmp_path, "toy", "toy.ipynb", "toy.ipynb", ("a.npz", "b.npz"))
    assert paths.grading_data_dir == tmp_path / "grading_data/toy"
    assert paths.grading_data_files() == [
        tmp_path / "grading_data/toy/a.npz",
        tmp_path / "grading_data/toy/b.npz",
    ]
    assert paths.diagnoses_file == tmp_path / "grading_data/toy/diagnoses.json"


def test_the_manifest_is_found_in_the_source_folder(tmp_path):
    assert source_dir(tmp_path, "toy") == tmp_path / "solutions/toy"
