"""Mutants of the reference solution: small, plausible bugs made automatically, to prove the checks.

Only the solution regions change (the code between ``### BEGIN SOLUTION`` and ``### END SOLUTION``,
in the notebook's cells or in the student module). Each mutant makes one edit, with operators aimed
at NumPy code (`OPERATORS`): flipped operators and signs, dropped terms and factors, sum <-> mean,
changed or dropped axes, dropped ``keepdims``, dropped transposes, off-by-one slices, indices and
ranges, in-place <-> copy, dropped or repeated statements, swapped arguments, changed constants and
seeds, dropped activations. A mutant is a `Variant`: its one changed definition (a function, or
the whole class holding a changed method), swapped into the reference like a mistake.

Mutant ids read ``scope: before -> after`` (``sigmoid: np.abs(x) -> x``) and stay the same as long
as the code they change does; the manifest lists equivalent ones by id. Numbers below 1e-6 in
absolute value (the eps of a clip or a log) are not changed: doubling them is never observable.
"""

from __future__ import annotations

import ast
import copy
import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import nbformat

from autograder.checkgen import defined_names
from autograder.manifest import Assignment
from autograder.nbgrader_cells import SOLUTION_BEGIN, SOLUTION_END, is_check_cell
from autograder.variants import DEFINITIONS, Variant

TINY = 1e-6
REDUCTION_SWAPS = {
    "sum": "mean",
    "mean": "sum",
    "max": "min",
    "min": "max",
    "argmax": "argmin",
    "argmin": "argmax",
    "maximum": "minimum",
    "minimum": "maximum",
    "amax": "amin",
    "amin": "amax",
}
AXIS_FUNCTIONS = {
    "sum",
    "mean",
    "max",
    "min",
    "argmax",
    "argmin",
    "std",
    "var",
    "prod",
    "amax",
    "amin",
    "cumsum",
    "concatenate",
    "stack",
    "expand_dims",
    "logsumexp",
}
# np.clip(a, lo, hi) is min(max(a, lo), hi): swapping a and lo changes nothing
SYMMETRIC = {"maximum", "minimum", "add", "multiply", "allclose", "isclose", "max", "min", "clip"}
ELEMENTWISE = {"tanh", "exp", "log", "sqrt", "abs", "log1p", "expm1", "asarray", "array", "copy"}
SEEDED = {"default_rng", "seed", "RandomState", "manual_seed"}
FLIPS = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Pow: ast.Mult,
    ast.MatMult: ast.Mult,
}
COMPARE_FLIPS = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
ATOMIC = (ast.Name, ast.Constant, ast.Call, ast.Attribute, ast.Subscript, ast.List, ast.Tuple)
# where an expression needs no parentheses of its own: a whole argument, value or statement
WHOLE = (ast.Call, ast.keyword, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Expr)


@dataclass(frozen=True)
class Mutant:
    """One mutant: its id, the operator that made it, the definition it changes, and the diff."""

    id: str
    operator: str
    scope: str
    variant: Variant
    diff: str


@dataclass(frozen=True)
class Site:
    """A node of a solution region, with what the operators need to know about where it is."""

    node: ast.AST
    parent: ast.AST | None
    student_names: frozenset[str]


def mutants_of(assignment: Assignment) -> list[Mutant]:
    """Every mutant of `assignment`'s solution regions, in source order, without duplicates."""
    sources = _solution_sources(assignment)
    students = frozenset(name for source in sources for name in defined_names(source))
    found, seen, ids = [], set(), {}
    for source in sources:
        for scope, before, after, operator, change in _mutated_definitions(source, students):
            key = ast.dump(ast.parse(after))
            if key in seen:
                continue
            seen.add(key)
            base = f"{scope}: {change}"
            ids[base] = ids.get(base, 0) + 1
            mutant_id = base if ids[base] == 1 else f"{base} (#{ids[base]})"
            variant = Variant(f"mutant{len(found):04d}", mutant_id, frozenset(), after)
            found.append(Mutant(mutant_id, operator, scope, variant, _diff(before, after)))
    return found


