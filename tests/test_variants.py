import pytest
from factories import module_toy_course, toy_course

from autograder.variants import (
    Variant,
    apply_variant,
    apply_variant_to_module,
    load_alternatives,
    load_mistakes,
    write_variant,
)


def mistake(source, fails=("double_public",)):
    return Variant("m", "a mistake", frozenset(fails), source)


def test_a_mistake_replaces_the_definition_in_its_cell(tmp_path):
    """Is only the named function swapped, leaving the rest of its cell alone?"""
    import nbformat

    assignment = toy_course(tmp_path)
    nb = nbformat.read(assignment.paths.source_notebook, as_version=4)
    changed = apply_variant(nb, mistake("import numpy as np\n\ndef double(x):\n    return x\n"))
    cell = changed.cells[2].source
    assert "def double(x):\n    return x\n" in cell + "\n"
    assert "class Counter:" in cell and "2 * np.asarray" not in cell
    assert nb.cells[2].source != cell  # the original is untouched


def test_a_variant_replacing_nothing_is_refused(tmp_path):
    import nbformat

    nb = nbformat.read(toy_course(tmp_path).paths.source_notebook, as_version=4)
    with pytest.raises(ValueError, match="replaces none of the notebook's definitions"):
        apply_variant(nb, mistake("def triple(x):\n    return 3 * x\n"))


def test_a_variants_other_statements_go_above_its_first_definition(tmp_path):
    """Imports, constants and new helpers of a variant come along (a network built once at the
    top level, a helper class), placed where the function that uses them can see them."""
    import nbformat

    nb = nbformat.read(toy_course(tmp_path).paths.source_notebook, as_version=4)
    source = (
        '"""Doubles by a helper."""\nimport math\n\nFACTOR = math.sqrt(4)\n\n\n'
        "class Twice:\n    pass\n\n\ndef double(x):\n    return FACTOR * x\n"
    )
    cell = apply_variant(nb, mistake(source)).cells[2].source
    assert cell.startswith("import math\n\nFACTOR = math.sqrt(4)\n\nclass Twice:\n    pass\n\n")
    assert "def double(x):\n    return FACTOR * x" in cell and '"""Doubles' not in cell


def test_a_variant_class_replaces_only_the_members_it_lists(tmp_path):
    """Does a class in a variant swap its methods and class attributes one by one, add the
    ones the reference lacks, take the variant's header, and keep every other member?"""
    import nbformat

    nb = nbformat.read(toy_course(tmp_path).paths.source_notebook, as_version=4)
    source = (
        "class Counter(object):\n    total = 0\n\n    def add(self, n):\n        return 0\n\n"
        "    def reset(self):\n        self.count = 0\n"
    )
    cell = apply_variant(nb, mistake(source)).cells[2].source
    counter = cell[cell.index("class Counter") :]
    assert counter.startswith("class Counter(object):\n    def __init__(self, start):\n")
    assert "    def add(self, n):\n        return 0\n" in counter
    assert "self.count += n" not in counter
    assert counter.endswith("\n\n    total = 0\n\n    def reset(self):\n        self.count = 0")
    with pytest.raises(ValueError, match="holds only methods, class attributes and a docstring"):
        apply_variant(nb, mistake("class Counter:\n    print('hi')\n"))


def test_mistake_files_declare_what_must_fail(tmp_path):
    assignment = toy_course(tmp_path)
    assignment.paths.mistakes_dir.mkdir()
    (assignment.paths.mistakes_dir / "halves.py").write_text(
        '"""Halves instead of doubling.\n\nfails: double_public,\n    double_hidden\n"""\n'
        "def double(x):\n    return x / 2\n"
    )
    (found,) = load_mistakes(assignment)
    assert found.name == "halves" and found.description == "Halves instead of doubling."
    assert found.fails == {"double_public", "double_hidden"}
    (assignment.paths.mistakes_dir / "bad.py").write_text(
        '"""Identity."""\ndef double(x):\n    return x\n'
    )
    with pytest.raises(ValueError, match="'fails:' line"):
        load_mistakes(assignment)


def test_alternatives_are_correct_and_say_what_differs(tmp_path):
    assignment = toy_course(tmp_path)
    assignment.paths.alternatives_dir.mkdir()
    (assignment.paths.alternatives_dir / "sum.py").write_text(
        '"""Doubles by adding."""\ndef double(x):\n    return x + x\n'
    )
    (found,) = load_alternatives(assignment)
    assert found.description == "Doubles by adding." and found.fails == frozenset()
    (assignment.paths.alternatives_dir / "halves.py").write_text(
        '"""Halves.\n\nfails: double_public\n"""\ndef double(x):\n    return x / 2\n'
    )
    with pytest.raises(ValueError, match="may not list 'fails:'"):
        load_alternatives(assignment)
    (assignment.paths.alternatives_dir / "halves.py").write_text(
        "def double(x):\n    return x / 2\n"
    )
    with pytest.raises(ValueError, match="docstring must describe"):
        load_alternatives(assignment)


def test_every_a1_mistake_names_real_checks():
    """Does each a1 mistake list only grade_ids that exist in the checks module?"""
    from autograder.grade import load_checks
    from autograder.manifest import load_assignment

    a1 = load_assignment("a1_two_moons")
    ids = {c.grade_id for c in load_checks(a1)}
    mistakes = load_mistakes(a1)
    assert len(mistakes) >= 8
    for m in mistakes:
        assert m.fails and m.fails <= ids, m.name


def test_a_mistake_is_swapped_into_the_student_module(tmp_path):
    """For an assignment with a student module, is the variant written as that module, with
    only the named class replaced?"""
    toy = module_toy_course(tmp_path / "course")
    wrong = "class Counter:\n    def add(self, n):\n        return 0\n"
    path = write_variant(toy, mistake(wrong, ["counter_public"]), tmp_path / "out")
    assert path == tmp_path / "out" / "m" / "toy_answers.py"
    text = path.read_text()
    assert text.startswith("import numpy as np\n") and "return 0\n" in text
    assert "def double(x):" in text and "self.count += n" not in text
    with pytest.raises(ValueError, match="replaces none of the module.s definitions"):
        apply_variant_to_module(text, mistake("def triple(x):\n    return 3 * x\n"))
