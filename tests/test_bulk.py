import csv
import json
import shutil

from factories import TOY_SOLUTION, submission, toy_course

from autograder.bulk import find_submissions, grade_all
from autograder.cli import main

WRONG = TOY_SOLUTION.replace("return 2 * np.asarray(x, dtype=float)", "return np.asarray(x) + 2")


def mixed_folder(toy, folder):
    """Four students, in the three layouts, one of them with a notebook that is not JSON."""
    nbgrader = folder / "ana" / "toy"
    nbgrader.mkdir(parents=True)
    shutil.copy(toy.source_notebook, nbgrader / "toy.ipynb")
    (folder / "ben").mkdir()
    submission(folder / "ben", WRONG)
    (folder / "cy").mkdir()
    (folder / "cy" / "toy.ipynb").write_text("{not json")
    submission(folder, TOY_SOLUTION, name="dee.ipynb")
    (folder / ".DS_Store").write_text("")


def test_every_layout_is_found_with_its_student_id(tmp_path):
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    found = {
        s.student: s.path.relative_to(tmp_path / "in").as_posix()
        for s in find_submissions(toy, tmp_path / "in")
    }
    assert found == {"ana": "ana/toy", "ben": "ben", "cy": "cy", "dee": "dee.ipynb"}


def test_grade_all_writes_a_result_per_student_and_a_gradebook(tmp_path):
    """Two workers, a broken notebook in the middle: every student still gets a row and a file."""
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    rows = grade_all(toy, tmp_path / "in", tmp_path / "out", workers=2, progress=False)
    assert [(r.student, r.score) for r in rows] == [
        ("ana", 4.0),
        ("ben", 3.0),
        ("cy", 0.0),
        ("dee", 4.0),
    ]
    assert all(r.grader_ok for r in rows)
    cy = json.loads((tmp_path / "out/results/cy.json").read_text())
    assert cy["score"] == 0 and "not a valid notebook" in cy["output"]
    with open(tmp_path / "out/gradebook.csv") as stream:
        table = list(csv.DictReader(stream))
    assert [row["student"] for row in table] == ["ana", "ben", "cy", "dee"]
    assert table[1]["score"] == "3.0" and table[1]["double_public"] == "0.0"
    assert table[1]["counter_public"] == "2.0" and table[0]["max_score"] == "4.0"


def test_the_cli_grades_a_folder(tmp_path, capsys, monkeypatch):
    toy = toy_course(tmp_path / "course")
    mixed_folder(toy, tmp_path / "in")
    monkeypatch.setattr("autograder.cli.load_assignment", lambda _id: toy)
    assert (
        main(
            [
                "grade-all",
                "toy",
                str(tmp_path / "in"),
                "-o",
                str(tmp_path / "out"),
                "--workers",
                "1",
            ]
        )
        == 0
    )
    assert "4 submissions graded" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "out/results").iterdir()) == [
        "ana.json",
        "ben.json",
        "cy.json",
        "dee.json",
    ]