def mutate_source(source: str, student_names: frozenset[str] = frozenset()) -> list[tuple]:
    """(scope, operator, changed definition) for each mutant of one cell or module `source`
    (for tests and tools; `mutants_of` is what validation uses)."""
    return [(s, op, after) for s, _, after, op, _ in _mutated_definitions(source, student_names)]


def solution_lines(source: str) -> set[int]:
    """The 1-based numbers of the lines strictly inside the solution regions of `source`."""
    inside, lines = False, set()
    for number, line in enumerate(source.splitlines(), start=1):
        if line.strip().startswith(SOLUTION_BEGIN):
            inside = True
        elif line.strip().startswith(SOLUTION_END):
            inside = False
        elif inside:
            lines.add(number)
    return lines


def _solution_sources(assignment: Assignment) -> list[str]:
    """The sources that hold solution regions: the student module, or the notebook's cells."""
    return [source for source in reference_sources(assignment) if SOLUTION_BEGIN in source]


def _mutated_definitions(source: str, students: frozenset[str]) -> Iterator[tuple]:
    """(scope, definition, mutated definition, operator, ``old -> new``) for every edit of every
    top-level definition of `source` that holds solution lines."""
    solution = solution_lines(source)
    lines = source.splitlines()
    for top in ast.parse(source).body:
        if not isinstance(top, DEFINITIONS):
            continue
        first = min([top.lineno, *(d.lineno for d in top.decorator_list)])
        inside = {n - first + 1 for n in solution if first <= n <= top.end_lineno}
        if not inside:
            continue
        before = "\n".join(lines[first - 1 : top.end_lineno])
        tree = ast.parse(before)
        for site in _sites(tree, inside, students):
            for operator, replacement in _edits(site):
                after = _splice(before, site.node, replacement)
                if _parses_differently(before, after):
                    old = ast.get_source_segment(before, site.node) or ""
                    change = f"{_one_line(old)} -> {_one_line(replacement)}"
                    yield top.name, before, after, operator, change


def _sites(tree: ast.AST, inside: set[int], students: frozenset[str]) -> Iterator[Site]:
    """The nodes lying wholly on solution lines, outside f-strings, with their parents."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if not hasattr(node, "lineno") or node.end_lineno is None:
            continue
        if not all(n in inside for n in range(node.lineno, node.end_lineno + 1)):
            continue
        if any(isinstance(p, ast.JoinedStr) for p in _ancestors(node, parents)):
            continue
        yield Site(node, parents.get(node), students)


def _ancestors(node: ast.AST, parents: dict) -> Iterator[ast.AST]:
    while node in parents:
        node = parents[node]
        yield node


def _edits(site: Site) -> Iterator[tuple[str, str]]:
    for name, operator in OPERATORS:
        for replacement in operator(site):
            if not isinstance(replacement, str):
                replacement = _text(replacement, site.parent)
            yield name, replacement


def _text(node: ast.AST, parent: ast.AST | None) -> str:
    text = ast.unparse(ast.fix_missing_locations(node))
    bare = isinstance(node, (*ATOMIC, ast.stmt)) or isinstance(parent, WHOLE)
    return text if bare else f"({text})"


def _splice(source: str, node: ast.AST, text: str) -> str:
    """`source` with `node`'s span replaced by `text` (ast columns count UTF-8 bytes)."""
    lines = [line.encode() for line in source.splitlines(keepends=True)]
    start = sum(len(x) for x in lines[: node.lineno - 1]) + node.col_offset
    end = sum(len(x) for x in lines[: node.end_lineno - 1]) + node.end_col_offset
    data = b"".join(lines)
    return (data[:start] + text.encode() + data[end:]).decode()


def _parses_differently(before: str, after: str) -> bool:
    try:
        return ast.dump(ast.parse(after)) != ast.dump(ast.parse(before))
    except SyntaxError:
        return False


def _one_line(code: str) -> str:
    """`code` on one line, as Python writes it back: statements joined by ``;``."""
    try:
        code = ast.unparse(ast.parse(code))
    except SyntaxError:  # a slice (`a:b`) on its own
        pass
    return "; ".join(" ".join(line.split()) for line in code.splitlines() if line.strip())


