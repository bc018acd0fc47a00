"""Print how well and how fast the class report finds copied code, on a synthetic class.

    .venv/bin/python benchmarks/copy_detection.py [--students 300] [--copies 12] [--timing 1000]

Each synthetic student starts from the reference notebook of a1_two_moons, swaps in some of the
assignment's realistic mistakes and correct alternatives, adds a few statements of their own
(a shape or type look at an argument, as students do while debugging), then renames the
variables they introduced, reorders independent statements and rewrites comments and spacing.
Some students copy another's notebook and put it through the same disguises (a few of those
also redo one function their own way), and one group of three shares one notebook. The script
prints the planted pairs found, the pairs flagged that were not planted, and the time the
comparison takes (reading every notebook, extracting the solution regions, comparing), then the
time for a class of `--timing` students.
"""

from __future__ import annotations

import argparse
import ast
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))

from autograder.checkgen import is_check_cell  # noqa: E402
from autograder.class_report import class_copying  # noqa: E402
from autograder.manifest import Assignment, load_assignment  # noqa: E402
from autograder.solution_regions import code_names, release_code  # noqa: E402
from autograder.variants import apply_variant, load_alternatives, load_mistakes  # noqa: E402

MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")
CHOSEN_VARIANT = 0.08  # chance that a student makes a given mistake or writes an alternative
OWN_STATEMENTS = 6  # statements of their own each student adds, in random solution regions
REGIONS = 10  # solution regions of a1_two_moons
# What students write while finding their way: a look at an argument `{a}`, kept or checked.
LOOKS = [
    "np.shape",
    "np.ndim",
    "np.size",
    "type",
    "id",
    "repr",
    "np.isscalar",
    "np.asarray",
    "str",
    "np.min",
    "np.max",
    "np.mean",
]
KEEPS = [
    "{v} = {x}",
    "assert {x} is not None",
    "{v} = [{x}]",
    "{v} = ({x},)",
    "{v} = str({x})",
    "{v} = {{'seen': {x}}}",
    "{v} = {x} or None",
    "print({x})",
]
WORDS = ["tmp", "val", "res", "out", "acc", "buf", "cur", "nxt", "part", "step", "q", "w_"]


def student_notebook(
    base: nbformat.NotebookNode, variants: list, vocabulary: set[str], rng: random.Random
) -> nbformat.NotebookNode:
    """The reference with each variant swapped in, own statements added and the code
    disguised (`disguise`)."""
    nb = base
    for variant in variants:
        nb = apply_variant(nb, variant)
    nb = nbformat.from_dict(nb)
    for cell in _code_cells(nb):
        cell.source = _add_own_statements(cell.source, rng)
    return disguise(nb, vocabulary, rng)


def disguise(
    nb: nbformat.NotebookNode, vocabulary: set[str], rng: random.Random
) -> nbformat.NotebookNode:
    """Rename the student's own variables, reorder independent statements, rewrite comments and
    spacing, and drop the solution markers (a student's notebook has none)."""
    nb = nbformat.from_dict(nb)
    for cell in _code_cells(nb):
        source = _rename(cell.source, vocabulary, rng)
        source = _reorder(source, rng)
        cell.source = _restyle(source, rng)
    return nb


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and not is_check_cell(c)]


def _add_own_statements(source: str, rng: random.Random) -> str:
    lines = source.splitlines()
    out = []
    for line in lines:
        out.append(line)
        if line.strip() == MARKERS[0] and rng.random() < OWN_STATEMENTS / REGIONS:
            indent = line[: len(line) - len(line.lstrip())]
            argument = _first_argument(lines[: len(out)])
            if argument:
                look = f"{rng.choice(LOOKS)}({argument})"
                name = f"{rng.choice(WORDS)}{rng.randrange(100)}"
                out.append(indent + rng.choice(KEEPS).format(v=name, x=look))
    return "\n".join(out)


def _first_argument(lines: list[str]) -> str | None:
    """The first parameter of the last function opened in `lines`."""
    found = re.findall(r"\bdef \w+\(\s*(\w+)", "\n".join(lines))
    return found[-1] if found else None


def _rename(source: str, vocabulary: set[str], rng: random.Random) -> str:
    """Give the variables a function assigns (not its parameters, not the release's names) new
    names, consistently within the function."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines()
    for function in [n for n in tree.body if isinstance(n, ast.FunctionDef)]:
        parameters = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
        assigned = {
            n.id
            for n in ast.walk(function)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        for name in sorted(assigned - parameters - vocabulary):
            new = f"{rng.choice(WORDS)}_{rng.randrange(1000)}"
            pattern = re.compile(rf"(?<![.\w]){re.escape(name)}\b")
            for row in range(function.lineno - 1, function.end_lineno):
                lines[row] = pattern.sub(new, lines[row])
    return "\n".join(lines)


def _reorder(source: str, rng: random.Random) -> str:
    """Swap neighbouring one-line statements that do not touch each other's names."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        swapped = set()  # a statement moves once, so no chain of swaps carries it further
        for first, second in zip(body, body[1:], strict=False):
            if first.lineno in swapped or not _independent(first, second):
                continue
            if rng.random() < 0.6:
                a, b = first.lineno - 1, second.lineno - 1
                lines[a], lines[b] = lines[b], lines[a]
                swapped |= {first.lineno, second.lineno}
    return "\n".join(lines)


