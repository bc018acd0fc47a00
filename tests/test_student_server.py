import ast

import numpy as np
import pytest

from autograder import student_server
from autograder.student_server import Server, definitions_only, describe, location


def kept(source):
    module, skipped = definitions_only(source)
    return [type(n).__name__ for n in module.body], len(skipped)


def test_keeps_definitions_and_constants_only():
    """Are imports, defs, classes and assignments kept (those made by calls are vetted when
    they load), and everything else skipped?"""
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
        "Assign",
        "Import",
    ]
    assert skipped == 3


def test_magics_are_blanked_and_cell_magics_dropped():
    """Do IPython magics neither break parsing nor shift line numbers?"""
    module, _ = definitions_only("%matplotlib inline\n!pip install x\ndef f():\n    return 1\n")
    assert module.body[0].lineno == 3
    assert definitions_only("%%time\ndef f():\n    pass\n")[0].body == []


def test_describe_names_the_function_and_its_line():
    """Does the one-line description point at a line of the student's function, never at a
    cell number (Jupyter shows none)?"""
    namespace = {}
    source = "x = 1\n\ndef f():\n    y = 2\n    return y / 0\n"
    exec(compile(ast.parse(source), "<cell 7>", "exec"), namespace)
    try:
        namespace["f"]()
    except ZeroDivisionError as exc:
        text = describe(exc)
    assert text == "ZeroDivisionError: division by zero (line 3 of your `f`)"
    assert describe(SystemExit(3)) == "called sys.exit(3)"


def test_a_location_quotes_the_line_and_names_a_module_s_file():
    assert location("Dense.forward", "cell 4", 12, 10, "  return x @ self.w  ") == (
        "line 3 of your `Dense.forward`: `return x @ self.w`"
    )
    assert location("train", "a5_answers.py", 42, 30) == "line 42 of a5_answers.py, in your `train`"
    assert location("<module>", "cell 4", 2, 1, "y = f()") == "line 2 of that cell: `y = f()`"


@pytest.fixture
def loaded():
    """Load one cell into a fresh server; the names it skipped are forgotten afterwards."""
    servers = []

    def load(source):
        server = Server()
        servers.append(server)
        report = server.load([{"index": 2, "source": source}])
        return server.namespace, report

    yield load
    student_server.SKIPPED_NAMES.clear()


def test_a_name_only_top_level_code_sets_is_explained(loaded):
    """The seed's layout (layers built at the top level by the student's own code, used by a
    function) fails in the grader: the message says why and what to do, not just NameError."""
    namespace, _ = loaded(
        "def build():\n    return [2]\nlayers = build()\nsize: int = len(layers)\n"
        "def f():\n    return layers\n"
    )
    assert student_server.SKIPPED_NAMES == {"layers", "size"}
    try:
        namespace["f"]()
    except NameError as exc:
        text = describe(exc)
    assert text.startswith("NameError: name 'layers' is not defined; `layers` is set by top-level")
    assert text.endswith("create it inside the function (line 2 of your `f`: `return layers`)")


def test_constants_made_by_cheap_calls_load(loaded):
    """Do constants made by numpy, math and builtin calls load (a correct notebook used them
    in its functions and lost the points)?"""
    namespace, report = loaded(
        "import math\nimport numpy as np\nfrom numpy.random import default_rng\n"
        "EPS = np.float64(1e-12)\nrng = np.random.default_rng(0)\nGEN = default_rng(1)\n"
        "SIZES = list(range(3))\nSCALE: float = math.sqrt(2.0)\n"
        "W = rng.normal(size=(2, 3)).astype(np.float32)\n"
        "def f():\n    return EPS, rng.integers(10), SIZES, SCALE, GEN, W\n"
    )
    assert report["problems"] == []
    eps, draw, sizes, scale, generator, w = namespace["f"]()
    assert eps == 1e-12 and sizes == [0, 1, 2] and scale == pytest.approx(2**0.5)
    assert 0 <= draw < 10 and isinstance(generator, np.random.Generator)
    assert w.shape == (2, 3) and w.dtype == np.float32
    assert student_server.SKIPPED_NAMES == set()


def test_slow_or_side_effect_constants_are_still_skipped(loaded):
    """Are data loading, the student's own calls (training), global state, huge arrays and
    anything over its time budget skipped, with the rest of the cell still loaded?"""
    namespace, report = loaded(
        "import numpy as np\n"
        "def train():\n    raise AssertionError('never runs')\n"
        "data = np.load('x.npz')\nweights = train()\nstate = np.random.seed(0)\n"
        "huge = np.zeros(10**8)\nslow = np.array([i for i in range(10**9) if i < 0])\n"
        "fails = np.reshape(np.arange(3), (2, 2))\nopened = open('log.txt', 'w')\n"
        "mapped = np.vectorize(train)(np.arange(3))\n"
        "def after():\n    return 1\n"
    )
    assert report["problems"] == []
    skipped = {"data", "weights", "state", "huge", "slow", "fails", "opened", "mapped"}
    assert student_server.SKIPPED_NAMES == skipped
    assert not skipped & set(namespace)
    assert namespace["after"]() == 1