def _diff(before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
    return "\n".join(line for line in lines if not line.startswith(("---", "+++")))


# --- the operators: each takes a site and returns new nodes (or source text) for its span ---


def _function_name(call: ast.Call) -> str | None:
    """`sum` for ``np.sum(...)``, ``x.sum(...)`` and ``sum(...)``."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _replaced(node: ast.AST, **fields) -> ast.AST:
    new = copy.deepcopy(node)
    for key, value in fields.items():
        setattr(new, key, value)
    return new


def binary_operator(site: Site) -> list:
    """``a + b`` <-> ``a - b``, ``*`` <-> ``/``, ``**`` and ``@`` -> ``*``."""
    node = site.node
    if isinstance(node, ast.BinOp) and type(node.op) in FLIPS:
        return [_replaced(node, op=FLIPS[type(node.op)]())]
    if isinstance(node, ast.AugAssign) and type(node.op) in FLIPS:
        return [_replaced(node, op=FLIPS[type(node.op)]())]
    return []


def sign(site: Site) -> list:
    """``-x`` -> ``x``, ``not c`` -> ``c``."""
    node = site.node
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
        if isinstance(node.operand, ast.Constant):
            return []  # a negative number: `constant` changes it
        return [node.operand]
    return []


def comparison(site: Site) -> list:
    """``<`` <-> ``<=``, ``>`` <-> ``>=``, ``==`` <-> ``!=``."""
    node = site.node
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in COMPARE_FLIPS:
        return [_replaced(node, ops=[COMPARE_FLIPS[type(node.ops[0])]()])]
    return []


def dropped_term(site: Site) -> list:
    """``a + b`` -> ``a`` or ``b`` (a regulariser, an eps, a bias), ``a * b`` -> ``a`` or ``b``
    (a factor such as 1/N or the learning rate), ``a / b`` -> ``a``."""
    node = site.node
    if not isinstance(node, ast.BinOp):
        return []
    if isinstance(node.op, (ast.Add, ast.Mult)):
        return [node.left, node.right]
    if isinstance(node.op, (ast.Sub, ast.Div)):
        return [node.left]
    return []


def reduction(site: Site) -> list:
    """``sum`` <-> ``mean``, ``max`` <-> ``min``, ``argmax`` <-> ``argmin``, ``maximum`` <->
    ``minimum``, as numpy functions or array methods."""
    node = site.node
    if not isinstance(node, ast.Call) or _function_name(node) not in REDUCTION_SWAPS:
        return []
    if isinstance(node.func, ast.Name):
        return []  # Python's own sum, max: mostly over lists of numbers
    swapped = _replaced(node.func, attr=REDUCTION_SWAPS[node.func.attr])
    return [_replaced(node, func=swapped)]


def axis(site: Site) -> list:
    """``axis=0`` <-> ``axis=1``, ``axis=-1`` -> ``axis=0``, or no axis at all."""
    node = site.node
    if not isinstance(node, ast.Call) or _function_name(node) not in AXIS_FUNCTIONS:
        return []
    found = []
    for i, keyword in enumerate(node.keywords):
        if keyword.arg != "axis":
            continue
        others = node.keywords[:i] + node.keywords[i + 1 :]
        found.append(_replaced(node, keywords=others))
        value = _int_value(keyword.value)
        if value is not None:
            new = ast.keyword("axis", ast.Constant(1 if value == 0 else 0))
            found.append(_replaced(node, keywords=[*others[:i], new, *others[i:]]))
    return found


def keepdims(site: Site) -> list:
    """``keepdims=True`` dropped."""
    node = site.node
    if not isinstance(node, ast.Call):
        return []
    kept = [k for k in node.keywords if k.arg != "keepdims"]
    return [_replaced(node, keywords=kept)] if len(kept) < len(node.keywords) else []


def transpose(site: Site) -> list:
    """``x.T``, ``x.transpose()`` and ``np.transpose(x)`` -> ``x``."""
    node = site.node
    if isinstance(node, ast.Attribute) and node.attr == "T" and isinstance(node.ctx, ast.Load):
        return [node.value]
    if isinstance(node, ast.Call) and _function_name(node) == "transpose":
        if isinstance(node.func, ast.Attribute) and not node.args:
            return [node.func.value]
        if len(node.args) == 1:
            return [node.args[0]]
    return []


def off_by_one(site: Site) -> list:
    """Slice bounds, integer indices and ``range`` bounds moved by one."""
    node, parent = site.node, site.parent
    if isinstance(node, ast.Slice):
        found = []
        for bound in ("lower", "upper"):
            value = getattr(node, bound)
            if value is None:
                continue
            found += [_replaced(node, **{bound: _plus(value, step)}) for step in (1, -1)]
        return [_slice_text(site, new) for new in found]
    if isinstance(parent, ast.Subscript) and node is parent.slice:
        value = _int_value(node)
        if value is not None:
            return [ast.Constant(value + 1)] + ([ast.Constant(value - 1)] if value != 0 else [])
    if isinstance(node, ast.Call) and _function_name(node) == "range" and node.args:
        if len(node.args) == 1:
            stop = node.args[0]
            return [
                _replaced(node, args=[_plus(stop, -1)]),
                _replaced(node, args=[ast.Constant(1), stop]),
            ]
        start, stop, *rest = node.args
        return [
            _replaced(node, args=[_plus(start, 1), stop, *rest]),
            _replaced(node, args=[start, _plus(stop, -1), *rest]),
        ]
    return []


def _slice_text(site: Site, new: ast.Slice) -> str:
    """A slice has no source of its own outside its brackets: unparse it bare."""
    return ast.unparse(ast.fix_missing_locations(new))


def _plus(value: ast.expr, step: int) -> ast.expr:
    number = _int_value(value)
    if number is not None:
        return ast.Constant(number + step) if number + step >= 0 else _negative(number + step)
    op = ast.Add() if step > 0 else ast.Sub()
    return ast.BinOp(copy.deepcopy(value), op, ast.Constant(abs(step)))


def _negative(number: int) -> ast.expr:
    return ast.UnaryOp(ast.USub(), ast.Constant(-number))


def _int_value(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int_value(node.operand)
        return None if inner is None else -inner
    return None


def in_place(site: Site) -> list:
    """``x += y`` <-> ``x = x + y``, and copies dropped: ``x.copy()``, ``np.copy(x)``,
    ``np.array(x)`` -> ``x``."""
    node = site.node
    if isinstance(node, ast.AugAssign):
        value = ast.BinOp(_as_load(node.target), node.op, node.value)
        return [ast.Assign([node.target], value)]
    if (
        isinstance(node, ast.Assign)
        and isinstance(node.value, ast.BinOp)
        and len(node.targets) == 1
    ):
        target, value = node.targets[0], node.value
        if ast.dump(_as_load(target)) == ast.dump(value.left):
            return [ast.AugAssign(target, value.op, value.right)]
    if isinstance(node, ast.Call) and _function_name(node) == "copy":
        if isinstance(node.func, ast.Attribute) and not node.args and not node.keywords:
            if not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "copy")):
                return [node.func.value]
    if isinstance(node, ast.Call) and _function_name(node) in ("copy", "array") and node.args:
        if isinstance(node.func, ast.Attribute) and not node.keywords:
            return [node.args[0]]
    return []


def _as_load(target: ast.expr) -> ast.expr:
    new = copy.deepcopy(target)
    for child in ast.walk(new):
        if hasattr(child, "ctx"):
            child.ctx = ast.Load()
    return new


def statement(site: Site) -> list:
    """A statement dropped (replaced by ``pass``), or an update repeated (``x += y`` twice, a
    call on its own line, ``x = f(x)``)."""
    node = site.node
    if not isinstance(node, (ast.Assign, ast.AugAssign, ast.Expr, ast.AnnAssign)):
        return []
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return []  # a docstring
    found = ["pass"]
    targets = {ast.dump(_as_load(t)) for t in getattr(node, "targets", [])}
    reads_target = any(ast.dump(n) in targets for n in ast.walk(node.value))
    if isinstance(node, (ast.AugAssign, ast.Expr)) or reads_target:
        text = ast.unparse(node)
        found.append(f"{text}\n{' ' * node.col_offset}{text}")
    return found


def swapped_arguments(site: Site) -> list:
    """The first two positional arguments swapped (the 2nd and 3rd of ``np.where``), unless the
    function is symmetric."""
    node = site.node
    if not isinstance(node, ast.Call) or _function_name(node) in SYMMETRIC:
        return []
    args = node.args
    if any(isinstance(a, ast.Starred) for a in args):
        return []
    if _function_name(node) == "where" and len(args) == 3:
        return [_replaced(node, args=[args[0], args[2], args[1]])]
    if len(args) >= 2 and ast.dump(args[0]) != ast.dump(args[1]):
        return [_replaced(node, args=[args[1], args[0], *args[2:]])]
    return []


def constant(site: Site) -> list:
    """Numbers changed: an integer by one, a float doubled (0.0 -> 1.0); a seed argument
    dropped, so that the generator draws fresh entropy."""
    node, parent = site.node, site.parent
    if isinstance(node, ast.Call) and _function_name(node) in SEEDED and node.args:
        return [_replaced(node, args=[], keywords=[])]
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
        return []
    if isinstance(parent, ast.Subscript) and node is parent.slice:
        return []  # an index: `off_by_one`
    if isinstance(parent, ast.Slice) or _is_range_argument(site):
        return []
    if type(node.value) is int:
        return [ast.Constant(node.value + 1)]
    if type(node.value) is float and (node.value == 0.0 or abs(node.value) >= TINY):
        return [ast.Constant(node.value * 2.0 if node.value else 1.0)]
    return []


def _is_range_argument(site: Site) -> bool:
    parent = site.parent
    return isinstance(parent, ast.Call) and _function_name(parent) == "range"


def dropped_call(site: Site) -> list:
    """An activation or elementwise function dropped: ``relu(z)``, ``np.tanh(z)``,
    ``np.exp(z)`` -> ``z``; ``np.maximum(z, 0)`` -> ``z``."""
    node = site.node
    if not isinstance(node, ast.Call) or not node.args:
        return []
    name = _function_name(node)
    if name in ("maximum", "minimum") and len(node.args) == 2:
        return [a for a in node.args if not isinstance(a, ast.Constant)][:1]
    own = isinstance(node.func, ast.Name) and node.func.id in site.student_names
    numpy = isinstance(node.func, ast.Attribute) and name in ELEMENTWISE
    if (own or numpy) and len(node.args) == 1 and not isinstance(node.args[0], ast.Starred):
        return [node.args[0]]
    return []


OPERATORS: list[tuple[str, Callable[[Site], list]]] = [
    ("binary operator", binary_operator),
    ("sign", sign),
    ("comparison", comparison),
    ("dropped term", dropped_term),
    ("reduction", reduction),
    ("axis", axis),
    ("keepdims", keepdims),
    ("transpose", transpose),
    ("off by one", off_by_one),
    ("in place", in_place),
    ("statement", statement),
    ("swapped arguments", swapped_arguments),
    ("constant", constant),
    ("dropped call", dropped_call),
]


def reached_names(sources: list[str]) -> dict[str, set[str]]:
    """Top-level name -> the top-level definitions its code can run: itself, and what it uses,
    directly or through others (what a check calling it can reach)."""
    uses: dict[str, set[str]] = {}
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:  # a cell with IPython magics holds no solution
            continue
        for node in tree.body:
            if isinstance(node, DEFINITIONS):
                used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
                uses.setdefault(node.name, set()).update(used | {node.name})
    reached = {name: set(used) & set(uses) for name, used in uses.items()}
    changed = True
    while changed:
        changed = False
        for found in reached.values():
            more = set().union(*(reached[n] for n in found)) - found
            if more:
                found |= more
                changed = True
    return reached


def reference_sources(assignment: Assignment) -> list[str]:
    """Every source of the reference the student process loads: the module, or the code cells."""
    if assignment.student_module:
        return [assignment.paths.source_submission.read_text()]
    nb = nbformat.read(assignment.paths.source_notebook, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and not is_check_cell(c)]
