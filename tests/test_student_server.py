import ast

from autograder.student_server import definitions_only, describe


def kept(source):
    module, skipped = definitions_only(source)
    return [type(n).__name__ for n in module.body], skipped


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
