"""Agreement figures against values computed by hand, and against the worked example of Krippendorff's paper
("Computing Krippendorff's Alpha-Reliability", 2011: four coders, twelve units, missing values)."""
from __future__ import annotations

import math

import pytest

from reflections.domain.agreement import agreement, ordinal_alpha, overall_alpha

NAN = math.nan
# The paper's reliability data: rows are coders A-D, columns units 1-12 (NAN: the coder gave no value).
PAPER = [[1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
         [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN]]
UNITS = [f"u{i}" for i in range(1, 13)]


def table(rows: list[list[float]]) -> dict[str, dict[str, int]]:
    return {f"r{n}": {u: int(v) for u, v in zip(UNITS, row, strict=False) if not math.isnan(v)}
            for n, row in enumerate(rows)}


def test_the_papers_example_gives_its_ordinal_alpha():
    assert ordinal_alpha(table(PAPER), UNITS, [1, 2, 3, 4, 5]) == pytest.approx(0.815, abs=5e-4)


def test_two_levels_by_hand():
    # Two raters, four items: (1,1) (1,2) (2,2) (2,2). Coincidences: o11=2, o12=o21=1, o22=4; n1=3, n2=5, n=8.
    # With two values every metric is alike: alpha = 1 - (n-1) * (o12+o21) / (2 n1 n2) = 1 - 7*2/30 = 8/15.
    scores = {"a": {"i1": 1, "i2": 1, "i3": 2, "i4": 2}, "b": {"i1": 1, "i2": 2, "i3": 2, "i4": 2}}
    found = agreement("clarity", scores, ["i1", "i2", "i3", "i4"], [1, 2, 3, 4])
    assert found.alpha == pytest.approx(8 / 15)
    assert (found.raters, found.pairs, found.exact, found.adjacent) == (2, 4, 3 / 4, 1.0)
    assert [(d.item_id, d.levels, d.spread) for d in found.divergent] == [("i2", {"a": 1, "b": 2}, 1)]


def test_exact_and_adjacent_over_every_pair_of_raters():
    # i1: 2,2,3 -> pairs (2,2) (2,3) (2,3): exact 1, adjacent 3.  i2: 1,3,3 -> (1,3) (1,3) (3,3): exact 1, adjacent 1.
    scores = {"a": {"i1": 2, "i2": 1}, "b": {"i1": 2, "i2": 3}, "c": {"i1": 3, "i2": 3}}
    found = agreement("evidence", scores, ["i1", "i2"], [1, 2, 3, 4])
    assert (found.pairs, found.exact, found.adjacent) == (6, pytest.approx(2 / 6), pytest.approx(4 / 6))
    assert [(d.item_id, d.spread) for d in found.divergent] == [("i2", 2), ("i1", 1)]   # widest first


def test_adjacent_counts_scale_steps_not_rank_numbers():
    found = agreement("c", {"a": {"i": 2}, "b": {"i": 5}}, ["i"], [1, 2, 5])    # 2 and 5 are neighbours
    assert (found.exact, found.adjacent) == (0.0, 1.0)


def test_perfect_agreement_with_variation_is_one():
    scores = {"a": {"i1": 1, "i2": 3, "i3": 4}, "b": {"i1": 1, "i2": 3, "i3": 4}}
    found = agreement("c", scores, ["i1", "i2", "i3"], [1, 2, 3, 4])
    assert (found.alpha, found.exact, found.adjacent, found.divergent) == (1.0, 1.0, 1.0, [])


def test_undefined_figures_are_none():
    assert agreement("c", {"a": {"i": 2}}, ["i"], [1, 2, 3]).alpha is None            # one rater: no pair
    assert agreement("c", {"a": {"i": 2}}, ["i"], [1, 2, 3]).exact is None
    assert agreement("c", {"a": {"i": 2}, "b": {"i": 2}}, ["i"], [1, 2, 3]).alpha is None   # no variation
    assert agreement("c", {}, ["i"], [1, 2, 3]).raters == 0


def test_overall_alpha_pools_every_item_and_criterion():
    by_criterion = {"x": {"a": {"i1": 1, "i2": 1}, "b": {"i1": 1, "i2": 2}},
                    "y": {"a": {"i1": 2, "i2": 2}, "b": {"i1": 2, "i2": 2}}}
    # Units (i1,x) (i2,x) (i1,y) (i2,y) = (1,1) (1,2) (2,2) (2,2): the two-level table above.
    assert overall_alpha(by_criterion, ["i1", "i2"], [1, 2, 3, 4]) == pytest.approx(8 / 15)
