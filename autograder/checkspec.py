"""The one format of a check: what it is (`CheckInfo`) and the function that runs it.

`CheckInfo` is what a check cell of the source notebook states (grade id, title, points,
visibility, hint, extra credit); the same object goes from the cell (`nbgrader_cells`) to the
generated checks module, the judge and the results (`results.CheckResult.check`).

Generated check modules (``checks/<id>.py``) decorate each check with `check`; the judge
collects them with `checks_of`. The function's parameters name the student functions it calls, and
the support functions it calls in the student process (`CheckSpec.support_functions`).
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType


@dataclass(frozen=True)
class CheckInfo:
    """What one check is, as its test cell in the source notebook states it."""

    grade_id: str
    title: str
    points: float
    hidden: bool  # students see only its title, its hint and one safe line of a failure
    hint: str = ""
    bonus: bool = False  # extra credit: its points are not part of the maximum score

    @property
    def info(self) -> CheckInfo:
        """Just these fields, without what a subclass adds (a function, code)."""
        return CheckInfo(**{f.name: getattr(self, f.name) for f in dataclasses.fields(CheckInfo)})


@dataclass(frozen=True, kw_only=True)
class CheckSpec(CheckInfo):
    """One graded check of a generated checks module: its `CheckInfo` and its function."""

    function: Callable[..., None]
    # parameter -> the support function it stands for in the student process ("nnkit_torch.f")
    support_functions: dict[str, str] = field(default_factory=dict)

    @property
    def student_names(self) -> tuple[str, ...]:
        return tuple(inspect.signature(self.function).parameters)

    def target_of(self, parameter: str) -> str:
        """What the student process looks up for `parameter`: a top-level name of the
        submission, or a support module's function."""
        return self.support_functions.get(parameter, parameter)


def check(
    grade_id: str,
    title: str,
    *,
    points: float,
    hidden: bool,
    hint: str = "",
    bonus: bool = False,
    support_functions: dict[str, str] | None = None,
):
    """Mark a function as a check worth `points` (extra credit when `bonus`)."""

    def mark(function: Callable[..., None]) -> Callable[..., None]:
        function.check_spec = CheckSpec(
            grade_id,
            title,
            points,
            hidden,
            hint,
            bonus,
            function=function,
            support_functions=dict(support_functions or {}),
        )
        return function

    return mark


def checks_of(module: ModuleType) -> list[CheckSpec]:
    """The checks a module defines, in the order they are written."""
    return [f.check_spec for f in vars(module).values() if hasattr(f, "check_spec")]
