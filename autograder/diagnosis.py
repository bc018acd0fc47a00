"""Name the likely mistake behind a failed check, from a library of known mistakes' behaviour.

While a check runs, the judge keeps a *trace*: one fingerprint per reply of the student process
(what was asked of which function, whether it raised, changed an argument in place or warned, and
a compact summary of the value it returned: shape, a fixed sample of entries and three moments of
every array). `validate` records the traces of the reference and of every wrong submission in
``mistakes/`` into the assignment's grading data (``diagnoses.json``, never in a release: the
values come from the reference's checks).

A failed check is diagnosed as mistake M only when all of the following hold:
- the submission's trace on that check matches M's, call by call, within `RTOL` (a call whose
  reply differs between two runs of the reference, a random draw, by its moments);
- M's trace is *distinctive* there: some reply of M returned numbers, some of them finite, that
  differ from the reference's reply to the same call (a raised error or a NaN alone names
  nothing);
- the submission fails every check M fails, and matches M on every check where M is
  distinctive (a batch of two cannot tell "the mean" from "half the sum"; a batch of five can);
- every mistake that matches says the same sentence.
Then the check's result carries M's sentence for students (the ``diagnosis:`` line of its
docstring). Anything less gives no diagnosis: a wrong name is worse than none.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from autograder import wire
from autograder.results import CheckResult

# Agreement asked of two returned values: relative to the larger RMS of the two arrays (or the
# larger magnitude of two numbers). Rewriting code (loops, einsum, another summation order)
# moves values far less, even after hundreds of training steps (benchmarks/diagnosis.py); a
# different mistake moves them by percents.
RTOL = 1e-6
ATOL = 1e-12
# A reply that differs between two runs of the reference (code that draws from an unseeded
# generator) is compared loosely: an array of at least STAT_SIZE entries by its moments (mean |x|
# and RMS within STAT_RTOL, the mean within STAT_RTOL of the RMS; with 1000 entries the RMS of a
# draw varies by about 2 %, the scales mistakes get wrong differ by 40 % or more), a smaller
# array by its shape and kind only; the reply's other parts (zero biases, shapes) exactly.
STAT_SIZE = 1000
STAT_RTOL = 0.08
SAMPLE = 16  # entries of an array kept in its fingerprint, evenly spaced
MAX_ITEMS = 40  # items of a list, tuple or dict kept (the length is kept too)
MAX_TRACE = 400  # replies kept per check
INTRO = "This looks like a common mistake: "
RULES_VERSION = b"diagnosis 2"  # changed with what a library holds or how it is matched


def fingerprint(request: dict, reply: dict) -> list:
    """One entry of a trace: [op, target, attribute, status, changed, warned, value], where
    status is "ok" or the type of the error raised, changed names the arguments changed in
    place, and value is `summary` of what came back."""
    target = request.get("target")
    if isinstance(target, wire.Handle):
        target = f"<{target.type_name}>"
    ok = reply.get("ok") is True
    error = reply.get("error") if isinstance(reply.get("error"), dict) else {}
    changed = reply.get("changed") if isinstance(reply.get("changed"), dict) else {}
    return [
        str(request.get("op")),
        str(target),
        str(request.get("attr", "")),
        "ok" if ok else str(error.get("type", "error"))[:40],
        ",".join(sorted(str(a) for a in changed.get("arguments", [])[:8])),
        bool(reply.get("warnings")),
        summary(reply.get("value")) if ok else None,
    ]


def summary(value: Any, depth: int = 0) -> Any:
    """A small JSON-able stand-in for `value`. Only dicts carry meaning for `close`: an array
    (or a list of numbers) becomes {"array": kind, "shape", "sample", "moments": [mean,
    mean |x|, rms]}, a float {"f": x}; containers keep their first `MAX_ITEMS` items."""
    if value is None or isinstance(value, bool | str):
        return value if not isinstance(value, str) else value[:80]
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return {"f": float(value)}
    if isinstance(value, wire.Handle):
        return {"object": value.type_name}
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        return _array(value, value.dtype.kind)
    if isinstance(value, list | tuple) and value and all(_is_number(v) for v in value):
        return _array(np.asarray(value, dtype=float), "list")
    if depth >= 4:
        return {"type": type(value).__name__}
    if isinstance(value, list | tuple):
        return {"items": [summary(v, depth + 1) for v in value[:MAX_ITEMS]], "n": len(value)}
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: str(kv[0]))[:MAX_ITEMS]
        return {
            "keys": [str(k) for k, _ in items],
            "values": [summary(v, depth + 1) for _, v in items],
            "n": len(value),
        }
    return {"type": type(value).__name__}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_
    )


def _array(array: np.ndarray, kind: str) -> dict:
    flat = np.asarray(array, dtype=float).ravel()
    picks = np.linspace(0, flat.size - 1, min(flat.size, SAMPLE)).astype(int)
    with np.errstate(all="ignore"):
        moments = (
            [float(flat.mean()), float(np.abs(flat).mean()), float(np.sqrt((flat**2).mean()))]
            if flat.size
            else [0.0, 0.0, 0.0]
        )
    return {
        "array": kind,
        "shape": list(array.shape),
        "sample": [float(x) for x in flat[picks]],
        "moments": moments,
    }


def close(a: Any, b: Any, *, loose: bool = False) -> bool:
    """Whether two summaries (or trace entries) agree: same structure, numbers within `RTOL`
    (NaN agrees with NaN, an infinity with the same infinity); `loose` compares arrays (a random
    draw) by their moments, or by shape and kind only below STAT_SIZE entries."""
    if isinstance(a, dict) and isinstance(b, dict):
        if "array" in a and "array" in b:
            return _arrays_close(a, b, loose)
        if "f" in a and "f" in b:
            return _number_close(a["f"], b["f"], RTOL * max(abs(a["f"]), abs(b["f"])) + ATOL)
        return a.keys() == b.keys() and all(close(a[k], b[k], loose=loose) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y, loose=loose) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def traces_close(a: list, b: list, random: list[int]) -> bool:
    """Whether two traces of one check agree, call by call; the calls at positions `random`
    (which differ between two runs of the reference) loosely."""
    return len(a) == len(b) and all(
        close(x, y, loose=i in random) for i, (x, y) in enumerate(zip(a, b, strict=True))
    )


def _arrays_close(a: dict, b: dict, loose: bool) -> bool:
    if a["array"] != b["array"] or a["shape"] != b["shape"]:
        return False
    if loose and math.prod(a["shape"]) >= STAT_SIZE:
        (mean_a, abs_a, rms_a), (mean_b, abs_b, rms_b) = a["moments"], b["moments"]
        scale = max(rms_a, rms_b)
        return (
            _number_close(abs_a, abs_b, STAT_RTOL * max(abs_a, abs_b))
            and _number_close(rms_a, rms_b, STAT_RTOL * scale)
            and _number_close(mean_a, mean_b, STAT_RTOL * scale)
        )
    if loose:
        return True  # too few entries to tell one draw's distribution from another's
    tol = RTOL * max(_scale(a), _scale(b)) + ATOL
    numbers = zip(a["sample"] + a["moments"], b["sample"] + b["moments"], strict=True)
    return all(_number_close(x, y, tol) for x, y in numbers)


def _scale(array: dict) -> float:
    """An array summary's size: its RMS, or its largest finite sample when the RMS is not
    finite (an array with NaN or infinite entries)."""
    rms = array["moments"][2]
    if math.isfinite(rms):
        return rms
    return max((abs(x) for x in array["sample"] if math.isfinite(x)), default=0.0)


def _number_close(x: float, y: float, tol: float) -> bool:
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= tol


def _has_finite_number(value: Any) -> bool:
    if isinstance(value, dict):
        if "array" in value:  # NaN in some entries only is a pattern; NaN everywhere is not
            return any(math.isfinite(x) for x in value["sample"])
        if "f" in value:
            return math.isfinite(value["f"])
        return any(_has_finite_number(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_finite_number(v) for v in value)
    return isinstance(value, int) and not isinstance(value, bool)


def distinctive(trace: list, reference: list, random: list[int]) -> bool:
    """Whether `trace` (a mistake's, on one check) shows the mistake: some reply returned
    numbers, some finite, and differs from the reference's reply to the same call."""
    return any(
        entry[3] == "ok"
        and _has_finite_number(entry[6])
        and not close(entry, ref, loose=i in random)
        for i, (entry, ref) in enumerate(zip(trace, reference, strict=False))
    )


def random_calls(first: list, second: list) -> list[int]:
    """The positions of the calls whose replies differ between two runs of one check."""
    return [i for i, (a, b) in enumerate(zip(first, second, strict=False)) if not close(a, b)]


@dataclass(frozen=True)
class KnownMistake:
    """A mistake of the library: its sentence, the checks it fails, and its distinctive traces
    (grade id -> trace) on the checks where it can be recognised."""

    name: str
    sentence: str
    fails: frozenset[str]
    traces: dict[str, list]


@dataclass(frozen=True)
class Library:
    """An assignment's known mistakes, recorded against one version of its checks."""

    checks_key: str
    mistakes: tuple[KnownMistake, ...]
    random: dict[str, list[int]]  # grade id -> its calls whose replies vary from run to run

    def to_json(self) -> dict:
        return {
            "checks_key": self.checks_key,
            "random": self.random,
            "mistakes": [
                {
                    "name": m.name,
                    "sentence": m.sentence,
                    "fails": sorted(m.fails),
                    "traces": m.traces,
                }
                for m in self.mistakes
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> Library:
        return cls(
            str(data["checks_key"]),
            tuple(
                KnownMistake(m["name"], m["sentence"], frozenset(m["fails"]), dict(m["traces"]))
                for m in data["mistakes"]
            ),
            {str(k): [int(i) for i in v] for k, v in data["random"].items()},
        )


def checks_key(checks_file: Path) -> str:
    """What a library was recorded against: the checks module's text and the version of the
    matching rules (sha256)."""
    return hashlib.sha256(Path(checks_file).read_bytes() + RULES_VERSION).hexdigest()


def make_library(
    key: str,
    reference: tuple[dict[str, list], dict[str, list]],
    mistakes: list[tuple[str, str, frozenset[str], dict[str, list]]],
) -> Library:
    """The library from the traces of two runs of the reference and each mistake's (name,
    sentence, failed checks, traces); a mistake with no sentence, or whose traces are nowhere
    distinctive, is left out."""
    first, second = reference
    random = {c: random_calls(first[c], second.get(c, [])) for c in first}
    random = {c: positions for c, positions in random.items() if positions}
    known = []
    for name, sentence, failed, traces in mistakes:
        kept = {
            c: traces[c]
            for c in sorted(failed)
            if c in traces and distinctive(traces[c], first.get(c, []), random.get(c, []))
        }
        if sentence and kept:
            known.append(KnownMistake(name, sentence, frozenset(failed), kept))
    return Library(key, tuple(known), random)


def write_library(library: Library, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(library.to_json(), separators=(",", ":")))


def load_library(path: Path, key: str) -> Library | None:
    """The library stored at `path` if it was recorded against the checks of `key`, else None."""
    try:
        library = Library.from_json(json.loads(Path(path).read_text()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return library if library.checks_key == key else None


def current_library(diagnoses_file: Path, checks_file: Path) -> Library | None:
    """The library recorded for the checks `checks_file` holds now, or None (none recorded, or
    recorded for other checks: a stale library names nothing)."""
    return load_library(diagnoses_file, checks_key(checks_file))


def diagnose(
    results: list[CheckResult], traces: dict[str, list], library: Library
) -> list[CheckResult]:
    """`results` with a diagnosis on each failed check whose trace names one known mistake."""
    failed = {r.grade_id for r in results if not r.passed}
    named = []
    for result in results:
        sentence = None if result.passed else _named(result.grade_id, traces, failed, library)
        named.append(replace(result, diagnosis=INTRO + sentence if sentence else ""))
    return named


def _named(
    grade_id: str, traces: dict[str, list], failed: set[str], library: Library
) -> str | None:
    if not traces.get(grade_id):
        return None
    sentences = {
        m.sentence
        for m in library.mistakes
        if grade_id in m.traces and m.fails <= failed and _behaves_as(m, traces, library)
    }
    return sentences.pop() if len(sentences) == 1 else None


def _behaves_as(mistake: KnownMistake, traces: dict[str, list], library: Library) -> bool:
    """Whether the submission's traces match `mistake`'s on every check where it is distinctive."""
    return all(
        traces_close(traces.get(c, []), trace, library.random.get(c, []))
        for c, trace in mistake.traces.items()
    )
