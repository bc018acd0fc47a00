"""What a student wrote in the release's stubbed places: the statements of their solution regions.

The release is the source with each ``### BEGIN SOLUTION`` region replaced by its stub
(``raise NotImplementedError()``, as `build.stub_module` writes it). A student's solution regions
are the functions (and methods) that hold a stub in the release: in each, the statements that the
release does not have are the student's (matched token by token as many times as the release
has them, so layout and order do not matter). The release's own code, the stub, and whatever a
student wrote outside those functions (experiments, plots) are left out.

A stub outside any function puts the top-level code in the regions, which then holds the
student's top-level cells too.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from autograder.build import stub_module
from autograder.manifest import Assignment
from autograder.nbgrader_cells import STUB
from autograder.notebook import SubmissionError, find_submission, read_code_cells

KINDS = {tokenize.NAME: "name", tokenize.NUMBER: "number", tokenize.STRING: "string"}
FALLBACK_TOKEN = re.compile(
    r"(?P<string>'[^']*'|\"[^\"]*\")|(?P<comment>#.*)|(?P<number>\d[\w.]*)"
    r"|(?P<name>[A-Za-z_]\w*)|(?P<op>\S)"
)


@dataclass(frozen=True)
class Statement:
    """One statement a student wrote: where, as written, and as tokens.

    function: the ``def`` (and ``class``) around it, e.g. ``relu`` or ``Dense.forward``;
        "" at top level.
    tokens: (kind, text) pairs, kind one of name, number, string, op; comments left out.
    """

    function: str
    text: str
    tokens: tuple[tuple[str, str], ...]


def release_code(assignment: Assignment) -> str:
    """The code a student starts from: the source's code cells (or module) with each solution
    region replaced by its stub."""
    source = assignment.paths.source_submission
    if source.suffix == ".py":
        return stub_module(source.read_text())
    cells = [c.source for c in read_code_cells(source) if not c.is_check]
    return stub_module("\n\n".join(cells))


def submission_cells(assignment: Assignment, path: Path) -> list[str]:
    """The code cells of a submission that are not checks (a module is one cell); [] when the
    submission cannot be read."""
    try:
        cells = read_code_cells(find_submission(Path(path), assignment.graded_file))
    except SubmissionError:
        return []
    return [c.source for c in cells if not c.is_check]


@dataclass(frozen=True)
class Regions:
    """Where a release leaves room for students: the functions holding a stub, and the
    release's own statements in them, which a submission's copy of them does not count.

    given: (function, tokens) -> how many times the release has that statement.
    """

    stubbed: frozenset[str]
    given: dict[tuple[str, tuple[str, ...]], int]

    @classmethod
    def of(cls, release: str) -> Regions:
        statements = _statements(release)
        stubbed = frozenset(s.function for s in statements if s.text == STUB)
        given = Counter((s.function, _key(s)) for s in statements)  # a stub left in place too
        return cls(stubbed, dict(given))

    def written(self, cells: list[str]) -> list[Statement]:
        """The statements of `cells` in these regions that the release does not have, in the
        order written."""
        given = Counter(self.given)
        names = {function.split(".")[0] for function in self.stubbed}
        found = []
        for cell in cells:
            if "" not in self.stubbed and not any(name in cell for name in names):
                continue  # no stubbed function here: spare tokenizing it
            for statement in _statements(cell):
                if not statement.tokens or not _inside(statement.function, self.stubbed):
                    continue
                key = (statement.function, _key(statement))
                if given[key] > 0:
                    given[key] -= 1  # the release's own line
                else:
                    found.append(statement)
        return found


def _inside(function: str, stubbed: set[str]) -> bool:
    """Is `function` (``a.b.c``) a stubbed one or nested in one?"""
    parts = function.split(".")
    return any(".".join(parts[:k]) in stubbed for k in range(1, len(parts) + 1))


def _key(statement: Statement) -> tuple[str, ...]:
    return tuple(text for _, text in statement.tokens)


def _statements(cell: str) -> list[Statement]:
    """Each logical line of `cell`; a cell Python cannot tokenize (a syntax error, an unclosed
    bracket) is read line by line with a simpler tokenizer."""
    try:
        lines = _logical_lines(cell)
    except (tokenize.TokenError, SyntaxError):
        lines = [(row, row, _fallback_tokens(text)) for row, text in _rows(cell)]
    rows_text = cell.splitlines()
    found, scopes = [], []  # scopes: (indent, name) of the defs and classes around the line
    for first, last, tokens in lines:
        text = "\n".join(rows_text[first - 1 : last])
        indent = len(text) - len(text.lstrip())
        while scopes and scopes[-1][0] >= indent:
            scopes.pop()
        around = ".".join(name for _, name in scopes)
        words = [t for _, t in tokens[:3]]
        opens = next((i for i, w in enumerate(words) if w in ("def", "class")), None)
        if opens is not None and opens + 1 < len(tokens) and words[:opens] in ([], ["async"]):
            scopes.append((indent, tokens[opens + 1][1]))
        found.append(Statement(around, text.strip(), tokens))
    return found


def _logical_lines(cell: str) -> list[tuple[int, int, tuple[tuple[str, str], ...]]]:
    lines, tokens, first = [], [], None
    for token in tokenize.generate_tokens(io.StringIO(cell + "\n").readline):
        if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            if tokens:
                lines.append((first, token.start[0], tuple(tokens)))
            tokens, first = [], None
        elif token.type in KINDS or token.type == tokenize.OP:
            first = first or token.start[0]
            tokens.append((KINDS.get(token.type, "op"), token.string))
    return lines


def _rows(cell: str) -> list[tuple[int, str]]:
    return [(row, line) for row, line in enumerate(cell.splitlines(), start=1) if line.strip()]


def _fallback_tokens(line: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (m.lastgroup, m.group()) for m in FALLBACK_TOKEN.finditer(line) if m.lastgroup != "comment"
    )


def code_names(code: str) -> set[str]:
    """The names used in the code of `code` (comments and strings aside): the vocabulary the
    release gives students."""
    return {text for s in _statements(code) for kind, text in s.tokens if kind == "name"}
