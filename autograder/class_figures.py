"""The class report's figures, drawn with matplotlib and returned as inline SVG text.

Letters: N submissions, C checks.
"""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")  # no display: the figures only go into the page
import matplotlib.pyplot as plt  # noqa: E402 - after choosing the backend
import numpy as np  # noqa: E402

SIZE = (6.4, 3.2)
COLORS = {"bar": "#4c72b0", "mean": "#c44e52", "median": "#55a868", "flag": "#dd8452"}


def score_histogram(scores: np.ndarray, max_score: float, mean: float, median: float) -> str:
    """scores: (N,) totals, drawn from 0 to the assignment's maximum with mean and median."""
    fig, ax = plt.subplots(figsize=SIZE, layout="constrained")
    top = max(max_score, float(scores.max(initial=0.0)), 1.0)
    ax.hist(scores, bins=np.linspace(0, top, min(25, max(5, len(scores))) + 1), color=COLORS["bar"])
    ax.axvline(mean, color=COLORS["mean"], linestyle="--", label=f"mean {mean:.2f}")
    ax.axvline(median, color=COLORS["median"], linestyle=":", lw=2, label=f"median {median:.2f}")
    ax.set(xlabel=f"score (out of {max_score:g})", ylabel="submissions")
    ax.legend(loc="upper left")
    return _svg(fig, "scores")


def check_map(
    pass_rates: np.ndarray, discrimination: np.ndarray, labels: list[str], flagged: np.ndarray
) -> str:
    """pass_rates, discrimination, flagged: (C,); one point per check, the flagged ones named."""
    fig, ax = plt.subplots(figsize=SIZE, layout="constrained")
    d = np.nan_to_num(discrimination, nan=0.0)
    ax.scatter(pass_rates[~flagged], d[~flagged], color=COLORS["bar"], label="as expected")
    ax.scatter(
        pass_rates[flagged], d[flagged], color=COLORS["flag"], marker="D", label="stands out"
    )
    named = [
        (x, y, label)
        for x, y, label, flag in zip(pass_rates, d, labels, flagged, strict=True)
        if flag
    ]
    for k, (x, y, label) in enumerate(named):  # staggered, so that neighbours stay legible
        ax.annotate(
            label,
            (x, y),
            textcoords="offset points",
            xytext=(-60, 8 + 9 * (k % 5)),
            fontsize=7,
            arrowprops={"arrowstyle": "-", "color": "grey", "lw": 0.5},
        )
    ax.axhline(0.2, color="grey", lw=0.8, linestyle="--")
    ax.set(
        xlabel="pass rate",
        ylabel="discrimination index",
        xlim=(-0.05, 1.05),
        ylim=(min(-0.1, d.min(initial=0.0) - 0.05), 1.05),
    )
    ax.legend(loc="best", fontsize=8)
    return _svg(fig, "checks")


def time_histogram(seconds: np.ndarray) -> str:
    """seconds: (N,) grading time of each submission, with the median."""
    fig, ax = plt.subplots(figsize=SIZE, layout="constrained")
    ax.hist(seconds, bins=min(30, max(5, len(seconds))), color=COLORS["bar"])
    median = float(np.median(seconds)) if len(seconds) else 0.0
    ax.axvline(median, color=COLORS["median"], linestyle=":", lw=2, label=f"median {median:.2f} s")
    ax.set(xlabel="grading time (s)", ylabel="submissions")
    ax.legend()
    return _svg(fig, "times")


def similarity_histogram(best: np.ndarray, threshold: float) -> str:
    """best: (N,) each submission's highest similarity to another one; the flagging threshold."""
    fig, ax = plt.subplots(figsize=SIZE, layout="constrained")
    ax.hist(best, bins=np.linspace(0, 1, 41), color=COLORS["bar"])
    ax.axvline(threshold, color=COLORS["mean"], linestyle="--", label=f"review from {threshold}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set(xlabel="highest similarity to another submission", ylabel="submissions", xlim=(0, 1))
    ax.legend(loc="upper left")
    return _svg(fig, "similarity")


def _svg(fig, name: str) -> str:
    """The figure as an ``<svg>`` element to write straight into the page; `name` keeps its
    element ids apart from the other figures'."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"nnkit-{name}"}):
        fig.savefig(buffer, format="svg")
    plt.close(fig)
    text = buffer.getvalue()
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    return text[text.index("<svg") :]
