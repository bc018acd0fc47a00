import ast

from autograder import student_server
from autograder.student_server import assigned_names, definitions_only, describe


def kept(source):
    module, skipped = definitions_only(source)
    return [type(n).__name__ for n in module.body], len(skipped)


def test_keeps_definitions_and_constants_only():
    """Are imports, defs, classes and call-free assignments kept, and everything else skipped?"""
    source = (
        "import numpy as np\nfrom math import pi\nEPS = 1e-12\nSIZES = [64, 64]\n"
        "def f(x):\n    return x\nclass A:\n    pass\n"
        "data = np.load('x.npz')\nwhile True:\n    pass\nimport sys\nsys.exit()\nf(3)\n"
    )
    names, skipped = kept(source)
    assert names == [
        "Import",
        "ImportFrom",
        "Assign",
        "Assign",
        "FunctionDef",
        "ClassDef",
        "Import",
    ]
    assert skipped == 4


def test_magics_are_blanked_and_cell_magics_dropped():
    """Do IPython magics neither break parsing nor shift line numbers?"""
    module, _ = definitions_only("%matplotlib inline\n!pip install x\ndef f():\n    return 1\n")
    assert module.body[0].lineno == 3
    assert definitions_only("%%time\ndef f():\n    pass\n")[0].body == []


def test_describe_names_the_cell_and_line():
    """Does the one-line description point at the student's cell and line?"""
    namespace = {}
    exec(compile(ast.parse("def f():\n    return 1 / 0\n"), "<cell 7>", "exec"), namespace)
    try:
        namespace["f"]()
    except ZeroDivisionError as exc:
        text = describe(exc)
    assert text == "ZeroDivisionError: division by zero (in f, cell 7 line 2)"
    assert describe(SystemExit(3)) == "called sys.exit(3)"


def test_a_name_only_top_level_code_sets_is_explained():
    """The seed's layout (layers built at the top level, used by a function) fails in the grader:
    the message says why and what to do, not just NameError."""
    source = (
        "import math\nlayers = [math.sqrt(2)]\nsize: int = len(layers)\n"
        "def f():\n    return layers\n"
    )
    module, skipped = definitions_only(source)
    assert assigned_names(skipped) == {"layers", "size"}
    student_server.SKIPPED_NAMES.update({"layers"})
    namespace = {}
    exec(compile(module, "<cell 2>", "exec"), namespace)
    try:
        namespace["f"]()
    except NameError as exc:
        text = describe(exc)
    student_server.SKIPPED_NAMES.clear()
    assert text.startswith("NameError: name 'layers' is not defined; `layers` is set by top-level")
    assert text.endswith("create it inside the function (in f, cell 2 line 5)")
