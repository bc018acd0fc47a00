"""The class report's figures: inline SVG with their labels, and ids that do not collide."""

import re

import numpy as np

from autograder.class_figures import check_map, score_histogram, similarity_histogram


def referenced_ids(svg: str) -> set[str]:
    """The element ids the figure points to (clip paths, reused glyphs and markers)."""
    found = re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', svg)
    return {a or b for a, b in found}


def test_the_score_histogram_is_inline_svg_with_its_mean_and_median():
    """Is the figure an ``<svg>`` element (no XML header, no metadata) that names the mean,
    the median and the maximum?"""
    svg = score_histogram(np.array([1.0, 2.0, 2.0, 9.0]), 10.0, mean=3.5, median=2.0)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<metadata>" not in svg and "<?xml" not in svg
    assert "mean 3.50" in svg and "median 2.00" in svg and "score (out of 10)" in svg


def test_a_flagged_check_is_named_and_the_others_are_not():
    svg = check_map(
        np.array([0.9, 0.1, 0.5]),
        np.array([0.4, np.nan, 0.05]),
        ["1.1 relu", "2.3 backward", "3.1 train"],
        np.array([False, True, False]),
    )
    assert "2.3 backward" in svg
    assert "1.1 relu" not in svg and "3.1 train" not in svg


def test_two_figures_of_one_page_point_to_no_common_id():
    """The page holds every figure inline: does each figure point only to ids of its own?"""
    scores = score_histogram(np.array([3.0, 4.0]), 5.0, mean=3.5, median=3.5)
    similar = similarity_histogram(np.array([0.2, 0.95]), threshold=0.8)
    assert referenced_ids(scores) and referenced_ids(similar)
    for svg in (scores, similar):
        assert all(f'id="{name}"' in svg for name in referenced_ids(svg))
    assert not referenced_ids(scores) & referenced_ids(similar)
