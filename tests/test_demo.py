"""The demo: builds and grades in a temporary course, leaving the course's own files alone."""

from factories import module_toy_course

from autograder.demo import demo


def test_the_demo_grades_in_a_temporary_course_and_leaves_the_gradebook_alone(tmp_path, capsys):
    """Does the demo build and grade every assignment, write the zip into dist/, and leave the
    course without a gradebook, a new release or staged files?"""
    toy = module_toy_course(tmp_path / "course")
    before = sorted(p.relative_to(toy.root) for p in toy.root.rglob("*"))
    demo(toy.root)
    printed = capsys.readouterr().out
    assert "== toy: Toy with a student module" in printed
    assert "toy: 4 / 4 points" in printed
    after = sorted(p.relative_to(toy.root) for p in toy.root.rglob("*") if "dist" not in p.parts)
    assert after == before
    assert (toy.root / "dist" / "toy_autograder.zip").is_file()