def _independent(first: ast.stmt, second: ast.stmt) -> bool:
    simple = (ast.Assign, ast.Expr, ast.AugAssign)
    if not all(isinstance(s, simple) and s.lineno == s.end_lineno for s in (first, second)):
        return False
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        return False  # a docstring stays first
    names = [{n.id for n in ast.walk(s) if isinstance(n, ast.Name)} for s in (first, second)]
    return not names[0] & names[1]


def _restyle(source: str, rng: random.Random) -> str:
    out = []
    for line in source.splitlines():
        if line.strip() in MARKERS:
            continue
        stripped = line.lstrip()
        if stripped.startswith("#") and rng.random() < 0.5:
            continue  # a comment dropped
        if stripped and not stripped.startswith(("#", '"', "'")) and rng.random() < 0.15:
            out.append(line[: len(line) - len(stripped)] + f"# {rng.choice(WORDS)} here")
        if rng.random() < 0.3:
            line = line.replace(" = ", "=").replace(", ", ",")
        out.append(line)
    return "\n".join(out) + "\n"


def synthetic_class(
    assignment: Assignment, students: int, copies: int, folder: Path, seed: int = 0
) -> set[frozenset[str]]:
    """Write `students` notebooks into `folder` (one folder per student); returns the planted
    pairs: `copies` copier-source pairs and the three pairs of one group of three."""
    rng = random.Random(seed)
    base = nbformat.read(assignment.paths.source_notebook, as_version=4)
    pool = load_mistakes(assignment) + load_alternatives(assignment)
    vocabulary = code_names(release_code(assignment))
    own = students - copies - 2
    notebooks = {}
    choices = {}
    for number in range(own):
        chosen = [v for v in pool if rng.random() < CHOSEN_VARIANT]
        choices[number] = chosen
        notebooks[f"s{number:04d}"] = student_notebook(base, chosen, vocabulary, rng)
    planted = set()
    sources = rng.sample(range(own), copies + 1)
    for k, source in enumerate(sources[:copies]):
        copier = f"c{k:04d}"
        copied = notebooks[f"s{source:04d}"]
        if k % 4 == 3:  # redoes one function their own way
            redo = next(v for v in pool if v not in choices[source])
            copied = apply_variant(copied, redo)
        notebooks[copier] = disguise(copied, vocabulary, rng)
        planted.add(frozenset((copier, f"s{source:04d}")))
    leader = f"s{sources[copies]:04d}"
    group = [leader, "g0000", "g0001"]
    for member in group[1:]:
        notebooks[member] = disguise(notebooks[leader], vocabulary, rng)
    planted |= {frozenset((a, b)) for a in group for b in group if a < b}
    for student, nb in notebooks.items():
        path = folder / student / assignment.id / assignment.notebook
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)
    return planted


def measure(assignment: Assignment, students: int, copies: int) -> None:
    with tempfile.TemporaryDirectory(prefix="nnkit-copy-bench-") as scratch:
        folder = Path(scratch)
        made = time.perf_counter()
        planted = synthetic_class(assignment, students, copies, folder)
        made = time.perf_counter() - made
        started, cpu = time.perf_counter(), time.process_time()
        copying, why_not = class_copying(assignment, folder)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if copying is None:
        raise SystemExit(why_not)
    flagged = {frozenset((p.a, p.b)) for p in copying.pairs}
    print(
        f"{students:>8} {len(planted):>7} {len(flagged & planted):>5} "
        f"{len(flagged - planted):>5} {seconds:>6.1f} {cpu:>6.1f} {made:>6.1f}"
    )
    for pair in sorted(flagged - planted, key=sorted):
        print(f"         not planted: {' '.join(sorted(pair))}")
    for pair in sorted(planted - flagged, key=sorted):
        print(f"         missed: {' '.join(sorted(pair))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--timing", type=int, default=1000)
    args = parser.parse_args()
    assignment = load_assignment("a1_two_moons")
    print(
        "copy detection on synthetic a1_two_moons classes (wall and CPU seconds of reading "
        "the notebooks, extracting and comparing; make: seconds to write the class)"
    )
    head = ["students", "planted", "found", "false", "wall", "cpu", "make"]
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, [8, 7, 5, 5, 6, 6, 6], strict=True)))
    measure(assignment, args.students, args.copies)
    if args.timing:
        measure(assignment, args.timing, args.copies * args.timing // args.students)


if __name__ == "__main__":
    main()
