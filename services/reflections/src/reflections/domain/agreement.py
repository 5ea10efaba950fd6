"""Inter-rater agreement of a calibration session, per rubric criterion: exact and adjacent agreement over every
pair of raters who scored the same item, Krippendorff's alpha for ordinal data (the `krippendorff` package), and
the items where raters diverge."""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import krippendorff

Scores = Mapping[str, Mapping[str, int]]     # rater id -> {item id: level rank}


@dataclass(frozen=True)
class Divergence:
    """An item the raters did not all score alike: each rater's level, and the spread in scale steps."""

    item_id: str
    levels: dict[str, int]               # rater id -> level rank
    spread: int                          # steps between the lowest and highest level given


@dataclass(frozen=True)
class Agreement:
    criterion_code: str
    raters: int                          # raters who scored at least one item on this criterion
    pairs: int                           # pairs of raters scoring the same item
    exact: float | None                  # share of pairs giving the same level (None without pairs)
    adjacent: float | None               # share of pairs at most one level apart
    alpha: float | None                  # Krippendorff's ordinal alpha (None when undefined)
    divergent: list[Divergence]          # items with any disagreement, widest spread first


def _steps(ranks: Sequence[int]) -> dict[int, int]:
    """Each rank's position on the scale (ranks need not be consecutive: 1, 2, 5 are three steps)."""
    return {rank: i for i, rank in enumerate(sorted(ranks))}


def ordinal_alpha(scores: Scores, items: Sequence[str], ranks: Sequence[int]) -> float | None:
    """Krippendorff's alpha for ordinal data over ``items`` (a rater x item table, missing where a rater gave no
    score); None when it is undefined (no item scored by two raters, or no variation at all)."""
    table = [[float(by_item[i]) if i in by_item else math.nan for i in items] for by_item in scores.values()]
    pairable = [col for col in zip(*table, strict=True) if sum(not math.isnan(v) for v in col) >= 2]
    if not pairable or len({v for col in pairable for v in col if not math.isnan(v)}) < 2:
        return None                      # nothing to pair, or no variation: alpha is 0/0
    value = float(krippendorff.alpha(reliability_data=table, level_of_measurement="ordinal",
                                     value_domain=sorted(ranks)))
    return None if math.isnan(value) else value


def agreement(criterion_code: str, scores: Scores, items: Sequence[str], ranks: Sequence[int]) -> Agreement:
    """The figures for one criterion; ``scores`` may miss items a rater did not score."""
    steps = _steps(ranks)
    pairs = exact = adjacent = 0
    divergent = []
    for item in items:
        given = {rater: by_item[item] for rater, by_item in scores.items() if item in by_item}
        for a, b in combinations(given.values(), 2):
            pairs += 1
            exact += a == b
            adjacent += abs(steps[a] - steps[b]) <= 1
        if len(set(given.values())) > 1:
            positions = [steps[level] for level in given.values()]
            divergent.append(Divergence(item, given, max(positions) - min(positions)))
    divergent.sort(key=lambda d: (-d.spread, items.index(d.item_id)))
    return Agreement(criterion_code, sum(1 for by_item in scores.values() if by_item), pairs,
                     exact / pairs if pairs else None, adjacent / pairs if pairs else None,
                     ordinal_alpha(scores, items, ranks), divergent)


def overall_alpha(by_criterion: Mapping[str, Scores], items: Sequence[str], ranks: Sequence[int]) -> float | None:
    """One alpha for the session: every (item, criterion) is a unit (what districts track over time)."""
    pooled: dict[str, dict[str, int]] = {}
    for code, scores in by_criterion.items():
        for rater, by_item in scores.items():
            pooled.setdefault(rater, {}).update({f"{item}/{code}": level for item, level in by_item.items()})
    return ordinal_alpha(pooled, [f"{i}/{c}" for c in by_criterion for i in items], ranks)
